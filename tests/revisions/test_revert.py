"""An editor restores an earlier revision: title, body and every relation come back."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from news.models import NewsItem
from tests.factories import (
    AttachmentFactory,
    CountryFactory,
    FieldOfWorkFactory,
    MeetingSeriesFactory,
    NewsItemFactory,
    StructureFactory,
    TagFactory,
)
from tests.revisions.browser import form_values

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"


def change_url(item):
    return reverse("admin:news_newsitem_change", args=[item.pk])


def revision_url(item, version):
    return reverse("admin:news_newsitem_revision", args=[item.pk, version.pk])


def save_in_admin(client, item, **changes):
    response = client.post(change_url(item), form_values(client.get(change_url(item)), **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors
    return Version.objects.get_for_object(item).order_by("-pk").first()


@pytest.fixture
def terms():
    return {
        "fields": [FieldOfWorkFactory(name="Rule of law"), FieldOfWorkFactory(name="Youth")],
        "countries": [CountryFactory(name="Serbia"), CountryFactory(name="Moldova")],
        "meetings": [MeetingSeriesFactory(name="Ministerial Councils")],
        "structures": [StructureFactory(name="ODIHR"), StructureFactory(name="HCNM")],
        "tags": [TagFactory(name="judges"), TagFactory(name="elections")],
    }


@pytest.fixture
def item(mission, terms):
    item = NewsItemFactory(
        title="Mission trains judges",
        body="<p>Forty judges took part.</p>",
        lead_structure=mission,
        fields_of_work=terms["fields"][:1],
        countries=terms["countries"][:1],
        meeting_series=terms["meetings"],
        supporting_structures=terms["structures"][:1],
        tags=terms["tags"][:1],
    )
    AttachmentFactory(news=item, title="Agenda")
    return item


def relations(item):
    item = NewsItem.objects.get(pk=item.pk)
    return {
        "fields": set(item.fields_of_work.values_list("name", flat=True)),
        "countries": set(item.countries.values_list("name", flat=True)),
        "meetings": set(item.meeting_series.values_list("name", flat=True)),
        "structures": set(item.supporting_structures.values_list("name", flat=True)),
        "tags": set(item.tags.values_list("name", flat=True)),
        "attachments": set(item.attachments.values_list("title", flat=True)),
    }


def test_revert_restores_title_body_and_relations_and_removes_later_ones(
    editor_client, item, terms
):
    first = save_in_admin(editor_client, item)
    before = relations(item)
    fields, countries, structures = terms["fields"], terms["countries"], terms["structures"]
    save_in_admin(
        editor_client,
        item,
        title="Mission trains prosecutors",
        body="<p>Sixty prosecutors took part.</p>",
        fields_of_work=[str(field.pk) for field in fields],
        countries=[str(countries[1].pk)],
        meeting_series=[],
        supporting_structures=[str(structure.pk) for structure in structures],
        tags="judges, elections",
        **{
            "attachments-TOTAL_FORMS": "2",
            "attachments-1-title": "Report",
            "attachments-1-language": "en",
            "attachments-1-order": "1",
            "attachments-1-file": SimpleUploadedFile("report.pdf", PDF, "application/pdf"),
        },
    )
    assert relations(item) == {
        "fields": {"Rule of law", "Youth"},
        "countries": {"Moldova"},
        "meetings": set(),
        "structures": {"ODIHR", "HCNM"},
        "tags": {"judges", "elections"},
        "attachments": {"Agenda", "Report"},
    }

    form = editor_client.get(revision_url(item, first))
    assert form.status_code == 200
    assert form.context["adminform"].form["title"].value() == "Mission trains judges"
    response = editor_client.post(revision_url(item, first), form_values(form))

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "Mission trains judges"
    assert item.body == "<p>Forty judges took part.</p>"
    assert (
        relations(item)
        == before
        == {
            "fields": {"Rule of law"},
            "countries": {"Serbia"},
            "meetings": {"Ministerial Councils"},
            "structures": {"ODIHR"},
            "tags": {"judges"},
            "attachments": {"Agenda"},
        }
    )
    latest = Version.objects.get_for_object(item).order_by("-pk").first()
    assert latest.revision.comment.startswith("Reverted to previous version")


def test_looking_at_a_revision_changes_nothing(editor_client, item):
    first = save_in_admin(editor_client, item)
    save_in_admin(editor_client, item, title="Mission trains prosecutors")

    editor_client.get(revision_url(item, first))

    item.refresh_from_db()
    assert item.title == "Mission trains prosecutors"


def test_revert_keeps_the_current_status(editor_client, item):
    first = save_in_admin(editor_client, item)  # a draft
    NewsItem.objects.filter(pk=item.pk).update(
        status=NewsItem.Status.REVIEW, title="Mission trains prosecutors"
    )

    form = editor_client.get(revision_url(item, first))
    assert form.context["adminform"].form["status"].value() == NewsItem.Status.REVIEW
    editor_client.post(revision_url(item, first), form_values(form))

    item.refresh_from_db()
    assert item.title == "Mission trains judges"
    assert item.status == NewsItem.Status.REVIEW


def test_publisher_of_another_structure_cannot_see_or_revert_a_revision(
    editor_client, outsider, item
):
    first = save_in_admin(editor_client, item)
    form = editor_client.get(revision_url(item, first))
    save_in_admin(editor_client, item, title="Mission trains prosecutors")
    client = Client()
    client.force_login(outsider)

    assert client.get(revision_url(item, first)).status_code in (302, 404)
    response = client.post(revision_url(item, first), form_values(form))

    assert response.status_code in (302, 403, 404)
    item.refresh_from_db()
    assert item.title == "Mission trains prosecutors"
    assert Version.objects.get_for_object(item).count() == 2


def test_publisher_cannot_revert_an_item_once_it_is_published(editor_client, publisher, item):
    first = save_in_admin(editor_client, item)
    form = editor_client.get(revision_url(item, first))
    NewsItem.objects.filter(pk=item.pk).update(
        title="Mission trains prosecutors",
        status=NewsItem.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    client = Client()
    client.force_login(publisher)

    response = client.post(revision_url(item, first), form_values(form))

    assert response.status_code == 403
    item.refresh_from_db()
    assert item.title == "Mission trains prosecutors"
    assert item.status == NewsItem.Status.PUBLISHED


def test_a_revision_using_a_since_deleted_term_is_refused_with_a_message(
    editor_client, item, terms
):
    youth = terms["fields"][1]
    youth_id = youth.pk
    first = save_in_admin(editor_client, item, fields_of_work=[str(youth.pk)])
    save_in_admin(editor_client, item, fields_of_work=[str(terms["fields"][0].pk)])
    youth.delete()

    response = editor_client.get(revision_url(item, first), follow=True)

    assert response.redirect_chain[0][0] == reverse("admin:news_newsitem_history", args=[item.pk])
    [message] = [str(m) for m in response.context["messages"] if "cannot be restored" in str(m)]
    assert message.startswith("This revision cannot be restored")
    assert f"fields of work #{youth_id}" in message
    assert relations(item)["fields"] == {"Rule of law"}


def test_a_revision_of_another_item_cannot_be_restored_into_this_one(editor_client, item, mission):
    other = NewsItemFactory(title="Another item", lead_structure=mission)
    other_version = save_in_admin(editor_client, other)
    save_in_admin(editor_client, item)

    assert editor_client.get(revision_url(item, other_version)).status_code == 404


def test_recovering_deleted_items_is_for_editors_only(client, publisher, editor):
    client.force_login(publisher)
    assert client.get(reverse("admin:news_newsitem_recoverlist")).status_code == 403
    client.force_login(editor)
    assert client.get(reverse("admin:news_newsitem_recoverlist")).status_code == 200
