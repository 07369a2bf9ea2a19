"""Taxonomy managers write a term's names in the interface's other languages on its page."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from structures.models import FormerName
from taxonomy.models import Country, FieldOfWork, MeetingSeries
from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    MeetingSeriesFactory,
    StructureFactory,
    SuperuserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager_client(client):
    client.force_login(SuperuserFactory())
    return client


def change_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def form_data(response):
    """The change form's fields as the browser would send them back, unchanged."""
    form = response.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is not None and value is not False:
            data[name] = value
    for formset in response.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
    return data


@pytest.mark.parametrize(
    "factory", [FieldOfWorkFactory, MeetingSeriesFactory, CountryFactory, StructureFactory]
)
def test_each_term_page_has_a_labelled_name_field_per_other_language(manager_client, factory):
    term = factory(names={"ru": "Русское имя"})
    content = manager_client.get(change_url(term)).content.decode()
    for code, language in (("ru", "Russian"), ("fr", "French"), ("de", "German")):
        assert f'<label for="id_names_{code}">Name in {language}:</label>' in content
    assert 'value="Русское имя"' in content
    assert "Names in other languages" in content


def test_saving_a_french_name_stores_it_and_the_page_shows_it_in_french(manager_client):
    field = FieldOfWorkFactory(name="Rule of law", names={"ru": "Верховенство права", "it": "x"})
    data = form_data(manager_client.get(change_url(field)))
    data["names_fr"] = "État de droit"

    response = manager_client.post(change_url(field), data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    field.refresh_from_db()
    # The Russian name kept, and a language the form does not offer left alone.
    assert field.names == {"ru": "Верховенство права", "fr": "État de droit", "it": "x"}
    with translation.override("fr"):
        assert str(field) == "État de droit"


def test_clearing_a_name_falls_back_to_english(manager_client):
    country = CountryFactory(name="Austria", names={"ru": "Австрия", "de": "Österreich"})
    data = form_data(manager_client.get(change_url(country)))
    data["names_de"] = ""

    assert manager_client.post(change_url(country), data).status_code == 302

    country.refresh_from_db()
    assert country.names == {"ru": "Австрия"}
    with translation.override("de"):
        assert str(country) == "Austria"


def test_a_structure_takes_its_acronym_per_language_and_records_no_former_name(manager_client):
    hcnm = StructureFactory(name="High Commissioner on National Minorities", acronym="HCNM")
    response = manager_client.get(change_url(hcnm))
    # On the line of the French name (a label of a second field on a line is "inline").
    assert re.search(
        r'<label[^>]* for="id_acronyms_fr">Acronym in French:</label>', response.content.decode()
    )
    data = form_data(response)
    data.update(names_fr="Haut-Commissaire pour les minorités nationales", acronyms_fr="HCMN")

    assert manager_client.post(change_url(hcnm), data).status_code == 302

    hcnm.refresh_from_db()
    assert hcnm.acronyms == {"fr": "HCMN"}
    with translation.override("fr"):
        assert str(hcnm) == "Haut-Commissaire pour les minorités nationales (HCMN)"
    assert not FormerName.objects.exists()


def test_a_name_with_a_control_character_is_refused(manager_client):
    series = MeetingSeriesFactory()
    data = form_data(manager_client.get(change_url(series)))
    data["names_ru"] = "Заседания\x07"

    response = manager_client.post(change_url(series), data)

    assert response.status_code == 200
    assert "names_ru" in response.context["adminform"].form.errors
    series.refresh_from_db()
    assert series.names == {}


def test_adding_a_term_with_names_in_other_languages(manager_client):
    response = manager_client.post(
        reverse("admin:taxonomy_country_add"),
        {
            "name": "Japan",
            "slug": "japan",
            "iso_code": "JP",
            "group": Country.Group.ASIAN_PARTNER,
            "names_ru": "Япония",
            "names_fr": "Japon",
            "names_de": "",
        },
    )
    assert response.status_code == 302
    assert Country.objects.get(slug="japan").names == {"ru": "Япония", "fr": "Japon"}
    assert FieldOfWork.objects.count() == MeetingSeries.objects.count() == 0
