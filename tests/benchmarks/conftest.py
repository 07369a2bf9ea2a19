"""A tiny newsroom and a local HTTP server standing in for gunicorn."""

import datetime
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import timezone

from news.models import NewsItem
from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    NewsItemFactory,
    PublishedNewsFactory,
    StructureFactory,
)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the load process expects
    disable_nagle_algorithm = True

    def do_GET(self):
        body = b"ok"
        self.send_response(500 if self.path == "/broken/" else 200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def newsroom():
    """Three items on arms control in Austria from a mission's office, one elsewhere."""
    this_year = timezone.localdate().year
    arms = FieldOfWorkFactory(slug="arms-control")
    youth = FieldOfWorkFactory(slug="youth")
    FieldOfWorkFactory(slug="unused-field")
    austria = CountryFactory(slug="austria")
    malta = CountryFactory(slug="malta")
    mission = StructureFactory(slug="mission")
    office = StructureFactory(slug="office", parent=mission)
    loner = StructureFactory(slug="loner")
    for day in (1, 2, 3):
        PublishedNewsFactory(
            title="Security dialogue in Vienna",
            date_issued=datetime.date(this_year - 1, 5, day),
            fields_of_work=[arms],
            countries=[austria],
            lead_structure=office,
        )
    latest = PublishedNewsFactory(
        title="Security and Zanzibar",
        date_issued=datetime.date(this_year, 1, 1),
        fields_of_work=[youth, arms],
        countries=[malta],
        lead_structure=loner,
    )
    NewsItemFactory(
        title="Quixotic security draft",
        status=NewsItem.Status.DRAFT,
        fields_of_work=[youth],
        lead_structure=loner,
    )
    return latest
