"""{% pagination page_obj page_range params %}: the links to a list's other pages, keeping
every filter of `params` (the request's query).

Written in Python for the reason the cards are (newsroom/templatetags/cards.py): with a
million items every list has pages, and the template took most of a millisecond on its
`querystring` tags. The links are made by newsroom/facets.py like every address of the list:
no empty parameter, the canonical order, page 1 without `page`.
"""

from django import template
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from newsroom import facets

register = template.Library()

_NUMBER = "\0"  # stands for the page number while the query is encoded


@register.simple_tag
def pagination(page_obj, page_range, params, path=None):
    paginator = page_obj.paginator
    if paginator.num_pages <= 1:
        return ""
    path = path or reverse("news:list")
    first_url = path + facets.url_with(params)
    # The query of any other page, made once (facets.query(): the list's canonical order).
    before, after = facets.query(params, page=[_NUMBER]).split("%00", 1)

    def url(number):
        return escape(first_url if number == 1 else f"{path}{before}{number:d}{after}")

    page_word = escape(gettext("Page"))
    lower_page = escape(gettext("page"))
    # Outside the f-strings, where makemessages (xgettext) cannot see them.
    previous_word, next_word = escape(gettext("Previous")), escape(gettext("Next"))
    items = []
    if page_obj.has_previous():
        items.append(
            f'<li><a href="{url(page_obj.previous_page_number())}" rel="prev">'
            f'{previous_word}<span class="visually-hidden"> {lower_page}</span>'
            "</a></li>"
        )
    for number in page_range:
        if number == paginator.ELLIPSIS:
            items.append(f'<li><span class="pagination-gap">{escape(number)}</span></li>')
        elif number == page_obj.number:
            items.append(
                f'<li><span aria-current="page"><span class="visually-hidden">{page_word} '
                f"</span>{number:d}</span></li>"
            )
        else:
            items.append(
                f'<li><a href="{url(number)}"><span class="visually-hidden">{page_word} '
                f"</span>{number:d}</a></li>"
            )
    if page_obj.has_next():
        items.append(
            f'<li><a href="{url(page_obj.next_page_number())}" rel="next">'
            f'{next_word}<span class="visually-hidden"> {lower_page}</span>'
            "</a></li>"
        )
    label = escape(gettext("Pages of results"))
    body = "\n    ".join(items)
    return mark_safe(  # noqa: S308 (every value escaped above)
        f'<nav class="pagination" aria-label="{label}">\n  <ul>\n    {body}\n  </ul>\n</nav>'
    )
