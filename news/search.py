"""Full-text search over news items: ranked PostgreSQL search, and a plain fallback on SQLite.

On PostgreSQL, `NewsItem.search_vector` is kept up to date by a database trigger (created by
migration 0002), so rows written by bulk_create or COPY are searchable too. The trigger weighs
the title A, the lede B and the body (tags stripped) C, in the 'english' configuration.
"""

import html
import re

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection, models
from django.utils.html import escape
from django.utils.safestring import mark_safe

from news import languages

# The configuration a search is read with depends on the page's language and the search's
# words (news/languages.py query_config()); each item's vector is in its own language's.

# Written by the trigger; read by SearchRank. The body's tags are replaced by spaces first.
TRIGGER_SQL = r"""
CREATE OR REPLACE FUNCTION news_newsitem_search_vector_update() RETURNS trigger AS $$
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A')
        || setweight(to_tsvector('english', coalesce(NEW.lede, '')), 'B')
        || setweight(to_tsvector('english',
               regexp_replace(coalesce(NEW.body, ''), '<[^>]*>', ' ', 'g')), 'C');
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS news_newsitem_search_vector_trigger ON news_newsitem;
CREATE TRIGGER news_newsitem_search_vector_trigger
    BEFORE INSERT OR UPDATE OF title, lede, body, search_vector ON news_newsitem
    FOR EACH ROW EXECUTE FUNCTION news_newsitem_search_vector_update();

UPDATE news_newsitem SET search_vector = NULL;
"""

# From migration 0017: each item's text read in its language's configuration
# (news/languages.py SEARCH_CONFIGS; 'simple' for the others). Items in English keep the
# vectors they had, so nothing is read again.
LANGUAGE_CONFIG_SQL = """
CREATE OR REPLACE FUNCTION news_search_config(language text) RETURNS regconfig AS $$
    SELECT CASE language
        %(cases)s
        ELSE 'simple'::regconfig
    END
$$ LANGUAGE sql IMMUTABLE PARALLEL SAFE;
"""

LANGUAGE_TRIGGER_SQL = r"""
CREATE OR REPLACE FUNCTION news_newsitem_search_vector_update() RETURNS trigger AS $$
DECLARE
    config regconfig := news_search_config(NEW.language);
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector(config, coalesce(NEW.title, '')), 'A')
        || setweight(to_tsvector(config, coalesce(NEW.lede, '')), 'B')
        || setweight(to_tsvector(config,
               regexp_replace(coalesce(NEW.body, ''), '<[^>]*>', ' ', 'g')), 'C');
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS news_newsitem_search_vector_trigger ON news_newsitem;
CREATE TRIGGER news_newsitem_search_vector_trigger
    BEFORE INSERT OR UPDATE OF title, lede, body, language, search_vector ON news_newsitem
    FOR EACH ROW EXECUTE FUNCTION news_newsitem_search_vector_update();

UPDATE news_newsitem SET search_vector = NULL WHERE language <> 'en';
"""

DROP_TRIGGER_SQL = """
DROP TRIGGER IF EXISTS news_newsitem_search_vector_trigger ON news_newsitem;
DROP FUNCTION IF EXISTS news_newsitem_search_vector_update();
"""

# Private-use characters mark the matches in PostgreSQL's headlines; the text is escaped
# before they become <mark> elements, so nothing in an item's text can inject markup.
_START, _STOP = "\ue000", "\ue001"
# Between the fragments of a PostgreSQL headline, so that each is tidied on its own.
_FRAGMENT = "\ue002"
# The most words of a snippet made from the lede (SQLite).
SNIPPET_WORDS = 35
ELLIPSIS = "…"
# Quotation marks whose opening and closing characters differ: (opening, closing).
_QUOTES = (("“", "”"), ("«", "»"), ("‹", "›"))
_CLOSING = {close: open_ for open_, close in _QUOTES}
_OPENING = {open_: close for open_, close in _QUOTES}
# Between two sentences; and how far a headline's fragment is grown to reach their edges.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+")
EDGE_WORDS = 3
# Where a text is at the end of a sentence: its last letter followed by any closing marks.
_SENTENCE_END = re.compile(r"[.!?…][\s\"”»›’)\]]*$")


