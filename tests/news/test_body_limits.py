"""The work one body may cost is bounded: its length and nesting are checked before it is
cleaned, and the cleaning has a time budget. The editor gets a message, the worker its time
back, and nothing is saved."""

import time

import pytest

from news import html
from news.html import MarkupTooComplex, nested_deeper_than, sanitize_html
from news.models import NewsItem
from tests.factories import NewsItemFactory, SuperuserFactory
from tests.workflow.admin_posts import ADD_URL, change_url, form_errors, news_form

pytestmark = pytest.mark.django_db

NESTED_DIVS = "<div>" * 100_000  # 500 KB


@pytest.fixture(autouse=True)
def _forget_cleaned_bodies():
    html._results.clear()
    yield
    html._results.clear()


@pytest.fixture
def superuser_client(client):
    client.force_login(SuperuserFactory())
    return client


def test_100000_nested_divs_are_refused_at_once_and_nothing_is_saved(superuser_client):
    started = time.perf_counter()
    response = superuser_client.post(ADD_URL, news_form(body=NESTED_DIVS))
    elapsed = time.perf_counter() - started

    assert response.status_code == 200
    [error] = form_errors(response, "body")
    assert "nested more than 40 levels deep" in error
    assert not NewsItem.objects.exists()
    assert elapsed < 1


def test_an_edit_with_too_deep_a_body_keeps_the_stored_one(superuser_client):
    item = NewsItemFactory(body="<p>Stored.</p>")

    response = superuser_client.post(change_url(item), news_form(item, body=NESTED_DIVS))

    assert response.status_code == 200
    assert form_errors(response, "body")
    item.refresh_from_db()
    assert item.body == "<p>Stored.</p>"


def test_a_body_longer_than_the_limit_is_refused(superuser_client, settings):
    settings.NEWS_BODY_MAX_CHARS = 1_000

    response = superuser_client.post(ADD_URL, news_form(body="<p>" + "x" * 1_000 + "</p>"))

    [error] = form_errors(response, "body")
    assert "1,007 characters long" in error
    assert "the most it may have is 1,000" in error
    assert not NewsItem.objects.exists()


def test_a_body_at_the_depth_limit_is_saved(superuser_client):
    body = "<blockquote>" * 40 + "Deep quote" + "</blockquote>" * 40

    response = superuser_client.post(ADD_URL, news_form(body=body))

    assert response.status_code == 302
    assert "Deep quote" in NewsItem.objects.get().body


def test_a_cleaning_over_its_time_budget_is_refused(superuser_client, settings, monkeypatch):
    settings.NEWS_SANITIZE_SECONDS = 0.05
    monkeypatch.setattr(html, "_clean", lambda text: time.sleep(0.5) or text)

    started = time.perf_counter()
    response = superuser_client.post(ADD_URL, news_form(body="<p>Slow to clean.</p>"))

    assert time.perf_counter() - started < 0.5
    [error] = form_errors(response, "body")
    assert "could not be cleaned in time; simplify the markup" in error
    assert not NewsItem.objects.exists()


def test_save_refuses_rather_than_store_a_body_it_cannot_clean():
    with pytest.raises(MarkupTooComplex):
        NewsItemFactory(body=NESTED_DIVS)

    assert not NewsItem.objects.exists()


def test_the_cleaner_refuses_quickly_whoever_calls_it():
    started = time.perf_counter()
    with pytest.raises(MarkupTooComplex):
        sanitize_html(NESTED_DIVS)
    assert time.perf_counter() - started < 0.1


@pytest.mark.parametrize(
    ("markup", "deeper"),
    [
        ("<div>" * 41, True),
        ("<div>" * 40, False),
        ("<div></div>" * 10_000, False),
        # Elements that close their open sibling, and elements with no content, do not nest.
        ("<ul>" + "<li>one" * 1_000 + "</ul>", False),
        ("<p>one" * 1_000, False),
        ("<br><img src=x><hr>" * 1_000, False),
        ("<ul><li>" * 41, True),
        # An end tag closes only an element that is open.
        ("<div></span>" * 41, True),
        # Markup that does not close anything in a browser does not close anything here.
        ("<div><!--</div>-->" * 41, True),
        ('<div title="</div>">' * 41, True),
        ("<div><script></div></script>" * 41, True),
        ("<div><!x </div> >" * 41, True),
        ("<svg><style>" + "<div>" * 41, True),
        # A comment open to the end: nothing after it is markup.
        ("<!--" + "<div>" * 41, False),
    ],
)
def test_nesting_is_measured_as_a_browser_would_build_it(markup, deeper):
    assert nested_deeper_than(markup, 40) is deeper
