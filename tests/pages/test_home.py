import datetime
from io import StringIO

import factory
import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from newsroom import freshness
from structures.models import Structure
from taxonomy.models import Country
from tests.factories import (
    ChairpersonshipFactory,
    CountryFactory,
    FieldOfWorkFactory,
    NewsItemFactory,
    PublishedNewsFactory,
    StructureFactory,
)
from tests.pages.checks import assert_hides
from tests.workflow.admin_posts import CHANGELIST_URL, change_url, news_form
from tests.workflow.conftest import staff

pytestmark = pytest.mark.django_db


def test_home_lists_latest_published_news_newest_first(client):
    older = PublishedNewsFactory(title="Older item", date_issued=datetime.date(2024, 1, 5))
    newer = PublishedNewsFactory(title="Newer item", date_issued=datetime.date(2025, 6, 1))

    content = client.get(reverse("home")).content.decode()

    assert content.index(newer.title) < content.index(older.title)
    assert newer.get_absolute_url() in content
    assert "1 June 2025" in content


def test_home_never_shows_unpublished_items(client, make_hidden):
    PublishedNewsFactory(title="Visible item")
    hidden = make_hidden()

    content = client.get(reverse("home")).content.decode()

    assert "Visible item" in content
    assert_hides(content, hidden)


def test_item_published_a_minute_ago_is_on_home(client):
    PublishedNewsFactory(
        title="Just published", published_at=timezone.now() - datetime.timedelta(minutes=1)
    )

    assert "Just published" in client.get(reverse("home")).content.decode()


def test_home_shows_ten_items_and_links_to_all_news(client):
    for day in range(1, 13):
        PublishedNewsFactory(
            title=f"Item of day {day:02d}", date_issued=datetime.date(2025, 1, day)
        )

    content = client.get(reverse("home")).content.decode()

    assert "Item of day 12" in content and "Item of day 03" in content
    assert "Item of day 02" not in content and "Item of day 01" not in content
    assert f'href="{reverse("news:list")}"' in content


def section(content, heading_id):
    """The part of the page from the heading `heading_id` to the end of its block."""
    start = content.index(f'id="{heading_id}"')
    end = min(
        found
        for found in (content.find("</section>", start), content.find("</nav>", start))
        if found != -1
    )
    return content[start:end]


def test_home_names_this_years_chairpersonship(client):
    year = timezone.localdate().year
    finland = CountryFactory(name="Finland", slug="finland")
    ChairpersonshipFactory(year=year, country=finland)
    ChairpersonshipFactory(year=year - 1, country=CountryFactory(name="Malta"))

    chair = section(client.get(reverse("home")).content.decode(), "home-chair-heading")

    assert f"Chairpersonship {year}" in chair
    assert "Finland" in chair and finland.get_absolute_url() in chair
    assert "Malta" not in chair


def test_the_chairpersonship_on_home_follows_the_reference_data(client, monkeypatch):
    """2026's Chair comes from the Chairpersonships that load_taxonomy loads, not from text in
    a template: Switzerland in 2026."""
    call_command("load_taxonomy", stdout=StringIO())
    monkeypatch.setattr(timezone, "localdate", lambda *args: datetime.date(2026, 3, 1))

    chair = section(client.get(reverse("home")).content.decode(), "home-chair-heading")

    assert "Chairpersonship 2026" in chair and ">Switzerland</a>" in chair


def test_home_without_a_chairpersonship_this_year_shows_none(client):
    ChairpersonshipFactory(year=timezone.localdate().year - 1)

    assert 'id="home-chair-heading"' not in client.get(reverse("home")).content.decode()


def test_home_query_count_does_not_grow_with_items(client, django_assert_max_num_queries):
    PublishedNewsFactory(featured=True)
    with CaptureQueriesContext(connection) as one_item:
        client.get(reverse("home"))
    PublishedNewsFactory.create_batch(11)
    PublishedNewsFactory.create_batch(4, featured=True)
    with CaptureQueriesContext(connection) as many_items:
        client.get(reverse("home"))
    assert len(many_items) == len(one_item)
    # Once the entry points are kept for this publication state: the featured stories and
    # the latest news, nothing per item.
    with django_assert_max_num_queries(2):
        client.get(reverse("home"))


