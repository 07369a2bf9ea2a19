import pytest
from django.template.loader import get_template

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    ["/en/news/no-such-item/", "/en/countries/atlantis/", "/en/meetings/none/", "/no/such/page/"],
)
def test_unknown_address_gets_the_styled_404_page(client, url):
    response = client.get(url)

    assert response.status_code == 404
    assert [t.name for t in response.templates][:2] == ["404.html", "base.html"]
    content = response.content.decode()
    assert "<h1>Page not found</h1>" in content
    assert 'class="skip-link"' in content and "/static/css/site.css" in content


def test_500_template_renders_with_an_empty_context_and_no_database(
    django_assert_num_queries,
):
    with django_assert_num_queries(0):
        content = get_template("500.html").render()

    assert "Something went wrong on our side" in content
    assert "/static/css/site.css" in content
    assert '<main id="main"' in content


@pytest.mark.urls("tests.pages.failing_urls")
def test_a_failing_page_shows_the_styled_500_page(client):
    client.raise_request_exception = False

    response = client.get("/fail/")

    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
