"""What a visitor of /news/ sees: the form, the active filters, the results, accessibly."""

from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from tests.factories import FieldOfWorkFactory, PublishedNewsFactory, StructureFactory
from tests.news.test_list_filters import build_newsroom

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom():
    return build_newsroom()

LIST = reverse("news:list")


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.headings, self.label_for = [], [], set()
        self._text_of = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.headings.append(int(tag[1]))
        if tag == "label" and "for" in attrs:
            self.label_for.add(attrs["for"])

    def find(self, tag, **wanted):
        return [
            attrs
            for name, attrs in self.tags
            if name == tag and all(attrs.get(k.rstrip("_")) == v for k, v in wanted.items())
        ]


def page(client, query=""):
    response = client.get(LIST + query, follow=True)
    parser = Page()
    parser.feed(response.content.decode())
    return response, parser


def test_every_control_is_labelled(client, newsroom):
    _response, html = page(client, "?field=elections&q=item")

    controls = [
        attrs
        for tag, attrs in html.tags
        if tag in {"input", "select", "textarea"} and attrs.get("type") != "hidden"
    ]
    assert len(controls) > 20
    for attrs in controls:
        assert attrs.get("id") in html.label_for, attrs


def test_headings_are_in_order_without_skipped_levels(client, newsroom):
    for query in ("", "?year=abc", "?page=9"):
        _response, html = page(client, query)
        assert html.headings[0] == 1
        for before, after in zip(html.headings, html.headings[1:], strict=False):
            assert after <= before + 1, html.headings


def test_the_filter_form_is_a_get_form_without_a_csrf_token_and_sets_no_cookie(client, newsroom):
    response, html = page(client, "?field=elections")

    (form,) = html.find("form", id="news-filters")
    assert form["method"] == "get"
    assert form["action"] == LIST
    assert not html.find("input", name="csrfmiddlewaretoken")
    assert not response.cookies
    assert html.find("button", type="submit")


def test_no_asset_comes_from_another_host(client, newsroom):
    _response, html = page(client, "?q=item")

    for tag, attrs in html.tags:
        for attribute in ("src", "href"):
            url = attrs.get(attribute) or ""
            if attrs.get("rel") == "canonical" or "hreflang" in attrs:
                continue  # an address (the page's own, or in another language), not an asset
            if tag in {"link", "script", "img", "iframe"} and url:
                assert not urlsplit(url).netloc, (tag, url)
                assert not url.startswith("//"), (tag, url)


def test_the_heading_gives_the_number_of_results_and_the_title_names_the_filters(
    client, newsroom
):
    response = client.get(LIST + "?field=elections&structure=odihr")
    content = response.content.decode()

    assert ">2 results<" in content
    assert (
        "<title>News: Elections; Office for Democratic Institutions and Human Rights – "
        in content
    )


def test_each_active_filter_has_a_link_that_removes_just_it(client, newsroom):
    query = "?field=elections&field=gender-equality&country=serbia&q=item&sort=relevance"

    response = client.get(LIST + query, follow=True)
    active = response.context["active_filters"]

    assert [(a.label, a.value) for a in active] == [
        ("Search", "“item”"),
        ("Field of work", "Elections"),
        ("Field of work", "Gender equality"),
        ("Country", "Serbia"),
    ]
    removed = [parse_qs(urlsplit(a.remove_url).query) for a in active]
    assert removed[0] == {"field": ["elections", "gender-equality"], "country": ["serbia"]}
    assert removed[1] == {"field": ["gender-equality"], "country": ["serbia"], "q": ["item"]}
    assert removed[3] == {"field": ["elections", "gender-equality"], "q": ["item"]}
    assert f'<a href="{LIST}">Clear all filters</a>' in response.content.decode()


def test_chosen_choices_are_ticked_and_their_facet_is_open(client, newsroom):
    content = client.get(LIST + "?structure=odihr").content.decode()

    assert 'value="odihr" id="facet-structure-odihr" checked' in content
    assert '<summary>Issued by <span class="facet-selected">(1 chosen)</span>' in content


def test_sub_topics_and_units_are_indented_under_their_parent(client, newsroom):
    response = client.get(LIST)

    structures = [(c.value, c.depth) for c in response.context["facets"]["structure"].choices]
    assert structures.index(("cpc", 1)) == structures.index(("secretariat", 0)) + 1
    fields = [(c.value, c.depth) for c in response.context["facets"]["field"].choices]
    assert fields.index(("safety-of-journalists", 1)) == fields.index(("media-freedom", 0)) + 1


def test_cards_show_title_link_kind_date_and_lead_structure(client):
    structure = StructureFactory(name="Mission to Serbia")
    item = PublishedNewsFactory(
        title="Journalists trained", lede="Forty journalists took part.",
        lead_structure=structure, fields_of_work=[FieldOfWorkFactory()],
    )

    content = client.get(LIST).content.decode()

    assert f'<a href="{item.get_absolute_url()}">Journalists trained</a>' in content
    assert "News</span>" in content
    assert "14 March 2025" in content
    assert "Mission to Serbia" in content
    assert "Forty journalists took part." in content
