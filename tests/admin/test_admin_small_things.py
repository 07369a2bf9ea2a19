"""The small things of the news admin (issue 14), as a publisher or an editor meets them:
deletions the rules refuse say why and what to do instead, "View on site" leads somewhere,
and whoever may not edit a published item reads its body rendered, not as HTML source."""

import datetime
import re

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from django.utils import formats, timezone

from news.models import NewsItem
from tests.factories import NewsItemFactory, PublishedNewsFactory, StructureFactory
from tests.workflow.conftest import staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def mission():
    return StructureFactory(name="Mission to Serbia")


@pytest.fixture
def publisher(client, mission):
    client.force_login(staff("publisher", "Publisher", [mission]))
    return client


@pytest.fixture
def editor(client):
    client.force_login(staff("editor", "Editor"))
    return client


def delete_url(item):
    return reverse("admin:news_newsitem_delete", args=[item.pk])


def delete_selected(client, items, **extra):
    data = {"action": "delete_selected", ACTION_CHECKBOX_NAME: [item.pk for item in items]}
    return client.post(reverse("admin:news_newsitem_changelist"), {**data, **extra})


# Deleting.


def test_publisher_deleting_a_submitted_item_is_told_why_and_what_to_do(publisher, mission):
    item = NewsItemFactory(title="Roundtable", lead_structure=mission, status="review")

    response = publisher.get(delete_url(item))

    assert response.status_code == 403
    page = response.content.decode()
    assert "“Roundtable” is submitted for review: only an editor may delete it now." in page
    assert "Return it to draft" in page
    assert "Nothing has been deleted." in page
    assert "would result in deleting related objects" not in page
    assert NewsItem.objects.filter(pk=item.pk).exists()


def test_publisher_posting_the_deletion_anyway_deletes_nothing(publisher, mission):
    item = NewsItemFactory(lead_structure=mission, status="review")

    response = publisher.post(delete_url(item), {"post": "yes"})

    assert response.status_code == 403
    assert NewsItem.objects.filter(pk=item.pk).exists()


def test_publisher_deleting_a_published_item_is_pointed_to_withdrawal(publisher, mission):
    item = PublishedNewsFactory(title="Observers deployed", lead_structure=mission)

    page = publisher.get(delete_url(item)).content.decode()

    assert "“Observers deployed” is published: only an editor may delete it." in page
    assert "withdraw it instead" in page


def test_publisher_deleting_a_scheduled_item_is_told_it_is_scheduled(publisher, mission):
    item = NewsItemFactory(
        title="Tomorrow's statement",
        lead_structure=mission,
        status=NewsItem.Status.PUBLISHED,
        published_at=timezone.now() + datetime.timedelta(days=1),
    )

    page = publisher.get(delete_url(item)).content.decode()

    assert "“Tomorrow&#x27;s statement” is scheduled for publication" in page


def test_publisher_deleting_a_selection_with_a_submitted_item_deletes_nothing(publisher, mission):
    draft = NewsItemFactory(title="My draft", lead_structure=mission)
    submitted = NewsItemFactory(title="Submitted", lead_structure=mission, status="review")

    response = delete_selected(publisher, [draft, submitted])

    assert response.status_code == 403
    page = response.content.decode()
    assert "“Submitted” is submitted for review" in page
    assert "My draft" not in page.split("deletion-refusals", 1)[1]
    assert "would result in deleting related objects" not in page
    assert "doesn’t have permission" not in page
    assert NewsItem.objects.count() == 2
    # Posting the confirmation anyway changes nothing.
    delete_selected(publisher, [draft, submitted], post="yes")
    assert NewsItem.objects.count() == 2


def test_publisher_deletes_own_drafts_as_before(publisher, mission):
    drafts = NewsItemFactory.create_batch(2, lead_structure=mission)

    confirm = delete_selected(publisher, drafts)
    assert confirm.status_code == 200
    assert "Are you sure" in confirm.content.decode()
    delete_selected(publisher, drafts, post="yes")

    assert NewsItem.objects.count() == 0


def test_publisher_deletes_own_draft_from_its_page(publisher, mission):
    draft = NewsItemFactory(lead_structure=mission)

    assert "Are you sure" in publisher.get(delete_url(draft)).content.decode()
    publisher.post(delete_url(draft), {"post": "yes"})

    assert not NewsItem.objects.exists()


def test_editor_deletes_a_submitted_item(editor):
    item = NewsItemFactory(status="review")

    assert "Are you sure" in editor.get(delete_url(item)).content.decode()
    editor.post(delete_url(item), {"post": "yes"})

    assert not NewsItem.objects.exists()


def test_publisher_cannot_reach_the_deletion_of_another_structures_item(publisher):
    item = NewsItemFactory(status="review")  # another structure's

    response = publisher.get(delete_url(item))

    assert response.status_code in (302, 404)
    assert NewsItem.objects.filter(pk=item.pk).exists()


# View on site.


def view_on_site(client, item):
    """Where the change page's "View on site" link leads."""
    page = client.get(reverse("admin:news_newsitem_change", args=[item.pk]))
    assert "View on site" in page.content.decode()
    return page.context["absolute_url"]


