"""The news list's cursors: where a client walking the results stopped.

Newest and oldest first, a cursor holds the sort key of the last item given, (date issued,
id) as the index numbers items (newsroom/index.py item_key()); the next page is the results
after that key. Items published meanwhile take their place in the order without moving the
ones after the cursor, so a client walking the archive sees no item twice and misses none
that was there when it started. Most relevant first has no such key: its cursor holds the
position of the next result, and a change to the results while walking may shift them.

Cursors are signed (django.core.signing), so they are opaque and a client cannot forge one;
a malformed, tampered or other sort's cursor is refused with a message, never a 500.
"""

from dataclasses import dataclass

import numpy as np
from django.core import signing
from django.utils.translation import gettext as _
from pyroaring import BitMap

from newsroom.filters import Sort

SALT = "api.news-cursor"


class InvalidCursor(ValueError):
    pass


@dataclass(frozen=True)
class Cursor:
    sort: str
    value: int  # an item's sort key, or (relevance) the position of the next result

    def encode(self):
        return signing.dumps([self.sort, self.value], salt=SALT, compress=False)

    @classmethod
    def decode(cls, text, sort):
        """The cursor `text` for the results in order `sort`; InvalidCursor if it is not one."""
        try:
            found_sort, value = signing.loads(text, salt=SALT)
        except (signing.BadSignature, ValueError, TypeError):
            raise InvalidCursor(
                _("This cursor is not valid: use the “next” link as given.")
            ) from None
        if found_sort != sort:
            raise InvalidCursor(
                _("This cursor belongs to results sorted by “%(cursor)s”, not “%(sort)s”.")
                % {"cursor": found_sort, "sort": sort}
            )
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise InvalidCursor(_("This cursor is not valid: use the “next” link as given."))
        return cls(sort, value)


def beyond(index, key, newest):
    """The positions of the items that come after sort key `key` in the list's order:
    older ones when `newest`, else newer ones."""
    found = BitMap()
    if newest:
        end = int(np.searchsorted(index.base_keys, key, side="left"))
        if end:
            found.add_range(0, end)
    else:
        start = int(np.searchsorted(index.base_keys, key, side="right"))
        if start < index.base_end:
            found.add_range(start, index.base_end)
    for offset, extra in enumerate(index.extra_keys):
        if (extra < key) if newest else (extra > key):
            found.add(index.base_end + offset)
    return found


def page(results, selection, cursor, size):
    """(ids of the next `size` results, the cursor after them or None), from `results`
    (newsroom.results.Results) after `cursor` (or from the first)."""
    sort = results.filterset.sort
    if sort == Sort.RELEVANCE:
        start = cursor.value if cursor else 0
        ids = results.ids(start, start + size + 1)
        following = Cursor(sort, start + size) if len(ids) > size else None
        return ids[:size], following
    newest = sort != Sort.OLDEST
    index, chosen = selection.index, selection.results
    if cursor is not None:
        chosen = chosen & beyond(index, cursor.value, newest)
    ids = index.page(chosen, 0, size + 1, newest=newest)
    following = None
    if len(ids) > size:
        last = ids[size - 1]
        following = Cursor(sort, index.key(index.position(last)))
    return ids[:size], following
