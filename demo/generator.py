"""Demo content: the one real news item of the seed page, and a generator of realistic items.

Used by `manage.py load_demo`. The generator is a pure function of (seed, index and the reference
taxonomy): each item draws from its own random stream seeded with the seed and its index, and
picks terms from lists in slug order, so the same seed gives the same titles, slugs, dates and
relations on any database and on any day, and item 5,001 can be built without building the 5,000
before it. Dates run from FIRST_DAY to LAST_DAY; only scheduled items are dated after the run.

Generated bodies are built only from the texts below and the taxonomy's names (escaped), so
they are already what NewsItem.save() would keep: the loader's bulk inserts do not call it.
"""

import bisect
import datetime
import functools
import html
import itertools
import random
import unicodedata
import zoneinfo
from dataclasses import dataclass, field

from django.conf import settings

from news.models import NewsItem
from structures.models import Structure
from taxonomy.models import Chairpersonship, Country, FieldOfWork, MeetingSeries

Kind = NewsItem.Kind
Status = NewsItem.Status


# The news item of the seed page (an osce.org news page), with its metadata. The page gives no
# issue date, so none is invented: the item is loaded as a draft until an editor dates it.
# The page repeats the lede as the body's first paragraph; here it is kept once, as the lede.
# Its last sentence links to a page whose address the seed does not give: the link text is kept.
SEED_ITEM = {
    "title": (
        "OSCE holds roundtable discussion on overcoming challenges related to the prosecution "
        "of trafficking in human beings"
    ),
    "slug": (
        "osce-holds-roundtable-discussion-on-overcoming-challenges-related-to-the-prosecution-"
        "of-trafficking-in-human-beings"
    ),
    "kind": Kind.NEWS,
    "lede": (
        "Impunity of human traffickers remains a crucial and persisting challenge in the OSCE "
        "area. The Office of the OSCE Special Representative and Co-ordinator for Combating "
        "Trafficking in Human Beings hosted a roundtable discussion, on 8 and 9 November 2021, on "
        "effective prosecution strategies, in line with the recommendation stemming from the "
        "20th Alliance Conference."
    ),
    "body": (
        "<p>Participants from nine OSCE participating States (Austria, Denmark, Finland, France, "
        "Iceland, Ireland, Sweden, Norway and the United Kingdom) took part in the discussion. "
        "Prosecutors, law enforcement, lawyers, and experts in the field shared experiences and "
        "worked on a fictitious scenario involving labour trafficking. A mock trial was held, "
        "with participants divided among judges, prosecutors and defense attorneys, learning and "
        "critically reviewing victim-centered approaches to evidential issues around victim "
        "consent, law and practice.</p>\n"
        "<p>During the event, Rahel Gershuni, an international anti-trafficking expert, noted "
        "that victims often become exploiters themselves to alleviate their own mistreatment. By "
        "highlighting cases from various jurisdictions, Gershuni emphasized how victim consent in "
        "exploitation is irrelevant when it undermines basic human rights and autonomy. European "
        "Court of Human Rights (ECHR) lawyer Kresimir Kamber presented ECHR case law in relation "
        "to human trafficking and victim protection, which served as the foundation for "
        "discussing different countries’ legislation and approaches.</p>\n"
        "<blockquote><p>“The issue of victim consent is particularly challenging in cases where "
        "the coercion is more subtle, such as through abuse of vulnerability,” said Valiant "
        "Richey, OSCE Special Representative and Co-ordinator for Combating Trafficking in Human "
        "Beings.</p></blockquote>\n"
        "<p>Although the mock trial involved a fictitious case, participants noted how important "
        "this exercise was for their learning and understanding of different jurisdictions and "
        "legislation and hoped further roundtable discussions could be organized in the "
        "future.</p>\n"
        "<p>For more information on the 20th Alliance Conference recommendations, visit "
        "<cite>20th Alliance against Trafficking in Persons</cite>.</p>"
    ),
    "lead_structure": "secretariat",
    "fields_of_work": ["combating-trafficking-in-human-beings"],
    "countries": [
        "austria",
        "denmark",
        "finland",
        "france",
        "iceland",
        "ireland",
        "sweden",
        "norway",
        "united-kingdom",
    ],
    "meeting_series": ["conference-of-the-alliance-against-trafficking-in-persons"],
}


class MissingTaxonomy(Exception):
    """The reference taxonomy the demo content refers to is not in the database."""


# ---------------------------------------------------------------------------------------------
# Texts the generator draws from. Keyed by the slugs of taxonomy/reference.py and
# structures/reference.py; tests check that every slug named here is loaded by load_taxonomy.

