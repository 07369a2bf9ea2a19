"""`load_taxonomy` gives every term its real Russian, French and German names."""

import io
import re

import pytest
from django.core.management import call_command
from django.utils import translation

from structures.models import FormerName, Structure
from taxonomy.models import Country, FieldOfWork, MeetingSeries

pytestmark = pytest.mark.django_db

LANGUAGES = ("ru", "fr", "de")


def load_taxonomy():
    out = io.StringIO()
    call_command("load_taxonomy", stdout=out)
    return out.getvalue()


@pytest.fixture
def loaded():
    load_taxonomy()


def test_every_field_of_work_country_and_meeting_series_has_russian_french_and_german_names(
    loaded,
):
    assert FieldOfWork.objects.count() == 23
    assert Country.objects.count() == 68
    assert MeetingSeries.objects.count() == 16
    for model in (FieldOfWork, Country, MeetingSeries, Structure):
        for term in model.objects.all():
            assert all(term.names.get(language) for language in LANGUAGES), term
            assert re.search("[а-яё]", term.names["ru"], re.IGNORECASE), term  # Cyrillic


def test_the_names_are_the_organisations_own(loaded):
    def named(model, slug, language):
        with translation.override(language):
            return str(model.objects.get(slug=slug))

    assert named(Country, "austria", "ru") == "Австрия"
    assert named(Country, "russian-federation", "fr") == "Fédération de Russie"
    assert named(Country, "united-kingdom", "de") == "Vereinigtes Königreich"
    assert named(FieldOfWork, "combating-trafficking-in-human-beings", "ru") == (
        "Борьба с торговлей людьми"
    )
    assert named(FieldOfWork, "rule-of-law", "fr") == "État de droit"
    assert named(MeetingSeries, "ministerial-council-meetings", "ru") == (
        "Заседания Совета министров"
    )
    assert named(Structure, "odihr", "ru") == (
        "Бюро ОБСЕ по демократическим институтам и правам человека (БДИПЧ)"
    )
    assert named(Structure, "odihr", "fr") == (
        "Bureau des institutions démocratiques et des droits de l’homme (BIDDH)"
    )
    assert named(Structure, "odihr", "de") == (
        "Büro für demokratische Institutionen und Menschenrechte (BDIMR)"
    )
    # No German acronym of its own: the English one.
    assert named(Structure, "transnational-threats-department", "de").endswith("(TNTD)")


def test_a_rerun_changes_nothing(loaded):
    assert "Nothing changed" in load_taxonomy()


def test_a_rerun_restores_a_reference_name_and_keeps_a_language_the_reference_lacks(loaded):
    austria = Country.objects.get(slug="austria")
    austria.names = {**austria.names, "ru": "Австрия (исправлено)", "it": "Austria"}
    austria.save()

    load_taxonomy()

    austria.refresh_from_db()
    assert austria.names["ru"] == "Австрия"
    assert austria.names["it"] == "Austria"


def test_names_in_other_languages_record_no_former_name(loaded):
    odihr = Structure.objects.get(slug="odihr")
    odihr.names = {}
    odihr.save()

    load_taxonomy()

    assert not FormerName.objects.filter(structure=odihr).exists()
    odihr.refresh_from_db()
    assert odihr.names["ru"] == "Бюро ОБСЕ по демократическим институтам и правам человека"
