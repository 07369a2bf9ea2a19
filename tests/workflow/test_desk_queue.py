"""The admin home shows each staff member their queue: what awaits review, their drafts, what
was returned to them, what is scheduled this week and what was published lately, each part
with its count and a link; a publisher's queue holds only their structures' items."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from news import services
from news.models import NewsItem
from tests.factories import NewsItemFactory, PublishedNewsFactory
from tests.workflow.admin_posts import CHANGELIST_URL

pytestmark = pytest.mark.django_db

Status = NewsItem.Status
INDEX_URL = reverse("admin:index")


def parts(response):
    """{key: (count, [titles shown])} of the queue on the page."""
    return {
        part.key: (part.count, [item.title for item in part.items])
        for part in response.context["parts"]
    }


def hours(n):
    return timezone.now() + datetime.timedelta(hours=n)


@pytest.fixture
def desk(mission_serbia, secretariat_unit, publisher_serbia, editor):
    """Items of Serbia and of the Secretariat in each state, written by publisher_serbia or by
    someone else."""
    serbia, unit = mission_serbia, secretariat_unit
    NewsItemFactory(title="Serbia draft", lead_structure=serbia, created_by=publisher_serbia)
    NewsItemFactory(title="Serbia draft by a colleague", lead_structure=serbia)
    NewsItemFactory(title="Secretariat draft", lead_structure=unit)
    submitted = NewsItemFactory(
        title="Serbia submitted", lead_structure=serbia, created_by=publisher_serbia
    )
    services.submit(submitted, publisher_serbia)
    NewsItemFactory(title="Secretariat submitted", lead_structure=unit, status=Status.REVIEW)
    returned = NewsItemFactory(
        title="Serbia returned", lead_structure=serbia, created_by=publisher_serbia
    )
    services.submit(returned, publisher_serbia)
    services.return_with_comment(returned, editor, "Name the court in the lede.")
    PublishedNewsFactory(title="Serbia tomorrow", lead_structure=serbia, published_at=hours(24))
    PublishedNewsFactory(title="Serbia in a month", lead_structure=serbia, published_at=hours(720))
    PublishedNewsFactory(title="Secretariat tomorrow", lead_structure=unit, published_at=hours(24))
    PublishedNewsFactory(title="Serbia yesterday", lead_structure=serbia, published_at=hours(-24))
    PublishedNewsFactory(title="Serbia last month", lead_structure=serbia, published_at=hours(-720))
    PublishedNewsFactory(title="Secretariat today", lead_structure=unit, published_at=hours(-1))


def test_publisher_sees_their_structures_queue_only(login, publisher_serbia, desk):
    response = login(publisher_serbia).get(INDEX_URL)

    assert parts(response) == {
        "review": (1, ["Serbia submitted"]),
        "returned": (1, ["Serbia returned"]),
        "mine": (2, ["Serbia returned", "Serbia draft"]),
        "scheduled": (1, ["Serbia tomorrow"]),
        "recent": (1, ["Serbia yesterday"]),
    }


def test_editor_sees_everything_awaiting_review(login, editor, desk):
    response = login(editor).get(INDEX_URL)

    counts = {key: count for key, (count, _titles) in parts(response).items()}
    assert counts == {"review": 2, "returned": 0, "mine": 0, "scheduled": 2, "recent": 2}
    assert set(parts(response)["review"][1]) == {"Serbia submitted", "Secretariat submitted"}


def test_returned_item_shows_the_editors_comment_on_the_home(login, publisher_serbia, desk):
    response = login(publisher_serbia).get(INDEX_URL)

    html = response.content.decode()
    assert 'Returned to me: <span class="desk-count">1</span>' in html
    assert "Name the court in the lede." in html
    assert "Returned by editor on " in html


def test_resubmitted_item_is_no_longer_returned(login, publisher_serbia, desk):
    item = NewsItem.objects.get(title="Serbia returned")
    services.submit(item, publisher_serbia)

    response = login(publisher_serbia).get(INDEX_URL)

    assert parts(response)["returned"] == (0, [])
    assert parts(response)["review"][0] == 2


def test_withdrawn_submission_is_not_returned(login, publisher_serbia, mission_serbia):
    """A publisher who takes back their own submission (no comment) has nothing returned."""
    item = NewsItemFactory(lead_structure=mission_serbia, created_by=publisher_serbia)
    services.submit(item, publisher_serbia)
    services.return_to_draft(item, publisher_serbia)

    response = login(publisher_serbia).get(INDEX_URL)

    assert parts(response)["returned"] == (0, [])
    assert parts(response)["mine"] == (1, [item.title])


def test_returned_counts_for_whoever_submitted_it(login, publisher_serbia, editor, mission_serbia):
    """A colleague's draft that publisher_serbia submitted is theirs to fix too."""
    item = NewsItemFactory(lead_structure=mission_serbia)
    services.submit(item, publisher_serbia)
    services.return_with_comment(item, editor, "Add the date.")

    response = login(publisher_serbia).get(INDEX_URL)

    assert parts(response)["returned"] == (1, [item.title])