# Per field of work: topics ("a workshop on …"), audiences, and a tag its items often carry.
FIELD_TEXTS = {
    "arms-control": (
        (
            "small arms and light weapons control",
            "the safe storage of conventional ammunition",
            "confidence- and security-building measures",
            "the destruction of surplus ammunition",
        ),
        ("military officers", "customs officers", "defence ministry officials"),
        "small arms and light weapons",
    ),
    "border-management": (
        (
            "border security and management",
            "detecting forged travel documents",
            "cross-border co-operation",
            "risk analysis at border crossing points",
        ),
        ("border guards", "customs officers", "border police officers"),
        "border security",
    ),
    "combating-trafficking-in-human-beings": (
        (
            "identifying victims of trafficking",
            "prosecuting human trafficking cases",
            "preventing trafficking for labour exploitation",
            "technology-facilitated trafficking in human beings",
        ),
        ("prosecutors", "labour inspectors", "social workers", "police officers"),
        "labour exploitation",
    ),
    "conflict-prevention-and-resolution": (
        (
            "confidence-building between communities",
            "mediation and dialogue facilitation",
            "early warning and conflict prevention",
        ),
        ("community leaders", "mediators", "civil society representatives"),
        "mediation",
    ),
    "countering-terrorism": (
        (
            "preventing violent extremism and radicalization that lead to terrorism",
            "countering the financing of terrorism",
            "protecting critical infrastructure from terrorist attacks",
        ),
        ("police officers", "community leaders", "financial intelligence analysts"),
        "violent extremism",
    ),
    "cyber-ict-security": (
        (
            "cyber/ICT security confidence-building measures",
            "protecting critical infrastructure from cyber attacks",
            "investigating cybercrime",
        ),
        ("cyber security experts", "government officials", "police investigators"),
        "cybercrime",
    ),
    "democratization": (
        (
            "strengthening the role of parliament",
            "public participation in local decision-making",
            "the regulation of political parties",
        ),
        ("members of parliament", "municipal officials", "civil society representatives"),
        "civil society",
    ),
    "economic-activities": (
        (
            "anti-money laundering",
            "good governance in customs",
            "trade facilitation and connectivity",
            "women's economic empowerment",
        ),
        ("financial intelligence analysts", "customs officers", "women entrepreneurs"),
        "anti-money laundering",
    ),
    "education": (
        (
            "human rights education in schools",
            "multilingual education",
            "media and information literacy",
        ),
        ("teachers", "students", "school directors"),
        "youth",
    ),
    "elections": (
        (
            "election observation",
            "voter registration",
            "the resolution of electoral disputes",
            "election administration",
        ),
        ("election officials", "election observers", "journalists"),
        None,  # tagged "elections <year>" instead
    ),
    "environmental-activities": (
        (
            "water governance",
            "disaster risk reduction",
            "climate change and security",
            "hazardous waste management",
        ),
        ("municipal officials", "environmental inspectors", "civil society representatives"),
        "climate change",
    ),
    "gender-equality": (
        (
            "women's participation in political life",
            "preventing violence against women",
            "women, peace and security",
        ),
        ("women leaders", "police officers", "women entrepreneurs"),
        "women in leadership",
    ),
    "good-governance": (
        (
            "fighting corruption",
            "transparency in public procurement",
            "integrity in public administration",
        ),
        ("civil servants", "municipal officials", "anti-corruption officials"),
        "anti-corruption",
    ),
    "human-rights": (
        (
            "freedom of peaceful assembly",
            "the prevention of torture",
            "the protection of human rights defenders",
            "freedom of religion or belief",
        ),
        ("human rights defenders", "ombudsperson staff", "lawyers"),
        "human rights defenders",
    ),
    "media-freedom-and-development": (
        (
            "the safety of journalists",
            "media pluralism",
            "access to information",
            "the safety of female journalists online",
        ),
        ("journalists", "media professionals", "editors"),
        "safety of journalists",
    ),
    "migration": (
        ("labour migration", "migration governance", "the integration of migrants"),
        ("migration officials", "labour inspectors", "municipal officials"),
        "labour migration",
    ),
    "national-minority-issues": (
        (
            "the language rights of national minorities",
            "the integration of diverse societies",
            "the participation of national minorities in public life",
        ),
        ("teachers", "municipal officials", "minority community representatives"),
        "language rights",
    ),
    "policing": (
        (
            "community policing",
            "investigating organized crime",
            "police accountability",
            "countering illicit drug trafficking",
        ),
        ("police officers", "criminal investigators", "police cadets"),
        "community policing",
    ),
    "reform-and-co-operation-in-the-security-sector": (
        (
            "security sector governance and reform",
            "parliamentary oversight of the security sector",
            "democratic control of armed forces",
        ),
        ("members of parliament", "defence officials", "security sector officials"),
        "security sector reform",
    ),
    "roma-and-sinti": (
        (
            "Roma and Sinti inclusion",
            "access to civil registration for Roma",
            "Roma youth participation",
        ),
        ("Roma activists", "Roma mediators", "municipal officials"),
        "civil society",
    ),
    "rule-of-law": (
        (
            "judicial independence",
            "fair trial standards",
            "free legal aid",
            "criminal justice reform",
        ),
        ("judges", "prosecutors", "defence lawyers"),
        "judicial reform",
    ),
    "tolerance-and-non-discrimination": (
        (
            "responding to hate crime",
            "countering antisemitism",
            "hate crime data collection",
            "countering intolerance against Muslims",
        ),
        ("police officers", "prosecutors", "civil society representatives"),
        "hate crime",
    ),
    "youth": (
        (
            "youth engagement in security",
            "youth participation",
            "the youth, peace and security agenda",
        ),
        ("young people", "students", "young leaders"),
        "youth",
    ),
}

# Meeting series an item on a field of work may belong to; others draw from the general ones.
FIELD_SERIES = {
    "combating-trafficking-in-human-beings": (
        "conference-of-the-alliance-against-trafficking-in-persons",
    ),
    "economic-activities": (
        "economic-and-environmental-forum",
        "economic-and-environmental-dimension-implementation-meetings",
    ),
    "environmental-activities": (
        "economic-and-environmental-forum",
        "economic-and-environmental-dimension-implementation-meetings",
    ),
    "good-governance": ("economic-and-environmental-forum",),
    "media-freedom-and-development": ("media-conferences",),
    "cyber-ict-security": ("cyber-ict-security-conferences",),
    "gender-equality": ("gender-equality-review-conferences",),
    "human-rights": ("human-rights-meetings",),
    "tolerance-and-non-discrimination": ("human-rights-meetings",),
    "democratization": ("human-rights-meetings",),
    "arms-control": (
        "plenary-meetings-of-the-forum-for-security-co-operation",
        "annual-implementation-assessment-meetings",
    ),
    "reform-and-co-operation-in-the-security-sector": (
        "plenary-meetings-of-the-forum-for-security-co-operation",
        "security-review-conferences",
    ),
    "countering-terrorism": ("security-review-conferences",),
    "conflict-prevention-and-resolution": ("security-review-conferences",),
}
GENERAL_SERIES = (
    "ministerial-council-meetings",
    "plenary-meetings-of-the-permanent-council",
    "review-conferences",
    "annual-osce-mediterranean-conferences",
    "annual-osce-asian-conferences",
)
PARTNER_SERIES = {
    "annual-osce-asian-conferences": Country.Group.ASIAN_PARTNER,
    "annual-osce-mediterranean-conferences": Country.Group.MEDITERRANEAN_PARTNER,
}


