"""A visitor's journeys through the newsroom, on a desktop and on a phone, driven by role and
accessible name as a screen-reader user or a keyboard user would find the controls.

The seeded news (conftest.seed): 37 public items; "Elections" has 13 (12 in Switzerland, and
one also in Albania), "mediators" is in 12 titles."""

import re
from urllib.parse import parse_qs, urlsplit

import feedparser
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import new_context

pytestmark = pytest.mark.browser


def query(url):
    """The URL's parameters, empty ones included: a clean URL has none."""
    return parse_qs(urlsplit(url).query, keep_blank_values=True)


def results_heading(page, text):
    return page.get_by_role("heading", level=2, name=re.compile(rf"^{re.escape(text)}\b"))


def filters_form(page):
    return page.get_by_role("form", name="Filter news")


def open_filters(page):
    """On a phone the filters wait behind a "Filter (n)" button; on a desktop they are shown."""
    button = page.get_by_role("button", name=re.compile(r"^Filter\b"))
    if button.count() and button.first.is_visible():
        button.first.click()
    expect(filters_form(page)).to_be_visible()


def reveal(page, facet, choice):
    """The checkbox of `choice` in the facet `facet`, shown: the filters, the facet and its
    "Show all" opened if they are closed."""
    if not filters_form(page).is_visible():
        open_filters(page)
    form = filters_form(page)
    group = form.get_by_role("group", name=facet)
    box = group.get_by_role("checkbox", name=re.compile(rf"^{re.escape(choice)}\b"))
    if not box.is_visible():
        form.locator("summary", has_text=facet).first.click()
    if not box.is_visible():
        group.locator("summary", has_text=re.compile(r"^Show all")).first.click()
    return box


def choose(page, facet, choice):
    """Tick `choice` in the facet `facet` and apply it (at once with the site's script, or
    with "Apply filters")."""
    reveal(page, facet, choice).check()
    apply = filters_form(page).get_by_role("button", name="Apply filters")
    if apply.count() and apply.is_visible():
        apply.click()


def test_choose_a_field_then_a_country(page, site):
    page.goto("/en/news/")
    expect(results_heading(page, "37 results")).to_be_visible()

    choose(page, "Field of work", "Elections")
    page.wait_for_url(re.compile(r"field=elections"))
    expect(results_heading(page, "13 results")).to_be_visible()
    assert query(page.url) == {"field": ["elections"]}

    choose(page, "Country", "Albania")
    page.wait_for_url(re.compile(r"country=albania"))
    expect(results_heading(page, "1 result")).to_be_visible()
    assert query(page.url) == {"field": ["elections"], "country": ["albania"]}
    page.get_by_role("link", name="Gender-sensitive election observation in Albania").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Gender-sensitive election observation in Albania"
    )
    assert page.csp_errors == []


