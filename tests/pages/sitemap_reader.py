"""Reading the sitemaps as a search engine does: the index at /sitemap.xml, then every child
sitemap it lists (each page of each)."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def path_of(location):
    parts = urlsplit(location)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def read_index(client):
    """[(child sitemap's address, its lastmod text or None)] listed by /sitemap.xml."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert root.tag == f"{{{NS['sm']}}}sitemapindex"
    return [
        (entry.find("sm:loc", NS).text, getattr(entry.find("sm:lastmod", NS), "text", None))
        for entry in root.findall("sm:sitemap", NS)
    ]


def read_child(client, location):
    """[(address, lastmod text or None)] listed by the child sitemap at `location`."""
    response = client.get(path_of(location))
    assert response.status_code == 200, location
    root = ET.fromstring(response.content)
    return [
        (url.find("sm:loc", NS).text, getattr(url.find("sm:lastmod", NS), "text", None))
        for url in root.findall("sm:url", NS)
    ]


def all_entries(client):
    """[(address, lastmod text or None)] of every child sitemap the index lists, in order."""
    return [entry for location, _ in read_index(client) for entry in read_child(client, location)]


def all_locations(client):
    return [location for location, _ in all_entries(client)]
