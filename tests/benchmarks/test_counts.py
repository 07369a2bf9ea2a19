"""The count checker: the numbers a /news/ page shows against plain ORM counts."""

import pytest

from benchmarks import counts

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(client, newsroom):
    def get(path):
        response = client.get(path)
        assert response.status_code == 200
        return response.content.decode()

    return get


def test_the_plain_count_follows_each_facet_its_subtrees_and_the_dates(newsroom):
    year = newsroom.date_issued.year
    assert counts.expected({}) == 4
    assert counts.expected({"field": ["arms-control"]}) == 4
    assert counts.expected({"field": ["youth"]}) == 1  # the draft is not counted
    assert counts.expected({"structure": ["mission"]}) == 3  # its office's items
    assert counts.expected({"country": ["austria", "malta"]}) == 4
    assert counts.expected({"country": ["malta"], "field": ["arms-control"]}) == 1
    assert counts.expected({"year": [str(year - 1)]}) == 3
    assert counts.expected({"from": [f"{year}-01-01"], "to": [f"{year}-12-31"]}) == 1
    assert counts.expected({"q": ["zanzibar"]}) == 1


def test_the_page_numbers_are_read_from_the_html(page):
    found = counts.parse_page(page("/en/news/?field=arms-control"))
    assert found["total"] == 4
    assert found["choices"][("field", "youth")] == 1
    assert found["choices"][("country", "austria")] == 3
    assert found["choices"][("structure", "mission")] == 3
    assert found["choices"][("field", "unused-field")] == 0


@pytest.mark.parametrize(
    "path",
    [
        "/en/news/",
        "/en/news/?field=arms-control",
        "/en/news/?country=austria&structure=mission",
        "/en/news/?country=austria&country=malta",
        "/en/news/?q=security&field=youth",
    ],
)
def test_the_site_shows_the_plain_counts(page, path):
    assert counts.check(path, page(path)) == []


def test_a_wrong_number_is_a_difference(page):
    text = page("/en/news/?field=arms-control")
    assert (
        counts.check("/en/news/?field=arms-control", text, count=lambda params, language: 99) != []
    )
    wrong = text.replace(
        'id="news-results-heading">4 results', 'id="news-results-heading">5 results'
    )
    assert counts.check("/en/news/?field=arms-control", wrong) == [
        {"path": "/en/news/?field=arms-control", "what": "results", "shown": 5, "expected": 4}
    ]


def test_a_page_without_its_number_of_results_is_a_difference():
    differences = counts.check("/en/news/", "<html></html>", count=lambda params, language: 0)
    assert differences[0]["shown"] is None


def test_a_choice_stands_for_the_view_with_it_alone_in_its_facet():
    params = {"country": ["austria"], "group": ["asian"], "field": ["youth"], "q": ["water"]}
    assert counts.with_choice(params, "country", "malta") == {
        "country": ["malta"],
        "field": ["youth"],
        "q": ["water"],
    }


def test_a_few_choices_are_sampled_one_facet_at_a_time_non_zero_first():
    choices = {("field", "a"): 0, ("field", "b"): 3, ("country", "c"): 1, ("kind", "d"): 2}
    assert counts.sampled_choices(choices, limit=3) == [
        ("country", "c"),
        ("field", "b"),
        ("kind", "d"),
    ]
    assert len(counts.sampled_choices(choices, limit=10)) == 4


def test_query_parameters_skip_the_page_and_the_sort():
    assert counts.query_params("/en/news/?field=a&field=b&page=3&sort=oldest&q=") == {
        "field": ["a", "b"]
    }


def test_numbers_are_read_in_every_language():
    russian = (
        '<h2 id="news-results-heading">3\xa0302 результата</h2>'
        '<li class="facet-choice depth-0"><input type="checkbox" id="facet-kind-news">'
        '<span class="facet-count" id="facet-kind-news-count">1\xa0204'
        '<span class="visually-hidden"> материала</span></span></li>'
    )
    assert counts.parse_page(russian) == {"total": 3302, "choices": {("kind", "news"): 1204}}
    french = '<h2 id="news-results-heading">12\u202f345 résultats</h2>'
    assert counts.parse_page(french)["total"] == 12345
