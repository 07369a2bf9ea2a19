"""A Russian reader's pages in the browser (issue 11), on a desktop and on a 360 px phone: the
news list in Russian with the English items flagged "In English" in their own lang, the
filters applied through the form (a field of work, other languages not shown) with the
language facet's counts, a Russian item whose language switcher leads to its English source
and back and shows French and German as unavailable; and axe-core (as test_accessibility.py
runs it) finds no violation on any of these pages, none of them wider than a 360 px phone.

Controls are found by their names in the Russian catalogue (`ru()`), as a Russian reader
finds them; each check that a name is Russian fails if the catalogue lacks it.

The folder's seed (conftest.seed) is in English: 37 items, 13 of them in "Elections", one of
those "Gender-sensitive election observation in Albania". The fixture `russian` adds its
published Russian translation and a Russian-only item in Elections, and names Elections in
Russian; all of it undone after each test, since the folder's tests share the database."""

import datetime
import json
import re

import pytest
from django.utils import timezone, translation
from playwright.sync_api import expect

from news.models import NewsItem
from tests.browser.conftest import new_context
from tests.browser.test_accessibility import violations
from tests.factories import PublishedNewsFactory

pytestmark = pytest.mark.browser

ELECTIONS_IN_ENGLISH = 13  # the seeded English items in Elections (conftest.seed)
TRANSLATION = "Гендерно-чувствительное наблюдение за выборами в Албании"
RUSSIAN_ONLY = "Наблюдатели БДИПЧ завершили работу на выборах в Швейцарии"


def ru(message, plural=None, count=None):
    """`message` as the Russian catalogue has it; the English one if it has none (and then
    the test comparing a page's text with it and with the English fails)."""
    with translation.override("ru"):
        if plural is None:
            return translation.gettext(message)
        return translation.ngettext(message, plural, count)


def results_count(count):
    return ru("%(shown)s result", "%(shown)s results", count) % {"shown": count}


def no_violation(page, axe_source, where):
    """axe-core finds nothing, and the page (its Russian words longer than the English ones,
    the language switcher above the header) is no wider than the screen."""
    found = violations(page, axe_source)
    assert found == [], f"{where}: " + json.dumps(found, indent=2)
    wide, screen = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert wide <= screen, f"{where}: the page is {wide} px wide on a {screen} px screen"


@pytest.fixture
def russian(site):
    """The Russian translation of a seeded English item, a Russian-only item, and Elections
    named in Russian; removed and renamed back after the test."""
    source = site["both"]
    now = timezone.now()
    elections = site["fields"]["elections"]
    names = dict(elections.names)
    elections.names = {**names, "ru": "Выборы"}
    elections.save()
    translated = PublishedNewsFactory(
        title=TRANSLATION,
        slug="gendernoe-nabliudenie-za-vyborami",
        language="ru",
        translation_group=source.group,
        translation_source=source,
        lede="Наблюдателей обучили сообщать об участии женщин в выборах.",
        body="<p>Наблюдатели БДИПЧ прошли обучение в Тиране.</p>",
        date_issued=source.date_issued,
        published_at=now - datetime.timedelta(minutes=20),
        lead_structure=source.lead_structure,
        fields_of_work=list(source.fields_of_work.all()),
        countries=list(source.countries.all()),
    )
    alone = PublishedNewsFactory(
        title=RUSSIAN_ONLY,
        slug="nabliudateli-bdipch-zavershili-rabotu",
        language="ru",
        lede="Миссия по наблюдению за выборами представила заключительный отчёт.",
        body="<p>Отчёт опубликован на русском языке.</p>",
        date_issued=datetime.date(2025, 11, 3),
        published_at=now - datetime.timedelta(minutes=10),
        lead_structure=site["structures"]["odihr"],
        fields_of_work=[elections],
        countries=[site["countries"]["switzerland"]],
    )
    yield {"source": source, "translation": translated, "alone": alone}
    NewsItem.objects.filter(pk__in=[translated.pk, alone.pk]).delete()
    elections.names = names
    elections.save()


@pytest.fixture
def browser_page(chromium, site, size):
    """A page at the parametrised size that lets axe's script in past the site's CSP."""
    context = new_context(chromium, site, size, bypass_csp=True)
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def filters_form(page):
    return page.get_by_role("form", name=ru("Filter news"))


def open_filters(page):
    """The filters form, shown: on a phone it waits behind a "Filter" button (a dialog, which
    stays open while ticked choices apply); on a desktop it is beside the results."""
    # Not \b after the name: in the browser's regular expressions it knows no Cyrillic.
    button = page.get_by_role("button", name=re.compile(rf"^{re.escape(ru('Filter'))}( |$)"))
    if not filters_form(page).is_visible() and button.count() and button.first.is_visible():
        button.first.click()
    expect(filters_form(page)).to_be_visible()
    return filters_form(page)


def open_facet(form, name):
    """The group of facet `name`, its <details> opened if it is closed."""
    group = form.get_by_role("group", name=name, exact=True)
    if not group.is_visible():
        form.locator("summary", has_text=name).first.click()
    expect(group).to_be_visible()
    return group


