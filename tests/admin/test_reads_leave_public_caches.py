"""Reading the admin changes nothing the public caches hold: no GET of any admin page, for
an item in any state or any term, replaces the publication state or writes a row of news,
taxonomy, structures or their history (a rolled-back write included).

The pages are found from the admin site itself (its registry and each ModelAdmin's
get_urls()), so that a view added to an admin is read here without being listed. A view
whose arguments this file cannot fill fails test_every_admin_view_is_read_here.
"""

import datetime
import re

import pytest
import reversion
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, reverse
from django.utils import timezone
from reversion.models import Version

from news import previews
from news.models import NewsItem
from newsroom import freshness
from tests.admin.test_admin_pages import BUILDERS
from tests.factories import (
    AttachmentFactory,
    CountryFactory,
    MeetingSeriesFactory,
    NewsItemFactory,
    StructureFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db

# A statement that writes a row of what the public pages show, or of its history.
APP_WRITE = re.compile(
    r'^\s*(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(news|taxonomy|structures|taggit|reversion)_',
    re.IGNORECASE,
)

Status = NewsItem.Status
STATES = [Status.DRAFT, Status.REVIEW, Status.PUBLISHED, Status.WITHDRAWN]

# What a GET may get: the page, or "method not allowed" from a view that only takes a POST
# (preview links); not a redirect away from a page that could not be shown.
ANSWERED = {200, 405}

# The arguments of reversion's views, whose regular expressions do not name them.
POSITIONAL = {"recover": ["version_id"], "revision": ["object_id", "version_id"]}
# Arguments this file knows how to fill, for an object: see Subject.arguments().
KNOWN_ARGUMENTS = {"object_id", "version_id", "link_id", "id"}


def view_arguments(pattern):
    """The names of the arguments of an admin URL pattern, in order."""
    converters = getattr(pattern.pattern, "converters", None)
    if converters:
        return list(converters)
    regex = pattern.pattern.regex
    if regex.groupindex:
        return list(regex.groupindex)
    if regex.groups:
        return POSITIONAL.get(pattern.name.rsplit("_", 1)[-1], [f"?{regex.groups}"])
    return []


def admin_views():
    """(model, url name, argument names) of every named view of every registered admin.

    The unnamed pattern of each admin is Django's redirect of an old change address.
    """
    return [
        (model, pattern.name, view_arguments(pattern))
        for model, model_admin in sorted(
            admin.site._registry.items(), key=lambda entry: entry[0]._meta.label
        )
        for pattern in model_admin.get_urls()
        if isinstance(pattern, URLPattern) and pattern.name
    ]


ADMIN_VIEWS = admin_views()
NEWS_VIEWS = [(name, args) for model, name, args in ADMIN_VIEWS if model is NewsItem]
TERM_VIEWS = [(model, name, args) for model, name, args in ADMIN_VIEWS if model is not NewsItem]


def news_item(status, title):
    """An item in `status` with every relation, an attachment, a preview link and two
    revisions (as two admin saves make)."""
    now = timezone.now()
    when = {
        Status.PUBLISHED: {"published_at": now - datetime.timedelta(hours=1)},
        Status.WITHDRAWN: {
            "published_at": now - datetime.timedelta(days=3),
            "withdrawn_at": now - datetime.timedelta(days=1),
            "withdrawal_notice": "Published by mistake.",
        },
    }.get(status, {})
    with reversion.create_revision():
        item = NewsItemFactory(
            title=title,
            status=status,
            countries=[CountryFactory()],
            meeting_series=[MeetingSeriesFactory()],
            supporting_structures=[StructureFactory()],
            tags=[TagFactory()],
            **when,
        )
        AttachmentFactory(news=item)
    with reversion.create_revision():
        item.title = f"{title}, revised"
        item.save()
    return item


class Subject:
    """An object whose admin pages are read, with what their URLs need."""

    def __init__(self, obj, user, deleted_version=None):
        self.obj = obj
        self.versions = []
        if reversion.is_registered(type(obj)):
            self.versions = list(Version.objects.get_for_object(obj).order_by("pk"))
        self.deleted_version = deleted_version
        self.links = []
        if isinstance(obj, NewsItem):
            self.links = [previews.create_link(obj, user)]

    def arguments(self, names):
        """Every list of arguments for a view taking `names`."""
        if names == ["version_id"]:  # reversion's recover page: a deleted object's version
            return [[self.deleted_version.pk]] if self.deleted_version else []
        values = {
            "object_id": [self.obj.pk],
            "id": [self.obj.pk],
            "version_id": [version.pk for version in self.versions],
            "link_id": [link.pk for link in self.links],
        }
        combinations = [[]]
        for name in names:
            combinations = [[*done, value] for done in combinations for value in values[name]]
        return combinations

    def query(self, url_name):
        if url_name.endswith("_compare") and len(self.versions) > 1:
            older, newer = self.versions[0], self.versions[-1]
            return f"?from={older.pk}&to={newer.pk}"
        return ""


def deleted_news_version(status):
    """The latest version of an item in `status` that has since been deleted."""
    item = news_item(status, f"Deleted {status}")
    version = Version.objects.get_for_object(item).first()
    item.delete()
    return version


# The admin's own page test builds one object of each registered model; the terms are those.
TERM_BUILDERS = {label: build for label, build in BUILDERS.items() if label != "news.NewsItem"}


def used_term(model):
    """An object of `model`, used by a published item where it can be (so that its delete
    page lists what protects it)."""
    builder = TERM_BUILDERS.get(model._meta.label)
    if builder is None:
        pytest.fail(f"Add a builder for {model._meta.label} to TERM_BUILDERS in this file.")
    term = builder()
    relation = {
        "taxonomy.FieldOfWork": "fields_of_work",
        "taxonomy.MeetingSeries": "meeting_series",
        "taxonomy.Country": "countries",
        "structures.Structure": "supporting_structures",
        "news.Tag": "tags",
    }.get(model._meta.label)
    if relation:
        getattr(news_item(Status.PUBLISHED, f"Using {term}"), relation).add(term)
    return term


def urls(url_name, names, subject):
    return [
        reverse(f"admin:{url_name}", args=arguments) + subject.query(url_name)
        for arguments in subject.arguments(names)
    ]


def read(client, url):
    """GET `url`: (response, the app-table writes it made, whether the state changed)."""
    before = freshness.current().token
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    writes = [q["sql"] for q in queries.captured_queries if APP_WRITE.match(q["sql"])]
    return response, writes, freshness.current().token != before


def assert_reads_leave_public_caches(client, page_urls, answered=ANSWERED):
    assert page_urls, "no page to read: the representative objects lack what the view needs"
    for url in page_urls:
        response, writes, state_changed = read(client, url)
        assert response.status_code in answered, url
        assert writes == [], url
        assert not state_changed, url


def test_every_admin_view_is_read_here():
    unknown = [(name, args) for _model, name, args in ADMIN_VIEWS if set(args) - KNOWN_ARGUMENTS]
    assert unknown == [], "teach Subject.arguments() what these views need"
    assert {"news_newsitem_revision", "news_newsitem_recover", "news_newsitem_compare"} <= {
        name for name, _args in NEWS_VIEWS
    }


@pytest.mark.parametrize("status", STATES)
@pytest.mark.parametrize(("url_name", "names"), NEWS_VIEWS, ids=[n for n, _ in NEWS_VIEWS])
def test_reading_a_news_admin_page_leaves_public_caches(
    superuser_client, superuser, url_name, names, status
):
    subject = Subject(news_item(status, f"Item {status}"), superuser, deleted_news_version(status))
    page_urls = urls(url_name, names, subject)
    if url_name.endswith("_recoverlist"):
        assert subject.deleted_version.object_repr in superuser_client.get(page_urls[0]).text
    assert_reads_leave_public_caches(superuser_client, page_urls)


@pytest.mark.parametrize(
    ("model", "url_name", "names"), TERM_VIEWS, ids=[name for _m, name, _a in TERM_VIEWS]
)
def test_reading_an_admin_page_of_a_term_leaves_public_caches(
    superuser_client, superuser, model, url_name, names
):
    subject = Subject(used_term(model), superuser)
    assert_reads_leave_public_caches(superuser_client, urls(url_name, names, subject))


def test_reading_the_sites_own_admin_pages_leaves_public_caches(superuser_client, superuser):
    item = news_item(Status.PUBLISHED, "Item on the index")
    content_type = ContentType.objects.get_for_model(NewsItem)
    apps = sorted({model._meta.app_label for model in admin.site._registry})
    autocomplete = [
        reverse("admin:autocomplete")
        + f"?app_label={model._meta.app_label}&model_name={model._meta.model_name}"
        f"&field_name={field_name}&term=a"
        for model, model_admin in admin.site._registry.items()
        for field_name in model_admin.autocomplete_fields
    ]
    page_urls = [
        reverse("admin:index"),
        reverse("admin:jsi18n"),
        reverse("admin:password_change"),
        *[reverse("admin:app_list", args=[app]) for app in apps],
        *autocomplete,
    ]
    assert_reads_leave_public_caches(superuser_client, page_urls)
    view_on_site = reverse("admin:view_on_site", args=[content_type.pk, item.pk])
    assert_reads_leave_public_caches(superuser_client, [view_on_site], answered={302})


@pytest.mark.parametrize("status", STATES)
def test_reading_an_items_staff_previews_leaves_public_caches(superuser_client, superuser, status):
    item = news_item(status, f"Previewed {status}")
    attachment = item.attachments.get()
    link = previews.create_link(item, superuser)
    page_urls = [
        reverse("news:preview", args=[item.pk]),
        reverse("news:preview-attachment", args=[item.pk, attachment.pk]),
        reverse("news:shared-preview", args=[link.token]),
        reverse("news:shared-preview-attachment", args=[link.token, attachment.pk]),
    ]
    assert_reads_leave_public_caches(superuser_client, page_urls)
