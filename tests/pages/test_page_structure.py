"""What assistive technology relies on: landmarks, a skip link, one h1, headings in order."""

import factory
import pytest

from tests.factories import (
    AttachmentFactory,
    ChairpersonshipFactory,
    CountryFactory,
    FieldOfWorkFactory,
    MeetingSeriesFactory,
    PublishedNewsFactory,
    StructureFactory,
)
from tests.pages.checks import outline

pytestmark = pytest.mark.django_db


@pytest.fixture
def urls():
    field = FieldOfWorkFactory(description="About it.")
    FieldOfWorkFactory(parent=field)
    country = CountryFactory()
    ChairpersonshipFactory(country=country)
    meeting = MeetingSeriesFactory()
    parent = StructureFactory(host_country=country, city="Vienna")
    structure = StructureFactory(parent=parent)
    StructureFactory(parent=structure)
    item = PublishedNewsFactory(
        lead_structure=structure,
        fields_of_work=[field],
        countries=[country],
        meeting_series=[meeting],
        image=factory.django.ImageField(filename="photo.jpg"),
        body="<p>Text</p><h2>A section</h2><p>More</p>",
    )
    AttachmentFactory(news=item)
    PublishedNewsFactory(fields_of_work=[field], countries=[country], lead_structure=structure)
    return [
        "/en/",
        item.get_absolute_url(),
        "/en/fields-of-work/",
        field.get_absolute_url(),
        "/en/countries/",
        country.get_absolute_url(),
        "/en/meetings/",
        meeting.get_absolute_url(),
        "/en/structures/",
        parent.get_absolute_url(),
        structure.get_absolute_url(),
        "/no-such-page/",
    ]


def test_every_page_has_landmarks_a_skip_link_and_ordered_headings(client, urls):
    for url in urls:
        page = outline(client.get(url).content.decode())
        tags = [tag for tag, _ in page.tags]
        attrs = dict(page.tags)

        assert attrs["html"].get("lang") == "en", url
        assert {"header", "main", "footer"} <= set(tags), url
        assert attrs["main"]["id"] == "main", url
        first_link = next(a for tag, a in page.tags if tag == "a")
        assert first_link == {"class": "skip-link", "href": "#main"}, url
        # Each navigation landmark is named, by aria-label or by a heading it points to.
        ids = {a.get("id") for _tag, a in page.tags}
        navs = [a for tag, a in page.tags if tag == "nav"]
        assert all(a.get("aria-labelledby") in ids for a in navs if "aria-labelledby" in a), url
        labels = [a.get("aria-label") or a.get("aria-labelledby") for a in navs]
        assert all(labels) and len(set(labels)) == len(labels), url
        assert page.headings.count(1) == 1 and page.headings[0] == 1, url
        for before, after in zip(page.headings, page.headings[1:], strict=False):
            assert after <= before + 1, (url, page.headings)
        assert all(tag != "img" or "alt" in a for tag, a in page.tags), url


def test_pages_load_no_asset_from_another_host(client, urls):
    for url in urls:
        page = outline(client.get(url).content.decode())
        for asset in page.assets:
            own = asset.startswith("/") and not asset.startswith("//")
            assert own or asset.startswith("data:"), (url, asset)