def test_each_part_links_to_its_list(login, publisher_serbia, desk):
    client = login(publisher_serbia)
    response = client.get(INDEX_URL)
    urls = {part.key: part.url for part in response.context["parts"]}

    listed = {}
    for key in ("review", "returned", "mine", "recent"):
        page = client.get(urls[key])
        assert page.status_code == 200, key
        listed[key] = {item.title for item in page.context["cl"].result_list}
    scheduled = client.get(urls["scheduled"])

    assert listed == {
        "review": {"Serbia submitted"},
        "returned": {"Serbia returned"},
        "mine": {"Serbia returned", "Serbia draft"},
        "recent": {"Serbia yesterday"},
    }
    assert scheduled.status_code == 200
    assert scheduled.context["count"] == 1


def test_part_lists_the_first_five_and_links_to_all(login, publisher_serbia, mission_serbia):
    for n in range(7):
        NewsItemFactory(
            title=f"Draft {n}", lead_structure=mission_serbia, created_by=publisher_serbia
        )

    response = login(publisher_serbia).get(INDEX_URL)

    count, titles = parts(response)["mine"]
    assert count == 7 and len(titles) == 5
    assert "See all 7 items" in response.content.decode()


def test_queue_queries_do_not_grow_with_items(
    login, publisher_serbia, mission_serbia, django_assert_max_num_queries
):
    for n in range(30):
        NewsItemFactory(lead_structure=mission_serbia, created_by=publisher_serbia)
        PublishedNewsFactory(lead_structure=mission_serbia, published_at=hours(-n - 1))
        PublishedNewsFactory(lead_structure=mission_serbia, published_at=hours(n + 1))
    client = login(publisher_serbia)

    # The session, the user, their rights (2) and structures (2); each part's first items (5)
    # and a count of the three parts that have more than those; the admin's log; the
    # session's save in its savepoint (3).
    with django_assert_max_num_queries(18):
        response = client.get(INDEX_URL)

    assert parts(response)["mine"][0] == 30


def test_staff_without_a_news_role_see_no_queue(login, taxonomy_manager):
    response = login(taxonomy_manager).get(INDEX_URL)

    assert response.status_code == 200
    assert "desk-queue" not in response.content.decode()


def test_desk_filter_of_the_news_list_ignores_unknown_values(login, publisher_serbia, desk):
    response = login(publisher_serbia).get(CHANGELIST_URL, {"desk": "everything"})

    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == 8


def test_a_comment_is_shown_as_text_not_html(login, publisher_serbia, editor, mission_serbia):
    item = NewsItemFactory(lead_structure=mission_serbia, created_by=publisher_serbia)
    services.submit(item, publisher_serbia)
    services.return_with_comment(item, editor, "<script>alert(1)</script> <b>bold</b>")

    html = login(publisher_serbia).get(INDEX_URL).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt;" in html
