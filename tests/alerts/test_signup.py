"""Signing up for an email alert from a view of /news/: double opt-in, the same answer
whatever the address's state, rate limits, and bad filters answered with 400."""

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone

from alerts.models import Subscription
from tests.alerts.conftest import link_in
from tests.factories import CountryFactory, FieldOfWorkFactory, PublishedNewsFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def terms():
    media = FieldOfWorkFactory(name="Media freedom and development", slug="media-freedom")
    elections = FieldOfWorkFactory(name="Elections", slug="elections")
    serbia = CountryFactory(name="Serbia", slug="serbia")
    PublishedNewsFactory(fields_of_work=[media, elections], countries=[serbia])
    return media, elections, serbia


def test_list_page_links_to_sign_up_with_its_filters_but_not_page_or_sort(client, terms):
    query = "?field=media-freedom&field=elections&sort=oldest&q=press"
    response = client.get("/en/news/" + query, follow=True)

    html = response.content.decode()
    [href] = re.findall(r'<a href="(/en/alerts/[^"]*)">Get an email when news matching', html)
    href = href.replace("&amp;", "&")
    assert "sort=" not in href and "page=" not in href
    assert "field=media-freedom" in href and "field=elections" in href and "q=press" in href


def test_sign_up_page_shows_the_filters_in_words_and_sets_no_cookie(client, terms):
    response = client.get("/en/alerts/?field=media-freedom&field=elections&country=serbia")

    assert response.status_code == 200
    html = response.content.decode()
    for words in ("Media freedom and development", "Elections", "Serbia"):
        assert words in html
    assert '<label for="alert-email">' in html
    assert "csrfmiddlewaretoken" not in html
    assert not response.cookies


@pytest.mark.parametrize(
    "query",
    ["field=no-such-field", "year=abc", "from=31-01-2024", "kind=gossip", "q=" + "x" * 300],
)
def test_bad_filters_are_a_400_with_an_explanation(client, terms, query):
    for method in (client.get, client.post):
        response = method(f"/en/alerts/?{query}")

        assert response.status_code == 400
        assert "cannot be followed by email" in response.content.decode()
    assert not Subscription.objects.exists()


def test_repeated_parameters_of_a_huge_query_string_count_once(client, terms):
    query = "&".join(f"q=word{n}" for n in range(600)) + "&field=media-freedom" * 300

    response = client.get(f"/en/alerts/?{query}")

    assert response.status_code == 200  # the last search counts, as on the list
    assert "“word599”" in response.content.decode()


def test_filters_too_long_to_store_are_a_400(client, terms):
    fields = [FieldOfWorkFactory(slug=f"a-rather-long-field-slug-{n:03d}") for n in range(80)]
    PublishedNewsFactory(fields_of_work=fields)
    query = "&".join(f"field={field.slug}" for field in fields)

    response = client.get(f"/en/alerts/?{query}")

    assert response.status_code == 400
    assert "too long" in response.content.decode()


def test_sign_up_sends_a_confirmation_and_sends_nothing_else(smtp_server, sign_up, terms):
    response = sign_up("reader@example.org", "field=media-freedom", frequency="daily")

    assert response.status_code == 200
    assert "Check your inbox" in response.content.decode()
    [message] = smtp_server.to("reader@example.org")
    assert "Confirm" in message["Subject"]
    assert link_in(message, "confirm")
    subscription = Subscription.objects.get()
    assert (subscription.email, subscription.query) == ("reader@example.org", "field=media-freedom")
    assert subscription.frequency == "daily"
    assert subscription.confirmed_at is None


def test_the_query_is_stored_canonically_so_one_view_is_one_subscription(
    smtp_server, sign_up, terms
):
    sign_up(
        "reader@example.org", "year=2025&field=media-freedom&field=elections&page=3&sort=oldest"
    )
    sign_up("reader@example.org", "field=elections&field=&year=2025&field=media-freedom")

    subscription = Subscription.objects.get()
    assert subscription.query == "field=elections&field=media-freedom&year=2025"


def test_the_answer_is_the_same_for_new_waiting_and_confirmed_addresses(
    smtp_server, sign_up, terms, client
):
    new = sign_up("new@example.org", "field=elections")
    sign_up("waiting@example.org", "field=elections")
    sign_up("confirmed@example.org", "field=elections")
    Subscription.objects.filter(email="confirmed@example.org").update(confirmed_at=timezone.now())
    smtp_server.clear()

    waiting = sign_up("waiting@example.org", "field=elections")
    confirmed = sign_up("confirmed@example.org", "field=elections")

    assert new.status_code == waiting.status_code == confirmed.status_code == 200
    assert new.content == waiting.content == confirmed.content
    assert not new.cookies and not waiting.cookies and not confirmed.cookies
    # A waiting address is asked again; a confirmed one is sent nothing new.
    assert len(smtp_server.to("waiting@example.org")) == 1
    assert smtp_server.to("confirmed@example.org") == []


