"""Managing and stopping an alert through the signed links of its emails: no account, no
cookie; forged, expired and wrong-purpose links refused with a clear page, never a 500."""

import time
import types

import pytest
from django.core import signing
from django.test import Client
from django.utils import timezone

from alerts import tokens
from alerts.models import Sent, Subscription
from tests.factories import CountryFactory, FieldOfWorkFactory, PublishedNewsFactory
from tests.news.test_list_page import Page

pytestmark = pytest.mark.django_db


@pytest.fixture
def visitor():
    """A mail reader's browser or a mail client: no cookie, and CSRF checks as in production."""
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def subscription():
    media = FieldOfWorkFactory(name="Media freedom and development", slug="media-freedom")
    elections = FieldOfWorkFactory(name="Elections", slug="elections")
    serbia = CountryFactory(name="Serbia", slug="serbia")
    item = PublishedNewsFactory(fields_of_work=[media, elections], countries=[serbia])
    subscription = Subscription.objects.create(
        email="reader@example.org", query="field=media-freedom", confirmed_at=timezone.now()
    )
    Sent.objects.create(subscription=subscription, item=item, sent_at=timezone.now())
    return subscription


def link(subscription, purpose):
    return tokens.path(subscription, purpose)


def test_manage_page_shows_the_alert_and_sets_no_cookie(visitor, subscription):
    response = visitor.get(link(subscription, tokens.MANAGE))

    assert response.status_code == 200
    html = response.content.decode()
    assert "reader@example.org" in html
    assert "Media freedom and development" in html
    assert 'value="media-freedom"' in html and "checked" in html  # the list's filter form
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]


def test_frequency_is_changed_by_a_post_without_csrf_cookie(visitor, subscription):
    response = visitor.post(
        link(subscription, tokens.MANAGE), {"action": "frequency", "frequency": "daily"}
    )

    assert response.status_code == 200
    assert "Saved" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.frequency == "daily"


def test_an_unknown_frequency_is_a_400_and_changes_nothing(visitor, subscription):
    response = visitor.post(
        link(subscription, tokens.MANAGE), {"action": "frequency", "frequency": "hourly"}
    )

    assert response.status_code == 400
    subscription.refresh_from_db()
    assert subscription.frequency == "immediate"


def test_filters_are_replaced_and_stored_canonically(visitor, subscription):
    response = visitor.post(
        link(subscription, tokens.MANAGE),
        {
            "action": "filters",
            "field": ["media-freedom", "elections"],
            "country": "serbia",
            "sort": "oldest",
            "page": "2",
        },
    )

    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.query == "country=serbia&field=elections&field=media-freedom"
    assert "Serbia" in response.content.decode()


def test_invalid_filters_are_a_400_and_change_nothing(visitor, subscription):
    response = visitor.post(
        link(subscription, tokens.MANAGE), {"action": "filters", "field": "no-such-field"}
    )

    assert response.status_code == 400
    assert "not valid" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.query == "field=media-freedom"


def test_filters_of_another_alert_of_the_address_are_refused(visitor, subscription):
    Subscription.objects.create(email="reader@example.org", query="field=elections")

    response = visitor.post(
        link(subscription, tokens.MANAGE), {"action": "filters", "field": "elections"}
    )

    assert response.status_code == 409
    subscription.refresh_from_db()
    assert subscription.query == "field=media-freedom"


def test_delete_from_the_manage_page_removes_the_alert_and_what_was_sent(visitor, subscription):
    response = visitor.post(link(subscription, tokens.MANAGE), {"action": "delete"})

    assert response.status_code == 200
    assert not Subscription.objects.exists()
    assert not Sent.objects.exists()


def test_unsubscribe_page_shows_one_button_and_a_get_deletes_nothing(visitor, subscription):
    response = visitor.get(link(subscription, tokens.UNSUBSCRIBE))

    assert response.status_code == 200
    assert response.content.decode().count("<button") == 1
    assert not response.cookies
    assert Subscription.objects.exists()


