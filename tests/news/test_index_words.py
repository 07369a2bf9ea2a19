"""A search answered from the index's words (newsroom/words.py) finds exactly what the
database finds, and orders by where each word is found, then newest first."""

import datetime

import pytest
from django.db import connection
from django.http import QueryDict

from news import search
from news.models import NewsItem
from newsroom import index as news_index
from newsroom import words
from newsroom.results import Reading, Results
from tests.factories import PublishedNewsFactory

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the index's words are read from PostgreSQL"
)


@pytest.mark.parametrize(
    ("text", "tree"),
    [
        ("'media'", ("word", "media")),
        ("'media' & 'serbia'", ("and", ("word", "media"), ("word", "serbia"))),
        ("'media' & !'serbia'", ("and", ("word", "media"), ("not", ("word", "serbia")))),
        (
            "'a' | 'b' & 'c'",
            ("or", ("word", "a"), ("and", ("word", "b"), ("word", "c"))),
        ),
        ("( 'a' | 'b' ) & 'c'", ("and", ("or", ("word", "a"), ("word", "b")), ("word", "c"))),
        ("'o''brien'", ("word", "o'brien")),
        ("", ()),
        ("'media' <-> 'freedom'", None),
        ("'secur':*", None),
    ],
)
def test_a_tsquery_is_read_into_a_tree_or_left_to_the_database(text, tree):
    assert words.parse(text) == tree


def test_the_order_is_decided_by_the_words_not_under_a_not():
    tree = words.parse("'media' & !'serbia' | 'media' & 'press'")
    assert words.ranked_words(tree) == ["media", "press"]
    assert words.lexemes_of("'media' <-> 'freedom' & !'serbia'") == ["media", "freedom"]


def ids(query):
    filterset = Reading().filterset(QueryDict(query))
    assert filterset.is_valid(), filterset.form.errors
    results = Results(filterset)
    return [item.pk for item in results.page(0, 100)], results.total


@pytest.fixture
def texts(db):
    day = datetime.date(2024, 1, 1)
    made = {}
    for n, (title, lede, body) in enumerate(
        [
            ("Media freedom in Serbia", "", ""),
            ("Freedom of the media in Moldova", "", ""),
            ("Delegates met", "The media attended.", "<p>Press freedom was discussed.</p>"),
            ("Elections observed", "Observers deployed.", "<p>Media coverage was fair.</p>"),
            ("Water management", "Rivers.", "<p>Nothing else.</p>"),
        ]
    ):
        made[title] = PublishedNewsFactory(
            title=title, lede=lede, body=body, date_issued=day + datetime.timedelta(days=n)
        )
    news_index.current()
    return made


@postgresql_only
@pytest.mark.django_db
@pytest.mark.parametrize(
    "text",
    [
        "media",
        "media serbia",
        "media -serbia",
        "media or rivers",
        '"media freedom"',
        'freedom -"media freedom"',
        "the",
        "nothing-at-all-like-this",
        "elections observers",
    ],
)
def test_a_search_finds_what_the_database_finds(texts, text):
    found, total = ids(f"q={text}&sort=newest")
    expected = list(
        search.matching(NewsItem.objects.published(), text)
        .order_by("-date_issued", "-id")
        .values_list("pk", flat=True)
    )
    assert found == expected
    assert total == len(expected)


@postgresql_only
@pytest.mark.django_db
def test_relevance_puts_title_above_lede_above_body_then_newest(texts):
    found, _total = ids("q=media")
    titles = [NewsItem.objects.get(pk=pk).title for pk in found]
    assert titles == [
        "Freedom of the media in Moldova",  # title, newer
        "Media freedom in Serbia",  # title
        "Delegates met",  # lede
        "Elections observed",  # body
    ]


@postgresql_only
@pytest.mark.django_db
def test_a_published_item_is_searchable_at_once_and_a_withdrawn_one_no_longer(texts):
    PublishedNewsFactory(title="Cybersecurity conference opens")
    assert ids("q=cybersecurity")[1] == 1

    item = texts["Media freedom in Serbia"]
    item.status = NewsItem.Status.WITHDRAWN
    item.save()
    assert texts["Media freedom in Serbia"].pk not in ids("q=media")[0]

    item = texts["Water management"]
    item.title = "Water and media"
    item.save()
    assert item.pk in ids("q=media")[0]
