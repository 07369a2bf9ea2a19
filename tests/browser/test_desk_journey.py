"""The editor's desk, as its people use it in the admin (issue 14): a publisher writes an
item (a heading in the body, the lead image from the library) and submits it; the editor
finds it in the queue on the admin home and got an email, returns it with a comment; the
publisher finds it "returned to me" with the comment, fixes it and submits it again; the
editor publishes it, and the public page shows it."""

import datetime

import pytest
from django.conf import settings
from django.core import mail
from playwright.sync_api import expect

from news.models import NewsItem
from structures.models import Membership
from tests.browser.conftest import new_context, role
from tests.browser.test_image_library import serve_media
from tests.factories import UserFactory
from tests.library.conftest import library_image

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"
TITLE = "Women mediators trained in Tirana"
COMMENT = "Name the trainers' organisation in the lede, please."
IMAGE_TITLE = "Mediators' workshop in Tirana"
IMAGE_ALT = "Women mediators around a table in a workshop"


def person(username, group, structure=None):
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(role(group))
    if structure is not None:
        Membership.objects.create(user=user, structure=structure)
    return user


def signed_in(chromium, site, user, size="desktop", **options):
    """A page of a new browser, signed in as `user` through the admin's login form."""
    context = new_context(chromium, site, size, **options)
    context.set_default_timeout(10_000)
    context.route(f"**{settings.MEDIA_URL}**", serve_media)  # no media served with debug off
    page = context.new_page()
    page.goto("/admin/login/?next=/admin/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#desk-queue")).to_be_visible()
    return page