def test_one_click_unsubscribe_post_deletes_everything(visitor, subscription):
    url = link(subscription, tokens.UNSUBSCRIBE)

    response = visitor.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 200
    assert "unsubscribed" in response.content.decode()
    assert not Subscription.objects.filter(email="reader@example.org").exists()
    assert not Sent.objects.exists()
    # Again (a mail client retrying, a second click): the same plain answer.
    assert (
        visitor.post(
            url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
        ).status_code
        == 200
    )
    assert visitor.get(url).status_code == 200


def test_unsubscribing_one_alert_keeps_the_address_other_alerts(visitor, subscription):
    other = Subscription.objects.create(email="reader@example.org", query="field=elections")

    visitor.post(link(subscription, tokens.UNSUBSCRIBE))

    assert list(Subscription.objects.all()) == [other]


def test_links_of_a_deleted_alert_say_it_is_gone(visitor, subscription):
    manage, confirm = link(subscription, tokens.MANAGE), link(subscription, tokens.CONFIRM)
    subscription.delete()

    assert visitor.get(manage).status_code == 404
    assert visitor.post(manage, {"action": "delete"}).status_code == 404
    assert visitor.post(confirm).status_code == 404


@pytest.mark.parametrize("purpose", [tokens.CONFIRM, tokens.MANAGE, tokens.UNSUBSCRIBE])
def test_forged_links_are_refused_with_a_clear_page(visitor, subscription, purpose):
    real = tokens.make(subscription, purpose)
    forged = [
        "nonsense",
        real[:-3] + ("AAA" if not real.endswith("AAA") else "BBB"),
        signing.TimestampSigner(salt="other").sign_object([subscription.pk, "reader@example.org"]),
        "x" * 3000,
    ]
    for token in forged:
        for method in (visitor.get, visitor.post):
            response = method(f"/en/alerts/{purpose}/{token}/")

            assert response.status_code == 400, token
            assert "This link does not work" in response.content.decode()
    assert Subscription.objects.get().confirmed_at is not None


def test_a_link_made_for_another_purpose_is_refused(visitor, subscription):
    manage_token = tokens.make(subscription, tokens.MANAGE)

    for purpose in (tokens.CONFIRM, tokens.UNSUBSCRIBE):
        assert visitor.post(f"/en/alerts/{purpose}/{manage_token}/").status_code == 400
    assert Subscription.objects.exists()


def test_a_link_for_a_changed_address_is_refused(visitor, subscription):
    url = link(subscription, tokens.UNSUBSCRIBE)
    Subscription.objects.filter(pk=subscription.pk).update(email="new@example.org")

    visitor.post(url)

    assert Subscription.objects.exists()


@pytest.mark.parametrize(
    ("purpose", "days"), [(tokens.CONFIRM, 7), (tokens.MANAGE, 365), (tokens.UNSUBSCRIBE, 365)]
)
def test_links_expire(visitor, subscription, monkeypatch, purpose, days):
    url = link(subscription, purpose)
    later = time.time() + days * 24 * 3600 + 60
    monkeypatch.setattr(signing, "time", types.SimpleNamespace(time=lambda: later))

    response = visitor.post(url, {"action": "delete"})

    assert response.status_code == 400
    assert "expired" in response.content.decode()
    assert Subscription.objects.exists()


def test_a_link_still_works_the_day_before_it_expires(visitor, subscription, monkeypatch):
    url = link(subscription, tokens.UNSUBSCRIBE)
    later = time.time() + 364 * 24 * 3600
    monkeypatch.setattr(signing, "time", types.SimpleNamespace(time=lambda: later))

    assert visitor.post(url).status_code == 200
    assert not Subscription.objects.exists()


def test_unconfirmed_alert_can_be_confirmed_once_from_its_link(visitor):
    FieldOfWorkFactory(slug="elections")
    subscription = Subscription.objects.create(email="new@example.org", query="")

    assert visitor.get(link(subscription, tokens.CONFIRM)).status_code == 200
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None
    assert visitor.post(link(subscription, tokens.CONFIRM)).status_code == 200
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None


# Staff: a read-only list with a delete action (alerts/admin.py).


@pytest.fixture
def staff_client(client):
    from tests.factories import SuperuserFactory

    client.force_login(SuperuserFactory())
    return client


