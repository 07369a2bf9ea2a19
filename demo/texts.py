"""What generated items say, who issues them and where they happen: tables of texts.

Keyed by the slugs of taxonomy/reference.py and structures/reference.py; tests check that every
slug named here is loaded by load_taxonomy.
"""

import datetime
from dataclasses import dataclass

from news.models import NewsItem
from structures.models import Structure
from taxonomy.models import Country

Kind = NewsItem.Kind


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
SPOT_TIMES = ("18:00", "19:30", "20:00")
SOME = ("Some", "More than", "Around")

# Why an item was withdrawn, as its public notice says.
WITHDRAWAL_NOTICES = (
    "This item was withdrawn because it contained factual errors. A corrected version has been "
    "published.",
    "This item was withdrawn at the request of the organizers of the event it describes.",
    "This item was withdrawn because it was published before the agreed date.",
    "This item was withdrawn: it duplicated an earlier item on the same event.",
)
