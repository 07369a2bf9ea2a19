"""The table of facets (newsroom/facets.py FACETS) is what the FilterSet, the counting and the
filter form read: a parameter in the table is a filter, a canonical parameter of the page
cache, a count and a control of the form, with nothing else to declare."""

import pytest
from django.urls import reverse

from newsroom import counting, freshness
from newsroom.facets import FACETS, PARAMS
from newsroom.filters import NewsFilter
from tests.news.test_list_filters import build_newsroom

pytestmark = pytest.mark.django_db


def test_every_parameter_of_the_table_is_a_filter_and_a_canonical_parameter():
    for name in PARAMS:
        assert name in NewsFilter.base_filters
        assert name in freshness.list_parameters()


def test_every_parameter_has_a_counting_rule_and_every_facet_a_narrowing():
    for facet in FACETS:
        assert facet.narrowed in {"linked", "issued_by", "column"}
        for param in facet.params:
            assert param.counted in counting.RULES, param.name


def test_the_form_a_visitor_sees_is_the_filtersets_form(client):
    build_newsroom()

    response = client.get(reverse("news:list") + "?field=elections&year=abc")  # canonical order
    content = response.content.decode()
    form = response.context["form"]

    assert form is response.context["filterset"].form
    checkboxes = [f for f in response.context["facets"].values() if f.widget == "checkboxes"]
    for facet in checkboxes:
        for bound in facet.fields:
            for option in bound:
                assert f'name="{bound.html_name}" value="{option.data["value"]}"' in content
    assert f'<label for="news-year">{form["year"].label}</label>' in content
    assert f'id="news-year-error">{form.errors["year"][0]}</p>' in content
    assert f'<label for="news-q">{form["q"].label}</label>' in content
    assert f'id="news-q-hint">{form["q"].help_text}</p>' in content