def test_staff_find_an_address_and_filter_by_confirmation(staff_client, subscription):
    waiting = Subscription.objects.create(email="waiting@example.org", query="")
    url = "/admin/alerts/subscription/"

    found = staff_client.get(url, {"q": "reader@"}).context["cl"].result_list
    confirmed = staff_client.get(url, {"confirmed": "yes"}).context["cl"].result_list
    unconfirmed = staff_client.get(url, {"confirmed": "no"}).context["cl"].result_list

    assert list(found) == [subscription]
    assert list(confirmed) == [subscription]
    assert list(unconfirmed) == [waiting]


def test_staff_can_delete_but_not_change_add_or_export(staff_client, subscription):
    url = "/admin/alerts/subscription/"
    page = staff_client.get(url)
    actions = [value for value, _label in page.context["action_form"].fields["action"].choices]

    assert [action for action in actions if action] == ["delete_selected"]
    assert staff_client.get(f"{url}add/").status_code in (302, 404)  # no such page
    staff_client.post(f"{url}{subscription.pk}/change/", {"email": "other@example.org"})
    subscription.refresh_from_db()
    assert subscription.email == "reader@example.org"

    staff_client.post(
        url, {"action": "delete_selected", "_selected_action": [subscription.pk], "post": "yes"}
    )

    assert not Subscription.objects.exists()
    assert not Sent.objects.exists()


@pytest.mark.parametrize(
    "address",
    [
        "https://news.example.org/news/?country=serbia&field=elections&page=4&sort=oldest",
        "  /news/?field=elections&country=serbia ",
    ],
)
def test_filters_are_replaced_by_those_of_a_pasted_list_address(
    visitor, subscription, settings, address
):
    settings.SITE_BASE_URL = "https://news.example.org"

    response = visitor.post(
        link(subscription, tokens.MANAGE), {"action": "list-address", "address": address}
    )

    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.query == "country=serbia&field=elections"


@pytest.mark.parametrize(
    "address",
    [
        "https://evil.example/news/?field=elections",
        "https://news.example.org/countries/?field=elections",
        "javascript:alert(1)",
        "http://[::1/news/",
        "",
    ],
)
def test_an_address_that_is_not_a_news_list_of_the_site_changes_nothing(
    visitor, subscription, settings, address
):
    settings.SITE_BASE_URL = "https://news.example.org"

    response = visitor.post(
        link(subscription, tokens.MANAGE), {"action": "list-address", "address": address}
    )

    assert response.status_code == 400
    assert "not the address of a view of the news list" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.query == "field=media-freedom"


# Every alert page is usable with a screen reader and carries no inline script or style.


@pytest.fixture
def pages(client, subscription):
    waiting = Subscription.objects.create(email="waiting@example.org", query="field=elections")
    return {
        "sign-up": client.get("/en/alerts/?field=media-freedom&q=press"),
        "sign-up with errors": client.post("/en/alerts/?field=elections", {"email": "x"}),
        "bad filters": client.get("/en/alerts/?field=nope"),
        "confirm": client.get(link(waiting, tokens.CONFIRM)),
        "manage": client.get(link(subscription, tokens.MANAGE)),
        "manage with errors": client.post(
            link(subscription, tokens.MANAGE), {"action": "frequency", "frequency": "x"}
        ),
        "unsubscribe": client.get(link(subscription, tokens.UNSUBSCRIBE)),
        "bad link": client.get("/en/alerts/manage/nonsense/"),
    }


def test_alert_pages_label_every_control_and_keep_heading_order(pages):
    for name, response in pages.items():
        html = Page()
        html.feed(response.content.decode())
        controls = [
            attrs
            for tag, attrs in html.tags
            if tag in {"input", "select", "textarea"} and attrs.get("type") != "hidden"
        ]
        for attrs in controls:
            assert attrs.get("id") in html.label_for, (name, attrs)
        assert html.headings[0] == 1, name
        for before, after in zip(html.headings, html.headings[1:], strict=False):
            assert after <= before + 1, (name, html.headings)
        for tag, attrs in html.tags:
            assert "style" not in attrs, (name, tag)
            assert tag != "style" and not (tag == "script" and "src" not in attrs), name
        assert not response.cookies, name
        assert 'name="robots" content="noindex' in response.content.decode(), name