class SearchVectorIndex(GinIndex):
    """A GIN index on PostgreSQL. Other databases get a plain index on the column, which the
    fallback search does not use but which keeps the migrations runnable on SQLite."""

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return models.Index.create_sql(self, model, schema_editor, **kwargs)
        return super().create_sql(model, schema_editor, using=using, **kwargs)


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TRIGGER_SQL, params=None)


def create_language_trigger(apps, schema_editor):
    """Migration 0017: each item's vector in its language's configuration."""
    if schema_editor.connection.vendor == "postgresql":
        cases = "\n        ".join(
            f"WHEN '{code}' THEN '{config}'::regconfig"
            for code, config in languages.SEARCH_CONFIGS.items()
        )
        schema_editor.execute(LANGUAGE_CONFIG_SQL % {"cases": cases}, params=None)
        schema_editor.execute(LANGUAGE_TRIGGER_SQL, params=None)


def english_trigger(apps, schema_editor):
    """Migration 0017 undone: the trigger of migration 0003."""
    create_trigger(apps, schema_editor)
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS news_search_config(text)", params=None)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_TRIGGER_SQL, params=None)


def is_postgresql():
    return connection.vendor == "postgresql"


def words(text):
    """The words of a search, for the SQLite fallback and its highlighting."""
    return re.findall(r"\w+", text)


def _query(text):
    return SearchQuery(text, search_type="websearch", config=languages.query_config(text))


def matching(queryset, text):
    """Items matching the search `text` (websearch syntax on PostgreSQL)."""
    if is_postgresql():
        return queryset.filter(search_vector=_query(text))
    terms = words(text)
    if not terms:
        return queryset.none()
    for term in terms:
        queryset = queryset.filter(
            models.Q(title__icontains=term)
            | models.Q(lede__icontains=term)
            | models.Q(body__icontains=term)
        )
    return queryset


def by_relevance(queryset, text):
    """Order by how well items match `text`: title above lede above body, then newest."""
    if is_postgresql():
        rank = SearchRank(models.F("search_vector"), _query(text))
        return queryset.annotate(rank=rank).order_by("-rank", "-date_issued", "-id")
    title_hits = sum(
        (
            models.Case(
                models.When(title__icontains=term, then=1),
                default=0,
                output_field=models.IntegerField(),
            )
            for term in words(text)
        ),
        models.Value(0),
    )
    return queryset.annotate(title_hits=title_hits).order_by("-title_hits", "-date_issued", "-id")


def _mark(text, start, stop):
    """Escape `text`, then turn the `start`…`stop` markers into <mark> elements."""
    marked = escape(text).replace(start, "<mark>").replace(stop, "</mark>")
    return mark_safe(marked)  # everything but the markers was escaped above


# ts_headline's options for snippets: the marks above, two fragments of 12 to 30 words.
HEADLINE_OPTIONS = {
    "StartSel": _START,
    "StopSel": _STOP,
    "MaxWords": 30,
    "MinWords": 12,
    "MaxFragments": 2,
    "FragmentDelimiter": _FRAGMENT,
}


def headline_sql(lede, body, config):
    """The SQL of an item's snippet on PostgreSQL, with one placeholder: the search's text. The
    headline of its lede and its body's text, from the columns `lede` and `body` (quoted SQL
    names), read in the search's configuration `config` (news/languages.py query_config());
    the configuration and options are written in as literals.

    Written as SQL for the cards' query (newsroom/cards.py), where the ORM's SearchHeadline
    would make the page's query a QuerySet compiled anew for every search page."""
    compose = connection.ops.compose_sql
    options = ", ".join(
        compose(f"{option}=%s", [value]) for option, value in HEADLINE_OPTIONS.items()
    )
    return compose(
        f"ts_headline(%s::regconfig, {lede} || ' ' || regexp_replace({body}, %s, ' ', 'g'), "
        "websearch_to_tsquery(%s::regconfig, %%s), %s)",
        [config, "<[^>]*>", config, options],
    )


