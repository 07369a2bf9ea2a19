"""Checks shared by the page tests."""

from html.parser import HTMLParser


def assert_hides(content, hidden):
    for item in hidden:
        assert item.title not in content
        assert item.get_absolute_url() not in content


class Outline(HTMLParser):
    """Headings, landmarks and links of a page, to check its structure."""

    def __init__(self):
        super().__init__()
        self.headings, self.tags, self.assets = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.headings.append(int(tag[1]))
        if tag in {"img", "script", "iframe", "video", "audio", "source"} and attrs.get("src"):
            self.assets.append(attrs["src"])
        if tag == "link" and attrs.get("rel") in {"stylesheet", "icon", "preload"}:
            self.assets.append(attrs["href"])


def outline(content):
    parser = Outline()
    parser.feed(content)
    return parser
