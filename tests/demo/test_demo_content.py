"""What a visitor sees of the demo content (`manage.py load_demo`): lead images on a share of
the items, countries that agree with titles, text and datelines, dates up to the day of the
load, withdrawn items with their withdrawal date, and featured stories on the home page."""

import datetime
from collections import Counter
from io import StringIO

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from demo.generator import DemoNewsGenerator
from demo.pictures import SCENES, pictures
from demo.seed import SEED_ITEM
from demo.taxonomy import DemoTaxonomy
from demo.texts import CAPITALS, HOST_CITIES
from news.models import NewsItem
from structures.models import Structure
from taxonomy.models import Country
from tests.factories import NewsItemFactory

pytestmark = pytest.mark.django_db

ITEMS = 120


def load_demo(**options):
    call_command("load_demo", stdout=StringIO(), **options)


@pytest.fixture
def loaded():
    load_demo(items=ITEMS)


def generated(count=3000, seed=1975):
    """Items as the loader would write them (nothing stored), with the demo's pictures."""
    call_command("load_taxonomy", stdout=StringIO())
    generator = DemoNewsGenerator(
        DemoTaxonomy.from_database(), seed=seed, now=timezone.now(), pictures=pictures()
    )
    generator.taxonomy.tags = {name: 0 for name in generator.taxonomy.tag_names(2100)}
    return generator, [generator.item(index) for index in range(1, count + 1)]


def test_a_third_of_the_items_share_a_few_pictures_of_several_shapes():
    _generator, items = generated()

    images = Counter(item.values["image"] for item in items if item.values["image"])

    assert 0.28 <= sum(images.values()) / len(items) <= 0.42
    assert len(images) == len(SCENES)  # a few files, each shared by many items
    assert len({width / height for _slug, (width, height), *_rest in SCENES}) >= 4
    for item in items:
        if item.values["image"]:
            assert item.values["image_alt"] and item.values["image_credit"]


def english_text(item, by_index):
    """(title, lede, body, dateline) in English of `item`'s group: its own, the English text an
    item in another language keeps, or its source's."""
    values = item.values
    if values["language"] == "en":
        return values["title"], values["lede"], values["body"], values["dateline"]
    if item.english:
        return item.english
    return english_text(by_index[item.source[0]], by_index)


def test_countries_agree_with_titles_text_and_datelines():
    """The Switzerland page must not list events in Tirana: every country an item is tagged
    with is its issuer's host, this year's Chair for a Chairpersonship item, or named in the
    item (itself or by its capital); a city in its title or dateline is in its first
    participating State. Items in other languages are checked on their group's English text."""
    generator, items = generated()
    by_index = {item.index: item for item in items}
    countries = {
        pk: (slug, name) for pk, slug, name in Country.objects.values_list("pk", "slug", "name")
    }
    issuers = {issuer.pk: issuer for issuer in generator.taxonomy.issuers}
    country_of_city = {city: slug for slug, city in CAPITALS.items()}
    country_of_city |= {city: slug for slug, cities in HOST_CITIES.items() for city in cities}

    several = 0
    for item in items:
        values, tagged = item.values, item.term_ids["countries"]
        issuer = issuers[values["lead_structure_id"]]
        title, lede, body, dateline = english_text(item, by_index)
        text = " ".join([title, lede, body])
        for pk in tagged:
            slug, name = countries[pk]
            assert (
                (issuer.host is not None and issuer.host.pk == pk)
                or issuer.kind == Structure.Kind.CHAIRPERSONSHIP
                or name in text
                or CAPITALS.get(slug, "\0") in text
            ), (values["title"], name)
        several += len(tagged) > 1
        states = [countries[pk][0] for pk in tagged if countries[pk][0] in CAPITALS]
        if not states:
            continue
        # The issuer's own name may hold a city ("Documentation Centre in Prague").
        title = title.replace(issuer.title_name, "")
        for city, slug in country_of_city.items():
            if f" {city}" in title:
                assert slug in states, (title, states)
            if dateline.startswith(f"{city.upper()}, "):
                assert slug in states, (dateline, title, states)
    assert several > len(items) * 0.03  # events still bring several countries together


