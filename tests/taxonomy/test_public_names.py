"""Public pages name terms in the page's language: /ru/ pages in Russian, /en/ in English."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    PublishedNewsFactory,
    StructureFactory,
)

pytestmark = pytest.mark.django_db


def url_in(language, name, *args):
    with translation.override(language):
        return reverse(name, args=args)


@pytest.fixture
def rights():
    return FieldOfWorkFactory(
        name="Human rights", slug="human-rights", names={"ru": "Права человека"}
    )


def test_a_field_page_in_russian_names_the_field_in_russian(client, rights):
    PublishedNewsFactory(fields_of_work=[rights])

    russian = client.get(url_in("ru", "taxonomy:field-detail", "human-rights")).content.decode()
    english = client.get(url_in("en", "taxonomy:field-detail", "human-rights")).content.decode()

    assert "<h1>Права человека</h1>" in russian
    assert "<h1>Human rights</h1>" in english
    assert "Права человека" not in english


def test_a_field_with_no_russian_name_is_named_in_english_on_russian_pages(client):
    FieldOfWorkFactory(name="Youth", slug="youth")
    content = client.get(url_in("ru", "taxonomy:field-detail", "youth")).content.decode()
    assert "<h1>Youth</h1>" in content


def test_the_menus_are_in_the_page_language(client, rights):
    StructureFactory(name="Secretariat", slug="secretariat", names={"ru": "Секретариат"})

    russian = client.get(url_in("ru", "menus")).content.decode()
    english = client.get(url_in("en", "menus")).content.decode()

    assert "Права человека" in russian and "Секретариат" in russian
    assert "Human rights" in english and "Права человека" not in english


def test_the_country_list_in_russian_is_in_russian_alphabetical_order(client):
    for name, russian in (("Austria", "Австрия"), ("Germany", "Германия"), ("Belgium", "Бельгия")):
        CountryFactory(name=name, slug=name.lower(), names={"ru": russian})

    content = client.get(url_in("ru", "taxonomy:country-list")).content.decode()

    positions = [content.index(name) for name in ("Австрия", "Бельгия", "Германия")]
    assert positions == sorted(positions)
    # The same countries in English, in the English order.
    content = client.get(url_in("en", "taxonomy:country-list")).content.decode()
    positions = [content.index(name) for name in ("Austria", "Belgium", "Germany")]
    assert positions == sorted(positions)


def test_the_news_list_facets_in_russian_name_fields_and_countries_in_russian(client, rights):
    austria = CountryFactory(name="Austria", slug="austria", names={"ru": "Австрия"})
    PublishedNewsFactory(fields_of_work=[rights], countries=[austria])
    # The terms are read once and kept (newsroom/filters.py Trees): an English page first.
    english = client.get(url_in("en", "news:list")).content.decode()
    assert "Austria" in english and "Австрия" not in english

    content = client.get(url_in("ru", "news:list")).content.decode()

    assert "Права человека" in content
    assert "Австрия" in content


def test_a_structure_page_in_russian_gives_its_russian_name_and_acronym(client):
    StructureFactory(
        name="Office for Democratic Institutions and Human Rights",
        slug="odihr",
        acronym="ODIHR",
        names={"ru": "Бюро ОБСЕ по демократическим институтам и правам человека"},
        acronyms={"ru": "БДИПЧ"},
        kind="institution",
    )
    content = client.get(url_in("ru", "structures:detail", "odihr")).content.decode()
    assert (
        '<h1>Бюро ОБСЕ по демократическим институтам и правам человека <span class="acronym">'
        "(БДИПЧ)</span></h1>"
    ) in content


def test_the_home_page_in_russian_lists_states_and_fields_in_russian(client, rights):
    for name, russian in (("Austria", "Австрия"), ("Germany", "Германия"), ("Belgium", "Бельгия")):
        CountryFactory(name=name, slug=name.lower(), names={"ru": russian})
    # The home's entry points are kept per language: an English page first.
    assert "Human rights" in client.get(url_in("en", "home")).content.decode()

    content = client.get(url_in("ru", "home")).content.decode()

    assert "Права человека" in content
    positions = [content.index(name) for name in ("Австрия", "Бельгия", "Германия")]
    assert positions == sorted(positions)


def test_a_russian_item_page_names_its_fields_countries_and_issuer_in_russian(client, rights):
    austria = CountryFactory(name="Austria", slug="austria", names={"ru": "Австрия"})
    secretariat = StructureFactory(
        name="Secretariat", slug="secretariat", names={"ru": "Секретариат"}
    )
    item = PublishedNewsFactory(
        language="ru",
        title="Новость",
        slug="novost",
        fields_of_work=[rights],
        countries=[austria],
        lead_structure=secretariat,
    )

    url = item.get_absolute_url()
    assert url.startswith("/ru/")
    content = client.get(url).content.decode()

    for name in ("Права человека", "Австрия", "Секретариат"):
        assert name in content
    assert "Human rights" not in content


def test_a_russian_feed_of_a_field_names_the_field_in_its_title(client, rights):
    PublishedNewsFactory(language="ru", fields_of_work=[rights])

    content = client.get(url_in("ru", "news:rss") + "?field=human-rights").content.decode()

    title = content[content.index("<title>") : content.index("</title>")]
    assert "Права человека" in title
