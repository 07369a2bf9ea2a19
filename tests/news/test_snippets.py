"""Search snippets read as quotations: cut between words, an ellipsis where text is left out,
no quotation mark left without its other half."""

import pytest
from django.urls import reverse

from news.search import ELLIPSIS, balanced, tidy
from tests.factories import PublishedNewsFactory

pytestmark = pytest.mark.django_db


def snippet(client, text):
    response = client.get(reverse("news:list"), {"q": text})
    ((_item, found),) = response.context["cards"]
    return str(found)


def test_a_long_lede_is_cut_between_words_around_the_match_with_ellipses(client):
    before = " ".join(f"before{n}" for n in range(40))
    after = " ".join(f"after{n}" for n in range(40))
    PublishedNewsFactory(title="Long", lede=f"{before} the wetlands treaty {after}.", body="")

    found = snippet(client, "wetlands")

    assert found.startswith(f"{ELLIPSIS} before")
    assert found.endswith(f" {ELLIPSIS}")
    assert "<mark>wetlands</mark>" in found
    words = found.split()
    assert all(
        word.startswith(("before", "after", "the", "<mark>", "treaty", ELLIPSIS)) for word in words
    )


def test_a_cut_quotation_is_closed(client):
    quoted = " ".join(f"word{n}" for n in range(50))
    PublishedNewsFactory(
        title="Quote", lede=f"The Minister said: “Our wetlands matter, {quoted}.”", body=""
    )

    found = snippet(client, "wetlands")

    assert found.count("“") == found.count("”") == 1
    assert found.endswith(f"{ELLIPSIS}”")


def test_a_short_lede_is_shown_whole_without_ellipsis(client):
    PublishedNewsFactory(title="Short", lede="The wetlands treaty was signed.", body="")

    assert snippet(client, "wetlands") == "The <mark>wetlands</mark> treaty was signed."


@pytest.mark.parametrize(
    ("text", "starts", "expected"),
    [
        ("the Minister said “we will go on", False, "… the Minister said “we will go on …”"),
        ("the work,” she said.", False, "“… the work,” she said."),
        ("The law was adopted.", True, "The law was adopted."),
        ("The law was adopted and", True, "The law was adopted and …"),
        ("he said, «nous", False, "… he said, «nous …»"),
    ],
)
def test_tidy_adds_ellipses_and_balances_quotes(text, starts, expected):
    assert tidy(text, starts=starts) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we will go', 'He said "we will go"'),
        ('go on" she said', '"go on" she said'),
        ("“balanced” already", "“balanced” already"),
        ("the organisation’s work", "the organisation’s work"),
    ],
)
def test_balanced_closes_and_opens_quotation_marks(text, expected):
    assert balanced(text) == expected
