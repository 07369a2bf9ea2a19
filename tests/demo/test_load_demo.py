"""`manage.py load_demo`: the seed's real item, and generated items that behave like real news."""

import datetime
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone
from django.utils.text import slugify

from demo import writers
from demo.generator import DemoNewsGenerator
from demo.seed import SEED_ITEM
from demo.taxonomy import DemoTaxonomy
from demo.texts import CAPITALS, FIELD_SERIES, FIELD_TEXTS, GENERAL_SERIES, HOST_CITIES, PROFILES
from demo.wording import slugify_title
from news.html import sanitize_html
from news.models import RELATIONS, NewsFieldOfWork, NewsItem, TaggedNews
from news.search import matching
from structures.models import Structure
from taxonomy.models import Country, FieldOfWork, MeetingSeries

pytestmark = pytest.mark.django_db

ITEMS = 60
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="COPY and ANALYZE are PostgreSQL's"
)


def load_demo(**options):
    out = StringIO()
    call_command("load_demo", stdout=out, **options)
    return out.getvalue()


def generated():
    return NewsItem.objects.exclude(slug=SEED_ITEM["slug"])


def snapshot():
    """What a visitor would see of each generated item, with terms named by slug."""
    return [
        (
            item.slug,
            item.title,
            item.date_issued,
            item.status,
            item.lead_structure.slug,
            sorted(field.slug for field in item.fields_of_work.all()),
            sorted(country.slug for country in item.countries.all()),
            sorted(tag.name for tag in item.tags.all()),
        )
        for item in generated()
        .select_related("lead_structure")
        .prefetch_related("fields_of_work", "countries", "tags")
        .order_by("slug")
    ]


@pytest.fixture
def demo_output():
    return load_demo(items=ITEMS)


def test_seed_item_is_a_draft_with_no_issue_date_and_its_real_metadata(demo_output):
    item = NewsItem.objects.get(slug=SEED_ITEM["slug"])

    assert item.title == (
        "OSCE holds roundtable discussion on overcoming challenges related to the prosecution "
        "of trafficking in human beings"
    )
    assert item.lede.startswith("Impunity of human traffickers remains a crucial")
    assert item.status == NewsItem.Status.DRAFT
    assert item.date_issued is None
    assert item.published_at is None
    assert item.kind == NewsItem.Kind.NEWS
    assert item.lead_structure.name == "Secretariat"
    assert [f.name for f in item.fields_of_work.all()] == ["Combating trafficking in human beings"]
    assert {c.name for c in item.countries.all()} == {
        "Austria",
        "Denmark",
        "Finland",
        "France",
        "Iceland",
        "Ireland",
        "Sweden",
        "Norway",
        "United Kingdom",
    }
    assert [m.name for m in item.meeting_series.all()] == [
        "Conference of the Alliance against Trafficking in Persons"
    ]
    assert "<blockquote><p>“The issue of victim consent" in item.body
    assert sanitize_html(item.body) == item.body
    assert "kept as a draft: the source gives no issue date" in demo_output


def test_seed_item_is_not_public(demo_output):
    assert not NewsItem.objects.published().filter(slug=SEED_ITEM["slug"]).exists()


def test_command_adds_the_requested_items_in_batches_and_nothing_when_run_again():
    output = load_demo(items=ITEMS, batch_size=25)

    assert generated().count() == ITEMS
    assert "25/60 generated items checked" in output
    assert "60/60 generated items checked, 60 added (" in output
    assert "items/s, 0:00:00 to go)" in output
    links = NewsItem.fields_of_work.through.objects.count()

    output = load_demo(items=ITEMS)

    assert NewsItem.objects.count() == ITEMS + 1
    assert NewsItem.fields_of_work.through.objects.count() == links
    assert "0 generated items added, 60 already there" in output
    assert "already loaded; left as it is" in output