def test_card_of_an_item_with_a_lead_image_shows_a_thumbnail(client):
    PublishedNewsFactory(
        title="With a picture",
        image=factory.django.ImageField(filename="photo.jpg", width=1200, height=800),
        image_alt="Two delegates",
    )

    content = client.get(reverse("home")).content.decode()

    card = content[content.index('class="card card-with-image"') :]
    card = card[: card.index("</article>")]
    assert 'alt="Two delegates"' in card and 'loading="lazy"' in card and "srcset=" in card


def test_home_thumbnails_cost_no_query(client):
    PublishedNewsFactory()
    with CaptureQueriesContext(connection) as without_images:
        client.get(reverse("home"))
    PublishedNewsFactory.create_batch(
        3, image=factory.django.ImageField(filename="photo.jpg", width=900, height=600)
    )
    with CaptureQueriesContext(connection) as with_images:
        content = client.get(reverse("home")).content.decode()
    assert content.count("card-with-image") == 3
    assert len(with_images) == len(without_images)


def image(width=1200, height=800):
    return factory.django.ImageField(filename="photo.jpg", width=width, height=height)


def test_the_first_featured_published_story_leads_home_with_its_image(client):
    PublishedNewsFactory(title="Newest, not featured", date_issued=datetime.date(2025, 6, 2))
    PublishedNewsFactory(
        title="Second featured",
        featured=True,
        featured_order=2,
        image=image(),
        image_alt="A hall",
    )
    lead = PublishedNewsFactory(
        title="Main story",
        date_issued=datetime.date(2024, 1, 5),
        featured=True,
        featured_order=1,
        image=image(1600, 900),
        image_alt="Observers at a polling station",
        image_credit="OSCE/Jane Doe",
    )

    content = client.get(reverse("home")).content.decode()

    featured = section(content, "home-featured-heading")
    assert featured.index("Main story") < featured.index("Second featured")
    story = featured[: featured.index("</article>")]
    assert lead.get_absolute_url() in story
    assert 'alt="Observers at a polling station"' in story and "Photo: OSCE/Jane Doe" in story
    assert 'fetchpriority="high"' in story and "srcset=" in story and "sizes=" in story
    assert 'width="' in story and 'height="' in story
    # The one image loaded at once is the main story's; every other one waits its turn.
    assert content.count('fetchpriority="high"') == 1
    assert content.count('loading="lazy"') == content.count("<img") - 1
    # A featured story is not listed again among the latest.
    assert content.count(">Main story</a>") == 1
    assert content.index("Main story") < content.index("Newest, not featured")


def test_a_featured_item_that_is_not_public_is_never_on_home(client, make_hidden):
    PublishedNewsFactory(title="Visible item")
    hidden = make_hidden(featured=True)

    content = client.get(reverse("home")).content.decode()

    assert 'id="home-featured-heading"' not in content
    assert_hides(content, hidden)


def test_without_a_featured_story_home_opens_with_the_latest_news(client):
    PublishedNewsFactory(title="Only item", featured=False)

    content = client.get(reverse("home")).content.decode()

    assert 'id="home-featured-heading"' not in content
    assert "Only item" in section(content, "home-latest-heading")


