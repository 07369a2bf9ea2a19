"""A generator of realistic demo news items, used by `manage.py load_demo`.

The generator is a pure function of (seed, index, the last day and the reference taxonomy): each
item draws from its own random stream seeded with the seed and its index, and picks terms from
lists in slug order, so the same seed and last day give the same titles, slugs, dates and
relations on any database and on any day, and item 5,001 can be built without building the 5,000
before it. Dates run from FIRST_DAY to the last day (load_demo: the day of the database's first
load), so that the newest items are those of its last days; only scheduled items are dated after
the run.

Every country an item is tagged with is one it is about: the place of its title and dateline is
its first country, and the others (only events and trainings have several) are named in its
body. About a third of the items have a lead image, one of a few generated pictures
(demo/pictures.py) that they share.

Generated bodies are built only from the texts of demo/texts.py and the taxonomy's names
(escaped), so they are already what NewsItem.save() would keep: the loader's bulk inserts do not
call it.

Most items are in English; some field operations write in Russian or in their host country's
language (demo/languages.py, texts_ru.py, texts_other.py). An item may be followed by its
translations, which take the places of the next items (odds.TRANSLATION_SLOTS): a translation is
built from its source's draws, with its own words, publication and text time.
"""

import dataclasses
import datetime
import itertools
import zoneinfo
from dataclasses import dataclass

from django.conf import settings

from demo import languages
from demo.odds import (
    COUNTRY_COUNTS,
    EDITED_LATER,
    EXTRA_FIELDS,
    FIRST_DAY,
    FIRST_YEAR,
    IMAGE_SHARE,
    INTO_FRENCH_OR_GERMAN,
    INTO_RUSSIAN,
    KIND_WEIGHTS_BY_ISSUER,
    LOCAL_INTO_ENGLISH,
    MULTI_COUNTRY_STORIES,
    PUBLISHED_LATER,
    RECENT_ITEMS,
    RUSSIAN_INTO_ENGLISH,
    STATUS_BY_POSITION,
    STATUSES,
    TAG_COUNTS,
    TRANSLATION_DRAFTS,
    TRANSLATION_SLOTS,
    WRITERS,
    DemoRandom,
)
from demo.taxonomy import Issuer, Term
from demo.texts import (
    ACTIVITIES,
    ASSESSMENTS,
    CAPITALS,
    CHAIR_TAG,
    COVID_TAG,
    COVID_YEARS,
    DONORS,
    DURATIONS,
    ELECTION_KINDS,
    ELECTION_OBSERVERS,
    ELECTION_STORIES,
    ELECTIONS_TAG,
    FIELD_SERIES,
    FIELD_TEXTS,
    GENERAL_SERIES,
    GENERAL_TAGS,
    INCIDENTS,
    INCIDENTS_SMM,
    ORDINALS,
    PARTNER_SERIES,
    SERIES_ISSUER_KINDS,
    SOME,
    SPOT_TIMES,
    STORIES,
    TRAINING,
    TRAINING_NAMES,
    WITHDRAWAL_NOTICES,
)
from demo.texts_other import LOCAL_FIELDS, LOCAL_STORIES
from demo.wording import (
    escape,
    format_date,
    format_span,
    join_names,
    slugify_title,
    upper_first,
    write_body,
)
from news.models import NewsItem
from structures.models import Structure

Kind = NewsItem.Kind


@dataclass
class DemoItem:
    """One generated news item: its NewsItem field values, and the primary keys of its terms
    by relation (the names of news.models.RELATIONS: "fields_of_work", "countries", ...).

    A translation names its source by (index, slug, language): the writers find its id. An item
    not in English keeps its English text (title, lede, body, dateline) for its English
    translation; `written` is when its text was first written (text_changed_at is later if it
    was edited since)."""

    index: int
    values: dict
    term_ids: dict
    source: tuple | None = None
    english: tuple = ()
    written: datetime.datetime | None = None


@dataclass(slots=True)
class DemoHead:
    """The first draws of an item: everything its title, and so its slug, depends on.

    The loader builds these to learn which items are already there, and finishes only the others
    (DemoNewsGenerator.finish goes on drawing from the same random stream).
    """

    index: int
    rng: DemoRandom
    status: str
    issued: datetime.date | None
    day: datetime.date  # the date its content is about
    issuer: Issuer
    chair: Term | None
    kind: str
    field_positions: list
    series: Term | None
    countries: list
    story: str
    lede_template: str
    days: int
    words: dict
    title: str
    slug: str
    language: str = "en"
    english_title: str = ""
    scene: languages.Scene | None = None
    translations: tuple = ()  # the languages it wants translations in, the first first
    edited_later: bool = False
    source: "DemoHead | None" = None  # a translation's
    item: DemoItem | None = None  # once finished


