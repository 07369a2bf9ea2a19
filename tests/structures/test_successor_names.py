"""News keeps the name its lead issuer had on the day of issue: after a rename, older items
show the former name (the card on /news/, the item's page, the feeds, the API), newer ones
the new name; and reading the names costs no query."""

import datetime
import json

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from newsroom import index as news_index
from structures.models import FormerName, Structure
from tests.factories import PublishedNewsFactory, StructureFactory

pytestmark = pytest.mark.django_db

OLD_NAME = "Spillover Monitor Mission to Skopje"
NEW_NAME = "Mission to Skopje"
RENAMED_ON = datetime.date(2010, 6, 1)  # a date for the test, not the historical one


@pytest.fixture
def renamed():
    """A structure renamed on RENAMED_ON, with an item issued the day before and one on it."""
    mission = StructureFactory(name=NEW_NAME, slug="mission-to-skopje")
    FormerName.objects.create(structure=mission, name=OLD_NAME, used_until=RENAMED_ON)
    old = PublishedNewsFactory(
        title="Border monitoring continues",
        slug="border-monitoring",
        lead_structure=mission,
        date_issued=RENAMED_ON - datetime.timedelta(days=1),
    )
    new = PublishedNewsFactory(
        title="Police training opens",
        slug="police-training",
        lead_structure=mission,
        date_issued=RENAMED_ON,
    )
    return mission, old, new


def card_issuers(client, path):
    """{title: issuer} of the cards of a list page."""
    html = client.get(path).content.decode()
    found = {}
    for card in html.split('<article class="card')[1:]:
        title = card.split('class="card-title"><a href="')[1].split(">", 1)[1].split("<")[0]
        issuer = card.split('<span class="card-issuer">')[1].split("</span>")[0]
        found[title] = issuer
    return found


def test_news_list_cards_show_the_name_on_the_day_of_issue(client, renamed):
    assert card_issuers(client, reverse("news:list")) == {
        "Border monitoring continues": OLD_NAME,
        "Police training opens": NEW_NAME,
    }


def test_structure_page_lists_its_news_under_the_names_of_their_day(client, renamed):
    mission, _old, _new = renamed
    assert card_issuers(client, mission.get_absolute_url()) == {
        "Border monitoring continues": OLD_NAME,
        "Police training opens": NEW_NAME,
    }


def test_item_page_says_issued_by_the_former_name_and_links_to_the_structure(client, renamed):
    mission, old, new = renamed
    old_page = client.get(old.get_absolute_url()).content.decode()
    assert f'<a href="{mission.get_absolute_url()}">{OLD_NAME}</a>' in old_page
    new_page = client.get(new.get_absolute_url()).content.decode()
    assert f'<a href="{mission.get_absolute_url()}">{NEW_NAME}</a>' in new_page


def test_item_page_structured_data_names_the_author_as_on_the_day_of_issue(client, renamed):
    _mission, old, new = renamed
    for item, name in ((old, OLD_NAME), (new, NEW_NAME)):
        page = client.get(item.get_absolute_url()).content.decode()
        data = json.loads(
            page.split('<script type="application/ld+json">')[1].split("</script>")[0]
        )
        assert [author["name"] for author in data["author"]] == [name]


@pytest.mark.parametrize("feed", ["news:rss", "news:atom"])
def test_feeds_name_the_author_as_on_the_day_of_issue(client, renamed, feed):
    parsed = feedparser.parse(client.get(reverse(feed)).content)
    authors = {entry.title: entry.get("author") for entry in parsed.entries}
    assert OLD_NAME in authors["Border monitoring continues"]
    assert NEW_NAME in authors["Police training opens"]
    assert OLD_NAME not in authors["Police training opens"]


def test_api_gives_the_name_on_the_day_of_issue_beside_the_structure(client, renamed):
    mission, old, _new = renamed
    listed = {entry["slug"]: entry for entry in client.get("/api/v1/news/").json()["results"]}
    assert listed["border-monitoring"]["issued_as"] == OLD_NAME
    assert listed["border-monitoring"]["issued_by"]["slug"] == mission.slug
    assert listed["police-training"]["issued_as"] == NEW_NAME
    detail = client.get(f"/api/v1/news/{old.slug}/").json()
    assert detail["issued_as"] == OLD_NAME


