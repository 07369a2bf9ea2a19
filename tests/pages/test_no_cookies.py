import pytest

from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    MeetingSeriesFactory,
    PublishedNewsFactory,
    StructureFactory,
)

pytestmark = pytest.mark.django_db


def test_anonymous_pages_set_no_cookies(client):
    field, country = FieldOfWorkFactory(), CountryFactory()
    meeting, structure = MeetingSeriesFactory(), StructureFactory()
    item = PublishedNewsFactory(
        fields_of_work=[field], countries=[country], meeting_series=[meeting]
    )
    urls = [
        "/",
        item.get_absolute_url(),
        "/en/fields-of-work/",
        field.get_absolute_url(),
        "/en/countries/",
        country.get_absolute_url(),
        "/en/meetings/",
        meeting.get_absolute_url(),
        "/en/structures/",
        structure.get_absolute_url(),
        "/sitemap.xml",
        "/robots.txt",
        "/en/news/no-such-item/",
    ]

    for url in urls:
        response = client.get(url)
        assert response.status_code in {200, 302, 404}, url
        assert not response.cookies, url
        assert "Set-Cookie" not in response.headers, url
