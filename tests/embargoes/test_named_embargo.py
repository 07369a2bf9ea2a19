"""A journalist reads an embargoed item through their own link, until it is released."""

import datetime
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from embargoes import services
from embargoes.models import Opening, Recipient, digest
from news.models import NewsItem, Transition
from tests.embargoes.conftest import LINK, links_sent
from tests.factories import AttachmentFactory

pytestmark = pytest.mark.django_db


def release(embargo):
    """The clock reaches the embargo's time: both times move to a minute ago."""
    past = timezone.now() - datetime.timedelta(minutes=1)
    type(embargo).objects.filter(pk=embargo.pk).update(lifts_at=past)
    NewsItem.objects.filter(pk=embargo.news_id).update(published_at=past)


def test_setting_an_embargo_schedules_the_items_publication_at_its_time(
    embargo, draft, editor, lifts_at, client
):
    draft.refresh_from_db()
    assert draft.status == NewsItem.Status.PUBLISHED
    assert draft.published_at == lifts_at
    assert draft.is_scheduled()
    transition = Transition.objects.get(news=draft)
    assert (transition.from_status, transition.to_status, transition.by) == (
        NewsItem.Status.DRAFT,
        NewsItem.Status.PUBLISHED,
        editor,
    )
    assert "Embargoed until" in transition.note
    # Not public before its time.
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert draft.title not in client.get(reverse("news:list")).content.decode()


def test_each_recipient_is_emailed_a_link_of_their_own_in_text_and_html(share, embargo):
    links = share("Ana@Example.org", "press@partner.example")

    assert set(links) == {"ana@example.org", "press@partner.example"}
    assert len(set(links.values())) == 2
    for message in mail.outbox:
        assert "Mission welcomes the new electoral law" in message.subject
        html, mimetype = message.alternatives[0]
        assert mimetype == "text/html"
        assert links_sent()[message.to[0]] in html
    # Only the token's digest is stored.
    tokens = {path.rstrip("/").rsplit("/", 1)[1] for path in links.values()}
    stored = set(Recipient.objects.values_list("token_digest", flat=True))
    assert stored == {digest(token) for token in tokens}
    assert not stored & tokens
    assert Recipient.objects.filter(sent_at__isnull=False).count() == 2


def test_adding_an_address_twice_sends_no_second_link(share):
    share("ana@example.org")
    share("ana@example.org")

    assert len(mail.outbox) == 1


def test_the_recipients_link_shows_the_item_under_an_embargo_banner(share, client, lifts_at):
    path = share("ana@example.org")["ana@example.org"]

    response = client.get(path)

    assert response.status_code == 200
    content = response.content.decode()
    assert "Mission welcomes the new electoral law" in content
    assert "The law was adopted on Tuesday." in content
    assert "Embargoed until" in content
    assert f'datetime="{timezone.localtime(lifts_at).isoformat()}"' in content


def test_only_a_recipients_token_opens_the_item(share, client, draft):
    path = share("ana@example.org")["ana@example.org"]
    token = path.rstrip("/").rsplit("/", 1)[1]

    assert client.get(reverse("embargoes:view", args=[token[:-1] + "x"])).status_code == 404
    assert client.get(reverse("embargoes:view", args=["x" * 43])).status_code == 404
    assert client.get(reverse("embargoes:view", args=["x" * 5000])).status_code == 404
    # The stored digest is not a token.
    stored = Recipient.objects.get().token_digest
    assert client.get(reverse("embargoes:view", args=[stored])).status_code == 404
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert Opening.objects.count() == 0


def test_the_page_sets_no_cookie_and_stays_out_of_search_engines_and_caches(share, client):
    response = client.get(share("ana@example.org")["ana@example.org"])

    assert response.cookies == {}
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert set(response["Cache-Control"].split(", ")) == {"private", "no-store"}
    assert response["Referrer-Policy"] == "no-referrer"
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()


