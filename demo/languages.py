"""Titles, ledes, bodies and datelines of generated items in other languages than English.

They are written from the same draws as the English text (the issuer, the field of work, the
story, the activity, the place, the dates), so that a translation says what its source says: an
item and its translations differ in their words, never in their facts. The English text is
demo/wording.py's; these functions only write the others.
"""

import datetime
import functools
from dataclasses import dataclass

from anyascii import anyascii

from demo import texts_ru as ru
from demo.texts_other import LOCAL, LOCAL_FIELDS, LOCAL_STORIES, OFFICIAL, SPEAKERS
from demo.wording import slugify_title
from news.languages import readable_slug


@dataclass(slots=True)
class Scene:
    """What an item's text says, whatever its language: slugs of its issuer, field of work and
    first country, its story (demo/texts.py's type), activity and place; from its finish, the
    number of participants and the days it tells of."""

    issuer: str
    field: str
    story: str
    activity: str
    country: str | None
    place: str
    city: str
    field_operation: bool
    issued: datetime.date | None
    dated: bool  # whether its English text has a dateline
    n: int = 0
    first: datetime.date | None = None
    last: datetime.date | None = None


def slug_for(title, index):
    """A readable Latin slug of `title` in any script, numbered like the English ones."""
    return f"{latin_slug(title)}-{index}"


# AnyAscii transliterates each character on its own: the Latin, Greek, Cyrillic and punctuation
# blocks once, as a table for str.translate() (anyascii() itself takes about 60 µs a title).
TRANSLITERATION = {code: anyascii(chr(code)) for code in range(0x80, 0x2070)}


def latin_slug(title):
    """news.languages.readable_slug(title, 200) without its trailing hyphen, faster."""
    text = title.translate(TRANSLITERATION)
    if not text.isascii():
        return readable_slug(title, 200).rstrip("-")
    return slugify_title(text)[:200].strip("-")


def can_write(language, issuer, field, story):
    """Whether an item of `issuer` on `field` telling `story` can be written in `language`."""
    if language == "ru":
        return issuer in ru.ISSUERS
    if language in OFFICIAL:
        return (
            issuer in SPEAKERS[language]
            and field in OFFICIAL[language]["topics"]
            and story in OFFICIAL[language]["stories"]
        )
    voice = LOCAL.get(language)
    return (
        bool(voice)
        and issuer in voice["issuers"]
        and field in LOCAL_FIELDS
        and (story in LOCAL_STORIES)
    )


def upper_first(text):
    return text[:1].upper() + text[1:]


def russian_plural(n, forms):
    """The form of a noun after the number `n` ("1 участник", "3 участника", "25 участников")."""
    if n % 10 == 1 and n % 100 != 11:
        return forms[0]
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return forms[1]
    return forms[2]


@functools.cache
def russian_date(day):
    return f"{day.day} {ru.MONTHS[day.month - 1]} {day.year} г."


def russian_span(first, last):
    if first == last:
        return " " + russian_date(last)
    if (first.month, first.year) == (last.month, last.year):
        return f" {first.day}–{russian_date(last)}"
    return f" {first.day} {ru.MONTHS[first.month - 1]} – {russian_date(last)}"


def russian_words(scene):
    name, gender, speaker = ru.ISSUERS[scene.issuer]
    topic, audience = ru.FIELDS[scene.field]
    nominative, accusative, ended = ru.ACTIVITIES[scene.activity]
    if scene.country in ru.PLACES:
        place = ru.PLACES[scene.country]
    else:
        place = ru.KOSOVO if scene.place == "Kosovo" else ru.REGION
    words = {
        "Issuer": name,
        "a": ru.PAST_ENDINGS[gender],
        "speaker": speaker,
        "topic": topic,
        "audience": audience,
        "place": place,
        "Activity": upper_first(nominative),
        "activity_nom": nominative,
        "activity": accusative,
        "ended": ended,
        "on_date": "",
        "on_dates": "",
        "participants": "",
        "Participants": "",
    }
    if scene.last is not None:
        words["on_date"] = " " + russian_date(scene.last)
        words["on_dates"] = russian_span(scene.first, scene.last)
    if scene.n:
        participants = f"{scene.n} {russian_plural(scene.n, ru.PARTICIPANTS)}"
        words["participants"] = words["Participants"] = participants
    return words


def local_words(language, scene):
    voice = LOCAL.get(language) or OFFICIAL[language]
    if language in OFFICIAL:
        name, in_city = SPEAKERS[language][scene.issuer], ""
    else:
        name, in_city, _city = voice["issuers"][scene.issuer]
    words = {"Issuer": name, "in_city": in_city, "topic": voice["topics"][scene.field]}
    words["on_date"] = voice["on"] + local_date(voice, scene.last) if scene.last else ""
    return voice, words


def local_date(voice, day):
    return voice["date"].format(day=day.day, month=voice["months"][day.month - 1], year=day.year)


def title(language, scene, rng):
    """The title of `scene` in `language` (any but English)."""
    if language == "ru":
        template = rng.choice(ru.STORIES[scene.story])[0]
        return upper_first(template.format(**russian_words(scene)))
    voice, words = local_words(language, scene)
    story = scene.story if language in OFFICIAL else LOCAL_STORIES[scene.story]
    return upper_first(voice["stories"][story][0].format(**words))


def text(language, scene, rng):
    """(lede, body, dateline) of `scene` in `language` (any but English), with its dates."""
    if language == "ru":
        return russian_text(scene, rng)
    voice, words = local_words(language, scene)
    story = scene.story if language in OFFICIAL else LOCAL_STORIES[scene.story]
    lede = voice["stories"][story][1].format(**words)
    # Three of the language's sentences, in their order.
    sentences = list(voice["body"])
    del sentences[int(rng.random() * len(sentences))]
    body = "\n".join(f"<p>{sentence.format(**words)}</p>" for sentence in sentences)
    dateline = ""
    if scene.dated and language in LOCAL:
        dateline = f"{voice['issuers'][scene.issuer][2]}, {local_date(voice, scene.issued)}"
    return lede, body, dateline


def russian_text(scene, rng):
    words = russian_words(scene)
    lede = rng.choice(ru.STORIES[scene.story])[1].format(**words)
    pools = ru.BODIES.get(scene.story, ru.GENERAL_BODY)
    paragraphs = [rng.choice(pools[0]).format(**words)]
    if scene.story != "spot" and rng.random() < 0.7:
        quote = rng.choice(ru.QUOTES).format(**words)
        paragraphs.append(f"«{quote}», – подчеркнул {words['speaker']}.")
    wanted = rng.randint(3, 5)
    for pool in pools[1:]:
        if len(paragraphs) >= wanted:
            break
        paragraphs.append(rng.choice(pool).format(**words))
    body = "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    dateline = ""
    if scene.dated and scene.city in ru.CITIES and scene.field_operation:
        dateline = f"{ru.CITIES[scene.city]}, {russian_date(scene.issued)}"
    return lede, body, dateline