def card(page, title):
    return page.locator("article.card").filter(
        has=page.get_by_role("heading", name=title, exact=True)
    )


def test_a_russian_list_flags_the_english_items(browser_page, site, russian, size, axe_source):
    page = browser_page
    page.goto("/ru/news/")

    expect(page.locator("html")).to_have_attribute("lang", "ru")
    search_label = ru("Search news")
    assert search_label != "Search news", "the Russian catalogue lacks the search label"
    expect(page.get_by_role("searchbox", name=search_label)).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(ru("News"))

    # The Russian translation stands in for its English source, unflagged; an English item
    # with no translation is flagged in Russian, its text marked as English.
    translated = card(page, TRANSLATION)
    expect(translated).to_be_visible()
    expect(translated.locator(".card-language")).to_have_count(0)
    expect(card(page, "Gender-sensitive election observation in Albania")).to_have_count(0)
    english = card(page, "Women mediators meet in Tirana, part 1")
    flag = english.locator(".card-language")
    expect(flag).to_have_text(ru("In English"))
    assert flag.inner_text() != "In English"
    expect(english.get_by_role("heading")).to_have_attribute("lang", "en")
    expect(english.locator(".card-text")).to_have_attribute("lang", "en")
    expect(flag).not_to_have_attribute("lang", "en")  # the flag itself is in Russian

    no_violation(page, axe_source, f"/ru/news/ ({size})")


def test_filters_of_a_russian_list_by_the_form(browser_page, site, russian, size, axe_source):
    page = browser_page
    page.goto("/ru/news/")
    form = open_filters(page)

    open_facet(form, ru("Field of work")).get_by_role("checkbox", name="Выборы", exact=True).check()
    page.wait_for_url(re.compile(r"field=elections"))

    form = open_filters(page)
    languages = open_facet(form, ru("Language"))
    others = languages.get_by_role("group", name=ru("Items in other languages"))
    others.get_by_role("radio", name=ru("Not shown")).check()
    form.get_by_role("button", name=ru("Apply filters")).click()
    page.wait_for_url(re.compile(r"others=exclude"))
    assert page.url.endswith("/ru/news/?field=elections&others=exclude")

    # Only the Russian items of Elections, unflagged.
    expect(page.get_by_role("heading", level=2, name=re.compile(results_count(2)))).to_be_visible()
    titles = page.locator("#news-results article.card h3")
    expect(titles).to_have_text([RUSSIAN_ONLY, TRANSLATION])
    expect(page.locator("#news-results .card-language")).to_have_count(0)

    # The language facet counts each language's results in Elections, read as they are seen
    # and heard (each checkbox is described by its count).
    form = open_filters(page)
    languages = open_facet(form, ru("Language"))
    counts = {"Русский": 2, "Английский": ELECTIONS_IN_ENGLISH}
    for name, count in counts.items():
        box = languages.get_by_role("checkbox", name=name, exact=True)
        expect(box).to_be_visible()
        expect(box).to_have_accessible_description(re.compile(rf"^{count}\b"))
        count_text = languages.locator(f"#{box.get_attribute('aria-describedby')}")
        expect(count_text).to_be_visible()
        expect(count_text).to_contain_text(str(count))
    expect(
        languages.get_by_role("group", name=ru("Items in other languages")).get_by_role(
            "radio", name=ru("Not shown")
        )
    ).to_be_checked()

    # With the filters shown (the dialog on a phone), the language facet open.
    no_violation(page, axe_source, f"filtered /ru/news/ ({size})")


def test_a_russian_items_switcher_leads_to_its_english_source_and_back(
    browser_page, site, russian, size, axe_source
):
    page = browser_page
    source, translated = russian["source"], russian["translation"]
    page.goto(translated.get_absolute_url())

    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.get_by_role("heading", level=1)).to_have_text(TRANSLATION)
    switcher = page.get_by_role("navigation", name=ru("Language"))
    expect(switcher).to_be_visible()
    expect(switcher.locator("[aria-current]")).to_have_text("Русский")
    english = switcher.get_by_role("link", name="English")
    expect(english).to_have_attribute("href", source.get_absolute_url())
    expect(english).to_have_attribute("lang", "en")
    # No French or German translation: named, not linked, and said to be unavailable.
    expect(switcher.get_by_role("link")).to_have_count(1)
    for code, name in [("fr", "français"), ("de", "Deutsch")]:
        unavailable = switcher.locator(".language-unavailable").filter(has_text=name)
        expect(unavailable).to_be_visible()
        expect(unavailable.locator(f'[lang="{code}"]')).to_have_text(name)
    no_violation(page, axe_source, f"Russian item ({size})")

    english.click()
    page.wait_for_url(re.compile(re.escape(source.get_absolute_url()) + "$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(source.title)
    switcher = page.get_by_role("navigation", name="Language")
    expect(switcher.locator("[aria-current]")).to_have_text("English")
    no_violation(page, axe_source, f"its English source ({size})")

    switcher.get_by_role("link", name="Русский").click()
    page.wait_for_url(re.compile(re.escape(translated.get_absolute_url()) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(TRANSLATION)
