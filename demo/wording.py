"""Dates, names, slugs and bodies as generated items write them."""

import functools
import html
import unicodedata

from demo.texts import (
    BODIES,
    DATABASE_WORDS,
    MONTHS,
    QUOTES,
    SERIES_PARAGRAPH,
    STATEMENT_QUOTES,
)


@functools.cache
def format_date(day):
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def format_span(first, last):
    if first == last:
        return f" on {format_date(first)}"
    if first.month == last.month and first.year == last.year:
        if (last - first).days == 1:
            return f" on {first.day} and {last.day} {MONTHS[last.month - 1]} {last.year}"
        return f" from {first.day} to {format_date(last)}"
    return f" from {first.day} {MONTHS[first.month - 1]} to {format_date(last)}"


def join_names(names):
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


@functools.cache
def escape(text):
    return html.escape(text, quote=False)


@functools.cache
def upper_first(text):
    return text[:1].upper() + text[1:]


# Characters slugify() drops (ASCII, not a word character, a space or a hyphen), and the hyphen,
# which it treats like a space.
SLUG_TABLE = str.maketrans(
    {
        character: " " if character == "-" else None
        for character in map(chr, range(128))
        if not (character.isalnum() or character == "_" or character.isspace())
    }
)


def slugify_title(title):
    """django.utils.text.slugify(title), several times faster (tests check they agree)."""
    if not title.isascii():
        title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    return "-".join(title.lower().translate(SLUG_TABLE).split()).strip("-_")


def write_body(rng, story, words, speaker, series):
    """3 to 6 escaped paragraphs for `story`; the quote, when there is one, often set apart."""
    # Only these come from the database; demo/texts.py holds no markup characters.
    words = {**words, **{key: escape(words[key]) for key in DATABASE_WORDS}}
    pools = BODIES[story]
    paragraphs = [f"<p>{rng.choice(pools[0]).format(**words)}</p>"]
    if story != "spot" and rng.random() < 0.7:
        quotes = STATEMENT_QUOTES if story == "statement" else QUOTES
        quote = f"“{rng.choice(quotes).format(**words)},” said {escape(speaker)}."
        if rng.random() < 0.5:
            paragraphs.append(f"<blockquote><p>{quote}</p></blockquote>")
        else:
            paragraphs.append(f"<p>{quote}</p>")
    if series is not None:
        paragraphs.append(f"<p>{SERIES_PARAGRAPH.format(series=escape(series.name))}</p>")
    wanted = rng.randint(3, 6)
    for pool in pools[1:]:
        if len(paragraphs) >= wanted:
            break
        paragraphs.append(f"<p>{rng.choice(pool).format(**words)}</p>")
    return "\n".join(paragraphs)
