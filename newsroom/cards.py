"""Reading the items a list shows as cards (newsroom/templatetags/cards.py), by id.

The same query every time but for the ids: written once per process and number of ids, run
as it is. A QuerySet with select_related() and defer() is built and compiled anew for every
page, which took longer than the database takes to answer it.
"""

import functools

from django.db import connection

from news import languages, search
from news.models import NewsItem
from structures.models import Structure

# What a card does not show: kilobytes per item.
NOT_SHOWN = ("body", "search_vector")
# What a card shows of the lead issuer (str(structure): its name and acronym in the page's
# language, or those it had on the day of issue, from name_history: Structure.name_on()).
# In the model's order of fields, as Model.from_db() reads them.
ISSUER_FIELDS = tuple(
    field.attname
    for field in Structure._meta.concrete_fields
    if field.attname in {"id", "name", "acronym", "slug", "name_history", "names", "acronyms"}
)
# Its JSON columns, as text, which raw() leaves to be read.
ISSUER_JSON = [Structure._meta.get_field(name) for name in ("name_history", "names", "acronyms")]


def read_cards(ids, search_text=None):
    """The items `ids` with their lead issuers, in the order of `ids` (missing ones left out).

    With `search_text` (PostgreSQL), each also carries its snippet's headline as
    `search_headline` (news.search.snippets() makes the snippet), from the same query.
    """
    ids = list(ids)
    if not ids:
        return []
    if search_text is None:
        rows = _read(_query(len(ids)), ids)
    else:
        config = languages.query_config(search_text)
        rows = _read(_query(len(ids), headline=config), [search_text, *ids])
    found = {item.pk: item for item in rows}
    return [found[pk] for pk in ids if pk in found]


def read_items(slug):
    """The items whose slug is `slug` (one per language at most), whatever their status,
    with their lead issuers (and their bodies, which an item's page shows)."""
    return _read(_query(1, by="slug", shown=("search_vector",)), [slug])


def read_item(slug, language=None):
    """The item whose slug is `slug`, whatever its status, or None: of several in different
    languages, the one in `language` (default: the default language), else the first."""
    language = language or languages.default()
    found = languages.preferring(read_items(slug), language)
    return found[0] if found else None


def _read(sql, params):
    items = []
    for item in NewsItem._default_manager.raw(sql, params):
        values = [getattr(item, f"issuer_{name}") for name in ISSUER_FIELDS]
        lead = None
        if values[0] is not None:
            lead = Structure.from_db(connection.alias, ISSUER_FIELDS, values)
            for field in ISSUER_JSON:
                value = field.from_db_value(getattr(lead, field.attname), None, connection)
                setattr(lead, field.attname, value)
        NewsItem.lead_structure.field.set_cached_value(item, lead)
        items.append(item)
    return items


@functools.cache
def _query(count, by="id", shown=NOT_SHOWN, headline=False):
    """The SQL for `count` values of the item's field `by`: the items' columns but those
    not `shown` (converted by raw()), and their lead issuers' as issuer_<field> (text and
    numbers, which need no converting). With `headline`, also a search snippet's headline as
    search_headline, whose search text is the first parameter, read in configuration
    `headline`."""
    quote = connection.ops.quote_name
    fields = [f for f in NewsItem._meta.concrete_fields if f.name not in shown]
    items, issuers = quote(NewsItem._meta.db_table), quote(Structure._meta.db_table)
    columns = [f"i.{quote(f.column)}" for f in fields]
    columns += [
        f"s.{quote(Structure._meta.get_field(name).column)} AS {quote('issuer_' + name)}"
        for name in ISSUER_FIELDS
    ]
    if headline:
        sql = search.headline_sql(
            *(f"i.{quote(NewsItem._meta.get_field(name).column)}" for name in ("lede", "body")),
            config=headline,
        )
        columns.append(f"{sql} AS {quote('search_headline')}")
    placeholders = ", ".join(["%s"] * count)
    lead = quote(NewsItem._meta.get_field("lead_structure").column)
    return (
        f"SELECT {', '.join(columns)} FROM {items} i "  # noqa: S608 (names from the models)
        f"LEFT OUTER JOIN {issuers} s ON s.{quote('id')} = i.{lead} "
        f"WHERE i.{quote(NewsItem._meta.get_field(by).column)} IN ({placeholders})"
    )