def snippets(items, text):
    """{item id: safe HTML snippet with the matches marked} for the items of one page.

    On PostgreSQL the items carry their headline (headline_sql()); elsewhere the words of
    the search are marked in each item's lede.
    """
    if not items:
        return {}
    if is_postgresql():
        return {
            item.pk: _mark(
                _tidy_headline(html.unescape(item.search_headline), item.lede), _START, _STOP
            )
            for item in items
        }
    terms = words(text)
    if not terms:
        return {}
    longest_first = sorted(terms, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(term) for term in longest_first), re.IGNORECASE)

    def marked(text):
        text = text.replace(_START, "").replace(_STOP, "")
        text = _cut(text, pattern)
        return _mark(pattern.sub(lambda m: f"{_START}{m.group(0)}{_STOP}", text), _START, _STOP)

    return {item.pk: marked(item.lede) for item in items}


# Snippets read as quotations of the text: cut on a word boundary, an ellipsis where text is
# left out, and no quotation left open or closed without its other half.


def _cut(text, pattern):
    """At most SNIPPET_WORDS words of `text` around the first match of `pattern`, cut
    between words, with an ellipsis where text is left out and every quotation closed."""
    words = text.split()
    if len(words) <= SNIPPET_WORDS:
        return balanced(" ".join(words))
    found = pattern.search(text)
    before = len(text[: found.start()].split()) if found else 0
    start = max(0, min(before - 5, len(words) - SNIPPET_WORDS))
    chosen = " ".join(words[start : start + SNIPPET_WORDS])
    return tidy(chosen, starts=start == 0, ends=start + SNIPPET_WORDS >= len(words))


def _tidy_headline(headline, lede):
    """A PostgreSQL headline, its fragments tidied and joined by ellipses. A fragment of the
    lede (the part of the text at hand) is grown to the start and the end of its sentence
    when they are a few words away: ts_headline leaves out the short words and the
    punctuation at a fragment's edges ("The", the final full stop)."""
    lede = " ".join((lede or "").split())
    fragments = [fragment.strip() for fragment in headline.split(_FRAGMENT) if fragment.strip()]
    tidied = []
    for fragment in fragments:
        fragment = " ".join(fragment.split())
        plain = fragment.replace(_START, "").replace(_STOP, "")
        at = lede.find(plain) if plain else -1
        if at < 0:
            tidied.append(tidy(fragment))
            continue
        before, after = lede[:at], lede[at + len(plain) :]
        head = _SENTENCE_BREAK.split(before)[-1]
        if len(head.split()) <= EDGE_WORDS:
            fragment, before = head + fragment, before[: len(before) - len(head)]
        tail = _SENTENCE_BREAK.split(after)[0]
        if len(tail.split()) <= EDGE_WORDS:
            fragment += tail
        tidied.append(tidy(fragment, starts=not before.strip()))
    # One ellipsis between two fragments, not one after the first and one before the second.
    return " ".join(tidied).replace(f"{ELLIPSIS} {ELLIPSIS}", ELLIPSIS)


def tidy(text, starts=False, ends=None):
    """`text`, a part of a longer text, with an ellipsis before it unless it `starts` that
    text and after it unless it `ends` it (by default: unless it ends a sentence), and its
    quotation marks balanced (balanced())."""
    if ends is None:
        ends = bool(_SENTENCE_END.search(text.replace(_STOP, "")))
    text = text.strip()
    if not starts:
        text = f"{ELLIPSIS} {text}"
    if not ends:
        text = f"{text.rstrip(',;:')} {ELLIPSIS}"
    return balanced(text)


def balanced(text):
    """`text` with the quotation marks it opens closed at its end, and those it closes (opened
    before it) opened at its start: “ ” « » ‹ › and the straight double quote."""
    stack, unopened = [], []
    for char in text:
        if char in _OPENING:
            stack.append(char)
        elif char in _CLOSING:
            if stack and stack[-1] == _CLOSING[char]:
                stack.pop()
            elif not stack:
                unopened.append(_CLOSING[char])
    opening = "".join(reversed(unopened))
    closing = "".join(_OPENING[char] for char in reversed(stack))
    if text.count('"') % 2:
        first = text.index('"')
        # An opening quote stands before a word; a closing one after it.
        if (
            first + 1 < len(text)
            and not text[first + 1].isspace()
            and (first == 0 or text[first - 1].isspace() or text[first - 1] in "(…")
        ):
            closing += '"'
        else:
            opening = '"' + opening
    return f"{opening}{text}{closing}"