def test_a_larger_count_adds_only_the_missing_items(demo_output):
    before = snapshot()

    load_demo(items=ITEMS + 15)

    after = snapshot()
    assert len(after) == ITEMS + 15
    assert all(row in after for row in before)


def test_same_seed_gives_the_same_items_and_another_seed_different_ones():
    load_demo(items=ITEMS, seed=7)
    first = snapshot()
    NewsItem.objects.all().delete()

    load_demo(items=ITEMS, seed=7)
    again = snapshot()
    NewsItem.objects.all().delete()

    load_demo(items=ITEMS, seed=8)
    other = snapshot()

    assert again == first
    assert {row[1] for row in other} != {row[1] for row in first}
    assert len({row[1] for row in first} & {row[1] for row in other}) < ITEMS // 2


def test_every_published_item_meets_the_publication_rules(demo_output):
    now = timezone.now()
    today = timezone.localdate()
    published = (
        generated().filter(status=NewsItem.Status.PUBLISHED).prefetch_related("fields_of_work")
    )

    assert published.count() >= ITEMS * 0.8
    for item in published:
        assert item.date_issued is not None
        assert item.lead_structure_id is not None
        assert item.published_at is not None
        assert len(item.fields_of_work.all()) >= 1
        if item.translation_source_id is None:
            assert timezone.localtime(item.published_at).date() == item.date_issued
        else:  # a translation may be published days after its source
            assert timezone.localtime(item.published_at).date() >= item.date_issued
        if item.date_issued <= today:
            assert item.published_at <= now
        else:  # scheduled
            assert item.published_at > now


def test_drafts_reviews_withdrawn_and_scheduled_items_are_not_public(demo_output):
    now = timezone.now()
    drafts = generated().filter(status=NewsItem.Status.DRAFT)
    in_review = generated().filter(status=NewsItem.Status.REVIEW)
    withdrawn = generated().filter(status=NewsItem.Status.WITHDRAWN)
    scheduled = generated().filter(status=NewsItem.Status.PUBLISHED, published_at__gt=now)
    public = set(NewsItem.objects.published().values_list("pk", flat=True))

    for hidden in (drafts, in_review, withdrawn, scheduled):
        assert hidden.exists()
        assert not public & set(hidden.values_list("pk", flat=True))
    assert len(public) == ITEMS - sum(q.count() for q in (drafts, in_review, withdrawn, scheduled))
    assert scheduled.filter(date_issued__gt=timezone.localdate()).count() == scheduled.count()


def test_home_page_lists_published_demo_items_and_no_unpublished_ones(client, demo_output):
    now = timezone.now()
    # The newest of what an English home page shows: English items, and one member of each
    # group with no English one (NewsItemQuerySet.in_language()).
    newest = (
        generated()
        .filter(status=NewsItem.Status.PUBLISHED, published_at__lte=now)
        .in_language("en")
        .order_by("-date_issued", "-id")
        .first()
    )
    # Unpublished items are dated today or later: without the filter they would top the list.
    hidden = generated().exclude(status=NewsItem.Status.PUBLISHED) | generated().filter(
        published_at__gt=now
    )

    response = client.get("/en/")

    assert response.status_code == 200
    content = response.content.decode()
    assert newest.get_absolute_url() in content
    for item in hidden:
        assert item.get_absolute_url() not in content


def test_generated_bodies_are_safe_html_of_three_to_six_paragraphs(demo_output):
    bodies = list(generated().values_list("body", flat=True))

    for body in bodies:
        assert sanitize_html(body) == body
        assert 3 <= body.count("<p>") <= 6
    assert any("<blockquote>" in body for body in bodies)


