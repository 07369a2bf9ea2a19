import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from structures.models import Structure
from taxonomy.models import Country
from tests.factories import (
    ChairpersonshipFactory,
    CountryFactory,
    FieldOfWorkFactory,
    MeetingSeriesFactory,
    PublishedNewsFactory,
    StructureFactory,
)
from tests.pages.checks import assert_hides

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


# Fields of work


def test_field_index_nests_sub_topics_under_their_field(client):
    rights = FieldOfWorkFactory(name="Human rights", slug="human-rights")
    FieldOfWorkFactory(name="Freedom of religion", slug="religion", parent=rights)
    FieldOfWorkFactory(name="Youth", slug="youth")

    content = client.get(reverse("taxonomy:field-list")).content.decode()

    rights_item = content.index("Human rights")
    nested = content.index('<ul class="tree">', rights_item)
    assert nested < content.index("Freedom of religion") < content.index("</li>", nested)
    assert 'href="/en/fields-of-work/religion/"' in content
    assert 'href="/en/fields-of-work/youth/"' in content


def test_field_page_shows_description_sub_topics_and_news_of_its_sub_topics(client, make_hidden):
    rights = FieldOfWorkFactory(
        name="Human rights", slug="human-rights", description="Rights for everyone."
    )
    religion = FieldOfWorkFactory(name="Freedom of religion", slug="religion", parent=rights)
    PublishedNewsFactory(title="About rights", fields_of_work=[rights])
    PublishedNewsFactory(title="About religion", fields_of_work=[religion])
    PublishedNewsFactory(title="About something else")
    hidden = make_hidden(fields_of_work=[religion])

    content = client.get(rights.get_absolute_url()).content.decode()

    assert "<h1>Human rights</h1>" in content
    assert "Rights for everyone." in content
    assert 'href="/en/fields-of-work/religion/"' in content
    assert "About rights" in content and "About religion" in content
    assert "About something else" not in content
    assert 'href="/en/news/?field=human-rights"' in content
    assert_hides(content, hidden)


def test_unknown_field_is_404(client):
    assert client.get("/en/fields-of-work/no-such-field/").status_code == 404


def test_field_pages_query_count_does_not_grow(client, django_assert_max_num_queries):
    field = FieldOfWorkFactory()
    PublishedNewsFactory(fields_of_work=[field])
    few_detail = queries_for(client, field.get_absolute_url())
    few_list = queries_for(client, reverse("taxonomy:field-list"))

    FieldOfWorkFactory.create_batch(5, parent=field)
    PublishedNewsFactory.create_batch(10, fields_of_work=[field])

    with django_assert_max_num_queries(4):
        client.get(field.get_absolute_url())
    assert queries_for(client, field.get_absolute_url()) == few_detail
    assert queries_for(client, reverse("taxonomy:field-list")) == few_list == 1


# Meetings and conferences


def test_meeting_index_lists_series_with_links(client):
    MeetingSeriesFactory(name="Ministerial Council meetings", slug="ministerial-council")

    content = client.get(reverse("taxonomy:meeting-list")).content.decode()

    assert 'href="/en/meetings/ministerial-council/"' in content
    assert "Ministerial Council meetings" in content


def test_meeting_page_lists_its_published_news_only(client, make_hidden):
    council = MeetingSeriesFactory(name="Ministerial Council meetings", slug="ministerial-council")
    PublishedNewsFactory(title="Council opens", meeting_series=[council])
    PublishedNewsFactory(title="Another matter")
    hidden = make_hidden(meeting_series=[council])

    content = client.get(council.get_absolute_url()).content.decode()

    assert "Council opens" in content
    assert "Another matter" not in content
    assert 'href="/en/news/?meeting=ministerial-council"' in content
    assert_hides(content, hidden)


def test_meeting_pages_query_count_does_not_grow(client, django_assert_max_num_queries):
    council = MeetingSeriesFactory()
    PublishedNewsFactory(meeting_series=[council])
    few = queries_for(client, council.get_absolute_url())

    PublishedNewsFactory.create_batch(10, meeting_series=[council])
    MeetingSeriesFactory.create_batch(5)

    with django_assert_max_num_queries(3):  # the series, its latest news, its meetings
        client.get(council.get_absolute_url())
    assert queries_for(client, council.get_absolute_url()) == few
    assert queries_for(client, reverse("taxonomy:meeting-list")) == 1


# Countries


def test_country_index_groups_states_and_partners_in_order(client):
    CountryFactory(name="Japan", group=Country.Group.ASIAN_PARTNER)
    CountryFactory(name="Tunisia", group=Country.Group.MEDITERRANEAN_PARTNER)
    CountryFactory(name="Austria", group=Country.Group.PARTICIPATING_STATE)

    content = client.get(reverse("taxonomy:country-list")).content.decode()

    states = content.index("Participating States")
    asian = content.index("Asian Partners for Co-operation")
    mediterranean = content.index("Mediterranean Partners for Co-operation")
    assert states < content.index("Austria") < asian < content.index("Japan")
    assert mediterranean < content.index("Tunisia")


def test_country_index_marks_this_years_chairpersonship(client):
    finland = CountryFactory(name="Finland")
    ChairpersonshipFactory(year=timezone.localdate().year, country=finland)

    content = client.get(reverse("taxonomy:country-list")).content.decode()

    assert f"Chairpersonship {timezone.localdate().year}" in content


def test_country_page_shows_field_operations_chair_years_and_news(client, make_hidden):
    serbia = CountryFactory(name="Serbia", slug="serbia")
    StructureFactory(
        name="Mission to Serbia", slug="mission-serbia", host_country=serbia, city="Belgrade"
    )
    StructureFactory(
        name="Spillover Monitor Mission",
        host_country=serbia,
        is_active=False,
        closed_on=datetime.date(2011, 6, 30),
    )
    StructureFactory(name="Regional office", kind=Structure.Kind.INSTITUTION, host_country=serbia)
    ChairpersonshipFactory(year=2015, country=serbia)
    PublishedNewsFactory(title="News from Belgrade", countries=[serbia])
    PublishedNewsFactory(title="News from elsewhere")
    hidden = make_hidden(countries=[serbia])

    content = client.get(serbia.get_absolute_url()).content.decode()

    assert "<h1>Serbia</h1>" in content
    field_operations = content.index("Field operations")
    assert field_operations < content.index('href="/en/structures/mission-serbia/"')
    assert "Belgrade" in content
    assert "Closed on 30 June 2011" in content
    assert content.index("Also based here") < content.index("Regional office")
    assert "Chairpersonship: 2015" in content
    assert "News from Belgrade" in content
    assert "News from elsewhere" not in content
    assert 'href="/en/news/?country=serbia"' in content
    assert_hides(content, hidden)


def test_country_pages_query_count_does_not_grow(client, django_assert_max_num_queries):
    country = CountryFactory()
    PublishedNewsFactory(countries=[country])
    few = queries_for(client, country.get_absolute_url())
    few_list = queries_for(client, reverse("taxonomy:country-list"))

    PublishedNewsFactory.create_batch(10, countries=[country])
    StructureFactory.create_batch(3, host_country=country)
    for year in (2001, 2011):
        ChairpersonshipFactory(year=year, country=country)
    CountryFactory.create_batch(5, group=Country.Group.ASIAN_PARTNER)

    with django_assert_max_num_queries(4):
        client.get(country.get_absolute_url())
    assert queries_for(client, country.get_absolute_url()) == few
    with django_assert_max_num_queries(2):
        client.get(reverse("taxonomy:country-list"))
    assert queries_for(client, reverse("taxonomy:country-list")) == few_list