@dataclass(frozen=True)
class Profile:
    """How much a structure publishes, on what, and who speaks for it."""

    weight: float
    fields: tuple = ()  # empty: any field of work
    title_name: str = ""  # default: "OSCE <name>"
    speaker: str = ""  # default: "the Head of the OSCE <name>"
    place: str = ""  # where it works, when that is not a participating State
    opened: datetime.date | None = None  # for a field operation younger than the demo's dates


PROFILES = {
    "chairpersonship": Profile(
        6,
        (
            "conflict-prevention-and-resolution",
            "human-rights",
            "economic-activities",
            "youth",
            "gender-equality",
            "countering-terrorism",
        ),
        "OSCE Chairperson-in-Office",
        "the OSCE Chairperson-in-Office",
    ),
    "secretariat": Profile(6, (), "OSCE Secretariat", "the OSCE Secretary General"),
    "secretary-general": Profile(
        4,
        ("conflict-prevention-and-resolution", "gender-equality", "youth", "countering-terrorism"),
        "OSCE Secretary General",
        "the OSCE Secretary General",
    ),
    "office-of-the-secretary-general": Profile(
        0.8,
        ("good-governance", "gender-equality"),
        speaker="the Director of the Office of the OSCE Secretary General",
    ),
    "conflict-prevention-centre": Profile(
        2,
        (
            "conflict-prevention-and-resolution",
            "arms-control",
            "border-management",
            "reform-and-co-operation-in-the-security-sector",
        ),
        speaker="the Director of the OSCE Conflict Prevention Centre",
    ),
    "transnational-threats-department": Profile(
        2.5,
        ("countering-terrorism", "cyber-ict-security", "policing", "border-management"),
        speaker="the Director of the OSCE Transnational Threats Department",
    ),
    "cthb": Profile(
        2,
        ("combating-trafficking-in-human-beings", "migration", "gender-equality"),
        "OSCE Special Representative on Combating Trafficking",
        "the OSCE Special Representative and Co-ordinator for Combating Trafficking in Human "
        "Beings",
    ),
    "oceea": Profile(
        2,
        ("economic-activities", "environmental-activities", "good-governance", "migration"),
        "OSCE Economic and Environmental Activities Co-ordinator",
        "the Co-ordinator of OSCE Economic and Environmental Activities",
    ),
    "gender-issues-programme": Profile(
        1.2,
        ("gender-equality",),
        speaker="the OSCE Senior Adviser on Gender Issues",
    ),
    "opportunities-for-youth": Profile(
        1,
        ("youth", "education"),
        "OSCE",
        "the OSCE Secretary General",
    ),
    "department-of-human-resources": Profile(
        0.3,
        ("gender-equality", "youth", "good-governance"),
        speaker="the Director of the OSCE Department of Human Resources",
    ),
    "department-of-management-and-finance": Profile(
        0.2,
        ("good-governance",),
        speaker="the Director of the OSCE Department of Management and Finance",
    ),
    "office-of-internal-oversight": Profile(
        0.2,
        ("good-governance",),
        speaker="the Director of the OSCE Office of Internal Oversight",
    ),
    "documentation-centre-in-prague": Profile(
        0.5,
        ("education", "democratization", "human-rights"),
        speaker="the Head of the OSCE Documentation Centre in Prague",
    ),
    "odihr": Profile(
        10,
        (
            "elections",
            "elections",
            "democratization",
            "human-rights",
            "tolerance-and-non-discrimination",
            "roma-and-sinti",
            "rule-of-law",
            "gender-equality",
        ),
        "ODIHR",
        "the ODIHR Director",
    ),
    "hcnm": Profile(
        3,
        ("national-minority-issues", "education", "conflict-prevention-and-resolution"),
        speaker="the OSCE High Commissioner on National Minorities",
    ),
    "rfom": Profile(
        6,
        ("media-freedom-and-development", "media-freedom-and-development", "human-rights"),
        "OSCE media freedom representative",
        "the OSCE Representative on Freedom of the Media",
    ),
    "mission-in-kosovo": Profile(5, place="Kosovo"),
    "project-co-ordinator-in-uzbekistan": Profile(
        4, speaker="the OSCE Project Co-ordinator in Uzbekistan"
    ),
    "project-co-ordinator-in-ukraine": Profile(
        4, speaker="the OSCE Project Co-ordinator in Ukraine"
    ),
    "project-co-ordinator-in-baku": Profile(
        3, speaker="the OSCE Project Co-ordinator in Baku", opened=datetime.date(2014, 1, 1)
    ),
    "special-monitoring-mission-to-ukraine": Profile(
        8,
        ("conflict-prevention-and-resolution", "human-rights"),
        speaker="the Chief Monitor of the OSCE Special Monitoring Mission to Ukraine",
        opened=datetime.date(2014, 3, 21),
    ),
    "observer-mission-at-russian-checkpoints-gukovo-and-donetsk": Profile(
        1.5,
        ("border-management", "conflict-prevention-and-resolution"),
        "OSCE Observer Mission",
        "the Chief Observer of the OSCE Observer Mission",
        opened=datetime.date(2014, 7, 24),
    ),
    "parliamentary-assembly": Profile(
        4,
        ("elections", "democratization", "human-rights", "conflict-prevention-and-resolution"),
        speaker="the President of the OSCE Parliamentary Assembly",
    ),
    "court-of-conciliation-and-arbitration": Profile(
        0.2,
        ("rule-of-law", "conflict-prevention-and-resolution"),
        speaker="the President of the OSCE Court of Conciliation and Arbitration",
    ),
}
# Structures not named above (staff may add some) publish by their kind.
KIND_WEIGHTS = {
    Structure.Kind.FIELD_OPERATION: 5,
    Structure.Kind.INSTITUTION: 3,
    Structure.Kind.SECRETARIAT: 4,
    Structure.Kind.SECRETARIAT_UNIT: 1,
    Structure.Kind.CHAIRPERSONSHIP: 4,
    Structure.Kind.PARLIAMENTARY_ASSEMBLY: 3,
    Structure.Kind.COURT: 0.2,
}
CLOSED_WEIGHT_FACTOR = 0.6  # closed operations published less, and only before closing