def test_filters_work_without_javascript(chromium, site, size):
    context = new_context(chromium, site, size, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("/en/news/")
        choose(page, "Field of work", "Elections")
        page.wait_for_url(re.compile(r"field=elections"))
        expect(results_heading(page, "13 results")).to_be_visible()
        # The plain GET form sends its empty fields too; the address the visitor ends on is
        # the clean one.
        assert query(page.url) == {"field": ["elections"]}
    finally:
        context.close()


@pytest.mark.parametrize("size", ["phone"], indirect=True)
def test_filter_panel_on_a_phone_opens_and_closes_by_keyboard(page, site):
    page.goto("/en/news/?field=elections&country=albania")
    button = page.get_by_role("button", name="Filter (2)")
    button.focus()
    page.keyboard.press("Enter")
    panel = page.get_by_role("dialog", name="Filter news")
    expect(panel).to_be_visible()
    assert panel.evaluate("panel => panel.contains(document.activeElement)")
    expect(panel.get_by_role("checkbox", name=re.compile(r"^Albania\b"))).to_be_checked()
    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    assert button.evaluate("element => element === document.activeElement")
    assert page.csp_errors == []


def test_search(page, site):
    page.goto("/en/news/")
    search = page.get_by_role("searchbox", name="Search news")
    search.fill("mediators")
    search.press("Enter")
    page.wait_for_url(re.compile(r"q=mediators"))
    expect(results_heading(page, "12 results")).to_be_visible()
    assert query(page.url) == {"q": ["mediators"]}
    titles = page.locator("#news-results article h3").all_inner_texts()
    assert titles and all("mediators" in title for title in titles)
    assert page.csp_errors == []


def test_remove_a_filter(page, site):
    page.goto("/en/news/?field=elections&country=albania")
    expect(results_heading(page, "1 result")).to_be_visible()
    page.get_by_role("link", name=re.compile(r"^Country: Albania.*remove")).click()
    page.wait_for_url(lambda url: "country=" not in url)
    expect(results_heading(page, "13 results")).to_be_visible()
    assert query(page.url) == {"field": ["elections"]}
    expect(page.get_by_role("link", name=re.compile(r"^Country: Albania"))).to_have_count(0)
    assert page.csp_errors == []


def test_paginate(page, site):
    page.goto("/en/news/")
    expect(results_heading(page, "37 results")).to_contain_text("page 1 of 2")
    page.get_by_role("link", name="Next page").click()
    page.wait_for_url(re.compile(r"page=2"))
    assert query(page.url) == {"page": ["2"]}
    expect(results_heading(page, "37 results")).to_contain_text("page 2 of 2")
    expect(page.locator("#news-results article")).to_have_count(17)

    page.get_by_role("link", name="Previous page").click()
    page.wait_for_url(lambda url: "page=2" not in url)
    # Page 1 has one address, the list's own.
    assert query(page.url) == {}
    expect(results_heading(page, "37 results")).to_contain_text("page 1 of 2")
    assert page.csp_errors == []


def test_open_an_item(page, site):
    page.goto("/en/news/?field=elections")
    first = page.locator("#news-results article h3 a").first
    title = first.inner_text()
    first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    assert title in page.title()
    assert page.csp_errors == []


def test_item_page_has_a_breadcrumb_back_to_the_news(page, site):
    page.goto(site["both"].get_absolute_url())
    breadcrumb = page.get_by_role("navigation", name=re.compile("breadcrumb", re.IGNORECASE))
    breadcrumb.get_by_role("link", name="News").click()
    page.wait_for_url(re.compile(r"/en/news/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("News")


def feed_entries(page, link):
    """Follow a feed link as a feed reader would: its address, then the feed's titles."""
    href = link.get_attribute("href")
    response = page.request.get(href)
    assert response.ok
    assert response.headers["content-type"].startswith(
        ("application/rss+xml", "application/atom+xml")
    )
    return href, [entry.title for entry in feedparser.parse(response.body()).entries]


def test_follow_the_feed_link_of_a_filtered_list(page, site):
    page.goto("/en/news/?field=elections&country=albania")
    href, titles = feed_entries(page, page.get_by_role("link", name="RSS feed"))
    assert href == "/en/news/rss/?field=elections&country=albania"
    assert titles == ["Gender-sensitive election observation in Albania"]


def test_follow_the_feed_link_of_the_whole_list(page, site):
    page.goto("/en/news/")
    href, titles = feed_entries(page, page.get_by_role("link", name="RSS feed"))
    # No empty query string: one address for the feed of all news.
    assert href == "/en/news/rss/"
    assert len(titles) == 20


@pytest.mark.parametrize(
    "address",
    ["/", "/en/fields-of-work/elections/", "/en/countries/albania/", "/en/structures/odihr/"],
    ids=["home", "field", "country", "structure"],
)
def test_follow_the_feed_link_of_home_and_term_pages(page, site, address):
    page.goto(address)
    href, titles = feed_entries(page, page.get_by_role("link", name=re.compile(r"\bRSS\b")).first)
    assert "Gender-sensitive election observation in Albania" in titles


def tab_to(page, locator, presses=40):
    """Press Tab until `locator` has the focus, as a keyboard user would."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{locator} never got the focus in {presses} presses of Tab")


def test_menus_with_the_keyboard(page, site, size):
    page.goto("/")
    nav = page.get_by_role("navigation", name="Main")
    if size == "phone":
        menu = page.get_by_role("button", name="Menu")
        tab_to(page, menu)
        page.keyboard.press("Enter")
        expect(menu).to_have_attribute("aria-expanded", "true")
    fields = nav.get_by_role("button", name="Fields of work")
    tab_to(page, fields)
    expect(fields).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    expect(fields).to_have_attribute("aria-expanded", "true")
    elections = nav.get_by_role("link", name="Elections")
    expect(elections).to_be_visible()

    # Escape closes the menu and gives the focus back to its button.
    page.keyboard.press("Escape")
    expect(fields).to_have_attribute("aria-expanded", "false")
    expect(elections).to_be_hidden()
    assert fields.evaluate("element => element === document.activeElement")

    # Space opens it too; Tab walks into its links, Enter follows one.
    page.keyboard.press(" ")
    expect(fields).to_have_attribute("aria-expanded", "true")
    tab_to(page, elections)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/en/fields-of-work/elections/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Elections")
    assert page.csp_errors == []


@pytest.mark.parametrize("size", ["desktop"], indirect=True)
def test_a_choice_applies_without_a_reload_and_back_goes_back(page, site):
    page.goto("/en/news/")
    page.evaluate("() => { window.notReloaded = true; }")
    box = reveal(page, "Field of work", "Elections")
    page.evaluate("() => window.scrollBy(0, 150)")
    box.scroll_into_view_if_needed()
    scrolled = page.evaluate("() => window.scrollY")
    assert scrolled > 0
    box.check()  # and nothing else: the choice applies at once
    page.wait_for_url(re.compile(r"field=elections"))
    expect(results_heading(page, "13 results")).to_be_visible()
    assert page.evaluate("() => window.notReloaded === true"), "the page was reloaded"
    assert abs(page.evaluate("() => window.scrollY") - scrolled) < 50
    assert query(page.url) == {"field": ["elections"]}

    page.go_back()
    page.wait_for_url(lambda url: "field=" not in url)
    expect(results_heading(page, "37 results")).to_be_visible()
    assert page.csp_errors == []


@pytest.mark.parametrize("size", ["desktop"], indirect=True)
def test_type_to_find_a_country(page, site):
    page.goto("/en/news/")
    form = filters_form(page)
    countries = form.get_by_role("group", name="Country")
    find = form.get_by_role("searchbox", name="Find a country")
    if not find.is_visible():
        form.locator("summary", has_text="Country").first.click()
    find.fill("alb")
    expect(countries.get_by_role("checkbox", name=re.compile(r"^Albania\b"))).to_be_visible()
    expect(countries.get_by_role("checkbox", name=re.compile(r"^Malta\b"))).to_be_hidden()
    # Finding is not applying: Enter keeps the list as it is.
    find.press("Enter")
    assert query(page.url) == {}