def test_generated_items_are_consistent_with_their_issuer():
    call_command("load_taxonomy", stdout=StringIO())
    generator = DemoNewsGenerator(DemoTaxonomy.from_database(), seed=1, now=timezone.now())
    generator.taxonomy.tags = {name: 0 for name in generator.taxonomy.tag_names(2100)}
    items = [generator.item(index) for index in range(1, 2001)]
    structures = {s.pk: s for s in Structure.objects.all()}
    countries = dict(Country.objects.values_list("pk", "slug"))

    field_operation_items = hosted = 0
    for item in items:
        values = item.values
        structure = structures[values["lead_structure_id"]]
        assert structure.kind != Structure.Kind.GROUP
        terms = item.term_ids
        assert set(terms) == {relation.name for relation in RELATIONS}
        assert 1 <= len(terms["fields_of_work"]) <= 4
        assert len(terms["countries"]) <= 3
        assert len(terms["tags"]) <= 3
        supporting = terms["supporting_structures"]
        assert len(supporting) <= 2 and structure.pk not in supporting
        issued = values["date_issued"]
        if issued and structure.closed_on:
            assert issued <= structure.closed_on
        if issued is None:
            assert values["status"] == NewsItem.Status.DRAFT
            assert values["dateline"] == ""
        if (
            structure.kind == Structure.Kind.FIELD_OPERATION
            and issued
            and values["language"] == "en"
        ):
            field_operation_items += 1
            assert values["dateline"].startswith(structure.city.upper() + ", ")
            if structure.host_country_id and structure.host_country_id in terms["countries"]:
                hosted += 1
        if terms["meeting_series"]:
            assert structure.kind in (
                Structure.Kind.SECRETARIAT,
                Structure.Kind.SECRETARIAT_UNIT,
                Structure.Kind.CHAIRPERSONSHIP,
            )
        assert all(countries[pk] for pk in terms["countries"])

    assert hosted >= field_operation_items * 0.7
    statuses = Counter(item.values["status"] for item in items)
    assert 0.85 <= statuses[NewsItem.Status.PUBLISHED] / len(items) <= 0.95
    kinds = Counter(item.values["kind"] for item in items)
    assert kinds[NewsItem.Kind.NEWS] + kinds[NewsItem.Kind.PRESS_RELEASE] > len(items) / 2
    assert {NewsItem.Kind.STATEMENT, NewsItem.Kind.FEATURE_STORY, NewsItem.Kind.SPOT_REPORT} <= set(
        kinds
    )
    years = Counter(item.values["date_issued"].year for item in items if item.values["date_issued"])
    assert min(years) == 2006
    assert years[2007] < years[2024]
    assert len({item.values["slug"] for item in items}) == len(items)


def test_generated_item_does_not_depend_on_the_items_before_it():
    call_command("load_taxonomy", stdout=StringIO())
    now = timezone.now()
    generator = DemoNewsGenerator(DemoTaxonomy.from_database(), seed=3, now=now)
    generator.taxonomy.tags = {name: 0 for name in generator.taxonomy.tag_names(2100)}
    in_sequence = [generator.item(index).values for index in range(1, 40)][-1]

    fresh = DemoNewsGenerator(DemoTaxonomy.from_database(), seed=3, now=now)
    fresh.taxonomy.tags = generator.taxonomy.tags

    assert fresh.item(39).values == in_sequence


def test_names_used_by_the_generator_exist_in_the_loaded_taxonomy():
    call_command("load_taxonomy", stdout=StringIO())
    fields = set(FieldOfWork.objects.values_list("slug", flat=True))
    series = set(MeetingSeries.objects.values_list("slug", flat=True))
    countries = set(Country.objects.values_list("slug", flat=True))
    structures = set(Structure.objects.values_list("slug", flat=True))

    assert set(FIELD_TEXTS) == fields
    assert set(FIELD_SERIES) <= fields
    assert {slug for slugs in FIELD_SERIES.values() for slug in slugs} <= series
    assert set(GENERAL_SERIES) <= series
    assert set(PROFILES) <= structures
    assert {slug for profile in PROFILES.values() for slug in profile.fields} <= fields
    assert set(CAPITALS) == set(
        Country.objects.filter(group=Country.Group.PARTICIPATING_STATE).values_list(
            "slug", flat=True
        )
    )
    assert set(HOST_CITIES) <= countries