# Places where items of a field operation's host country happen, besides the operation's city.
HOST_CITIES = {
    "albania": ("Shkodër", "Durrës", "Vlorë", "Elbasan", "Korçë"),
    "turkmenistan": ("Turkmenbashi", "Mary", "Dashoguz", "Turkmenabat"),
    "kazakhstan": ("Almaty", "Shymkent", "Karaganda", "Aktobe"),
    "kyrgyzstan": ("Osh", "Jalal-Abad", "Karakol", "Naryn", "Batken"),
    "bosnia-and-herzegovina": ("Banja Luka", "Mostar", "Tuzla", "Zenica", "Brčko"),
    "tajikistan": ("Khujand", "Bokhtar", "Kulob", "Khorog"),
    "moldova": ("Bălți", "Comrat", "Cahul", "Tiraspol"),
    "montenegro": ("Nikšić", "Bar", "Budva", "Bijelo Polje"),
    "serbia": ("Novi Sad", "Niš", "Kragujevac", "Novi Pazar", "Bujanovac"),
    "north-macedonia": ("Tetovo", "Kumanovo", "Ohrid", "Bitola", "Štip"),
    "uzbekistan": ("Samarkand", "Bukhara", "Nukus", "Fergana"),
    "ukraine": ("Kharkiv", "Odesa", "Lviv", "Dnipro", "Kramatorsk"),
    "georgia": ("Kutaisi", "Batumi", "Gori", "Zugdidi"),
    "armenia": ("Gyumri", "Vanadzor"),
    "azerbaijan": ("Ganja", "Sumgait"),
    "belarus": ("Brest", "Grodno", "Gomel"),
    "croatia": ("Vukovar", "Knin", "Osijek"),
}
KOSOVO_CITIES = ("Prizren", "Mitrovica", "Peja", "Gjilan", "Ferizaj")

# Capitals of participating States, for items about a country and for datelines.
CAPITALS = {
    "albania": "Tirana",
    "andorra": "Andorra la Vella",
    "armenia": "Yerevan",
    "austria": "Vienna",
    "azerbaijan": "Baku",
    "belgium": "Brussels",
    "belarus": "Minsk",
    "bosnia-and-herzegovina": "Sarajevo",
    "bulgaria": "Sofia",
    "canada": "Ottawa",
    "croatia": "Zagreb",
    "cyprus": "Nicosia",
    "czechia": "Prague",
    "denmark": "Copenhagen",
    "estonia": "Tallinn",
    "finland": "Helsinki",
    "france": "Paris",
    "georgia": "Tbilisi",
    "germany": "Berlin",
    "greece": "Athens",
    "holy-see": "Vatican City",
    "hungary": "Budapest",
    "iceland": "Reykjavik",
    "ireland": "Dublin",
    "italy": "Rome",
    "kazakhstan": "Astana",
    "kyrgyzstan": "Bishkek",
    "latvia": "Riga",
    "liechtenstein": "Vaduz",
    "lithuania": "Vilnius",
    "luxembourg": "Luxembourg",
    "malta": "Valletta",
    "moldova": "Chisinau",
    "monaco": "Monaco",
    "mongolia": "Ulaanbaatar",
    "montenegro": "Podgorica",
    "netherlands": "The Hague",
    "north-macedonia": "Skopje",
    "norway": "Oslo",
    "poland": "Warsaw",
    "portugal": "Lisbon",
    "romania": "Bucharest",
    "russian-federation": "Moscow",
    "san-marino": "San Marino",
    "serbia": "Belgrade",
    "slovakia": "Bratislava",
    "slovenia": "Ljubljana",
    "spain": "Madrid",
    "sweden": "Stockholm",
    "switzerland": "Bern",
    "tajikistan": "Dushanbe",
    "turkiye": "Ankara",
    "turkmenistan": "Ashgabat",
    "ukraine": "Kyiv",
    "united-kingdom": "London",
    "united-states-of-america": "Washington",
    "uzbekistan": "Tashkent",
}
DEFAULT_CITY = "Vienna"  # the Secretariat's seat

DONORS = (
    "Austria",
    "Canada",
    "Denmark",
    "Finland",
    "France",
    "Germany",
    "Italy",
    "Japan",
    "Liechtenstein",
    "Luxembourg",
    "the Netherlands",
    "Norway",
    "Poland",
    "Spain",
    "Sweden",
    "Switzerland",
    "the United Kingdom",
    "the United States",
)

# Activities and how many days each may last.
ACTIVITIES = (
    ("workshop", (1, 2, 3)),
    ("training course", (2, 3, 5)),
    ("roundtable", (1,)),
    ("conference", (1, 2)),
    ("seminar", (1, 2)),
    ("study visit", (3, 5)),
    ("expert meeting", (1, 2)),
    ("summer school", (5,)),
)
TRAINING_NAMES = frozenset({"workshop", "training course", "summer school"})
TRAINING = tuple((name, days) for name, days in ACTIVITIES if name in TRAINING_NAMES)
DURATIONS = {1: "one-day", 2: "two-day", 3: "three-day", 5: "five-day"}

# Free tags besides each field's own: reused, so that filtering by tag finds many items.
GENERAL_TAGS = ("training", "capacity building", "civil society", "international co-operation")
COVID_TAG, COVID_YEARS = "COVID-19", (2020, 2021)
CHAIR_TAG = "OSCE Chairpersonship {year}"
ELECTIONS_TAG = "elections {year}"