def choose_autocomplete(page, field, text):
    """Pick `text` in the admin's autocomplete (select2) of `field`, as a user types it."""
    page.locator(f".field-{field} .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(text)
    page.locator(".select2-results__option", has_text=text).first.click()
    expect(page.locator(f".field-{field} .select2-selection")).to_contain_text(text)
    page.keyboard.press("Escape")
    expect(page.locator(".select2-container--open")).to_have_count(0)


def write_body(page):
    """A heading through the body editor's labelled button, then a paragraph."""
    body = page.locator(".field-body .ProseMirror")
    body.click()
    page.keyboard.type("What the mediators learned")
    page.get_by_role("button", name="Heading 2", exact=True).click()
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    page.keyboard.type("Negotiation, and how to bring communities to the table.")
    expect(body.locator("h2")).to_have_text("What the mediators learned")


def choose_library_image(page, title):
    """Choose the lead image from the library; its alt text comes with it."""
    page.locator("#id_library_image").locator("xpath=..").locator(".select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(title)
    page.locator(".select2-results__option", has_text=title).click()
    page.locator(".image-preview-frame").wait_for(state="visible")
    expect(page.locator("#id_image_alt")).to_have_value(IMAGE_ALT)


def queue_part(page, key):
    return page.locator(f"#desk-{key}")


@pytest.fixture
def people(site):
    presence = site["structures"]["presence"]
    people = {
        "publisher": person("desk_publisher", "Publisher", presence),
        "editor": person("desk_editor", "Editor"),
    }
    image = library_image(title=IMAGE_TITLE, alt=IMAGE_ALT, credit="OSCE/Presence in Albania")
    mail.outbox = []
    yield people
    NewsItem.objects.filter(title__startswith=TITLE).delete()
    image.delete()
    for user in people.values():
        user.delete()


def test_an_item_goes_from_the_publisher_to_the_public_through_the_editor(chromium, site, people):
    publisher = signed_in(chromium, site, people["publisher"])
    editor = signed_in(chromium, site, people["editor"])

    # The publisher writes the item and submits it.
    publisher.goto("/admin/news/newsitem/add/")
    publisher.get_by_label("Title:").fill(TITLE)
    publisher.get_by_label("Lede:").fill("Twenty women mediators were trained.")
    write_body(publisher)
    choose_library_image(publisher, IMAGE_TITLE)
    choose_autocomplete(publisher, "lead_structure", "Presence in Albania")
    choose_autocomplete(publisher, "fields_of_work", "Gender equality")
    publisher.get_by_label("Date issued:").fill("2025-11-03")
    publisher.get_by_label("Status:").select_option(label="Submitted for review")
    publisher.get_by_role("button", name="Save", exact=True).click()
    expect(publisher.locator(".messagelist")).to_contain_text("Submitted for review.")
    item = NewsItem.objects.get(title=TITLE)
    assert item.status == NewsItem.Status.REVIEW

    # The editor got an email, and finds the item in the queue.
    assert [m.subject for m in mail.outbox] == [f"Submitted for review: {TITLE}"]
    assert mail.outbox[0].to == [people["editor"].email]
    editor.goto("/admin/")
    waiting = NewsItem.objects.filter(status=NewsItem.Status.REVIEW).count()  # seeded ones too
    expect(queue_part(editor, "review").get_by_role("heading")).to_have_text(
        f"Awaiting review: {waiting}"
    )
    queue_part(editor, "review").get_by_role("link", name=TITLE).click()

    # The editor returns it with a comment.
    editor.get_by_role("link", name="Return with a comment").click()
    editor.get_by_label("Comment for the authors").fill(COMMENT)
    editor.get_by_role("button", name="Return to the authors").click()
    expect(editor.locator(".messagelist")).to_contain_text("was returned to its authors")
    assert mail.outbox[-1].subject == f"Returned to you with a comment: {TITLE}"
    assert COMMENT in mail.outbox[-1].body

    # The publisher finds it returned, with the comment, fixes it and submits it again.
    publisher.goto("/admin/")
    returned = queue_part(publisher, "returned")
    expect(returned).to_contain_text(COMMENT)
    returned.get_by_role("link", name=TITLE).click()
    expect(publisher.locator(".messagelist")).to_contain_text(COMMENT)
    publisher.get_by_label("Lede:").fill(
        "Twenty women mediators were trained by the Presence in Albania."
    )
    publisher.get_by_label("Status:").select_option(label="Submitted for review")
    publisher.get_by_role("button", name="Save", exact=True).click()
    expect(publisher.locator(".messagelist")).to_contain_text("Submitted for review.")
    publisher.goto("/admin/")
    expect(queue_part(publisher, "returned")).to_contain_text("Nothing.")

    # The editor publishes it; the publisher is told; the public page shows it.
    editor.goto("/admin/")
    queue_part(editor, "review").get_by_role("link", name=TITLE).click()
    editor.get_by_label("Status:").select_option(label="Published")
    editor.get_by_role("button", name="Save", exact=True).click()
    expect(editor.locator(".messagelist")).to_contain_text("Published.")
    assert mail.outbox[-1].subject == f"Published: {TITLE}"
    assert mail.outbox[-1].to == [people["publisher"].email]

    visitor_context = new_context(chromium, site, "desktop")
    visitor_context.route(f"**{settings.MEDIA_URL}**", serve_media)
    visitor = visitor_context.new_page()
    visitor.goto(NewsItem.objects.get(title=TITLE).get_absolute_url())
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(
        visitor.get_by_role("heading", level=2, name="What the mediators learned")
    ).to_be_visible()
    expect(visitor.get_by_role("img", name=IMAGE_ALT)).to_be_visible()
    expect(visitor.locator("main")).to_contain_text("by the Presence in Albania")
    for page in (publisher, editor, visitor):
        page.context.close()


def test_the_queue_has_no_axe_violation(chromium, site, people, axe_source, size):
    """The queue on the admin home, with an item returned with a comment, on a desktop and on
    a phone (axe is injected: the context bypasses the CSP for it)."""
    from news import services

    item = NewsItem.objects.create(
        title=TITLE,
        slug="desk-journey-axe",
        date_issued=datetime.date(2025, 11, 3),
        lead_structure=site["structures"]["presence"],
        created_by=people["publisher"],
    )
    item.fields_of_work.add(site["fields"]["gender-equality"])
    services.submit(item, people["publisher"])
    services.return_with_comment(item, people["editor"], COMMENT)
    page = signed_in(chromium, site, people["publisher"], size, bypass_csp=True)

    page.add_script_tag(path=axe_source)
    found = page.evaluate("() => axe.run('#desk-queue', {resultTypes: ['violations']})")[
        "violations"
    ]

    assert found == [], [(v["id"], [n["target"] for n in v["nodes"]]) for v in found]
    expect(page.locator("#desk-returned")).to_contain_text(COMMENT)
    page.context.close()