def test_missing_taxonomy_stops_the_command_with_a_clear_message(monkeypatch):
    monkeypatch.setattr(
        "demo.management.commands.load_demo.call_command", lambda *args, **kwargs: None
    )

    with pytest.raises(CommandError, match="The taxonomy is missing"):
        load_demo(items=5)
    assert not NewsItem.objects.exists()


def test_negative_item_count_is_refused():
    with pytest.raises(CommandError, match="cannot be negative"):
        load_demo(items=-1)


def test_dates_are_not_in_the_future_except_for_scheduled_items(demo_output):
    today = timezone.localdate()
    late = generated().filter(date_issued__gt=today)

    assert late.exists()
    assert set(late.values_list("status", flat=True)) == {NewsItem.Status.PUBLISHED}
    assert all(item.date_issued - today <= datetime.timedelta(days=21) for item in late)


def demo_generator(seed, now, last_day=None):
    generator = DemoNewsGenerator(
        DemoTaxonomy.from_database(), seed=seed, now=now, last_day=last_day
    )
    generator.taxonomy.tags = {name: 0 for name in generator.taxonomy.tag_names(2100)}
    return generator


def test_items_are_the_same_on_any_day_and_scheduled_ones_stay_ahead_of_the_run():
    """For the same last day (load_demo: the day of the first load) and seed, a run a year
    later builds the same items: only the scheduled ones move with the day of the run."""
    call_command("load_taxonomy", stdout=StringIO())
    now = timezone.now()
    later = now + datetime.timedelta(days=400)
    last_day = timezone.localdate(now)
    on_the_day = demo_generator(5, now, last_day)
    a_year_later = demo_generator(5, later, last_day)
    today_items = [on_the_day.item(index) for index in range(1, 301)]
    later_items = [a_year_later.item(index) for index in range(1, 301)]

    scheduled = 0
    for today_item, later_item in zip(today_items, later_items, strict=True):
        values, later_values = today_item.values, later_item.values
        assert later_values["slug"] == values["slug"]
        assert later_values["title"] == values["title"]
        if values["date_issued"] and values["date_issued"] > last_day:
            scheduled += 1
            assert values["published_at"] > now
            assert later_values["published_at"] > later
        elif now in (values["published_at"], values["withdrawn_at"]):
            # Of the last day, at an hour after the run: published (or withdrawn) at the run.
            times = {"published_at": None, "withdrawn_at": None}
            assert {**later_values, **times} == {**values, **times}
        elif today_item.source and values["date_issued"] >= last_day - datetime.timedelta(days=11):
            # A translation published hours or days after its source: a draft while that is
            # still to come.
            times = {"status": None, "published_at": None, "text_changed_at": None}
            assert {**later_values, **times} == {**values, **times}
        else:
            assert later_item == today_item
    assert scheduled >= 2


def test_running_again_builds_no_item_whole(monkeypatch):
    load_demo(items=ITEMS)

    def rebuild(generator, head):
        raise AssertionError(f"item {head.index} was built again")

    monkeypatch.setattr(DemoNewsGenerator, "finish", rebuild)
    output = load_demo(items=ITEMS)

    assert "0 generated items added, 60 already there" in output


def test_slugs_are_what_django_slugify_makes_of_the_titles():
    call_command("load_taxonomy", stdout=StringIO())
    generator = demo_generator(11, timezone.now())
    titles = [generator.item(index).values["title"] for index in range(1, 501)]
    titles += [
        "Shkodër and Bălți: “quotes”, 100% — dashes",
        "  --Leading__and--trailing__  ",
        "tab\there, new\nline, form\x0cfeed, file\x1cseparator",
        "x_-_y and a-- -b",
        "Œuvre, Straße, ĲK",
    ]

    for title in titles:
        assert slugify_title(title) == slugify(title)


