"""The words of the index of the public news (newsroom/index.py), on PostgreSQL: for each
lexeme of the items' search vectors (news/search.py), the bitmaps of the published items
having it anywhere, in the title (weight A) and, not in the title, in the lede (weight B).

A search is read by PostgreSQL (websearch syntax, websearch_to_tsquery) and answered here
with set operations: words AND, OR and NOT. A phrase (or anything else this module does not
read) is matched by the database, exactly, and ordered here all the same.

Relevance: each word of the search scores 3 where it is in the title, 2 in the lede, 1 in the
body, 0 where it is missing; an item's score is the sum over the words; a higher score comes
first, then the newest. It is ts_rank's order for one word (a title occurrence outweighs
any number elsewhere), decided for several words by where each is found, not by how often.
"""

import re

import numpy as np
from django.db import connection
from pyroaring import BitMap

from news import languages

# Words of a search that decide its order: beyond these, the others still narrow.
RANKED_WORDS = 6
# Scores of a word by where it is found.
TITLE, LEDE, BODY = 3, 2, 1

_PUBLISHED_VECTORS = """
SELECT u.lexeme,
       string_agg(i.id::text, ' '),
       string_agg(i.id::text, ' ') FILTER (WHERE 'A' = ANY(u.weights)),
       string_agg(i.id::text, ' ') FILTER (WHERE 'B' = ANY(u.weights) AND NOT 'A' = ANY(u.weights))
FROM ({items}) i, unnest(i.search_vector) u
GROUP BY u.lexeme
"""
_CHANGED_VECTORS = """
SELECT i.id, u.lexeme, 'A' = ANY(u.weights), 'B' = ANY(u.weights)
FROM news_newsitem i, unnest(i.search_vector) u
WHERE i.id = ANY(%s)
"""


def available():
    return connection.vendor == "postgresql"


class Words:
    """{lexeme: (anywhere, in the title, in the lede)}, as bitmaps of index positions."""

    def __init__(self):
        self.lexemes = {}

    @classmethod
    def read(cls, index, published):
        """The words of the `published` items (a queryset of id and search_vector), read in
        batches from a server-side cursor, so that no process holds them all as text."""
        words = cls()
        sql, params = published.values("id", "search_vector").query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL work_mem = '256MB'")
            cursor.execute(
                "DECLARE index_words NO SCROLL CURSOR FOR " + _PUBLISHED_VECTORS.format(items=sql),
                params,
            )
            while True:
                cursor.execute("FETCH 100 FROM index_words")
                rows = cursor.fetchall()
                if not rows:
                    break
                for lexeme, *lists in rows:
                    words.lexemes[lexeme] = tuple(_positions(index, text) for text in lists)
            cursor.execute("CLOSE index_words")
        return words

    def forget(self, gone):
        """Take the positions `gone` (a BitMap) out of every word."""
        for bitmaps in self.lexemes.values():
            for bitmap in bitmaps:
                bitmap -= gone

    def add(self, index, placed):
        """Add the words of the items `placed` ({id: position}), read from the database."""
        with connection.cursor() as cursor:
            cursor.execute(_CHANGED_VECTORS, [list(placed)])
            for pk, lexeme, title, lede in cursor.fetchall():
                anywhere, in_title, in_lede = self.lexemes.setdefault(
                    lexeme, (BitMap(), BitMap(), BitMap())
                )
                position = placed[pk]
                anywhere.add(position)
                if title:
                    in_title.add(position)
                elif lede:
                    in_lede.add(position)

    def get(self, lexeme):
        return self.lexemes.get(lexeme) or (BitMap(), BitMap(), BitMap())


def _positions(index, text):
    """The positions of the items whose ids `text` lists, separated by spaces."""
    if not text:
        return BitMap()
    return index.bitmap_of(np.fromstring(text, dtype=np.int64, sep=" "))


# Reading a search: PostgreSQL's tsquery, as text, into a tree of ("word", lexeme),
# ("and", a, b), ("or", a, b), ("not", a); anything else (a phrase) is None.

