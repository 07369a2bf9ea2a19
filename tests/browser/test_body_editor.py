"""The news body editor as a writer meets it in the admin: spellcheck on, labelled buttons
for headings, lists, quotes and links, a comfortable height that grows with the text, and
text pasted from Word or Google Docs reduced to what the body keeps."""

import pytest

from tests.browser.conftest import signed_in_context
from tests.factories import SuperuserFactory

pytestmark = pytest.mark.browser

# Clipboard HTML as Word (Microsoft 365, Windows) puts it there: a heading, a paragraph with
# bold and italic runs, a two-item bulleted list written as paragraphs, a numbered list.
WORD_HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta charset="utf-8">
<style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm; font-family:"Calibri",sans-serif;}
--></style></head><body lang=EN-GB style='tab-interval:36.0pt'>
<!--StartFragment-->
<h1 style='mso-margin-top-alt:auto'><span lang=EN-GB
style='mso-fareast-font-family:"Times New Roman"'>Observers report<o:p></o:p></span></h1>
<p class=MsoNormal><span style='font-size:12.0pt;mso-bidi-font-family:Calibri'>The mission
<b style='mso-bidi-font-weight:normal'>welcomed</b> the <i>orderly</i> vote.<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if
!supportLists]><span style='font-family:Symbol;mso-fareast-font-family:Symbol'><span
style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'
>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Access to polling
stations<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if
!supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]
>Counting<o:p></o:p></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><![if !supportLists]><span
style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span
></span><![endif]>First step<o:p></o:p></p>
<!--EndFragment--></body></html>"""

# Clipboard HTML as Google Docs puts it there: everything inside a <b> that is not bold,
# bold and italic as styled spans, a real list.
DOCS_HTML = (
    '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-5c1a2b3d-7fff-'
    '1e2f-9a8b-0c1d2e3f4a5b"><h2 dir="ltr" style="line-height:1.38;margin-top:18pt;"><span '
    'style="font-size:16pt;font-family:Arial,sans-serif;color:#000000;font-weight:400;">'
    "Findings</span></h2>"
    '<p dir="ltr" style="line-height:1.38;margin-top:0pt;"><span style="font-size:11pt;'
    'font-family:Arial,sans-serif;font-weight:400;">Turnout was </span><span style="font-size:'
    '11pt;font-family:Arial,sans-serif;font-weight:700;">high</span><span style="font-size:11pt;'
    'font-weight:400;font-style:italic;"> everywhere</span><span style="font-size:11pt;">.'
    "</span></p>"
    '<ul style="margin-top:0;margin-bottom:0;"><li dir="ltr" style="list-style-type:disc;" '
    'aria-level="1"><p dir="ltr" role="presentation" style="line-height:1.38;"><span '
    'style="font-size:11pt;">North</span></p></li></ul></b>'
)


@pytest.fixture
def admin_page(chromium, site):
    """A desktop page signed in as a superuser, on a new news item's form."""
    context = signed_in_context(chromium, site, SuperuserFactory())
    page = context.new_page()
    response = page.goto("/admin/news/newsitem/add/")
    # Compressed, as browsers get it: the page's CSP names its import map all the same.
    assert response.headers.get("content-encoding") == "gzip"
    page.locator(".field-body .ProseMirror").wait_for()
    yield page
    context.close()


def editor(page):
    return page.locator(".field-body .ProseMirror")


def paste(page, html):
    """Paste `html` into the body as a browser's clipboard would hand it to the editor."""
    editor(page).click()
    editor(page).evaluate(
        """(element, html) => {
            const data = new DataTransfer()
            data.setData("text/html", html)
            data.setData("text/plain", "")
            element.dispatchEvent(new ClipboardEvent("paste", {
                clipboardData: data, bubbles: true, cancelable: true,
            }))
        }""",
        html,
    )
    return page.locator("textarea[name=body]").input_value()


def test_the_body_is_spellchecked(admin_page):
    assert editor(admin_page).get_attribute("spellcheck") == "true"


def test_the_buttons_say_what_they_do(admin_page):
    names = [
        "Paragraph", "Heading 2", "Heading 3", "Heading 4", "Bulleted list", "Numbered list",
        "Quote", "Link",
    ]  # fmt: skip
    for name in names:
        button = admin_page.get_by_role("button", name=name, exact=True)

        assert button.is_visible()
        assert button.inner_text().endswith(name)  # after its icon, if it has one
        assert button.get_attribute("title") == name


def test_a_heading_button_makes_a_heading(admin_page):
    editor(admin_page).click()
    admin_page.keyboard.type("Findings")
    admin_page.get_by_role("button", name="Heading 3", exact=True).click()

    assert admin_page.locator("textarea[name=body]").input_value() == "<h3>Findings</h3>"


def test_the_editor_opens_tall_and_grows_with_the_text(admin_page):
    empty = editor(admin_page).bounding_box()["height"]
    editor(admin_page).click()
    for _ in range(40):
        admin_page.keyboard.type("A line of the body.")
        admin_page.keyboard.press("Enter")

    assert empty >= 400  # about twenty lines
    assert editor(admin_page).bounding_box()["height"] > empty * 1.5


def test_text_pasted_from_word_keeps_its_structure_and_nothing_else(admin_page):
    body = paste(admin_page, WORD_HTML)

    assert body == (
        "<h2>Observers report</h2>"
        "<p>The mission <strong>welcomed</strong> the <em>orderly</em> vote.</p>"
        "<ul><li><p>Access to polling stations</p></li><li><p>Counting</p></li></ul>"
        # The editor's own attribute, which the sanitiser drops (tests/news/test_rich_text.py).
        '<ol data-type="decimal"><li><p>First step</p></li></ol>'
    )


def test_text_pasted_from_google_docs_is_not_all_bold(admin_page):
    body = paste(admin_page, DOCS_HTML)

    assert body == (
        "<h2>Findings</h2>"
        "<p>Turnout was <strong>high</strong><em> everywhere</em>.</p>"
        "<ul><li><p>North</p></li></ul>"
    )