def test_load_stores_each_picture_once_with_its_renditions_and_shows_them(client, loaded):
    with_images = NewsItem.objects.exclude(image="")

    assert 0.2 <= with_images.count() / ITEMS <= 0.5
    names = set(with_images.values_list("image", flat=True))
    assert names <= {picture.name for picture in pictures()}
    assert all(default_storage.exists(name) for name in names)
    assert default_storage.listdir("renditions")[0] or default_storage.listdir("renditions")[1]
    # Each item stores its renditions' names and sizes, of files that exist.
    for item in with_images.only("image", "image_renditions", "image_focal_x", "image_focal_y"):
        assert item.image_renditions["key"].startswith(item.image.name + "|")
        stored = [
            name
            for role, found in item.image_renditions.items()
            if role != "key"
            for name, _w, _h in found
        ]
        assert stored and all(default_storage.exists(name) for name in stored)
    # Seen with images: the list's thumbnails, the item page's lead image and social card.
    assert "card-with-image" in client.get(reverse("news:list")).content.decode()
    item = NewsItem.objects.published().exclude(image="").first()
    page = client.get(item.get_absolute_url()).content.decode()
    assert 'property="og:image"' in page and f'alt="{item.image_alt}"' in page


def test_demo_features_three_stories_with_images_on_home(client, loaded):
    featured = NewsItem.objects.filter(featured=True)

    assert featured.count() == 3
    assert all(item.is_published() and item.image for item in featured)
    content = client.get(reverse("home")).content.decode()
    story = content[content.index('class="lead-story') :]
    story = story[: story.index("</article>")]
    assert 'fetchpriority="high"' in story
    assert any(item.get_absolute_url() in story for item in featured)


def test_a_later_load_leaves_the_editors_featured_stories_alone(loaded):
    NewsItem.objects.update(featured=False)
    chosen = NewsItem.objects.published().filter(image="").first()
    NewsItem.objects.filter(pk=chosen.pk).update(featured=True)

    load_demo(items=ITEMS + 10)

    assert list(NewsItem.objects.filter(featured=True)) == [chosen]


def test_the_newest_items_are_of_the_last_days_before_the_load(loaded):
    today = timezone.localdate()
    public = NewsItem.objects.published()

    newest = public.order_by("-date_issued").values_list("date_issued", flat=True).first()
    assert today - datetime.timedelta(days=1) <= newest <= today
    assert public.filter(date_issued__gte=today - datetime.timedelta(days=7)).count() >= 10


def test_a_later_run_keeps_the_calendar_of_the_first_load():
    """The items' last day is that of the first load (the seed item's), so that a run on a
    later day with a larger --items adds only the missing items."""
    load_demo(items=0)
    ten_days_ago = timezone.now() - datetime.timedelta(days=10)
    NewsItem.objects.filter(slug=SEED_ITEM["slug"]).update(created_at=ten_days_ago)
    load_demo(items=30)
    first = set(NewsItem.objects.values_list("slug", "date_issued"))

    load_demo(items=40)

    assert NewsItem.objects.count() == 41
    assert first <= set(NewsItem.objects.values_list("slug", "date_issued"))
    newest = NewsItem.objects.published().order_by("-date_issued").first().date_issued
    assert newest == timezone.localdate(ten_days_ago)


def test_withdrawn_items_say_when_and_why(client):
    load_demo(items=300)
    withdrawn = NewsItem.objects.withdrawn()

    assert withdrawn.exists()
    for item in withdrawn:
        assert item.published_at < item.withdrawn_at <= timezone.now()
        assert item.withdrawal_notice
    item = withdrawn.first()
    page = client.get(item.get_absolute_url()).content.decode()
    day = timezone.localtime(item.withdrawn_at).date()
    assert f'Withdrawn on <time datetime="{day.isoformat()}">' in page
    assert item.withdrawal_notice in page


def test_a_withdrawn_item_whose_date_is_unknown_gets_no_empty_date(client):
    item = NewsItemFactory(
        status=NewsItem.Status.WITHDRAWN,
        published_at=timezone.now() - datetime.timedelta(days=3),
        withdrawn_at=None,
        withdrawal_notice="Imported without its withdrawal date.",
    )

    page = client.get(item.get_absolute_url()).content.decode()

    assert "Withdrawn:" in page and "Withdrawn on" not in page