def test_home_offers_search_the_feed_and_ways_into_the_news(client):
    field = FieldOfWorkFactory(name="Gender equality")
    FieldOfWorkFactory(name="Retired field", is_retired=True)
    FieldOfWorkFactory(name="A subtopic", parent=field)
    state = CountryFactory(name="Moldova")
    CountryFactory(name="Japan", group=Country.Group.ASIAN_PARTNER)
    mission = StructureFactory(name="Mission to Moldova", kind=Structure.Kind.FIELD_OPERATION)
    StructureFactory(name="Secretariat", kind=Structure.Kind.SECRETARIAT)
    StructureFactory(
        name="Closed mission",
        kind=Structure.Kind.FIELD_OPERATION,
        is_active=False,
        closed_on=datetime.date(2010, 1, 1),
    )
    PublishedNewsFactory()

    content = client.get(reverse("home")).content.decode()

    # A search box that sends its words to the news list.
    form = content[content.index('<form class="home-search"') :]
    form = form[: form.index("</form>")]
    assert 'role="search"' in form and f'action="{reverse("news:list")}"' in form
    assert 'method="get"' in form and 'name="q"' in form
    assert '<label for="home-search-q">' in form and 'id="home-search-q"' in form
    # The feed, announced to feed readers and linked for people.
    rss = reverse("news:rss")
    assert '<link rel="alternate" type="application/rss+xml"' in content
    assert f'href="{rss}"' in content.split("</head>")[0]
    assert f'href="{rss}"' in content.split("</head>")[1]
    # Fields of work (top-level, not retired), participating States, field operations.
    fields = section(content, "home-fields-heading")
    assert field.get_absolute_url() in fields
    assert "Retired field" not in fields and "A subtopic" not in fields
    states = section(content, "home-states-heading")
    assert state.get_absolute_url() in states and "Japan" not in states
    operations = section(content, "home-operations-heading")
    assert mission.get_absolute_url() in operations
    assert f'href="{reverse("field-operations")}"' in operations
    assert "Secretariat" not in operations and "Closed mission" not in operations


def test_a_search_from_home_lands_on_the_news_list(client):
    PublishedNewsFactory(title="Border management training")

    response = client.get(reverse("news:list"), {"q": "border"})

    assert response.status_code == 200
    assert "Border management training" in response.content.decode()


def test_entry_points_follow_a_change_of_the_taxonomy(client):
    FieldOfWorkFactory(name="Arms control")
    client.get(reverse("home"))

    FieldOfWorkFactory(name="Youth")

    assert "Youth" in section(client.get(reverse("home")).content.decode(), "home-fields-heading")


def test_home_sets_no_cookie(client):
    PublishedNewsFactory(featured=True, image=image(), image_alt="A hall")

    assert not client.get(reverse("home")).cookies


# Featuring, in the admin.


@pytest.fixture
def editor():
    return staff("editor", "Editor")


@pytest.fixture
def publisher(mission):
    return staff("publisher", "Publisher", [mission])


@pytest.fixture
def mission():
    return StructureFactory(name="Mission to Serbia")


def test_an_editor_features_a_published_item_and_home_shows_it_at_once(client, editor):
    item = PublishedNewsFactory(title="Editors' choice")
    PublishedNewsFactory.create_batch(11)
    client.force_login(editor)
    before = freshness.current()

    response = client.post(
        change_url(item), news_form(item, featured="on", featured_order="1"), follow=True
    )

    assert response.status_code == 200
    item.refresh_from_db()
    assert item.featured and item.featured_order == 1
    assert freshness.current().token != before.token  # what the public sees has changed
    client.logout()
    featured = section(client.get(reverse("home")).content.decode(), "home-featured-heading")
    assert "Editors&#x27; choice" in featured


def test_the_change_list_shows_and_filters_featured_items(client, editor):
    PublishedNewsFactory(title="On home", featured=True, featured_order=4)
    PublishedNewsFactory(title="Not on home")
    client.force_login(editor)

    content = client.get(CHANGELIST_URL, {"featured__exact": "1"}).content.decode()

    assert "On home" in content and "Not on home" not in content
    assert "on the home page" in content.lower()


def test_featuring_a_draft_leaves_what_the_public_sees_alone(client, editor):
    draft = NewsItemFactory(title="Draft to feature")
    client.force_login(editor)
    before = freshness.current()

    client.post(change_url(draft), news_form(draft, featured="on", featured_order="1"))

    draft.refresh_from_db()
    assert draft.featured
    assert freshness.current().token == before.token
    client.logout()
    assert "Draft to feature" not in client.get(reverse("home")).content.decode()


def test_a_publisher_cannot_feature_an_item(client, publisher, mission):
    draft = NewsItemFactory(title="Publisher's draft", lead_structure=mission)
    client.force_login(publisher)

    page = client.get(change_url(draft)).content.decode()
    client.post(change_url(draft), news_form(draft, featured="on", featured_order="1"))

    assert 'name="featured"' not in page
    draft.refresh_from_db()
    assert not draft.featured
