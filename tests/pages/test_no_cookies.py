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
        "/fields-of-work/",
        field.get_absolute_url(),
        "/countries/",
        country.get_absolute_url(),
        "/meetings/",
        meeting.get_absolute_url(),
        "/structures/",
        structure.get_absolute_url(),
        "/sitemap.xml",
        "/robots.txt",
        "/news/no-such-item/",
    ]

    for url in urls:
        response = client.get(url)
        assert response.status_code in {200, 404}, url
        assert not response.cookies, url
        assert "Set-Cookie" not in response.headers, url