# Stories: (type, title, lede). The type chooses the body's paragraphs. Placeholders: {issuer}
# (short name, for titles), {subject}/{Subject} (full name with "the"), {topic}/{Topic},
# {activity}, {duration}, {audience}/{Audience}, {n}/{some_n}, {city}, {place}, {on_date} (one
# day), {on_dates} (the event's days). A title using {place} needs a real place.
STORIES = {
    Kind.NEWS: (
        (
            "event",
            "{issuer} holds {activity} on {topic} in {city}",
            "{Subject} held a {duration} {activity} on {topic} for {n} {audience} in "
            "{city}{on_dates}.",
        ),
        (
            "event",
            "{issuer} organizes {activity} on {topic} for {audience} in {city}",
            "{Subject} organized a {duration} {activity} on {topic} for {audience} in "
            "{city}{on_dates}. The event brought together representatives of state "
            "institutions, civil society and international organizations.",
        ),
        (
            "event",
            "OSCE-supported {activity} on {topic} concludes in {city}",
            "A {duration} {activity} on {topic}, supported by {subject}, concluded in "
            "{city}{on_date}. It brought together {n} {audience}.",
        ),
        (
            "training",
            "{Audience} in {city} complete OSCE {activity} on {topic}",
            "{some_n} {audience} completed a {duration} {activity} on {topic} organized by "
            "{subject} in {city}{on_dates}.",
        ),
        (
            "meeting",
            "{issuer} discusses {topic} with authorities in {place}",
            "Representatives of {subject} met officials in {city}{on_date} to discuss "
            "co-operation on {topic}.",
        ),
        (
            "report",
            "{issuer} presents report on {topic} in {place}",
            "{Subject} presented a report on {topic} in {place} at an event in {city}{on_date}. "
            "The report assesses progress since the last review and makes recommendations to the "
            "authorities.",
        ),
        (
            "equipment",
            "{issuer} hands over equipment to support {topic} in {place}",
            "{Subject} handed over equipment to support {topic} in {place} at a ceremony in "
            "{city}{on_date}.",
        ),
        (
            "campaign",
            "{issuer} launches campaign on {topic}",
            "{Subject} launched a public awareness campaign on {topic} in {city}{on_date}. The "
            "campaign will run on television, radio and social media.",
        ),
        (
            "handbook",
            "{issuer} publishes handbook on {topic} for {audience}",
            "{Subject} published a handbook on {topic} for {audience}{on_date}. It draws on good "
            "practice from across the OSCE region.",
        ),
        (
            "visit",
            "{issuer} visits {place}, discusses {topic}",
            "{Subject} paid an official visit to {place}{on_dates}, meeting senior officials to "
            "discuss {topic}.",
        ),
    ),
    Kind.STATEMENT: (
        (
            "statement",
            "{issuer} welcomes adoption of new law on {topic} in {place}",
            "{Subject} welcomed the adoption of a new law on {topic} in {place}{on_date}, "
            "calling it an important step towards meeting OSCE commitments.",
        ),
        (
            "statement",
            "{issuer} calls for stronger efforts on {topic}",
            "{Subject} called{on_date} on all OSCE participating States to step up their efforts "
            "on {topic}.",
        ),
        (
            "statement",
            "{issuer} urges {place} to step up efforts on {topic}",
            "{Subject} urged the authorities of {place}{on_date} to step up their efforts on "
            "{topic}, in line with their OSCE commitments.",
        ),
    ),
    Kind.FEATURE_STORY: (
        (
            "feature",
            "{Audience} in {city} put {topic} into practice",
            "Months after an OSCE-supported {activity} on {topic}, {audience} in {city} are "
            "applying what they learned in their daily work.",
        ),
        (
            "feature",
            "How OSCE support for {topic} is making a difference in {place}",
            "For years, {subject} has supported work on {topic} in {place}. A visit to {city} "
            "shows what has changed.",
        ),
        (
            "feature",
            "From classroom to practice: {audience} and {topic} in {city}",
            "When {n} {audience} from {city} joined an OSCE {activity} on {topic}, few expected "
            "it to change the way they work.",
        ),
    ),
    Kind.SPOT_REPORT: (
        (
            "spot",
            "Spot report: {issuer} follows up on reports of {incident} near {city}",
            "{Subject} followed up{on_date} on reports of {incident} near {city}. Monitors spoke "
            "to residents and local officials.",
        ),
        (
            "spot",
            "Latest from the {issuer}, based on information received as of {time}",
            "{Subject} continued to monitor the situation in and around {city}.",
        ),
    ),
}
STORIES[Kind.PRESS_RELEASE] = STORIES[Kind.NEWS]
ELECTION_STORIES = (
    (
        "election",
        "{place}'s {election} elections were {assessment}, international observers say",
        "The {election} elections in {place}{on_date} were {assessment}, the international "
        "election observation mission including {subject} said in a preliminary statement.",
    ),
    (
        "election",
        "{issuer} opens observation mission for {election} elections in {place}",
        "{Subject} opened an election observation mission in {city}{on_date}, following an "
        "invitation from the authorities of {place}.",
    ),
    (
        "election",
        "{issuer} publishes final report on {election} elections in {place}",
        "{Subject} published its final report on the {election} elections in {place}{on_date}, "
        "with recommendations for bringing electoral law and practice closer to OSCE "
        "commitments.",
    ),
)
# Stories an issuer does not tell: only those who travel to a country "visit" it; a
# Chairperson or Secretary General does not hand over equipment or publish handbooks.
VISITORS = frozenset(
    (
        "chairpersonship",
        "secretary-general",
        "secretariat",
        "odihr",
        "hcnm",
        "rfom",
        "parliamentary-assembly",
    )
)
PERSONS = frozenset({"chairpersonship", "secretary-general"})
PERSON_SKIPS = frozenset({"training", "equipment", "campaign", "handbook", "report"})
ELECTION_OBSERVERS = frozenset({"odihr", "parliamentary-assembly"})
SERIES_ISSUER_KINDS = frozenset(
    {Structure.Kind.SECRETARIAT, Structure.Kind.SECRETARIAT_UNIT, Structure.Kind.CHAIRPERSONSHIP}
)
ELECTION_KINDS = ("parliamentary", "presidential", "local", "early parliamentary")
ASSESSMENTS = (
    "competitive and well run",
    "orderly but lacked genuine competition",
    "competitive and fundamentally free, but marred by the misuse of administrative resources",
    "well organized, with fundamental freedoms generally respected",
)
INCIDENTS = (
    "damage to civilian infrastructure",
    "a large public gathering",
    "tensions at a crossing point",
    "the displacement of residents",
)
INCIDENTS_SMM = ("shelling", "small-arms fire", "damage to civilian infrastructure", "mines")

