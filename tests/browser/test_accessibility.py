"""axe-core finds no violation on any public page type, on a desktop and on a 360 px phone.

axe is injected by the test (the site never serves it), into a context that bypasses the
site's Content-Security-Policy for that one script; every other test keeps the policy."""

import json

import pytest

from tests.browser.conftest import PAGE_NAMES, public_pages

pytestmark = pytest.mark.browser


def violations(page, axe_source):
    page.add_script_tag(path=axe_source)
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        {
            "rule": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "nodes": [" ".join(node["target"]) for node in violation["nodes"]][:5],
        }
        for violation in result["violations"]
    ]


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_no_axe_violation(shared_pages, site, size, axe_source, name):
    page = shared_pages(size, bypass_csp=True)
    response = page.goto(public_pages(site)[name])
    assert response.status == (404 if name == "404" else 200)
    found = violations(page, axe_source)
    assert found == [], f"{name} ({size}): " + json.dumps(found, indent=2)
