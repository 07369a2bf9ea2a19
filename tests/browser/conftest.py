"""The browser tests: Debian's Chromium driven by Playwright against pytest-django's live
server, on a set of public and hidden news seeded once for the whole folder.

Chromium is /usr/bin/chromium (`apt-get install chromium chromium-driver`), never a browser
that `playwright install` downloads. axe-core comes from node_modules (package.json); the tests
run `npm ci` once when it is missing. Locally, a missing Chromium or npm skips these tests with
the reason; with BROWSER_TESTS_REQUIRED=1 (set by .ci/run) it fails them instead.
"""

import datetime
import os
import shutil
import subprocess
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    MeetingSeriesFactory,
    NewsItemFactory,
    PublishedNewsFactory,
    StructureFactory,
    hidden_news,
)

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

DESKTOP = {"viewport": {"width": 1280, "height": 800}}
PHONE = {
    "viewport": {"width": 360, "height": 640},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
}
SIZES = {"desktop": DESKTOP, "phone": PHONE}


def unavailable(reason):
    """Skip locally; fail where the browser tests are required (CI)."""
    if os.environ.get("BROWSER_TESTS_REQUIRED") == "1":
        pytest.fail(f"{reason} (BROWSER_TESTS_REQUIRED=1)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="package", autouse=True)
def _async_unsafe():
    """Playwright's sync API runs an event loop in this thread, which makes Django refuse the
    ORM here (SynchronousOnlyOperation) unless told it is safe; only for these tests."""
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if before is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


@pytest.fixture(scope="package")
def chromium(_async_unsafe, site):
    """The browser; set up after `site` so that it closes first, ending its connections to
    the live server before the rows are flushed."""
    if not CHROMIUM.exists():
        unavailable(f"no Chromium at {CHROMIUM}: apt-get install chromium chromium-driver")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="package")
