"""The Russian, French and German catalogues: complete for what a visitor reads, faithful to
the placeholders and markup of the English, and compiled (the committed .mo files say what
the .po files say, so a clone runs translated without GNU gettext)."""

import gettext
import re
import shutil
import subprocess

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import FieldOfWorkFactory, PublishedNewsFactory
from tests.i18n.catalogues import TRANSLATED, po_path, read_po, visitor_model_texts

# %(name)s, %s, %d, %%, and str.format fields ({name}, {0}); and every HTML tag.
PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[-#0 +]*\d*(?:\.\d+)?[sdifrx%]|\{[a-z_0-9]*\}")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")

RUSSIAN_PLURALS = (
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);"
)


@pytest.fixture(scope="module")
def model_texts():
    with translation.override("en"):
        return {str(text) for text in visitor_model_texts()}


def entries(language):
    return read_po(po_path(language))[1:]


def header(language):
    head = read_po(po_path(language))[0]
    assert head.msgid == ""
    return dict(line.split(": ", 1) for line in head.msgstr[0].splitlines() if ": " in line)


def visitor_entries(language, model_texts):
    return [entry for entry in entries(language) if entry.for_visitor(model_texts)]


def label(entry):
    return f"{entry.msgid!r} ({', '.join(entry.locations[:2])})"


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_definition_finds_the_visitors_texts(language, model_texts):
    """A guard on the guard: if the paths stopped matching (a move, a typo), every test
    below would pass on nothing."""
    msgids = {entry.msgid for entry in visitor_entries(language, model_texts)}
    assert {"Search news", "Field of work", "Skip to main content", "Press release"} <= msgids
    assert len(msgids) > 300


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_visitor_text_is_translated_and_checked(language, model_texts):
    missing = [
        label(e)
        for e in visitor_entries(language, model_texts)
        if not e.msgstr or not all(e.msgstr)
    ]
    fuzzy = [label(e) for e in visitor_entries(language, model_texts) if e.fuzzy]
    assert not missing, f"{language}: {len(missing)} untranslated: {missing[:20]}"
    assert not fuzzy, f"{language}: {len(fuzzy)} fuzzy: {fuzzy[:20]}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_model_text_a_page_shows_is_in_the_catalogue(language, model_texts):
    """Choice labels are found by makemessages in files that are otherwise the admin's; a
    label whose msgid changed without a new makemessages would silently show in English."""
    msgids = {entry.msgid for entry in entries(language)}
    assert model_texts <= msgids, sorted(model_texts - msgids)


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_placeholders_and_markup(language):
    wrong = []
    for entry in entries(language):
        if not entry.translated:
            continue
        if entry.msgid_plural is None:
            expected = [entry.msgid]
        else:
            # The first form may drop the number ("one minute") where it only stands for
            # one; the others must use exactly the plural's placeholders.
            expected = [entry.msgid_plural] * len(entry.msgstr)
        for index, (source, text) in enumerate(zip(expected, entry.msgstr, strict=True)):
            firsts = [source, entry.msgid] if index == 0 else [source]
            if not any(
                sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(one))
                and sorted(TAG.findall(text)) == sorted(TAG.findall(one))
                for one in firsts
            ):
                wrong.append(f"{label(entry)} → {text!r}")
    assert not wrong, "\n".join(wrong)


def test_plural_forms():
    assert header("ru")["Plural-Forms"].strip() == RUSSIAN_PLURALS
    assert header("fr")["Plural-Forms"].strip() == "nplurals=2; plural=(n > 1);"
    assert header("de")["Plural-Forms"].strip() == "nplurals=2; plural=(n != 1);"
    for language, count in (("ru", 3), ("fr", 2), ("de", 2)):
        assert header(language)["Language"].strip() == language
        for entry in entries(language):
            if entry.msgid_plural is not None and entry.translated:
                assert len(entry.msgstr) == count, label(entry)


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_committed_mo_says_what_the_po_says(language):
    """The .mo is what the site reads: it must hold exactly the .po's translated, not fuzzy
    entries. Compare Python's reading of the committed .mo with our reading of the .po."""
    with po_path(language).with_suffix(".mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)._catalog
    expected = {}
    for entry in read_po(po_path(language)):
        if not entry.translated and entry.msgid:
            continue
        key = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
        if entry.msgid_plural is None:
            expected[key] = entry.msgstr[0]
        else:
            expected.update({(key, n): text for n, text in enumerate(entry.msgstr)})
    compiled.pop("", None), expected.pop("", None)
    stale = {
        key for key in expected.keys() | compiled.keys() if expected.get(key) != compiled.get(key)
    }
    assert not stale, (
        f"{language}: the .mo differs from the .po in {len(stale)} messages, e.g. "
        f"{sorted(map(str, stale))[:5]}: run manage.py compilemessages and commit the .mo"
    )


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt is not here")
@pytest.mark.parametrize("language", TRANSLATED)
def test_msgfmt_accepts_the_po(language, tmp_path):
    """msgfmt --check: the header, plural forms and every python-format string are valid."""
    result = subprocess.run(
        ["msgfmt", "--check", "-o", str(tmp_path / "django.mo"), str(po_path(language))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def address(name, language):
    with translation.override(language):
        url = reverse(name)
    if not url.startswith(f"/{language}/"):
        pytest.xfail("public URLs are not under their language's prefix (/ru/news/) yet")
    return url


@pytest.mark.django_db
def test_the_russian_news_list_reads_in_russian(client):
    field = FieldOfWorkFactory(name="Elections", slug="elections")
    PublishedNewsFactory.create_batch(2, fields_of_work=[field])

    response = client.get(address("news:list", "ru"), HTTP_ACCEPT_LANGUAGE="ru")

    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="ru"' in page
    for russian in (
        "Поиск по новостям",  # the search label
        "Направление деятельности",  # the field of work facet's legend
        "2 результата",  # the results heading, in its plural form for 2
        "Перейти к основному содержанию",  # the skip link
    ):
        assert russian in page
    for english in ("Search news", "Field of work", "Skip to main content", "2 results"):
        assert english not in page


@pytest.mark.django_db
def test_the_french_alert_sign_up_reads_in_french(client):
    """A form, its field labels and the model's choice labels, and the site's chrome."""
    FieldOfWorkFactory(name="Elections", slug="elections")

    response = client.get(address("alerts:signup", "fr") + "?field=elections")

    assert response.status_code == 200
    page = response.content.decode()
    for french in ("Votre adresse e-mail", "Dès qu’une actualité est publiée", "S’inscrire"):
        assert french in page
    for english in ("Your email address", "As soon as news is published", "Sign up"):
        assert english not in page


@pytest.mark.django_db
def test_the_german_not_found_page_reads_in_german(client):
    missing = address("news:list", "de") + "no-such-item/"

    response = client.get(missing)

    assert response.status_code == 404
    page = response.content.decode()
    assert "Seite nicht gefunden" in page and "Page not found" not in page


def test_russian_plurals_choose_the_right_form():
    with translation.override("ru"):
        words = [translation.ngettext("item", "items", n) for n in (1, 2, 5, 11, 21, 22, 25)]
    assert words == [
        "материал",
        "материала",
        "материалов",
        "материалов",
        "материал",
        "материала",
        "материалов",
    ]