class DemoNewsGenerator:
    def __init__(self, taxonomy, seed, now, last_day=None, pictures=()):
        """`last_day`: the newest day of the items' dates (default and latest: the day of
        `now`). `pictures`: the lead images items may have (demo/pictures.py), none by
        default."""
        self.taxonomy = taxonomy
        self.seed = seed
        self.zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
        self.now = now
        self.today = now.astimezone(self.zone).date()
        self.last_day = min(last_day or self.today, self.today)
        self.pictures = list(pictures)
        self.span = (self.last_day - FIRST_DAY).days
        self.story_cache = {}
        self.issuers_by_year = {}
        for year in range(FIRST_YEAR, self.last_day.year + 1):
            start = datetime.date(year, 1, 1)
            self.issuers_by_year[year] = self._pool(
                issuer
                for issuer in taxonomy.issuers
                if (issuer.closed_on is None or issuer.closed_on >= start)
                and (issuer.opened is None or issuer.opened.year <= year)
                and (issuer.kind != Structure.Kind.CHAIRPERSONSHIP or year in taxonomy.chairs)
            )
        # Scheduled items are dated after the run: they come from structures still at work (not
        # the Chairpersonship, which changes every year), so that their titles do not depend on
        # the year of the run.
        current = self._pool(
            issuer
            for issuer in taxonomy.issuers
            if issuer.closed_on is None and issuer.kind != Structure.Kind.CHAIRPERSONSHIP
        )
        self.current_issuers = current if current[0] else self.issuers_by_year[self.last_day.year]
        self.by_field = {}
        for issuer in taxonomy.issuers:
            for position in issuer.fields:
                self.by_field.setdefault(position, []).append(issuer)
        self.local_fields = [
            taxonomy.field_index[slug] for slug in LOCAL_FIELDS if slug in taxonomy.field_index
        ]
        # Heads of the last few indexes: a translation's source is one of them.
        self.recent = {}
        # Texts are edited after publication only up to the start of the last day, so that an
        # item is the same whatever the hour of the run.
        self.last_midnight = datetime.datetime.combine(self.last_day, datetime.time(), self.zone)

    @staticmethod
    def _pool(issuers):
        issuers = list(issuers)
        return (issuers, list(itertools.accumulate(issuer.weight for issuer in issuers)))

    @staticmethod
    def slug_for(title, index):
        return f"{slugify_title(title)[:200].rstrip('-')}-{index}"

    def item(self, index):
        """Generated item number `index` (from 1): always the same for the same seed, except for
        the dates of scheduled items, which follow the day of the run."""
        return self.finish(self.head(index))

    def head(self, index):
        """The first part of item number `index`, up to its slug: a translation of item
        index - 1 or index - 2 where its position (odds.TRANSLATION_SLOTS) and that item ask for
        it, else an item of its own."""
        slot = TRANSLATION_SLOTS.get(index % 10)
        if slot and index > slot and STATUS_BY_POSITION[index * 37 % 100] == "published":
            source = self.recent.get(index - slot) or self.head(index - slot)
            if len(source.translations) >= slot:
                head = self._translation_head(index, source, source.translations[slot - 1])
                self._remember(head)
                return head
        head = self._source_head(index)
        self._remember(head)
        return head

    def _remember(self, head):
        self.recent[head.index] = head
        self.recent.pop(head.index - 3, None)

    def _translation_head(self, index, source, language):
        rng = DemoRandom(f"{self.seed}:{index}")
        if language == "en":
            title = source.english_title
            slug = self.slug_for(title, index)
        else:
            title = languages.title(language, source.scene, rng)
            slug = languages.slug_for(title, index)
        return dataclasses.replace(
            source,
            index=index,
            rng=rng,
            title=title,
            slug=slug,
            language=language,
            translations=(),
            edited_later=False,
            source=source,
            item=None,
        )

    def _source_head(self, index):
        rng = DemoRandom(f"{self.seed}:{index}")
        taxonomy = self.taxonomy

        status = STATUS_BY_POSITION[index * 37 % 100]
        if status == "published" or status == "withdrawn":  # more items in recent years
            issued = FIRST_DAY + datetime.timedelta(days=int(self.span * rng.random() ** 0.7))
            if index <= RECENT_ITEMS:
                # The first items are the newest, so that a load of any size has the news
                # of its last days: four a day, back from the last day.
                issued = self.last_day - datetime.timedelta(days=(index - 1) // 4)
        elif status == "scheduled":
            issued = self.today + datetime.timedelta(days=rng.randint(1, 21))
        elif status == "undated-draft":
            issued = None
        else:  # a draft or an item in review: among the latest
            issued = self.last_day - datetime.timedelta(days=rng.randint(0, 30))
        day = issued or self.last_day

        chair = None
        if status == "scheduled":
            issuer = rng.weighted(*self.current_issuers)
        else:
            issuer = self._issuer(rng, day)
            if issuer.kind == Structure.Kind.CHAIRPERSONSHIP:
                chair = taxonomy.chairs.get(day.year)
        kind = rng.weighted(*KIND_WEIGHTS_BY_ISSUER[issuer.voice])
        if kind == Kind.SPOT_REPORT and issued is None:
            kind = Kind.NEWS
        # Its language: a field operation in Central Asia writes much in Russian, some others
        # news on a few fields in their host country's language (odds.WRITERS).
        language = "en"
        if writes := WRITERS.get(issuer.slug):
            share = writes[1]
            if writes[0] != "ru" and (kind not in (Kind.NEWS, Kind.PRESS_RELEASE)):
                share = 0
            if rng.random() < share:
                language = writes[0]
        local = language not in ("en", "ru")

        # Fields of work: the first is what the story is about.
        fields = taxonomy.fields
        if local:
            primary = rng.choice(self.local_fields)
        elif issuer.fields and rng.random() < 0.85:
            primary = rng.choice(issuer.fields)
        else:
            primary = int(rng.random() * len(fields))
        field_positions = [primary]
        for _ in range(rng.weighted(*EXTRA_FIELDS)):
            pool = issuer.fields if issuer.fields and rng.random() < 0.5 else range(len(fields))
            extra = rng.choice(pool)
            if extra not in field_positions:
                field_positions.append(extra)
        primary_field = fields[primary]
        topics, audiences, _field_tag = FIELD_TEXTS.get(
            primary_field.slug, ((primary_field.name.lower(),), ("experts",), None)
        )

        series = None
        if rng.random() < 0.2 and issuer.kind in SERIES_ISSUER_KINDS:
            series = taxonomy.series.get(
                rng.choice(FIELD_SERIES.get(primary_field.slug, GENERAL_SERIES))
            )
        countries = self._countries(rng, issuer, chair)

        # Where it happens.
        if issuer.cities and (not issuer.host or (countries and countries[0] is issuer.host)):
            city = issuer.city if rng.random() < 0.6 else rng.choice(issuer.cities)
        elif countries and not issuer.host and countries[0].slug in CAPITALS:
            city = CAPITALS[countries[0].slug]
        else:
            city = issuer.city
        place = countries[0].name if countries else issuer.place

        elections = (
            primary_field.slug == "elections"
            and issuer.slug in ELECTION_OBSERVERS
            and kind in (Kind.NEWS, Kind.PRESS_RELEASE)
        )
        # A scheduled item's title names no date: its date depends on the day of the run.
        dated_title = issued is not None and status != "scheduled"
        stories = self._stories(kind, elections, issuer, bool(place), dated_title)
        if local:
            stories = [story for story in stories if story[0] in LOCAL_STORIES]
            if not stories:
                language, local = "en", False
                stories = self._stories(kind, elections, issuer, bool(place), dated_title)
        story, title_template, lede_template = rng.choice(stories)
        # Several countries only where several take part: an event or a training (with the
        # partners of a partners' conference). Any other story is about its one place.
        if story in MULTI_COUNTRY_STORIES:
            if series is not None and series.slug in PARTNER_SERIES:
                partners = taxonomy.partners.get(PARTNER_SERIES[series.slug]) or []
                countries += rng.sample(partners, min(len(partners), rng.randint(1, 2)))
                countries = list(dict.fromkeys(countries))[:3]
        else:
            countries = countries[:1]
        activity, durations = rng.choice(TRAINING if story == "training" else ACTIVITIES)
        days = rng.choice(durations if story != "visit" else (1, 2, 3))
        topic = rng.choice(topics)
        if local:  # the subject its own language's text names
            topic = LOCAL_FIELDS[primary_field.slug]
        audience = rng.choice(audiences)
        words = {
            "issuer": issuer.title_name,
            "subject": issuer.subject,
            "Subject": upper_first(issuer.subject),
            "topic": topic,
            "Topic": upper_first(topic),
            "activity": activity,
            "duration": DURATIONS[days],
            "audience": audience,
            "Audience": upper_first(audience),
            "city": city,
            "place": place or "the OSCE region",
            "publication": story,
            "incident": rng.choice(INCIDENTS_SMM if issuer.voice == "smm" else INCIDENTS),
            "election": rng.choice(ELECTION_KINDS),
            "assessment": rng.choice(ASSESSMENTS),
            "time": f"{rng.choice(SPOT_TIMES)}, {format_date(issued)}" if dated_title else "",
        }
        title = title_template.format(**words)
        title = title[:1].upper() + title[1:]
        scene = languages.Scene(
            issuer=issuer.slug,
            field=primary_field.slug,
            story=story,
            activity=activity,
            country=countries[0].slug if countries else None,
            place=place,
            city=issuer.city,
            field_operation=issuer.kind == Structure.Kind.FIELD_OPERATION,
            issued=issued,
            dated=issued is not None,
        )
        english_title = title
        if language == "en":
            slug = self.slug_for(title, index)
        else:
            title = languages.title(language, scene, rng)
            slug = languages.slug_for(title, index)
        # Drawn last, so that what comes before is the same whatever they are.
        wanted = []
        if language == "en":
            if languages.can_write("ru", issuer.slug, scene.field, story):
                if rng.random() < INTO_RUSSIAN:
                    wanted.append("ru")
            other = "fr" if rng.random() < 0.5 else "de"
            if languages.can_write(other, issuer.slug, scene.field, story):
                if rng.random() < INTO_FRENCH_OR_GERMAN:
                    wanted.append(other)
        elif rng.random() < (RUSSIAN_INTO_ENGLISH if language == "ru" else LOCAL_INTO_ENGLISH):
            wanted.append("en")
        edited_later = rng.random() < EDITED_LATER
        return DemoHead(
            index=index,
            rng=rng,
            status=status,
            issued=issued,
            day=day,
            issuer=issuer,
            chair=chair,
            kind=kind,
            field_positions=field_positions,
            series=series,
            countries=countries,
            story=story,
            lede_template=lede_template,
            days=days,
            words=words,
            title=title,
            slug=slug,
            language=language,
            english_title=english_title,
            scene=scene,
            translations=tuple(wanted),
            edited_later=edited_later,
        )

    def finish(self, head):
        """The whole item that `head` begins (made once, then kept with the head: it draws on
        from the head's random stream)."""
        if head.item is None:
            head.item = self._finish_translation(head) if head.source else self._finish(head)
        return head.item

    def _finish(self, head):
        rng, words, issuer, issued, day = head.rng, head.words, head.issuer, head.issued, head.day
        story, series, status = head.story, head.series, head.status
        taxonomy = self.taxonomy

        n = rng.randint(12, 60)
        words["n"] = n
        words["some_n"] = f"{rng.choice(SOME)} {n}"
        words["donors"] = join_names(rng.sample(DONORS, rng.randint(1, 3)))
        words["since"] = rng.randint(FIRST_YEAR - 10, max(FIRST_YEAR, day.year - 1))
        words["ordinal"] = rng.choice(ORDINALS)
        scene = head.scene
        scene.n = n
        if issued is not None:
            last = issued - datetime.timedelta(days=rng.choice((0, 0, 1)))
            first = last - datetime.timedelta(days=head.days - 1)
            words["on_date"] = f" on {format_date(last)}"
            words["on_dates"] = format_span(first, last)
            scene.first, scene.last = first, last
        else:
            words["on_date"] = words["on_dates"] = ""
        lede = head.lede_template.format(**words)
        body = write_body(rng, story, words, issuer.speaker, series)
        countries = head.countries
        if len(countries) > 1 or (countries and countries[0].name != words["place"]):
            # Every country it is tagged with is named: at the end of the opening paragraph.
            names = join_names([escape(country.name) for country in countries])
            body = body.replace("</p>", f" Participants came from {names}.</p>", 1)
        elif countries and head.chair is None and issuer.host is None:
            # The one country it is about, named if its text names neither it nor its capital.
            country = countries[0]
            capital = CAPITALS.get(country.slug)
            text = (head.title, lede, body)
            if not any(country.name in part or (capital and capital in part) for part in text):
                sentence = f" It is part of the OSCE’s work in {escape(country.name)}."
                body = body.replace("</p>", f"{sentence}</p>", 1)

        # The dateline: a field operation's own city (in its host country, or Kosovo), else
        # where it happened, the city of its title and text, in its first country.
        dateline = ""
        if issued is not None:
            if issuer.kind == Structure.Kind.FIELD_OPERATION:
                dateline = issuer.city
            elif head.chair is not None or rng.random() < 0.3:
                dateline = words["city"]
            if dateline:
                dateline = f"{dateline.upper()}, {format_date(issued)}"

        primary = head.field_positions[0]
        supporting = []
        if rng.random() < 0.08:
            pool = self.by_field.get(primary) or taxonomy.issuers
            for _ in range(rng.choice((1, 1, 1, 2))):
                other = rng.choice(pool)
                closed = other.closed_on is not None and other.closed_on < day
                unborn = other.opened is not None and other.opened > day
                if other is not issuer and other.pk not in supporting and not (closed or unborn):
                    supporting.append(other.pk)

        primary_field = taxonomy.fields[primary]
        tag_pool = []
        if story in ("event", "training") and words["activity"] in TRAINING_NAMES:
            tag_pool.append("training")
        if field_tag := FIELD_TEXTS.get(primary_field.slug, (None, None, None))[2]:
            tag_pool.append(field_tag)
        if primary_field.slug == "elections":
            tag_pool.append(ELECTIONS_TAG.format(year=day.year))
        if (head.chair is not None or series is not None) and day.year in taxonomy.chairs:
            tag_pool.append(CHAIR_TAG.format(year=day.year))
        if day.year in COVID_YEARS:
            tag_pool.append(COVID_TAG)
        tag_pool.append(rng.choice(GENERAL_TAGS))
        tag_pool = list(dict.fromkeys(tag_pool))
        tag_count = min(len(tag_pool), rng.weighted(*TAG_COUNTS))
        tags = rng.sample(tag_pool, tag_count)

        published_at = None
        if status in ("published", "withdrawn", "scheduled"):
            hour, minute = rng.randint(8, 18), rng.choice((0, 15, 30, 45))
            published_at = datetime.datetime.combine(
                issued, datetime.time(hour, minute), tzinfo=self.zone
            )
            if status != "scheduled" and published_at > self.now:
                # An item of the last day, at an hour still to come: nothing published lies ahead.
                published_at = self.now

        # Drawn last, so that what comes before is the same with or without them.
        withdrawn_at = None
        notice = ""
        if status == "withdrawn":
            later = datetime.timedelta(days=rng.randint(1, 60), hours=rng.randint(0, 8))
            withdrawn_at = min(published_at + later, self.now)
            notice = rng.choice(WITHDRAWAL_NOTICES)
        picture = None
        if self.pictures and rng.random() < IMAGE_SHARE:
            picture = self.pictures[int(rng.random() * len(self.pictures))]

        english = ()
        if head.language != "en":
            english = (head.english_title, lede, body, dateline)
            lede, body, dateline = languages.text(head.language, scene, rng)
        # When its text was written: the day before its date (the day before the last day for
        # an undated draft); for a few, edited weeks after (their translations are then out of
        # date), though never after the start of the last day.
        written = datetime.datetime.combine(
            (issued or self.last_day) - datetime.timedelta(days=1),
            datetime.time(rng.randint(9, 20), rng.choice((0, 10, 20, 30, 40, 50))),
            tzinfo=self.zone,
        )
        if status == "scheduled":
            written = min(written, self.now - datetime.timedelta(hours=1))
        text_changed_at = written
        if head.edited_later:
            edited = written + datetime.timedelta(days=rng.randint(15, 60), hours=rng.randint(0, 8))
            if edited <= self.last_midnight:
                text_changed_at = edited

        fields = taxonomy.fields
        return DemoItem(
            index=head.index,
            english=english,
            written=written,
            values={
                "title": head.title,
                "slug": head.slug,
                "kind": head.kind,
                "lede": lede,
                "body": body,
                "date_issued": issued,
                "dateline": dateline,
                "lead_structure_id": issuer.pk,
                "status": STATUSES[status],
                "published_at": published_at,
                "withdrawn_at": withdrawn_at,
                "withdrawal_notice": notice,
                "image": picture.name if picture else "",
                "image_alt": picture.alt if picture else "",
                "image_caption": picture.caption if picture else "",
                "image_credit": picture.credit if picture else "",
                "image_width": picture.width if picture else None,
                "image_height": picture.height if picture else None,
                "image_renditions": picture.renditions if picture else {},
                "language": head.language,
                "text_changed_at": text_changed_at,
            },
            term_ids={
                "fields_of_work": [fields[position].pk for position in head.field_positions],
                "countries": [country.pk for country in head.countries],
                "meeting_series": [series.pk] if series else [],
                "supporting_structures": supporting,
                "tags": [taxonomy.tags[name] for name in tags],
            },
        )

    def _finish_translation(self, head):
        """A translation: its source's metadata (issuers, kind, date, terms, image), its own
        text, and its own publication: with its source or hours or days after it (a draft if
        that is still to come), a few still drafts; a draft if its source is not public."""
        source_head = head.source
        source = self.finish(source_head)
        rng = head.rng
        language = head.language
        if language == "en":
            _title, lede, body, dateline = source.english
        else:
            lede, body, dateline = languages.text(language, source_head.scene, rng)
        values = source.values
        status = NewsItem.Status.DRAFT
        published_at = None
        if source_head.status in ("published", "scheduled") and (
            rng.random() >= TRANSLATION_DRAFTS or source_head.status == "scheduled"
        ):
            if rng.random() < PUBLISHED_LATER:
                delay = datetime.timedelta(days=rng.randint(1, 10), hours=rng.randint(0, 6))
            else:
                delay = datetime.timedelta(hours=rng.randint(1, 6))
            published_at = values["published_at"] + delay
            if published_at <= self.now or source_head.status == "scheduled":
                status = NewsItem.Status.PUBLISHED
            else:
                published_at = None
        if published_at is not None:
            written = published_at - datetime.timedelta(minutes=rng.randint(10, 120))
        else:
            written = source.written + datetime.timedelta(hours=rng.randint(1, 48))
        written = max(min(written, self.now), source.written)
        if values["text_changed_at"] > source.written:
            # Its source was edited after it was translated: out of date.
            written = min(written, values["text_changed_at"] - datetime.timedelta(hours=1))
        return DemoItem(
            index=head.index,
            values={
                **values,
                "title": head.title,
                "slug": head.slug,
                "lede": lede,
                "body": body,
                "dateline": dateline,
                "status": status,
                "published_at": published_at,
                "withdrawn_at": None,
                "withdrawal_notice": "",
                "language": language,
                "text_changed_at": written,
            },
            term_ids=source.term_ids,
            source=(source_head.index, values["slug"], values["language"]),
            written=written,
        )

    def _stories(self, kind, elections, issuer, has_place, dated_title):
        """The stories this issuer may tell, given what is known of the item."""
        key = (kind, elections and has_place, issuer.slug, has_place, dated_title)
        if key not in self.story_cache:
            self.story_cache[key] = [
                story
                for story in (ELECTION_STORIES if key[1] else STORIES[kind])
                if story[0] not in issuer.skips
                and (has_place or "{place}" not in story[1])
                and (dated_title or "{time}" not in story[1])
            ] or STORIES[Kind.NEWS][:4]
        return self.story_cache[key]

    def _issuer(self, rng, day):
        issuers, cum_weights = self.issuers_by_year[day.year]
        for _attempt in range(10):
            issuer = rng.weighted(issuers, cum_weights)
            if (issuer.closed_on is None or issuer.closed_on >= day) and (
                issuer.opened is None or issuer.opened <= day
            ):
                return issuer
        return next(issuer for issuer in issuers if not (issuer.closed_on or issuer.opened))

    def _countries(self, rng, issuer, chair):
        """The countries it is about, the first its place (partners are added for events)."""
        states = self.taxonomy.states
        if issuer.host is not None:
            countries = [issuer.host] if rng.random() < 0.85 else []
        elif issuer.kind == Structure.Kind.FIELD_OPERATION:  # where no State hosts it
            countries = []
        elif chair is not None:
            countries = [chair]
        else:
            count = rng.weighted(*COUNTRY_COUNTS)
            if issuer.slug in ("odihr", "hcnm") and count == 0 and rng.random() < 0.7:
                count = 1
            countries = rng.sample(states, count)
        return countries
