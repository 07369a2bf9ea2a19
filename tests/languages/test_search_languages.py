"""Search in each language: an item's words are read in its language's text-search
configuration (PostgreSQL), a search in the page's, the Russian one for words in Cyrillic;
SQLite matches the words as written."""

import re

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation

from news import languages
from newsroom import index as news_index
from tests.factories import PublishedNewsFactory

pytestmark = pytest.mark.django_db
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="text-search configurations are PostgreSQL's"
)


def found(client, language, text):
    with translation.override(language):
        address = reverse("news:list")
    html = client.get(address, {"q": text}).content.decode()
    return re.findall(r'class="card-title"[^>]*><a href="[^"]*">([^<]*)</a>', html)


@pytest.fixture
def items(db):
    PublishedNewsFactory(
        title="Выборы в парламент", slug="vybory", language="ru", lede="Наблюдатели ОБСЕ."
    )
    PublishedNewsFactory(
        title="Élections législatives", slug="elections-fr", language="fr", lede="Observateurs."
    )
    PublishedNewsFactory(
        title="Parliamentary elections observed", slug="elections-en", lede="Observers."
    )
    news_index.reset()


def test_each_language_has_its_configuration():
    assert languages.search_config("ru") == "russian"
    assert languages.search_config("de") == "german"
    assert languages.search_config("sq") == "simple"
    assert languages.query_config("выборы", "en") == "russian"
    assert languages.query_config("elections", "fr") == "french"


@postgresql_only
def test_russian_words_are_found_in_other_forms(client, items):
    # "выбор" and "выборы" share the Russian stem; the English configuration would not.
    assert found(client, "ru", "выбор") == ["Выборы в парламент"]


@postgresql_only
def test_french_words_are_found_on_french_pages(client, items):
    assert "Élections législatives" in found(client, "fr", "élection")


@postgresql_only
def test_an_item_vector_is_in_its_language(items):
    with connection.cursor() as cursor:
        cursor.execute("SELECT search_vector::text FROM news_newsitem WHERE slug = 'vybory'")
        assert "'выбор'" in cursor.fetchone()[0]


@postgresql_only
def test_mixed_scripts_find_items_in_both(client, items):
    # Cyrillic and Latin words together: the Russian configuration reads both (Latin words
    # as the English one does), on an English page too.
    assert found(client, "en", "ОБСЕ") == ["Выборы в парламент"]
    assert set(found(client, "en", "выборы OR elections")) == {
        "Parliamentary elections observed",
        "Выборы в парламент",
    }


def test_sqlite_and_postgresql_find_a_russian_word_as_written(client, items):
    assert "Выборы в парламент" in found(client, "ru", "Выборы")
