"""The alert emails' content (alerts/emails.py): plain text and HTML, absolute links, and
RFC 8058's one-click unsubscribe headers, as they arrive through a real SMTP server."""

import datetime
import re

import pytest
from django.core import mail, signing
from django.test import Client
from django.utils import timezone

from alerts import emails, tokens
from alerts.models import Subscription
from tests.factories import (
    FieldOfWorkFactory,
    NewsItemFactory,
    PublishedNewsFactory,
    StructureFactory,
)

pytestmark = pytest.mark.django_db

BASE = "https://news.example.org"


@pytest.fixture(autouse=True)
def _base_url(settings):
    settings.SITE_BASE_URL = BASE


@pytest.fixture
def media():
    return FieldOfWorkFactory(name="Media freedom and development", slug="media-freedom")


@pytest.fixture
def subscription(media):
    return Subscription.objects.create(
        email="reader@example.org",
        query="field=media-freedom",
        confirmed_at=timezone.now(),
    )


@pytest.fixture
def item(media):
    return PublishedNewsFactory(
        title="Journalists trained in Belgrade",
        lede="Forty journalists took part.",
        date_issued=datetime.date(2025, 3, 14),
        lead_structure=StructureFactory(name="Mission to Serbia", slug="mission-to-serbia"),
        fields_of_work=[media],
    )


def send(message):
    with mail.get_connection() as connection:
        message.connection = connection
        message.send()


def parts(message):
    """(plain text, HTML) of a received message."""
    plain = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    return plain, html


def test_alert_arrives_with_item_in_plain_text_and_html(smtp_server, subscription, item):
    send(emails.alert_message(subscription, emails.read_items([item.pk])))

    [received] = smtp_server.to("reader@example.org")
    plain, html = parts(received)
    url = f"{BASE}/en/news/{item.slug}/"
    for text in (plain, html):
        assert "Journalists trained in Belgrade" in text
        assert "Forty journalists took part." in text
        assert "Mission to Serbia" in text
        assert "14 March 2025" in text
        assert "Media freedom and development" in text  # the filters in words
    assert url in plain
    assert f'<a href="{url}">Journalists trained in Belgrade</a>' in html