_TOKEN = re.compile(r"\s*(?:'((?:[^']|'')*)'(:\S+)?|(<->|<\d+>)|([&|!()]))")


def parse(text):
    """The tree of a tsquery's text, () for an empty query (stop words only), None for what
    only the database can match (phrases, prefixes, weights)."""
    tokens, position = [], 0
    text = text.strip()
    while position < len(text):
        found = _TOKEN.match(text, position)
        if found is None:
            return None
        lexeme, flags, distance, operator = found.groups()
        if flags or distance:
            return None
        tokens.append(("word", lexeme.replace("''", "'")) if lexeme is not None else operator)
        position = found.end()
    if not tokens:
        return ()
    tree, rest = _or(tokens)
    return tree if not rest else None


def _or(tokens):
    return _operands(tokens, "|", "or", _and)


def _and(tokens):
    return _operands(tokens, "&", "and", _not)


def _operands(tokens, operator, kind, operand):
    """`operand`s joined by `operator`, as (kind, left, right) nodes from the left."""
    left, tokens = operand(tokens)
    while tokens and tokens[0] == operator:
        right, tokens = operand(tokens[1:])
        left = (kind, left, right)
    return left, tokens


def _not(tokens):
    if not tokens:
        raise ValueError("a search ends too soon")
    first, rest = tokens[0], tokens[1:]
    if first == "!":
        inner, rest = _not(rest)
        return ("not", inner), rest
    if first == "(":
        inner, rest = _or(rest)
        if not rest or rest[0] != ")":
            raise ValueError("unbalanced parentheses")
        return inner, rest[1:]
    if isinstance(first, tuple):
        return first, rest
    raise ValueError(f"unexpected {first!r}")


def tsquery_text(text):
    """PostgreSQL's reading of the search `text` (websearch syntax), as text."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT websearch_to_tsquery(%s, %s)::text", [languages.query_config(text), text]
        )
        return cursor.fetchone()[0]


def ranked_words(tree):
    """The words that decide the order: those not under a NOT, each once, in order."""
    if not tree:
        return []
    kind = tree[0]
    if kind == "word":
        return [tree[1]]
    if kind == "not":
        return []
    return list(dict.fromkeys([*ranked_words(tree[1]), *ranked_words(tree[2])]))


def lexemes_of(text):
    """The words of a tsquery's text that decide the order, for a search only the database
    can match: each once, but those right after a NOT."""
    found = re.findall(r"(!?)\s*'((?:[^']|'')*)'", text)
    return list(dict.fromkeys(word.replace("''", "'") for negated, word in found if not negated))


def evaluate(tree, words, everything):
    """The positions matching `tree` among `everything` (the published items)."""
    kind = tree[0]
    if kind == "word":
        return words.get(tree[1])[0] & everything
    if kind == "not":
        return everything - evaluate(tree[1], words, everything)
    left, right = evaluate(tree[1], words, everything), evaluate(tree[2], words, everything)
    return left & right if kind == "and" else left | right


def page(index, buckets, start, stop):
    """The ids of results `start` to `stop` of `buckets` ([(score, BitMap)], highest
    first), each newest first."""
    ids, offset = [], 0
    for _score, bitmap in buckets:
        size = len(bitmap)
        if offset + size > start:
            ids.extend(index.page(bitmap, max(0, start - offset), stop - offset))
        offset += size
        if offset >= stop:
            break
    return ids


def scored(results, lexemes, words):
    """[(score, BitMap)] of `results` by relevance score, highest first (see the module)."""
    buckets = {0: results}
    for lexeme in lexemes[:RANKED_WORDS]:
        anywhere, in_title, in_lede = words.get(lexeme)
        parts = ((TITLE, in_title), (LEDE, in_lede), (BODY, anywhere - in_title - in_lede))
        grown = {}
        for score, bitmap in buckets.items():
            for points, where in parts:
                found = bitmap & where
                if found:
                    grown[score + points] = grown.get(score + points, BitMap()) | found
            missing = bitmap - anywhere
            if missing:
                grown[score] = grown.get(score, BitMap()) | missing
        buckets = grown
    return sorted(buckets.items(), key=lambda pair: -pair[0])
