"""Two editors, in two browsers, edit the same item (issue 14): each is told of the other
before anything conflicts; the first saves a new lede; the second, who changed the title and
the lede, is refused, sees the lede in a table of the fields both changed, cannot save
without choosing, keeps their lede and saves. Neither edit is lost: the item has the second
editor's title and lede, and its history both versions."""

import re

import pytest
from playwright.sync_api import expect
from reversion.models import Version

from news.models import NewsItem
from tests.browser.conftest import role, signed_in_context
from tests.factories import NewsItemFactory, UserFactory

pytestmark = pytest.mark.browser

TITLE = "Judges from six regions trained in Tirana"
LEDE = "Judges from six regions met in Tirana."
ANNAS_LEDE = "Forty judges from six regions met in Tirana for a week of training."
BENS_TITLE = "Judges and prosecutors trained in Tirana"
BENS_LEDE = "Judges and prosecutors from six regions met in Tirana."


def editor(username, first_name, last_name):
    user = UserFactory(username=username, first_name=first_name, last_name=last_name, is_staff=True)
    user.groups.add(role("Editor"))
    return user


def signed_in(chromium, site, user, **options):
    """A desktop page of a browser of its own, signed in as `user`, whose news change pages
    poll every second instead of every 15 (the page's data-interval, rewritten on the way)."""
    context = signed_in_context(chromium, site, user, **options)

    def faster_poll(route):
        if route.request.method != "GET":
            route.fallback()
            return
        response = route.fetch()
        body = response.text().replace('data-interval="15"', 'data-interval="1"')
        route.fulfill(response=response, body=body)

    context.route(re.compile(r".*/admin/news/newsitem/\d+/change/$"), faster_poll)
    return context.new_page()


def notice(page):
    return page.locator("#editing-sessions")


@pytest.fixture
def people(site):
    people = {
        "anna": editor("conflict_anna", "Anna", "Petrova"),
        "ben": editor("conflict_ben", "Ben", "Okafor"),
    }
    yield people
    for user in people.values():
        user.delete()


@pytest.fixture
def item(site):
    item = NewsItemFactory(
        title=TITLE,
        slug="judges-trained-in-tirana",
        lede=LEDE,
        lead_structure=site["structures"]["presence"],
    )
    yield item
    NewsItem.objects.filter(pk=item.pk).delete()


def violations(page, axe_source, selector):
    page.add_script_tag(path=axe_source)
    result = page.evaluate(
        "(selector) => axe.run(selector, {resultTypes: ['violations']})", selector
    )
    return [(v["id"], [node["target"] for node in v["nodes"]]) for v in result["violations"]]


def test_neither_edit_is_lost_when_two_editors_save_the_same_item(
    chromium, site, axe_source, people, item
):
    url = f"/admin/news/newsitem/{item.pk}/change/"
    # Anna's browser applies the admin's Content-Security-Policy: the poll is a script of the
    # site's. Ben's lets the test inject axe-core.
    anna = signed_in(chromium, site, people["anna"])
    ben = signed_in(chromium, site, people["ben"], bypass_csp=True)

    # Both open the item: each is told of the other.
    anna.goto(url)
    ben.goto(url)
    expect(notice(ben)).to_have_text("Anna Petrova is also editing this item.")
    expect(notice(anna)).to_have_text("Ben Okafor is also editing this item.")

    # Anna saves a new lede; Ben's page says so.
    anna.get_by_label("Lede:").fill(ANNAS_LEDE)
    anna.get_by_role("button", name="Save and continue editing").click()
    expect(anna.locator(".messagelist")).to_contain_text("was changed successfully")
    expect(notice(ben)).to_contain_text(
        re.compile(r"Anna Petrova saved a new version at .+ – reload to see it$")
    )
    expect(notice(ben).get_by_role("link", name="reload to see it")).to_have_attribute("href", url)

    # Ben, who changed the title and the lede meanwhile, saves: refused, with the lede to
    # choose (Anna left the title alone, so it is not in the table).
    ben.get_by_label("Title:").fill(BENS_TITLE)
    ben.get_by_label("Lede:").fill(BENS_LEDE)
    ben.get_by_role("button", name="Save", exact=True).click()
    expect(ben.locator(".errornote").first).to_be_visible()
    expect(ben.locator(".errorlist.nonfield")).to_contain_text(
        "Someone else (Anna Petrova) saved this item at"
    )
    table = ben.get_by_role("group", name="Changed by both of you: choose which version to keep")
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(1)
    lede = rows.first
    expect(lede.get_by_role("rowheader")).to_have_text("Lede")
    expect(lede).to_contain_text("Anna Petrova")
    expect(lede.locator("td").nth(0)).to_have_text(BENS_LEDE)
    expect(lede.locator("td").nth(1)).to_have_text(ANNAS_LEDE)
    expect(ben.get_by_label("Title:")).to_have_value(BENS_TITLE)
    assert violations(ben, axe_source, "#edit-conflicts") == []
    assert violations(ben, axe_source, "#editing-sessions") == []

    # Saving without choosing is refused, and says what to choose.
    ben.get_by_role("button", name="Save", exact=True).click()
    expect(ben.locator(".errorlist.nonfield")).to_have_text(
        "Choose which version to keep for: lede."
    )
    choice = ben.get_by_role("radiogroup", name="Lede")
    expect(choice.get_by_role("radio", name="Keep mine")).not_to_be_checked()
    expect(choice.get_by_role("radio", name="Take theirs")).not_to_be_checked()

    # Ben keeps his lede and saves.
    choice.get_by_role("radio", name="Keep mine").check()
    ben.get_by_role("button", name="Save", exact=True).click()
    expect(ben.locator(".messagelist")).to_contain_text("was changed successfully")

    item.refresh_from_db()
    assert item.title == BENS_TITLE
    assert item.lede == BENS_LEDE
    versions = Version.objects.get_for_object(item)  # newest first
    assert [(v.revision.user.username, v.field_dict["lede"]) for v in versions] == [
        ("conflict_ben", BENS_LEDE),
        ("conflict_anna", ANNAS_LEDE),
    ]
    # The history shows both saves, Anna's lede one comparison away.
    ben.goto(f"/admin/news/newsitem/{item.pk}/history/")
    expect(ben.locator("#change-history")).to_contain_text("conflict_anna")
    expect(ben.locator("#change-history")).to_contain_text("conflict_ben")
    anna.context.close()
    ben.context.close()