def axe_source():
    """The path of axe-core's script, installed by `npm ci` if node_modules lacks it."""
    if not AXE.exists():
        npm = shutil.which("npm")
        if npm is None:
            unavailable("axe-core is not in node_modules and there is no npm to install it")
        subprocess.run(
            [npm, "ci", "--omit=dev", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=ROOT,
            check=True,
        )
    return str(AXE)


@dataclass
class Site:
    """The live server's address and the seeded rows the tests visit."""

    url: str
    rows: dict = field(default_factory=dict)

    def __getitem__(self, name):
        return self.rows[name]


def seed():
    """Enough news for two pages of /news/, across the taxonomy, and one item in each state the
    public never sees. Names are real ones so that pages read as they do in production."""
    now = timezone.now()
    fields = {
        slug: FieldOfWorkFactory(name=name, slug=slug)
        for slug, name in [
            ("gender-equality", "Gender equality"),
            ("elections", "Elections"),
            ("media-freedom-and-development", "Media freedom and development"),
        ]
    }
    countries = {
        slug: CountryFactory(name=name, slug=slug, iso_code=code)
        for slug, name, code in [
            ("albania", "Albania", "AL"),
            ("switzerland", "Switzerland", "CH"),
            ("malta", "Malta", "MT"),
        ]
    }
    countries["japan"] = CountryFactory(
        name="Japan", slug="japan", iso_code="JP", group="asian-partner"
    )
    secretariat = StructureFactory(name="Secretariat", slug="secretariat", kind="secretariat")
    presence = StructureFactory(
        name="Presence in Albania", slug="presence-in-albania", kind="field-operation"
    )
    odihr = StructureFactory(
        name="Office for Democratic Institutions and Human Rights",
        slug="odihr",
        kind="institution",
    )
    series = MeetingSeriesFactory(
        name="Ministerial Council meetings", slug="ministerial-council-meetings"
    )
    from meetings.models import Meeting

    meeting = Meeting.objects.create(
        series=series,
        title="31st Ministerial Council, Valletta 2024",
        slug="valletta-2024",
        city="Valletta",
        country=countries["malta"],
        start_date=datetime.date(2024, 12, 5),
        end_date=datetime.date(2024, 12, 6),
    )

    subjects = [
        ("Women mediators meet in Tirana", "gender-equality", "albania", presence),
        ("Election observers deployed across Switzerland", "elections", "switzerland", odihr),
        (
            "Journalists' safety discussed in Valletta",
            "media-freedom-and-development",
            "malta",
            secretariat,
        ),
    ]
    items = []
    for number in range(36):
        title, field_slug, country_slug, structure = subjects[number % 3]
        items.append(
            PublishedNewsFactory(
                title=f"{title}, part {number + 1}",
                slug=f"item-{number + 1}",
                lede=f"{title}: the opening paragraph of part {number + 1}.",
                body=f"<p>{title}. A paragraph of the body, with a few words to search.</p>",
                date_issued=datetime.date(2025, 11, 1) - datetime.timedelta(days=number),
                published_at=now - datetime.timedelta(days=number, hours=1),
                lead_structure=structure,
                fields_of_work=[fields[field_slug]],
                countries=[countries[country_slug]],
                meeting_series=[series] if number % 6 == 2 else None,
            )
        )
    # One item in several fields and countries: the journeys narrow to it.
    both = PublishedNewsFactory(
        title="Gender-sensitive election observation in Albania",
        slug="gender-sensitive-election-observation",
        lede="Observers trained to report on women's participation.",
        date_issued=datetime.date(2025, 11, 2),
        published_at=now - datetime.timedelta(minutes=30),
        lead_structure=odihr,
        fields_of_work=[fields["gender-equality"], fields["elections"]],
        countries=[countries["albania"], countries["japan"]],
    )
    meeting.news.add(items[2], both)
    hidden = hidden_news(fields_of_work=[fields["elections"]], countries=[countries["albania"]])
    NewsItemFactory(title="Unfinished draft about Malta", countries=[countries["malta"]])
    # The footer's pages, as their migration loads them (a flush before this folder's tests
    # may have removed them).
    from pages.content import PAGES
    from pages.models import Page

    for page in PAGES:
        Page.objects.update_or_create(slot=page["slot"], defaults=page)
    return {
        "fields": fields,
        "countries": countries,
        "structures": {"secretariat": secretariat, "presence": presence, "odihr": odihr},
        "series": series,
        "meeting": meeting,
        "items": items,
        "both": both,
        "hidden": hidden,
    }


@pytest.fixture(scope="package")
def site(django_db_setup, django_db_blocker, live_server):
    """The live server with the seeded news, for every test of this folder.

    pytest-django would give each live-server test a transactional database, flushed after
    it; seeding once and flushing once at the end keeps the folder fast. The rows are
    committed, so the server's thread reads them (on SQLite it shares this connection)."""
    with django_db_blocker.unblock():
        rows = seed()
        yield Site(url=live_server.url, rows=rows)
        # The server's request threads hold a database connection until their client hangs
        # up; let them end, or PostgreSQL refuses to drop the test database at the end.
        for thread in threading.enumerate():
            if getattr(thread, "_target", None) is not None and (
                thread._target.__name__ == "process_request_thread"
            ):
                thread.join(timeout=5)
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture(autouse=True)
def _news_left_as_seeded(request, django_db_blocker):
    """News items a test makes (the desk's journeys publish some) are deleted after it: the
    folder shares one seeded database, and the visitor's tests count its results."""
    if "site" not in request.fixturenames:
        yield
        return
    from news.models import NewsItem

    with django_db_blocker.unblock():
        last = NewsItem.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    yield
    with django_db_blocker.unblock():
        for item in NewsItem.objects.filter(pk__gt=last):
            item.delete()


@pytest.fixture(autouse=True)
def _live_server_helper(request):
    """Replaces pytest-django's helper of the same name for this folder: the live server's
    settings for each test, but no transactional database per test (see `site`)."""
    if "live_server" not in request.fixturenames:
        yield
        return
    live_server = request.getfixturevalue("live_server")
    live_server._live_server_modified_settings.enable()
    yield
    live_server._live_server_modified_settings.disable()


def new_context(chromium, site, size, **options):
    return chromium.new_context(base_url=site.url, **SIZES[size], **options)


def signed_in_context(chromium, site, user, size="desktop", **options):
    """A browser context of its own signed in as `user`, by a session made on the server."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    context = new_context(chromium, site, size, **options)
    context.set_default_timeout(10_000)
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "url": site.url}]
    )
    return context


def role(name):
    """The group of role `name`, with its permissions as the roles migrations give them: a
    flush by an earlier transactional test of this worker empties the migrations' rows."""
    from importlib import import_module

    from django.contrib.auth.models import Group, Permission

    group, _created = Group.objects.get_or_create(name=name)
    wanted = set(import_module("news.migrations.0004_roles").ROLES[name])
    library = import_module("library.migrations.0002_roles").ROLES.get(name, [])
    wanted |= {("library", codename) for codename in library}
    group.permissions.set(
        permission
        for permission in Permission.objects.select_related("content_type")
        if (permission.content_type.app_label, permission.codename) in wanted
    )
    return group


@pytest.fixture(params=["desktop", "phone"])
def size(request):
    return request.param


@pytest.fixture(scope="package")
def shared_pages(chromium, site):
    """Pages kept open for the whole folder, one per size and CSP mode, for the tests that only
    load a page and read it (a new page costs ~0.3 s): `shared_pages(size, bypass_csp)`."""
    opened = {}

    def get(size, bypass_csp=False):
        if (size, bypass_csp) not in opened:
            context = new_context(chromium, site, size, bypass_csp=bypass_csp)
            context.set_default_timeout(10_000)
            opened[size, bypass_csp] = context.new_page()
        return opened[size, bypass_csp]

    yield get
    for page in opened.values():
        page.context.close()


@pytest.fixture
def page(chromium, site, size):
    """A page in a fresh context at the parametrised size, with the site's own CSP."""
    context = new_context(chromium, site, size)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.csp_errors = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and page.csp_errors.append(message.text)
        ),
    )
    yield page
    context.close()


def public_pages(site):
    """Every public page type, by name: the address a visitor opens."""
    return {
        "home": "/",
        "news": "/en/news/",
        "filtered news": "/en/news/?field=gender-equality&country=albania",
        "search": "/en/news/?q=mediators",
        "item": site["both"].get_absolute_url(),
        "fields of work": "/en/fields-of-work/",
        "field of work": site["fields"]["elections"].get_absolute_url(),
        "countries": "/en/countries/",
        "country": site["countries"]["albania"].get_absolute_url(),
        "structures": "/en/structures/",
        "structure": site["structures"]["odihr"].get_absolute_url(),
        "meeting series list": "/en/meetings/",
        "meeting series": site["series"].get_absolute_url(),
        "meeting": site["meeting"].get_absolute_url(),
        "field operations": "/en/field-operations/",
        "footer page": "/en/accessibility/",
        "404": "/en/news/no-such-item/",
    }


PAGE_NAMES = [
    "home",
    "news",
    "filtered news",
    "search",
    "item",
    "fields of work",
    "field of work",
    "countries",
    "country",
    "structures",
    "structure",
    "meeting series list",
    "meeting series",
    "meeting",
    "field operations",
    "footer page",
    "404",
]
