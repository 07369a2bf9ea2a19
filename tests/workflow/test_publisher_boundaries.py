"""A publisher reaches only their structures' news, and never publishes: every way round
through the admin's URLs and forms is tried, and refused."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import NewsItem
from tests.factories import NewsItemFactory, PublishedNewsFactory
from tests.workflow.admin_posts import (
    ADD_URL,
    CHANGELIST_URL,
    bulk,
    change_url,
    form_errors,
    messages_of,
    news_form,
)

pytestmark = pytest.mark.django_db

Status = NewsItem.Status


@pytest.fixture
def serbia_draft(mission_serbia):
    return NewsItemFactory(title="Serbian judges trained", lead_structure=mission_serbia)


@pytest.fixture
def secretariat_draft(secretariat_unit):
    return NewsItemFactory(title="Cyber security talks", lead_structure=secretariat_unit)


@pytest.fixture
def as_serbia(login, publisher_serbia):
    return login(publisher_serbia)


def listed_titles(response):
    return [item.title for item in response.context["cl"].result_list]


def test_changelist_lists_own_drafts_and_those_of_structures_below_only(
    as_serbia, serbia_draft, secretariat_draft, serbia_office
):
    office_draft = NewsItemFactory(title="Novi Pazar office opens", lead_structure=serbia_office)

    response = as_serbia.get(CHANGELIST_URL)

    assert sorted(listed_titles(response)) == sorted([serbia_draft.title, office_draft.title])
    assert secretariat_draft.title not in response.content.decode()


def test_the_other_publisher_sees_only_theirs(
    login, publisher_secretariat_unit, serbia_draft, secretariat_draft
):
    response = login(publisher_secretariat_unit).get(CHANGELIST_URL)

    assert listed_titles(response) == [secretariat_draft.title]


def test_searching_does_not_find_another_structures_draft(
    as_serbia, serbia_draft, secretariat_draft
):
    response = as_serbia.get(CHANGELIST_URL, {"q": "Cyber"})

    assert listed_titles(response) == []
    assert "Cyber security talks" not in response.content.decode()


def test_issuer_filter_offers_only_own_structures(as_serbia, serbia_draft, secretariat_draft):
    response = as_serbia.get(CHANGELIST_URL)

    assert "Transnational Threats Department" not in response.content.decode()
    foreign = {"lead_structure__id__exact": secretariat_draft.lead_structure_id}
    response = as_serbia.get(CHANGELIST_URL, foreign)
    assert listed_titles(response) == []


@pytest.mark.parametrize("page", ["change", "history", "delete"])
def test_typing_the_url_of_another_structures_draft_finds_nothing(
    as_serbia, secretariat_draft, page
):
    url = reverse(f"admin:news_newsitem_{page}", args=[secretariat_draft.pk])

    response = as_serbia.get(url, follow=True)

    assert response.redirect_chain[0] == (reverse("admin:index"), 302)
    assert "Cyber security talks" not in response.content.decode()


def test_posting_to_another_structures_draft_changes_nothing(as_serbia, secretariat_draft):
    response = as_serbia.post(
        change_url(secretariat_draft), news_form(secretariat_draft, title="Hijacked")
    )

    assert response.status_code == 302
    secretariat_draft.refresh_from_db()
    assert secretariat_draft.title == "Cyber security talks"


def test_deleting_another_structures_draft_by_post_is_refused(as_serbia, secretariat_draft):
    url = reverse("admin:news_newsitem_delete", args=[secretariat_draft.pk])

    as_serbia.post(url, {"post": "yes"})

    assert NewsItem.objects.filter(pk=secretariat_draft.pk).exists()


def test_naming_a_foreign_structure_as_issuer_of_a_new_item_is_refused(
    as_serbia, secretariat_unit, field_of_work
):
    response = as_serbia.post(
        ADD_URL, news_form(lead_structure=secretariat_unit.pk, fields_of_work=[field_of_work.pk])
    )

    assert response.status_code == 200
    assert form_errors(response, "lead_structure") == [
        "You may only name a structure you publish for, or one under it, as the issuer."
    ]
    assert not NewsItem.objects.exists()


def test_moving_own_draft_to_a_foreign_structure_is_refused(
    as_serbia, serbia_draft, secretariat_unit
):
    response = as_serbia.post(
        change_url(serbia_draft), news_form(serbia_draft, lead_structure=secretariat_unit.pk)
    )

    assert response.status_code == 200
    assert form_errors(response, "lead_structure")
    serbia_draft.refresh_from_db()
    assert serbia_draft.lead_structure.name == "Mission to Serbia"


def test_a_new_item_may_name_a_structure_under_their_own(
    as_serbia, publisher_serbia, serbia_office, field_of_work
):
    response = as_serbia.post(
        ADD_URL, news_form(lead_structure=serbia_office.pk, fields_of_work=[field_of_work.pk])
    )

    assert response.status_code == 302
    item = NewsItem.objects.get()
    assert (item.lead_structure, item.created_by) == (serbia_office, publisher_serbia)


def test_lead_structure_autocomplete_offers_only_own_structures(
    as_serbia, mission_serbia, serbia_office, secretariat_unit
):
    response = as_serbia.get(
        reverse("admin:autocomplete"),
        {"app_label": "news", "model_name": "newsitem", "field_name": "lead_structure", "term": ""},
    )

    assert response.status_code == 200
    ids = {int(result["id"]) for result in response.json()["results"]}
    assert ids == {mission_serbia.pk, serbia_office.pk}


def test_supporting_structures_autocomplete_offers_every_structure(
    as_serbia, mission_serbia, secretariat_unit
):
    """Co-issuers may be anyone: a joint statement credits the other structure."""
    response = as_serbia.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "news",
            "model_name": "newsitem",
            "field_name": "supporting_structures",
            "term": "",
        },
    )

    ids = {int(result["id"]) for result in response.json()["results"]}
    assert {mission_serbia.pk, secretariat_unit.pk} <= ids


def test_publishing_by_form_post_is_refused(as_serbia, serbia_draft):
    response = as_serbia.post(
        change_url(serbia_draft), news_form(serbia_draft, status=Status.PUBLISHED)
    )

    assert response.status_code == 200
    [error] = form_errors(response, "status")
    assert "Select a valid choice" in error
    serbia_draft.refresh_from_db()
    assert serbia_draft.status == Status.DRAFT
    assert not serbia_draft.transitions.exists()


def test_the_status_menu_offers_a_publisher_only_review(as_serbia, serbia_draft):
    response = as_serbia.get(change_url(serbia_draft))

    choices = response.context["adminform"].form.fields["status"].choices
    assert [value for value, _label in choices] == [Status.DRAFT, Status.REVIEW]
    assert 'name="confirm_publication"' not in response.content.decode()
    assert 'name="published_at_0"' not in response.content.decode()


def test_publication_time_and_notice_cannot_be_set_by_a_publisher(as_serbia, serbia_draft):
    later = timezone.localtime() + datetime.timedelta(days=1)

    response = as_serbia.post(
        change_url(serbia_draft),
        news_form(
            serbia_draft,
            published_at_0=later.date().isoformat(),
            published_at_1="09:00:00",
            withdrawal_notice="Forged",
        ),
    )

    assert response.status_code == 302
    serbia_draft.refresh_from_db()
    assert (serbia_draft.published_at, serbia_draft.withdrawal_notice) == (None, "")


@pytest.mark.parametrize("action", ["publish_selected", "withdraw_selected"])
def test_bulk_publish_and_withdraw_are_not_offered_and_refused_by_post(
    as_serbia, mission_serbia, action
):
    draft = NewsItemFactory(lead_structure=mission_serbia, status=Status.REVIEW)
    public = PublishedNewsFactory(lead_structure=mission_serbia)

    page = as_serbia.get(CHANGELIST_URL)
    offered = [name for name, _label in page.context["action_form"].fields["action"].choices]
    response = as_serbia.post(
        CHANGELIST_URL, bulk(action, [draft, public], notice="Forged"), follow=True
    )

    assert action not in offered
    assert "submit_selected" in offered
    assert "No action selected." in messages_of(response)
    draft.refresh_from_db()
    public.refresh_from_db()
    assert (draft.status, public.status) == (Status.REVIEW, Status.PUBLISHED)


def test_bulk_submit_moves_own_items_and_says_what_was_refused(
    as_serbia, serbia_draft, secretariat_draft, mission_serbia
):
    incomplete = NewsItemFactory(
        title="Undated", lead_structure=mission_serbia, date_issued=None
    )

    response = as_serbia.post(
        CHANGELIST_URL,
        bulk("submit_selected", [serbia_draft, incomplete, secretariat_draft]),
        follow=True,
    )

    assert messages_of(response) == [
        "“Serbian judges trained”: Submitted for review.",
        "“Undated” was left as it was: It cannot be submitted for review yet: add a date "
        "issued.",
        "1 selected item is not one you may change, or no longer exists: nothing was done to it.",
    ]
    statuses = dict(NewsItem.objects.values_list("title", "status"))
    assert statuses == {
        "Serbian judges trained": Status.REVIEW,
        "Undated": Status.DRAFT,
        "Cyber security talks": Status.DRAFT,
    }


def test_a_published_item_of_their_own_is_read_only_for_a_publisher(as_serbia, mission_serbia):
    public = PublishedNewsFactory(title="Public news", lead_structure=mission_serbia)

    page = as_serbia.get(change_url(public))
    post = as_serbia.post(change_url(public), news_form(public, title="Changed live"))

    assert page.status_code == 200
    assert page.context["has_change_permission"] is False
    assert post.status_code == 403
    public.refresh_from_db()
    assert public.title == "Public news"


def test_publisher_deletes_own_draft_but_not_what_was_published(as_serbia, mission_serbia):
    draft = NewsItemFactory(lead_structure=mission_serbia)
    public = PublishedNewsFactory(lead_structure=mission_serbia)

    as_serbia.post(reverse("admin:news_newsitem_delete", args=[draft.pk]), {"post": "yes"})
    refused = as_serbia.post(
        reverse("admin:news_newsitem_delete", args=[public.pk]), {"post": "yes"}
    )

    assert not NewsItem.objects.filter(pk=draft.pk).exists()
    assert refused.status_code == 403
    assert NewsItem.objects.filter(pk=public.pk).exists()


def test_bulk_delete_of_a_published_item_is_refused(as_serbia, mission_serbia):
    public = PublishedNewsFactory(lead_structure=mission_serbia)

    response = as_serbia.post(CHANGELIST_URL, bulk("delete_selected", [public], post="yes"))

    assert response.status_code == 403
    assert NewsItem.objects.filter(pk=public.pk).exists()


def test_submitting_by_form_is_recorded_as_the_publisher(as_serbia, publisher_serbia, serbia_draft):
    response = as_serbia.post(
        change_url(serbia_draft), news_form(serbia_draft, status=Status.REVIEW), follow=True
    )

    assert "Submitted for review." in messages_of(response)
    serbia_draft.refresh_from_db()
    assert serbia_draft.status == Status.REVIEW
    transition = serbia_draft.transitions.get()
    assert (transition.from_status, transition.to_status, transition.by) == (
        Status.DRAFT,
        Status.REVIEW,
        publisher_serbia,
    )


def test_scheduled_view_shows_a_publisher_only_their_items(
    as_serbia, mission_serbia, secretariat_unit
):
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    own = NewsItemFactory(
        title="Own scheduled", lead_structure=mission_serbia, status=Status.PUBLISHED,
        published_at=tomorrow,
    )
    NewsItemFactory(
        title="Foreign scheduled", lead_structure=secretariat_unit, status=Status.PUBLISHED,
        published_at=tomorrow,
    )

    response = as_serbia.get(reverse("admin:news_newsitem_scheduled"))

    assert response.status_code == 200
    assert "Own scheduled" in response.content.decode()
    assert change_url(own) in response.content.decode()
    assert "Foreign scheduled" not in response.content.decode()
