"""What a visitor reads on /news/: the number of results, the facet counts, the titles."""

import re
from html import unescape
from html.parser import HTMLParser

from django.urls import reverse

RESULTS = re.compile(r'id="news-results-heading"[^>]*>([\d,]+) results?')
YEAR = re.compile(r'<option value="(\d{4})"[^>]*>\d{4} \((\d+)\)</option>')


class FacetCounts(HTMLParser):
    """{(parameter, value): count} of every facet choice of the page."""

    def __init__(self):
        super().__init__()
        self.counts, self.labels, self._choice = {}, {}, None
        self._counting = self._label = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") == "checkbox":
            self._choice = (attrs["name"], attrs["value"])
        elif tag == "label" and self._choice:
            self._label = True
        elif "facet-count" in (attrs.get("class") or "") and self._choice:
            self._counting = True

    def handle_data(self, data):
        if self._label:
            self.labels[self._choice] = data
            self._label = False
        elif self._counting:
            self.counts[self._choice] = int(data.replace(",", ""))
            self._counting = False


class Page:
    def __init__(self, response):
        self.status = response.status_code
        self.html = response.content.decode()
        parser = FacetCounts()
        parser.feed(self.html)
        self.counts, self.labels = parser.counts, parser.labels
        self.counts.update({("year", y): int(n) for y, n in YEAR.findall(self.html)})
        found = RESULTS.search(self.html)
        self.results = int(found.group(1).replace(",", "")) if found else None

    def count(self, param, value):
        return self.counts[(param, value)]

    def shows(self, title):
        return unescape(self.html).count(title) > 0


def news(client, query=""):
    response = client.get(reverse("news:list") + query, follow=True)
    assert response.status_code == 200, query
    return Page(response)