def test_alert_has_one_click_unsubscribe_headers_with_absolute_url(smtp_server, subscription, item):
    send(emails.alert_message(subscription, emails.read_items([item.pk])))

    [received] = smtp_server.to("reader@example.org")
    assert received["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert received["Auto-Submitted"] == "auto-generated"
    value = received["List-Unsubscribe"]  # on one line, as RFC 8058 shows it
    match = re.fullmatch(r"<(https://news\.example\.org/en/alerts/unsubscribe/[^/]+/)>", value)
    assert match
    token = match.group(1).rsplit("/", 2)[-2]
    assert tokens.read(token, tokens.UNSUBSCRIBE) == (
        subscription.pk,
        tokens.fingerprint(subscription.email),
    )
    # A signed token is readable by anyone: it must not carry the address itself.
    payload = signing.b64_decode(token.split(":")[0].encode()).decode()
    assert "reader" not in payload and "example.org" not in payload


def test_header_unsubscribe_url_works_with_one_click_post(smtp_server, subscription, item):
    send(emails.alert_message(subscription, emails.read_items([item.pk])))
    [received] = smtp_server.to("reader@example.org")
    url = received["List-Unsubscribe"].strip("<>").removeprefix(BASE)

    response = Client(enforce_csrf_checks=True).post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 200
    assert not Subscription.objects.exists()


def test_alert_body_links_to_manage_page(smtp_server, subscription, item):
    send(emails.alert_message(subscription, emails.read_items([item.pk])))

    [received] = smtp_server.to("reader@example.org")
    plain, html = parts(received)
    manage = re.search(rf"{re.escape(BASE)}/en/alerts/manage/([^/\s\"]+)/", plain)
    assert manage
    assert tokens.read(manage.group(1), tokens.MANAGE) == (
        subscription.pk,
        tokens.fingerprint(subscription.email),
    )
    assert f'href="{manage.group(0)}"' in html
    assert Client().get(manage.group(0).removeprefix(BASE)).status_code == 200


def test_digest_lists_every_item(smtp_server, subscription, media):
    first = PublishedNewsFactory(title="First of the day", fields_of_work=[media])
    second = PublishedNewsFactory(title="Second of the day", fields_of_work=[media])

    send(emails.alert_message(subscription, emails.read_items([first.pk, second.pk]), digest=True))

    [received] = smtp_server.to("reader@example.org")
    plain, html = parts(received)
    assert "2 new items" in received["Subject"]
    for text in (plain, html):
        assert "First of the day" in text and "Second of the day" in text


def test_read_items_leaves_out_what_is_not_public(subscription, item):
    draft = NewsItemFactory(title="Draft")
    scheduled = PublishedNewsFactory(
        title="Later", published_at=timezone.now() + datetime.timedelta(hours=1)
    )
    withdrawn = PublishedNewsFactory(title="Withdrawn")
    withdrawn.status = withdrawn.Status.WITHDRAWN
    withdrawn.save()

    found = emails.read_items([item.pk, draft.pk, scheduled.pk, withdrawn.pk])

    assert found == [item]


def test_html_part_escapes_item_text(smtp_server, subscription, media):
    item = PublishedNewsFactory(
        title="<script>alert(1)</script> & co", lede="<b>bold</b>", fields_of_work=[media]
    )

    send(emails.alert_message(subscription, emails.read_items([item.pk])))

    [received] = smtp_server.to("reader@example.org")
    plain, html = parts(received)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>bold</b>" not in html
    assert "<script>alert(1)</script> & co" in plain  # plain text is not HTML-escaped


def test_confirmation_has_absolute_confirm_link_in_both_parts(smtp_server, media):
    subscription = Subscription.objects.create(email="new@example.org", query="field=media-freedom")

    send(emails.confirmation_message(subscription))

    [received] = smtp_server.to("new@example.org")
    plain, html = parts(received)
    link = re.search(rf"{re.escape(BASE)}/en/alerts/confirm/([^/\s\"]+)/", plain)
    assert link
    assert tokens.read(link.group(1), tokens.CONFIRM) == (
        subscription.pk,
        tokens.fingerprint("new@example.org"),
    )
    assert f'href="{link.group(0)}"' in html
    assert "Media freedom and development" in plain
    assert "List-Unsubscribe" not in received  # nothing to unsubscribe from yet


def test_subject_stays_one_line_with_line_break_in_title(smtp_server, subscription, media):
    item = PublishedNewsFactory(title="Line one\nBcc: victim@example.org", fields_of_work=[media])

    send(emails.alert_message(subscription, emails.read_items([item.pk])))

    [received] = smtp_server.to("reader@example.org")
    assert received["Bcc"] is None
    assert "victim@example.org" not in received.envelope_to


def test_alerts_for_many_subscriptions_of_one_view_read_its_filters_once(
    subscription, item, media, django_assert_num_queries
):
    """A fan-out renders thousands of alerts: the filters in words are read once per view."""
    items = emails.read_items([item.pk])
    others = [
        Subscription.objects.create(email=f"r{n}@example.org", query=subscription.query)
        for n in range(3)
    ]
    emails.alert_message(subscription, items)

    with django_assert_num_queries(0):
        messages = [emails.alert_message(other, items) for other in others]

    for message in messages:
        assert "Media freedom and development" in message.body


def test_filters_in_words_follow_a_renamed_term(
    subscription, item, media, django_capture_on_commit_callbacks
):
    items = emails.read_items([item.pk])
    emails.alert_message(subscription, items)
    with django_capture_on_commit_callbacks(execute=True):
        media.name = "Freedom of the media"
        media.save()

    assert "Freedom of the media" in emails.alert_message(subscription, items).body
