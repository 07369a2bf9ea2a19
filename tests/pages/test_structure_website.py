"""Only http and https websites become links, whatever wrote the structure."""

import pytest
from django.core.exceptions import ValidationError

from structures.models import Structure
from tests.factories import StructureFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "website",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "//evil.example/",
        "vbscript:msgbox(1)",
    ],
)
def test_a_website_that_is_not_http_is_not_a_link(client, website):
    structure = StructureFactory(slug="mission")
    Structure.objects.filter(pk=structure.pk).update(website=website)

    response = client.get(structure.get_absolute_url())

    assert response.status_code == 200
    content = response.content.decode()
    assert "alert(1)" not in content
    assert "evil.example" not in content
    assert "msgbox" not in content


def test_a_website_must_be_http_or_https():
    structure = StructureFactory.build(website="ftp://files.example.org/")

    with pytest.raises(ValidationError) as refused:
        structure.full_clean()

    assert "website" in refused.value.message_dict