def stored_items():
    """Everything stored of each generated item, with its relations as primary keys (its
    translation source and group by slug: ids differ from one load to the next)."""
    slugs = dict(generated().values_list("pk", "slug"))
    return {
        item.slug: (
            item.title,
            item.kind,
            item.lede,
            item.body,
            item.date_issued,
            item.dateline,
            item.lead_structure_id,
            item.status,
            item.published_at,
            item.created_at,
            item.updated_at,
            item.image.name,
            item.withdrawal_notice,
            sorted(term.pk for term in item.fields_of_work.all()),
            sorted(term.pk for term in item.countries.all()),
            sorted(term.pk for term in item.meeting_series.all()),
            sorted(term.pk for term in item.supporting_structures.all()),
            sorted(term.pk for term in item.tags.all()),
            item.language,
            item.text_changed_at,
            slugs.get(item.translation_source_id),
            slugs.get(item.translation_group),
        )
        for item in generated().prefetch_related(
            "fields_of_work", "countries", "meeting_series", "supporting_structures", "tags"
        )
    }


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_copy_stores_the_same_items_as_bulk_create_and_leaves_the_sequences_right(monkeypatch):
    call_command("load_taxonomy", stdout=StringIO())
    # COPY's special characters and markup in the names that titles, ledes and bodies quote.
    for structure in Structure.objects.all():
        Structure.objects.filter(pk=structure.pk).update(name=structure.name + ' \\ "x"\t<&>')
    monkeypatch.setattr("demo.management.commands.load_demo.call_command", lambda *a, **k: None)
    now = timezone.now()
    monkeypatch.setattr("django.utils.timezone.now", lambda: now)

    load_demo(items=ITEMS, batch_size=25)  # COPY, two connections writing
    copied = stored_items()
    vectors = dict(generated().values_list("slug", "search_vector"))

    assert len(copied) == ITEMS
    assert all(vectors.values())
    assert any('\\ "x"\t&lt;&amp;&gt;' in row[3] for row in copied.values())
    latest = generated().filter(status=NewsItem.Status.PUBLISHED).latest("published_at")
    assert latest in matching(NewsItem.objects.all(), latest.title)
    newest_id = NewsItem.objects.order_by("-pk").values_list("pk", flat=True).first()
    added = NewsItem.objects.create(title="Added after the load", slug="added-after-the-load")
    NewsFieldOfWork.objects.create(news=added, field=FieldOfWork.objects.first())
    added.tags.add("added after the load")
    assert added.pk > newest_id
    assert TaggedNews.objects.filter(content_object=added).count() == 1

    generated().delete()
    monkeypatch.setattr(
        "demo.management.commands.load_demo.CopyWriter",
        lambda now, jobs: writers.BulkCreateWriter(),
    )
    load_demo(items=ITEMS)

    assert stored_items() == copied
    assert dict(generated().values_list("slug", "search_vector")) == vectors


@postgresql_only
def test_load_leaves_fresh_statistics_for_the_planner():
    load_demo(items=ITEMS)

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, reltuples FROM pg_class WHERE relname IN (%s, %s)",
            [NewsItem._meta.db_table, NewsFieldOfWork._meta.db_table],
        )
        estimates = dict(cursor.fetchall())
    assert estimates[NewsItem._meta.db_table] == NewsItem.objects.count()
    assert estimates[NewsFieldOfWork._meta.db_table] == NewsFieldOfWork.objects.count()


@pytest.mark.django_db
def test_the_list_counts_loaded_items_at_once_even_when_cached(client):
    call_command("load_demo", items=20, stdout=StringIO())
    before = client.get("/en/news/").context["page_obj"].paginator.count

    call_command("load_demo", items=60, stdout=StringIO())

    assert client.get("/en/news/").context["page_obj"].paginator.count > before