# Body paragraphs by story type: a sequence of pools, one paragraph drawn from each in turn
# (after the first pool come the quote and the meeting series) until the body has 3 to 6.
PRIORITY = "{Topic} is one of the priorities of the OSCE’s work in {place}."
EVENT_BODY = (
    (
        "Participants discussed {topic}, exchanged good practices from across the OSCE region "
        "and worked through practical case studies.",
        "The programme covered international standards and OSCE commitments on {topic}, "
        "national legislation and practice, and the role of {audience} in applying them.",
        "Experts from {donors} shared their experience of {topic}, and participants worked in "
        "small groups on how to apply it in {place}.",
        "The discussion focused on {topic} and on how institutions in {place} can work together "
        "more closely.",
    ),
    (
        "At the end of the {activity}, participants agreed on recommendations that will be "
        "shared with the relevant institutions in {place}.",
        "The {activity} ended with a plan for follow-up activities over the coming months.",
        "Participants said the {activity} had given them practical knowledge they could apply "
        "immediately.",
    ),
    (
        "The {activity} was organized as part of an extra-budgetary project funded by {donors}.",
        "The event was made possible with financial support from {donors}.",
    ),
    (
        "{Subject} has supported work on {topic} in {place} since {since}.",
        "This was the {ordinal} {activity} of its kind organized by {subject} this year.",
        PRIORITY,
    ),
    (
        "A follow-up {activity} is planned for later this year.",
        "The OSCE will publish the main findings of the {activity} in the coming weeks.",
    ),
)
PUBLICATION_BODY = (
    (
        "The {publication} covers {topic}, the relevant OSCE commitments and international "
        "standards, and current practice in {place}.",
        "It was prepared with {audience} in mind and draws on consultations held over several "
        "months.",
    ),
    (
        "The {publication} was presented to representatives of state institutions, civil "
        "society and international organizations.",
        "Its recommendations will be discussed with the authorities in the coming months.",
    ),
    ("The {publication} was prepared with financial support from {donors}.",),
    ("The {publication} is available in English and in the local languages.", PRIORITY),
)
BODIES = {
    "event": EVENT_BODY,
    "training": EVENT_BODY,
    "feature": (
        (
            "“I use what I learned every day,” said one of the participants, who works in {city}.",
            *EVENT_BODY[0],
        ),
        *EVENT_BODY[1:],
    ),
    "meeting": (
        (
            "The discussions covered {topic}, ongoing OSCE projects and plans for future "
            "co-operation.",
            "{Subject} also met representatives of civil society and international "
            "organizations working in {place}.",
        ),
        (
            "Both sides agreed to continue their close co-operation.",
            "The meetings identified where OSCE support can make the greatest difference in the "
            "coming year.",
        ),
        (PRIORITY, "{Subject} regularly discusses {topic} with the authorities concerned."),
        ("A follow-up meeting is planned for later this year.",),
    ),
    "report": PUBLICATION_BODY,
    "handbook": PUBLICATION_BODY,
    "equipment": (
        (
            "The equipment includes computers, specialized software and communication devices "
            "for {audience}.",
            "The handover is part of a wider OSCE project on {topic} in {place}.",
        ),
        ("The equipment will help {audience} in their daily work.",),
        ("The equipment was funded by {donors}.",),
        (PRIORITY,),
    ),
    "campaign": (
        (
            "The campaign includes short videos, posters and a series of public events in {city} "
            "and other towns.",
            "It is aimed in particular at {audience} and young people.",
        ),
        ("The organizers expect the campaign to reach several hundred thousand people.",),
        ("The campaign is funded by {donors}.",),
        ("The campaign will run until the end of the year.", PRIORITY),
    ),
    "visit": (
        (
            "The talks covered {topic}, the country’s co-operation with the OSCE and the "
            "organization’s current priorities.",
            "{Subject} also met representatives of civil society and of the international "
            "community in {city}.",
        ),
        ("Both sides agreed to continue their close co-operation.",),
        (PRIORITY,),
    ),
    "statement": (
        (
            "{Subject} recalled the commitments that all OSCE participating States have made on "
            "{topic}.",
            "{Subject} stressed that progress on {topic} is an essential part of comprehensive "
            "security.",
        ),
        (
            "{Subject} offered the OSCE’s support to the authorities.",
            "{Subject} will continue to follow developments closely.",
        ),
        (PRIORITY,),
    ),
    "election": (
        (
            "The observation mission has a core team of experts based in {city} and long-term "
            "observers deployed across {place}.",
            "Observers assess the whole electoral process, including the legal framework, the "
            "work of the election administration, the campaign, the media and the resolution of "
            "disputes.",
        ),
        (
            "The mission’s findings and recommendations are shared with the authorities of "
            "{place} and with all OSCE participating States.",
        ),
        ("The OSCE has observed elections in {place} since {since}.",),
    ),
    "spot": (
        (
            "Monitors observed the area from several positions and spoke to residents and local "
            "officials.",
            "The situation in {city} and the surrounding area remained tense but calm.",
        ),
        ("{Subject} will continue to follow the situation and report on it.",),
        ("Monitors of {subject} report on the security situation every day.",),
    ),
}
QUOTES = (
    "Progress on {topic} is not a task for one institution alone: it needs the police, the "
    "courts and civil society working together",
    "What we have seen here shows how much is possible when institutions commit to {topic}",
    "The OSCE will continue to stand by {place} in its efforts on {topic}",
    "Every participant leaves with practical tools that they can use in their work tomorrow",
    "Trust between institutions and the people they serve is built one step at a time",
)
STATEMENT_QUOTES = (
    "Progress on {topic} is not a task for one institution alone",
    "The OSCE will continue to stand by {place} in its efforts on {topic}",
    "Our commitments on {topic} were made together, and they bind us all",
)
DATABASE_WORDS = ("issuer", "subject", "Subject", "city", "place")
SERIES_PARAGRAPH = "Its conclusions will be presented in the framework of the {series}."
ORDINALS = ("second", "third", "fourth", "fifth")

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Generated dates run from FIRST_DAY to LAST_DAY whatever the day of the run, so that a seed gives
# the same items on any day. Only scheduled items follow the run: they are dated 1 to 21 days after
# it, so that they are still to come (their titles, and so their slugs, hold no date).
FIRST_YEAR = 2006
FIRST_DAY = datetime.date(FIRST_YEAR, 1, 1)
LAST_DAY = datetime.date(2026, 6, 30)
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
SPOT_TIMES = ("18:00", "19:30", "20:00")
SOME = ("Some", "More than", "Around")


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


