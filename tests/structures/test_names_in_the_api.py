"""The API speaks English, whatever the request's Accept-Language, and gives each term's
names in other languages beside."""

import datetime

import pytest
from django.urls import reverse

from structures.models import FormerName
from tests.factories import CountryFactory, PublishedNewsFactory, StructureFactory

pytestmark = pytest.mark.django_db


def test_terms_give_their_english_name_and_their_names_in_other_languages(client):
    CountryFactory(name="Austria", slug="austria", names={"ru": "Австрия", "fr": "Autriche"})
    StructureFactory(
        name="High Commissioner on National Minorities",
        slug="hcnm",
        acronym="HCNM",
        names={"fr": "Haut-Commissaire pour les minorités nationales"},
        acronyms={"fr": "HCMN"},
    )

    countries = client.get(reverse("api:country-list"), HTTP_ACCEPT_LANGUAGE="ru").json()
    structures = client.get(reverse("api:structure-list"), HTTP_ACCEPT_LANGUAGE="fr").json()

    (austria,) = [c for c in countries["results"] if c["slug"] == "austria"]
    assert austria["name"] == "Austria"
    assert austria["names"] == {"ru": "Австрия", "fr": "Autriche"}
    (hcnm,) = [s for s in structures["results"] if s["slug"] == "hcnm"]
    assert (hcnm["name"], hcnm["acronym"]) == ("High Commissioner on National Minorities", "HCNM")
    assert hcnm["acronyms"] == {"fr": "HCMN"}


def test_issued_as_is_in_english_for_a_russian_speaking_client(client):
    odihr = StructureFactory(
        name="Office for Democratic Institutions and Human Rights",
        acronym="ODIHR",
        names={"ru": "Бюро ОБСЕ по демократическим институтам и правам человека"},
        acronyms={"ru": "БДИПЧ"},
    )
    FormerName.objects.create(
        structure=odihr, name="Office for Free Elections", used_until=datetime.date(1992, 1, 1)
    )
    PublishedNewsFactory(slug="now", lead_structure=odihr, date_issued=datetime.date(2024, 1, 1))
    PublishedNewsFactory(slug="then", lead_structure=odihr, date_issued=datetime.date(1991, 1, 1))

    def issued_as(slug):
        url = reverse("api:news-detail", args=[slug])
        return client.get(url, HTTP_ACCEPT_LANGUAGE="ru").json()["issued_as"]

    assert issued_as("now") == "Office for Democratic Institutions and Human Rights (ODIHR)"
    assert issued_as("then") == "Office for Free Elections"