def test_two_renames_give_three_periods_with_the_acronym_of_each(client):
    office = StructureFactory(name="Office for Democratic Institutions and Human Rights")
    office.acronym = "ODIHR"
    office.save()
    FormerName.objects.create(
        structure=office, name="Office for Free Elections", used_until=datetime.date(1992, 1, 1)
    )
    FormerName.objects.create(
        structure=office, name="Interim name", acronym="IN", used_until=datetime.date(1995, 1, 1)
    )
    for year in (1991, 1993, 1996):
        PublishedNewsFactory(
            title=f"Item of {year}", lead_structure=office, date_issued=datetime.date(year, 6, 1)
        )
    assert card_issuers(client, reverse("news:list")) == {
        "Item of 1991": "Office for Free Elections",
        "Item of 1993": "Interim name (IN)",
        "Item of 1996": "Office for Democratic Institutions and Human Rights (ODIHR)",
    }


def test_undated_former_names_are_shown_on_no_news(client):
    mission = StructureFactory(name=NEW_NAME)
    FormerName.objects.create(structure=mission, name=OLD_NAME, used_until=None)
    PublishedNewsFactory(
        title="Dated", lead_structure=mission, date_issued=datetime.date(2000, 1, 1)
    )
    assert card_issuers(client, reverse("news:list")) == {"Dated": NEW_NAME}


def test_a_structure_with_no_date_of_issue_to_go_by_has_its_current_name():
    mission = StructureFactory(name=NEW_NAME)
    FormerName.objects.create(structure=mission, name=OLD_NAME, used_until=RENAMED_ON)
    mission.refresh_from_db()
    assert mission.name_on(None) == NEW_NAME
    assert mission.name_on(RENAMED_ON - datetime.timedelta(days=1)) == OLD_NAME


def test_correcting_or_deleting_a_former_name_shows_at_once(client, renamed):
    mission, _old, _new = renamed
    former = mission.former_names.get()
    former.used_until = RENAMED_ON - datetime.timedelta(days=10)
    former.save()
    assert card_issuers(client, reverse("news:list"))["Border monitoring continues"] == NEW_NAME
    former.used_until = RENAMED_ON
    former.save()
    assert card_issuers(client, reverse("news:list"))["Border monitoring continues"] == OLD_NAME
    mission.former_names.all().delete()
    assert card_issuers(client, reverse("news:list"))["Border monitoring continues"] == NEW_NAME


def test_renaming_through_the_admin_keeps_older_news_under_the_old_name(admin_client, client):
    mission = StructureFactory(name=OLD_NAME, slug="mission-to-skopje")
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    PublishedNewsFactory(title="Issued yesterday", lead_structure=mission, date_issued=yesterday)
    url = reverse("admin:structures_structure_change", args=[mission.pk])
    response = admin_client.post(
        url,
        {
            "name": NEW_NAME,
            "acronym": "",
            "slug": mission.slug,
            "kind": mission.kind,
            "order": 0,
            "is_active": "on",
            "former_names-TOTAL_FORMS": 0,
            "former_names-INITIAL_FORMS": 0,
            "memberships-TOTAL_FORMS": 0,
            "memberships-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302
    PublishedNewsFactory(
        title="Issued today",
        lead_structure=Structure.objects.get(pk=mission.pk),
        date_issued=timezone.localdate(),
    )
    assert card_issuers(client, reverse("news:list")) == {
        "Issued yesterday": OLD_NAME,
        "Issued today": NEW_NAME,
    }


def test_former_names_add_no_query_to_the_news_list(client):
    """The same page, renamed issuers or not: the names come with the issuers' rows."""

    def count(path):
        client.get(path)  # the first view after a change reads the terms and the index
        with CaptureQueriesContext(connection) as context:
            assert client.get(path).status_code == 200
        return len(context.captured_queries)

    structures = [StructureFactory() for _ in range(5)]
    for n in range(20):
        PublishedNewsFactory(
            lead_structure=structures[n % 5], date_issued=datetime.date(2000 + n, 1, 1)
        )
    news_index.current()
    plain = count(reverse("news:list"))
    for n, structure in enumerate(structures):
        for k in range(3):
            FormerName.objects.create(
                structure=structure,
                name=f"Old {n}-{k}",
                used_until=datetime.date(2005 + k * 5, 1, 1),
            )
    assert count(reverse("news:list")) == plain
    assert "Old 0-0" in client.get(reverse("news:list")).content.decode()