@pytest.mark.parametrize("status", ["draft", "review"])
def test_view_on_site_of_an_unpublished_item_opens_its_preview(editor, status):
    item = NewsItemFactory(status=status)

    url = view_on_site(editor, item)

    assert url == reverse("news:preview", args=[item.pk])
    assert editor.get(url).status_code == 200


def test_view_on_site_of_a_published_item_opens_its_public_page(editor):
    item = PublishedNewsFactory()

    url = view_on_site(editor, item)

    assert editor.get(url, follow=True).redirect_chain[-1][0].endswith(item.get_absolute_url())


# The body, read-only.


def test_publisher_reads_a_published_body_rendered(publisher, mission):
    item = PublishedNewsFactory(
        lead_structure=mission,
        body="<h2>Findings</h2><p>Turnout was <strong>high</strong>.</p>"
        '<p onclick="alert(1)">Clean<script>alert(2)</script></p>',
    )

    page = publisher.get(reverse("admin:news_newsitem_change", args=[item.pk])).content.decode()

    assert (
        '<div class="rendered-body"><h2>Findings</h2><p>Turnout was <strong>high</strong>.</p>'
        "<p>Clean</p></div>"
    ) in page
    assert "&lt;h2&gt;" not in page
    assert "alert" not in page.split('class="rendered-body"', 1)[1].split("</div>", 1)[0]


def test_publisher_edits_a_draft_body_in_the_editor(publisher, mission):
    item = NewsItemFactory(lead_structure=mission)

    page = publisher.get(reverse("admin:news_newsitem_change", args=[item.pk])).content.decode()

    assert 'name="body"' in page
    assert "rendered-body" not in page


# The admin's chrome.


def test_admin_header_and_titles_carry_the_sites_name(editor, settings):
    page = editor.get(reverse("admin:index")).content.decode()

    assert f'<div id="site-name"><a href="/admin/">{settings.SITE_NAME}</a></div>' in page
    assert f"| {settings.SITE_NAME}</title>" in page
    assert "Django administration" not in page
    assert "Django site admin" not in page


def test_sign_in_page_carries_the_sites_name(client, settings):
    page = client.get(reverse("admin:login")).content.decode()

    assert settings.SITE_NAME in page
    assert "Django administration" not in page


def test_time_fields_are_labelled_with_the_organisations_zone(editor):
    page = editor.get(reverse("admin:news_newsitem_add")).content.decode()

    assert 'src="/static/admin/site/time-zone.js" data-zone="Europe/Vienna"' in page
    assert "admin/site/time-zone.css" in page


# The admin shows help texts as HTML, read-only ones too: the slug's has no angle brackets to
# lose ("/en/news/<slug>/" read "/en/news//.").
SLUG_HELP = (
    "The last part of the item's address, as in /en/news/this-part/: Latin letters, digits "
    "and hyphens, unique among the items in its language."
)


def test_slug_help_text_shows_the_address_pattern(editor):
    page = editor.get(reverse("admin:news_newsitem_add")).content.decode()

    assert SLUG_HELP in page


def test_slug_help_text_reads_the_same_read_only(publisher, mission):
    published = PublishedNewsFactory(lead_structure=mission)

    url = reverse("admin:news_newsitem_change", args=[published.pk])
    page = publisher.get(url).content.decode()

    assert SLUG_HELP in page and "/en/news//." not in page


# Times in messages.


@pytest.fixture
def site_formats(settings):
    """The site's own formats (osce_cms/formats): FORMAT_MODULE_PATH in settings. Django keeps
    the formats it has read: forgotten when the setting changes, and again after the test."""
    settings.FORMAT_MODULE_PATH = ["osce_cms.formats"]
    formats.reset_format_cache()
    yield
    formats.reset_format_cache()


@pytest.mark.usefixtures("site_formats")
def test_a_time_ending_a_message_ends_it_once_in_the_organisations_zone():
    from news.services import local_time

    winter = datetime.datetime(2026, 12, 6, 14, 4, tzinfo=datetime.UTC)
    summer = datetime.datetime(2026, 7, 6, 14, 4, tzinfo=datetime.UTC)

    assert f"Scheduled for {local_time(winter)}." == "Scheduled for Dec. 6, 2026, 15:04 CET."
    assert f"Scheduled for {local_time(summer)}." == "Scheduled for July 6, 2026, 16:04 CEST."


@pytest.mark.usefixtures("site_formats")
def test_no_message_of_the_news_admin_ends_in_pm(editor):
    item = NewsItemFactory(
        status=NewsItem.Status.PUBLISHED,
        published_at=datetime.datetime(2030, 1, 7, 14, 30, tzinfo=datetime.UTC),
    )

    page = editor.get(reverse("admin:news_newsitem_change", args=[item.pk])).content.decode()

    assert "p.m." not in page and "a.m." not in page
    # Its creation and last change, shown read-only, say their zone.
    assert re.search(r", \d\d:\d\d CES?T</div>", page)


def test_times_read_on_the_24_hour_clock_with_their_zone():
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from django.utils.formats import date_format

    afternoon = datetime(2026, 12, 6, 15, 4, tzinfo=ZoneInfo("Europe/Vienna"))

    assert date_format(afternoon, "DATETIME_FORMAT") == "Dec. 6, 2026, 15:04 CET"
    assert date_format(afternoon.time(), "TIME_FORMAT") == "15:04"