def test_every_opening_is_logged_with_who_when_and_from_where(share, client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    links = share("ana@example.org", "press@partner.example")
    before = timezone.now()

    client.get(
        links["ana@example.org"],
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.7",
        HTTP_USER_AGENT="Mozilla/5.0 " + "x" * 1000,
    )
    client.get(links["ana@example.org"], REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4")
    client.get(links["press@partner.example"])

    ana = Opening.objects.filter(recipient__email="ana@example.org").order_by("opened_at")
    assert [opening.ip for opening in ana] == ["203.0.113.7", "1.2.3.4"]
    assert ana[0].user_agent.startswith("Mozilla/5.0 ") and len(ana[0].user_agent) == 255
    assert all(opening.opened_at >= before for opening in ana)
    assert Opening.objects.filter(recipient__email="press@partner.example").count() == 1


def test_revoking_one_recipient_leaves_the_others(share, client, editor):
    links = share("ana@example.org", "press@partner.example")

    services.revoke(Recipient.objects.get(email="ana@example.org"), editor)

    revoked = client.get(links["ana@example.org"])
    assert revoked.status_code == 410
    assert "withdrew your link" in revoked.content.decode()
    assert "electoral law" not in revoked.content.decode()
    assert client.get(links["press@partner.example"]).status_code == 200
    assert [o.recipient.email for o in Opening.objects.all()] == ["press@partner.example"]


def test_a_revoked_address_added_again_gets_a_new_link_and_the_old_stays_dead(
    share, client, editor
):
    old = share("ana@example.org")["ana@example.org"]
    services.revoke(Recipient.objects.get(), editor)
    mail.outbox.clear()

    new = share("ana@example.org")["ana@example.org"]

    assert new != old
    assert client.get(old).status_code == 404  # its token no longer exists
    assert client.get(new).status_code == 200


def test_at_release_every_link_leads_to_the_public_page(share, client, embargo, draft, editor):
    links = share("ana@example.org", "press@partner.example")
    services.revoke(Recipient.objects.get(email="press@partner.example"), editor)

    release(embargo)

    for path in links.values():
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"] == draft.get_absolute_url()
        assert response.cookies == {}
    assert client.get(draft.get_absolute_url()).status_code == 200
    assert Opening.objects.count() == 0


def test_an_embargo_lifted_without_publication_shows_nothing(share, client, embargo, editor):
    path = share("ana@example.org")["ana@example.org"]
    item = embargo.news
    item.refresh_from_db()
    from news import services as news_services

    news_services.return_to_draft(item, editor)  # unscheduled
    type(embargo).objects.filter(pk=embargo.pk).update(lifts_at=timezone.now())

    response = client.get(path)
    assert response.status_code == 410
    assert "electoral law" not in response.content.decode()


def test_no_link_is_sent_once_released(embargo, editor):
    release(embargo)
    embargo.refresh_from_db()

    with pytest.raises(services.Refused):
        services.add_recipients(embargo, editor, ["ana@example.org"])
    assert mail.outbox == []


def test_the_link_arrives_through_a_real_smtp_server_in_text_and_html(
    smtp_server, settings, embargo, editor, django_capture_on_commit_callbacks, client
):
    settings.SITE_BASE_URL = "https://news.example.org"
    with django_capture_on_commit_callbacks(execute=True):
        services.add_recipients(embargo, editor, ["ana@example.org"])

    [received] = smtp_server.to("ana@example.org")
    plain = received.get_body(("plain",)).get_content()
    html = received.get_body(("html",)).get_content()
    [url] = LINK.findall(plain)
    assert url.startswith("https://news.example.org/embargo/")
    assert f'<a href="{url}">' in html
    for text in (plain, html, received["Subject"]):
        assert "Mission welcomes the new electoral law" in text
        assert "Embargoed until" in text or "embargo until" in text
    assert client.get(urlsplit(url).path).status_code == 200


def test_a_link_revoked_before_its_job_runs_is_not_sent(
    embargo, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.add_recipients(embargo, editor, ["ana@example.org"])
    services.revoke(Recipient.objects.get(), editor)
    for callback in callbacks:
        callback()

    assert mail.outbox == []
    assert Recipient.objects.get().sent_at is None


def test_an_address_that_is_no_ip_is_logged_as_unknown(share, client):
    path = share("ana@example.org")["ana@example.org"]

    assert client.get(path, REMOTE_ADDR="unix:/run/gunicorn.sock").status_code == 200
    assert client.get(path, REMOTE_ADDR="").status_code == 200

    assert [opening.ip for opening in Opening.objects.all()] == [None, None]


def test_the_items_documents_open_through_the_link_while_it_works(share, client, draft, editor):
    document = AttachmentFactory(news=draft, title="Final report")
    path = share("ana@example.org")["ana@example.org"]
    url = f"{path}attachments/{document.pk}/"

    assert url in client.get(path).content.decode()
    response = client.get(url)
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert client.get(f"{path}attachments/{document.pk + 1}/").status_code == 404

    services.revoke(Recipient.objects.get(), editor)
    assert client.get(url).status_code == 404
