"""The admin as staff outside Vienna and publishers meet it in a browser: times in the
organisation's zone, said so, without Django's "You are 6 hours behind server time"; a
published body read rendered by whoever may not edit it."""

import pytest

from structures.models import Membership
from tests.browser.conftest import role, signed_in_context
from tests.factories import PublishedNewsFactory, SuperuserFactory, UserFactory

pytestmark = pytest.mark.browser


def test_staff_in_new_york_see_vienna_time_and_no_server_time_note(chromium, site):
    context = signed_in_context(chromium, site, SuperuserFactory(), timezone_id="America/New_York")
    page = context.new_page()
    page.goto("/admin/news/newsitem/add/")
    page.wait_for_load_state("load")

    time_field = page.locator(".field-published_at")
    assert time_field.get_by_text("Vienna time").is_visible()
    assert "server time" not in page.locator("#content").inner_text()
    # "Now" is the organisation's now, as the server's zone always was.
    time_field.get_by_role("link", name="Now").click()
    assert page.locator("#id_published_at_1").input_value() != ""
    context.close()


def test_a_publisher_reads_a_published_body_rendered(chromium, site):
    structure = site["structures"]["presence"]
    publisher = UserFactory(username="browser-publisher", is_staff=True)
    publisher.groups.add(role("Publisher"))
    Membership.objects.create(user=publisher, structure=structure)
    item = PublishedNewsFactory(
        lead_structure=structure,
        body="<h2>Findings</h2><p>Turnout was <strong>high</strong>.</p>",
    )
    context = signed_in_context(chromium, site, publisher)
    page = context.new_page()
    page.goto(f"/admin/news/newsitem/{item.pk}/change/")

    body = page.locator(".field-rendered_body")
    assert body.get_by_role("heading", name="Findings", level=2).is_visible()
    assert "<h2>" not in body.inner_text()
    context.close()
