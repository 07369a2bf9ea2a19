"""What a browser would post back from a page's form, as the page shows it."""

from html.parser import HTMLParser


class FormValues(HTMLParser):
    """The successful controls of the form with id `form_id`: name → list of values."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.values = form_id, False, {}
        self.textarea = self.select = None

    def add(self, name, value):
        self.values.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in {"submit", "button", "file", "image", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self.add(name, attrs.get("value", "on" if kind in {"checkbox", "radio"} else ""))
        elif tag == "textarea" and name:
            self.textarea = [name, ""]
        elif tag == "select" and name:
            # A single choice with none marked posts its first option, as browsers do.
            self.select = {"name": name, "multiple": "multiple" in attrs, "first": None}
            self.values.setdefault(name, [])
        elif tag == "option" and self.select:
            value = attrs.get("value", "")
            if self.select["first"] is None:
                self.select["first"] = value
            if "selected" in attrs:
                self.add(self.select["name"], value)

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self.textarea is not None:
            name, text = self.textarea
            # Browsers drop the newline that opens a textarea's content.
            self.add(name, text[1:] if text.startswith("\n") else text)
            self.textarea = None
        elif tag == "select" and self.select is not None:
            name, chosen = self.select["name"], self.values[self.select["name"]]
            if not chosen and not self.select["multiple"] and self.select["first"] is not None:
                chosen.append(self.select["first"])
            self.select = None


def form_values(response, form_id="newsitem_form", **changes):
    """The form's values as posted, with `changes` applied (a list for several values)."""
    parser = FormValues(form_id)
    parser.feed(response.content.decode())
    data = {
        name: values if len(values) != 1 else values[0] for name, values in parser.values.items()
    }
    data.update(changes)
    data.setdefault("_save", "Save")
    return data
