"""A term is named in the page's language (its `names`), else in English (`name`)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from structures.models import FormerName
from taxonomy.models import name_order
from tests.factories import CountryFactory, FieldOfWorkFactory, StructureFactory

pytestmark = pytest.mark.django_db


def test_a_field_of_work_is_named_in_the_page_language():
    field = FieldOfWorkFactory(
        name="Human rights",
        names={"ru": "Права человека", "fr": "Droits de l’homme", "de": "Menschenrechte"},
    )
    with translation.override("ru"):
        assert str(field) == "Права человека"
    with translation.override("fr"):
        assert str(field) == "Droits de l’homme"
    with translation.override("en"):
        assert str(field) == "Human rights"


def test_a_term_without_a_name_in_the_page_language_is_named_in_english():
    country = CountryFactory(name="Austria", names={"ru": "Австрия"})
    with translation.override("de"):
        assert str(country) == "Austria"
    country.names = {"ru": ""}  # a blank name counts as none
    with translation.override("ru"):
        assert str(country) == "Austria"


def test_a_structure_has_its_name_and_acronym_in_the_page_language():
    odihr = StructureFactory(
        name="Office for Democratic Institutions and Human Rights",
        acronym="ODIHR",
        names={"ru": "Бюро ОБСЕ по демократическим институтам и правам человека"},
        acronyms={"ru": "БДИПЧ"},
    )
    with translation.override("ru"):
        assert str(odihr) == "Бюро ОБСЕ по демократическим институтам и правам человека (БДИПЧ)"
    with translation.override("fr"):
        assert str(odihr) == "Office for Democratic Institutions and Human Rights (ODIHR)"


def test_a_structure_named_in_a_language_without_its_acronym_keeps_the_english_acronym():
    cpc = StructureFactory(
        name="Conflict Prevention Centre",
        acronym="CPC",
        names={"de": "Konfliktverhütungszentrum"},
    )
    with translation.override("de"):
        assert str(cpc) == "Konfliktverhütungszentrum (CPC)"


def test_a_former_name_is_shown_as_it_was_and_the_current_name_translated():
    mission = StructureFactory(
        name="Mission to Skopje", names={"ru": "Миссия в Скопье"}, acronym=""
    )
    FormerName.objects.create(
        structure=mission,
        name="Spillover Monitor Mission to Skopje",
        used_until=datetime.date(2010, 6, 1),
    )
    mission.refresh_from_db()
    with translation.override("ru"):
        assert mission.name_on(datetime.date(2009, 1, 1)) == "Spillover Monitor Mission to Skopje"
        assert mission.name_on(datetime.date(2010, 6, 1)) == "Миссия в Скопье"
        assert mission.name_on(None) == "Миссия в Скопье"


def test_name_order_is_alphabetical_in_the_page_language():
    countries = [
        CountryFactory(name="Austria", names={"ru": "Австрия", "fr": "Autriche"}),
        CountryFactory(name="Egypt", names={"ru": "Египет", "fr": "Égypte"}),
        CountryFactory(name="Germany", names={"ru": "Германия", "fr": "Allemagne"}),
        CountryFactory(name="Spain", names={"ru": "Испания", "fr": "Espagne"}),
    ]
    with translation.override("ru"):
        assert [str(c) for c in name_order(countries)] == [
            "Австрия",
            "Германия",
            "Египет",
            "Испания",
        ]
    with translation.override("fr"):
        # É among the E's, not after Z.
        assert [str(c) for c in name_order(countries)] == [
            "Allemagne",
            "Autriche",
            "Égypte",
            "Espagne",
        ]


@pytest.mark.parametrize(
    "names",
    [{"xx": "Name"}, {"ru": "Права\x07"}, {"ru": ["Права человека"]}, ["Права человека"]],
)
def test_names_must_be_texts_by_the_code_of_a_news_language(names):
    field = FieldOfWorkFactory()
    field.names = names
    with pytest.raises(ValidationError) as error:
        field.full_clean()
    assert "names" in error.value.message_dict


def test_an_acronym_in_a_news_language_that_is_not_of_the_interface_is_accepted():
    structure = StructureFactory(acronym="OSCE")
    structure.acronyms = {"uk": "ОБСЄ"}
    structure.full_clean()