# ---------------------------------------------------------------------------------------------
# The taxonomy as the generator sees it, read once.


@dataclass(frozen=True)
class Term:
    pk: int
    slug: str
    name: str


@dataclass
class Issuer:
    pk: int
    slug: str
    kind: str
    weight: float
    opened: datetime.date | None
    closed_on: datetime.date | None
    title_name: str  # "OSCE Mission to Serbia"
    subject: str  # "the OSCE Mission to Serbia"
    speaker: str
    city: str
    host: Term | None
    place: str  # the host country's name, or where it works
    cities: tuple
    fields: tuple  # indexes into DemoTaxonomy.fields; empty: any
    voice: str  # key of KIND_WEIGHTS_BY_ISSUER
    skips: frozenset  # story types it does not tell


@dataclass
class DemoTaxonomy:
    fields: list
    field_index: dict
    states: list
    partners: dict
    series: dict
    issuers: list
    chairs: dict  # year -> Term of the chairing country
    tags: dict = field(default_factory=dict)  # name -> pk

    @classmethod
    def from_database(cls):
        """Read the loaded taxonomy, or raise MissingTaxonomy naming what is missing."""
        fields = [
            Term(pk, slug, name)
            for pk, slug, name in FieldOfWork.objects.order_by("slug").values_list(
                "pk", "slug", "name"
            )
        ]
        countries = {
            slug: (Term(pk, slug, name), group)
            for pk, slug, name, group in Country.objects.order_by("slug").values_list(
                "pk", "slug", "name", "group"
            )
        }
        series = {
            slug: Term(pk, slug, name)
            for pk, slug, name in MeetingSeries.objects.order_by("slug").values_list(
                "pk", "slug", "name"
            )
        }
        structures = list(
            Structure.objects.exclude(kind=Structure.Kind.GROUP)
            .select_related("host_country", "parent")
            .order_by("slug")
        )
        missing = []
        if missing_fields := sorted(set(FIELD_TEXTS) - {term.slug for term in fields}):
            missing.append(f"the fields of work {', '.join(missing_fields)}")
        if not structures:
            missing.append("the structures")
        if not any(group == Country.Group.PARTICIPATING_STATE for _t, group in countries.values()):
            missing.append("the participating States")
        if missing:
            raise MissingTaxonomy(", ".join(missing))

        field_index = {term.slug: position for position, term in enumerate(fields)}
        issuers = [cls._issuer(structure, field_index) for structure in structures]
        chairs = {
            year: countries[slug][0]
            for year, slug in Chairpersonship.objects.values_list("year", "country__slug")
        }
        return cls(
            fields=fields,
            field_index=field_index,
            states=[
                t for t, group in countries.values() if group == Country.Group.PARTICIPATING_STATE
            ],
            partners={
                group: [t for t, g in countries.values() if g == group]
                for group in (Country.Group.ASIAN_PARTNER, Country.Group.MEDITERRANEAN_PARTNER)
            },
            series=series,
            issuers=[issuer for issuer in issuers if issuer.weight > 0],
            chairs=chairs,
        )

    @staticmethod
    def _issuer(structure, field_index):
        profile = PROFILES.get(structure.slug) or Profile(KIND_WEIGHTS.get(structure.kind, 0))
        name = structure.name if structure.name.startswith("OSCE") else f"OSCE {structure.name}"
        full = f"{name} ({structure.acronym})" if structure.acronym else name
        host = structure.host_country
        host_term = Term(host.pk, host.slug, host.name) if host else None
        city = structure.city or (structure.parent.city if structure.parent else "") or DEFAULT_CITY
        kind = structure.kind
        if structure.slug == "special-monitoring-mission-to-ukraine":
            voice = "smm"
        elif kind == Structure.Kind.FIELD_OPERATION:
            voice = "field-operation"
        elif kind in (Structure.Kind.INSTITUTION, Structure.Kind.CHAIRPERSONSHIP) or (
            structure.slug == "secretary-general"
        ):
            voice = "voice"
        else:
            voice = "other"
        is_field_operation = kind == Structure.Kind.FIELD_OPERATION
        if structure.slug == "mission-in-kosovo":
            cities = KOSOVO_CITIES
        elif is_field_operation and host:
            cities = HOST_CITIES.get(host.slug, ())
        else:
            cities = ()
        weight = profile.weight * (CLOSED_WEIGHT_FACTOR if not structure.is_active else 1)
        if not structure.is_active and structure.closed_on is None:
            weight = 0  # closed, but nobody knows since when: it issues nothing generated
        return Issuer(
            pk=structure.pk,
            slug=structure.slug,
            kind=kind,
            weight=weight,
            opened=profile.opened,
            closed_on=structure.closed_on,
            title_name=profile.title_name or name,
            subject=f"the {full}",
            speaker=profile.speaker or f"the Head of the {name}",
            city=city,
            host=host_term if is_field_operation else None,
            place=profile.place or (host.name if is_field_operation and host else ""),
            cities=cities,
            fields=tuple(field_index[slug] for slug in profile.fields if slug in field_index),
            voice=voice,
            skips=(PERSON_SKIPS if structure.slug in PERSONS else frozenset())
            | (frozenset() if structure.slug in VISITORS else frozenset({"visit"})),
        )

    def tag_names(self, last_year):
        """Every tag the generator may use, so that they can be created before a run."""
        names = set(GENERAL_TAGS) | {COVID_TAG}
        names |= {texts[2] for texts in FIELD_TEXTS.values() if texts[2]}
        names |= {ELECTIONS_TAG.format(year=year) for year in range(FIRST_YEAR, last_year + 1)}
        names |= {CHAIR_TAG.format(year=year) for year in self.chairs}
        return sorted(names)


