"""How often each thing happens in generated items, and the random stream that draws them."""

import bisect
import datetime
import itertools
import random

from news.models import NewsItem

Kind = NewsItem.Kind
Status = NewsItem.Status

# Generated dates run from FIRST_DAY to the last day: load_demo's first load of a database, so
# that the newest items are of the days before it and a later run (a larger --items, another
# --seed) adds items of the same calendar. Only scheduled items follow the run: they are dated 1
# to 21 days after it, so that they are still to come (their titles, and so their slugs, hold no
# date).
FIRST_YEAR = 2006
FIRST_DAY = datetime.date(FIRST_YEAR, 1, 1)
# Status by position in every run of 100 items (a fixed permutation of the index, so that even
# a small demo set shows each state): about 90% published, the rest in the other states.
STATUS_SLOTS = (
    (90, "published"),
    (91, "undated-draft"),
    (94, "draft"),
    (97, "review"),
    (99, "withdrawn"),
    (100, "scheduled"),
)
STATUS_BY_POSITION = tuple(
    next(name for limit, name in STATUS_SLOTS if position < limit) for position in range(100)
)
STATUSES = {
    "published": Status.PUBLISHED,
    "undated-draft": Status.DRAFT,
    "draft": Status.DRAFT,
    "review": Status.REVIEW,
    "withdrawn": Status.WITHDRAWN,
    "scheduled": Status.PUBLISHED,  # with a publication time to come
}


def weighted(*pairs):
    """(values, cumulative weights) for DemoRandom.weighted, from (value, weight) pairs."""
    values, weights = zip(*pairs, strict=True)
    return values, tuple(itertools.accumulate(weights))


KINDS = (Kind.NEWS, Kind.PRESS_RELEASE, Kind.STATEMENT, Kind.FEATURE_STORY, Kind.SPOT_REPORT)
KIND_WEIGHTS_BY_ISSUER = {
    voice: weighted(*zip(KINDS, weights, strict=True))
    for voice, weights in (
        # news, press release, statement, feature story, spot report
        ("field-operation", (50, 25, 4, 10, 6)),
        ("smm", (25, 10, 3, 2, 60)),
        ("voice", (40, 30, 20, 8, 0)),  # institutions, Chairpersonship, Secretary General
        ("other", (55, 25, 8, 12, 0)),
    )
}
EXTRA_FIELDS = weighted((0, 45), (1, 35), (2, 15), (3, 5))
COUNTRY_COUNTS = weighted((0, 35), (1, 40), (2, 15), (3, 10))
TAG_COUNTS = weighted((0, 30), (1, 35), (2, 23), (3, 12))


class DemoRandom(random.Random):
    """choice(), randint() and sample() from random() alone: faster, and as reproducible."""

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]

    def randint(self, a, b):
        return a + int(self.random() * (b - a + 1))

    def sample(self, population, k):
        pool = list(population)
        for i in range(k):
            j = i + int(self.random() * (len(pool) - i))
            pool[i], pool[j] = pool[j], pool[i]
        return pool[:k]

    def weighted(self, values, cum_weights):
        return values[bisect.bisect(cum_weights, self.random() * cum_weights[-1])]


# Stories that several countries take part in: only these are tagged with more than one.
MULTI_COUNTRY_STORIES = frozenset({"event", "training"})
# The share of items with a lead image (one of demo/pictures.py's, shared).
IMAGE_SHARE = 0.35
# The first items (by index) are dated on the last days, four a day (demo/generator.py).
RECENT_ITEMS = 60

# Languages (README, "Languages"). Structures that write some of their news in another language
# than English: the field operations in Central Asia in Russian, some others in their host
# country's language (only news and press releases, on the fields of texts_other.LOCAL_FIELDS).
WRITERS = {
    "centre-in-ashgabat": ("ru", 0.8),
    "programme-office-in-astana": ("ru", 0.7),
    "programme-office-in-bishkek": ("ru", 0.8),
    "programme-office-in-dushanbe": ("ru", 0.7),
    "project-co-ordinator-in-uzbekistan": ("ru", 0.7),
    "presence-in-albania": ("sq", 0.35),
    "mission-in-kosovo": ("sq", 0.2),
    "mission-to-serbia": ("sr", 0.35),
    "mission-to-skopje": ("mk", 0.35),
    "mission-to-moldova": ("ro", 0.35),
    "mission-to-bosnia-and-herzegovina": ("bs", 0.35),
    "project-co-ordinator-in-ukraine": ("uk", 0.35),
}
# Translations take the places of items: by its position in every run of 10 indexes, item i may
# be the first translation of item i - 1 or the second of item i - 2 (1 or 2 here), if that item
# wants one (an item at positions 1, 4 or 7) and item i would otherwise be published. So a
# group's members are neighbours, and a load of N items still writes N rows.
TRANSLATION_SLOTS = {2: 1, 3: 2, 5: 1, 8: 1, 9: 2}
# How often an item that can be translated into a language wants it: English items of a
# structure with a Russian name into Russian, the Chairperson's and the Secretary General's into
# French or German; a Russian or a local-language item into English.
INTO_RUSSIAN = 0.7
INTO_FRENCH_OR_GERMAN = 0.6
RUSSIAN_INTO_ENGLISH = 0.3
LOCAL_INTO_ENGLISH = 1.0
# A translation: still a draft; published days after its source (else hours); its source's text
# changed after it was translated (out of date: the source's text was edited weeks later).
TRANSLATION_DRAFTS = 0.05
PUBLISHED_LATER = 0.3
EDITED_LATER = 0.12