def test_confirm_link_shows_a_button_and_only_a_post_confirms(smtp_server, sign_up, terms):
    sign_up("reader@example.org", "field=media-freedom")
    [message] = smtp_server.to("reader@example.org")
    link = link_in(message, "confirm")
    visitor = Client(enforce_csrf_checks=True)

    page = visitor.get(link)
    visitor.head(link)

    assert page.status_code == 200
    assert re.search(r'<form method="post" action="[^"]+">', page.content.decode())
    assert not page.cookies
    assert Subscription.objects.get().confirmed_at is None

    done = visitor.post(link)

    assert done.status_code == 200
    assert "confirmed" in done.content.decode()
    assert Subscription.objects.get().confirmed_at is not None


def test_confirming_twice_keeps_the_first_consent_time(smtp_server, sign_up, terms, client):
    sign_up("reader@example.org", "field=media-freedom")
    link = link_in(smtp_server.to("reader@example.org")[0], "confirm")
    client.post(link)
    first = Subscription.objects.get().confirmed_at

    assert client.post(link).status_code == 200
    assert Subscription.objects.get().confirmed_at == first


def test_an_invalid_address_is_a_400_with_an_error_summary(smtp_server, sign_up, terms):
    response = sign_up("not an address", "field=media-freedom")

    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html and 'href="#alert-email"' in html
    assert 'aria-invalid="true"' in html
    assert not Subscription.objects.exists()
    assert smtp_server.messages == []


def test_sign_ups_are_limited_per_client(smtp_server, sign_up, terms, settings):
    settings.ALERTS_SIGNUP_RATE = "2/m"

    answers = [sign_up(f"reader{n}@example.org", "field=elections").status_code for n in range(3)]

    assert answers == [200, 200, 429]
    assert Subscription.objects.count() == 2
    assert sign_up("other@example.org", "field=elections", ip="203.0.113.9").status_code == 200


def test_sign_ups_are_limited_per_address(smtp_server, sign_up, terms, settings):
    settings.ALERTS_SIGNUP_ADDRESS_RATE = "2/m"

    answers = [
        sign_up("Reader@Example.org", query, ip=f"203.0.113.{n}").status_code
        for n, query in enumerate(["field=elections", "field=media-freedom", "country=serbia"])
    ]

    assert answers == [200, 200, 429]
    assert len(smtp_server.to("reader@example.org")) == 2


def test_an_address_has_at_most_the_cap_of_alerts(smtp_server, sign_up, terms, settings):
    settings.ALERTS_MAX_PER_ADDRESS = 1
    first = sign_up("reader@example.org", "field=elections")

    second = sign_up("reader@example.org", "field=media-freedom")

    # The page says nothing of the cap either (but for the link back to its own filters).
    assert second.content.replace(b"media-freedom", b"elections") == first.content
    assert Subscription.objects.get().query == "field=elections"
    assert len(smtp_server.to("reader@example.org")) == 1


def test_sign_up_needs_no_cookie_or_csrf_token_and_takes_no_next_address(smtp_server, terms):
    visitor = Client(enforce_csrf_checks=True)

    response = visitor.post(
        "/en/alerts/?field=elections&next=https://evil.example/",
        {"email": "reader@example.org", "frequency": "immediate", "next": "https://evil.example/"},
    )

    assert response.status_code == 200
    assert "evil.example" not in response.content.decode()
    assert Subscription.objects.get().query == "field=elections"


def test_all_news_can_be_followed(smtp_server, sign_up, terms, client):
    page = client.get("/en/alerts/")
    assert page.status_code == 200 and "All news" in page.content.decode()

    assert sign_up("reader@example.org").status_code == 200
    assert Subscription.objects.get().query == ""


def test_sign_ups_never_confirmed_are_forgotten_once_their_link_has_expired(
    smtp_server, sign_up, terms
):
    old = timezone.now() - datetime.timedelta(days=8)
    never = Subscription.objects.create(email="never@example.org", query="")
    Subscription.objects.create(email="recent@example.org", query="")
    kept = Subscription.objects.create(email="kept@example.org", query="", confirmed_at=old)
    Subscription.objects.filter(pk__in=[never.pk, kept.pk]).update(created_at=old)

    sign_up("reader@example.org", "field=elections")

    emails = set(Subscription.objects.values_list("email", flat=True))
    assert emails == {"recent@example.org", "kept@example.org", "reader@example.org"}


def test_the_sign_up_page_reads_the_terms_from_the_cache_while_nothing_changes(
    client, terms, django_assert_num_queries
):
    client.get("/en/alerts/?field=media-freedom&country=serbia")

    with django_assert_num_queries(0):
        response = client.get("/en/alerts/?field=elections&country=serbia")

    assert "Elections" in response.content.decode()