# ---------------------------------------------------------------------------------------------
# The generator.


@dataclass
class DemoItem:
    """One generated news item: its NewsItem field values and its relations (primary keys)."""

    index: int
    values: dict
    field_ids: list
    country_ids: list
    series_ids: list
    supporting_ids: list
    tag_ids: list


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


class DemoNewsGenerator:
    def __init__(self, taxonomy, seed, now):
        self.taxonomy = taxonomy
        self.seed = seed
        self.zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
        self.now = now
        self.today = now.astimezone(self.zone).date()
        self.span = (LAST_DAY - FIRST_DAY).days
        self.story_cache = {}
        self.issuers_by_year = {}
        for year in range(FIRST_YEAR, LAST_DAY.year + 1):
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
        self.current_issuers = current if current[0] else self.issuers_by_year[LAST_DAY.year]
        self.by_field = {}
        for issuer in taxonomy.issuers:
            for position in issuer.fields:
                self.by_field.setdefault(position, []).append(issuer)

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
        """The first part of item number `index`, up to its slug."""
        rng = DemoRandom(f"{self.seed}:{index}")
        taxonomy = self.taxonomy

        status = STATUS_BY_POSITION[index * 37 % 100]
        if status == "published" or status == "withdrawn":  # more items in recent years
            issued = FIRST_DAY + datetime.timedelta(days=int(self.span * rng.random() ** 0.7))
        elif status == "scheduled":
            issued = self.today + datetime.timedelta(days=rng.randint(1, 21))
        elif status == "undated-draft":
            issued = None
        else:  # a draft or an item in review: among the latest
            issued = LAST_DAY - datetime.timedelta(days=rng.randint(0, 30))
        day = issued or LAST_DAY

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

        # Fields of work: the first is what the story is about.
        fields = taxonomy.fields
        if issuer.fields and rng.random() < 0.85:
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
        countries = self._countries(rng, issuer, chair, series)

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
        story, title_template, lede_template = rng.choice(stories)
        activity, durations = rng.choice(TRAINING if story == "training" else ACTIVITIES)
        days = rng.choice(durations if story != "visit" else (1, 2, 3))
        topic = rng.choice(topics)
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
            slug=self.slug_for(title, index),
        )

    def finish(self, head):
        """The whole item that `head` begins (once: it draws on from the head's random stream)."""
        rng, words, issuer, issued, day = head.rng, head.words, head.issuer, head.issued, head.day
        story, series, status = head.story, head.series, head.status
        taxonomy = self.taxonomy

        n = rng.randint(12, 60)
        words["n"] = n
        words["some_n"] = f"{rng.choice(SOME)} {n}"
        words["donors"] = join_names(rng.sample(DONORS, rng.randint(1, 3)))
        words["since"] = rng.randint(FIRST_YEAR - 10, max(FIRST_YEAR, day.year - 1))
        words["ordinal"] = rng.choice(ORDINALS)
        if issued is not None:
            last = issued - datetime.timedelta(days=rng.choice((0, 0, 1)))
            words["on_date"] = f" on {format_date(last)}"
            words["on_dates"] = format_span(last - datetime.timedelta(days=head.days - 1), last)
        else:
            words["on_date"] = words["on_dates"] = ""
        lede = head.lede_template.format(**words)
        body = self._body(rng, story, words, issuer.speaker, series)

        dateline = ""
        if issued is not None:
            if issuer.kind == Structure.Kind.FIELD_OPERATION:
                dateline = issuer.city
            elif head.chair is not None:
                dateline = CAPITALS.get(head.chair.slug, issuer.city)
            elif rng.random() < 0.3:
                dateline = issuer.city
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
                # Only on a machine whose clock is behind LAST_DAY: nothing published lies ahead.
                published_at = self.now

        fields = taxonomy.fields
        return DemoItem(
            index=head.index,
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
            },
            field_ids=[fields[position].pk for position in head.field_positions],
            country_ids=[country.pk for country in head.countries],
            series_ids=[series.pk] if series else [],
            supporting_ids=supporting,
            tag_ids=[taxonomy.tags[name] for name in tags],
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

    def _countries(self, rng, issuer, chair, series):
        states = self.taxonomy.states
        if issuer.host is not None:
            countries = [issuer.host] if rng.random() < 0.85 else []
            if countries and rng.random() < 0.1:
                countries.append(rng.choice(states))
        elif issuer.kind == Structure.Kind.FIELD_OPERATION:  # where no State hosts it
            countries = []
        elif chair is not None:
            countries = [chair]
            if rng.random() < 0.3:
                countries.append(rng.choice(states))
        else:
            count = rng.weighted(*COUNTRY_COUNTS)
            if issuer.slug in ("odihr", "hcnm") and count == 0 and rng.random() < 0.7:
                count = 1
            countries = rng.sample(states, count)
        if series is not None and series.slug in PARTNER_SERIES:
            partners = self.taxonomy.partners.get(PARTNER_SERIES[series.slug]) or []
            countries += rng.sample(partners, min(len(partners), rng.randint(1, 2)))
        return list(dict.fromkeys(countries))[:3]

    def _body(self, rng, story, words, speaker, series):
        """3 to 6 escaped paragraphs for `story`; the quote, when there is one, often set apart."""
        # Only these come from the database; the texts above hold no markup characters.
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
