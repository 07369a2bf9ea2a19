"""A body is cleaned where it is shown too, whatever wrote it (update(), an import, a restore
of old data); the second cleaning is kept per content and costs a look-up."""

import time

import pytest
from django.urls import reverse

from news import html
from news.models import NewsItem
from news.templatetags.news_html import clean_html
from tests.factories import PublishedNewsFactory

pytestmark = pytest.mark.django_db

PLANTED = (
    "<p>Observers deployed.</p>"
    "<script>alert('script')</script>"
    '<img src="/media/x.png" onerror="alert(\'onerror\')">'
    '<a href="javascript:alert(\'link\')">details</a>'
    '<p style="position:fixed" onclick="alert(\'click\')">Styled</p>'
)


@pytest.fixture(autouse=True)
def _forget_cleaned_bodies():
    html._results.clear()
    yield
    html._results.clear()


def planted(body):
    """A published item whose body was written around save(), as an import would."""
    item = PublishedNewsFactory(slug="planted")
    NewsItem.objects.filter(pk=item.pk).update(body=body)
    return item


def test_a_body_written_around_save_is_not_served_raw(client):
    item = planted(PLANTED)

    content = client.get(item.get_absolute_url()).content.decode()

    assert "<p>Observers deployed.</p>" in content
    assert "Styled" in content
    for unsafe in ["alert(", "<script", "onerror", "onclick", "javascript:", "style="]:
        assert unsafe not in content.split("<article", 1)[1], unsafe


def test_the_staff_preview_of_such_a_body_is_cleaned_too(admin_client):
    item = planted(PLANTED)
    NewsItem.objects.filter(pk=item.pk).update(status=NewsItem.Status.DRAFT)

    response = admin_client.get(reverse("news:preview", args=[item.pk]))

    assert response.status_code == 200
    assert "Observers deployed." in response.content.decode()
    assert "alert(" not in response.content.decode().split("<article", 1)[1]


def test_a_body_too_deeply_nested_to_clean_is_shown_as_text(client):
    item = planted("<div>" * 100_000 + "Deep text<script>alert(1)</script>")

    started = time.perf_counter()
    response = client.get(item.get_absolute_url())
    elapsed = time.perf_counter() - started

    assert response.status_code == 200
    content = response.content.decode().split("<article", 1)[1]
    assert "Deep text" in content
    assert "<div><div>" not in content
    assert "<script>" not in content
    assert elapsed < 2


def test_the_second_cleaning_of_the_same_body_is_a_look_up(monkeypatch):
    calls = []
    clean = html._clean
    monkeypatch.setattr(html, "_clean", lambda text: calls.append(text) or clean(text))

    first = clean_html(PLANTED)
    second = clean_html(PLANTED)

    assert first == second
    assert "<script" not in first
    assert len(calls) == 1


def test_what_is_kept_changes_with_the_rules(monkeypatch):
    calls = []
    clean = html._clean
    monkeypatch.setattr(html, "_clean", lambda text: calls.append(text) or clean(text))
    clean_html(PLANTED)

    monkeypatch.setattr(html, "RULES_VERSION", "another")
    clean_html(PLANTED)

    assert len(calls) == 2
