"""The organisation's reference taxonomy, as its public website lists it.

Loaded by `manage.py load_taxonomy` (in the structures app, which depends on this one).
Rows are keyed on their slug (chairpersonships on their year): change a name here, never a
slug, or the loader will add a second row. The order of each tuple is the order of the
site's menus.
"""

# (slug, name, one-sentence description). "Field operations" and "Projects" share this menu
# on the public site but are sections, not topics.
FIELDS_OF_WORK = (
    (
        "arms-control",
        "Arms control",
        "The OSCE supports confidence- and security-building measures, the exchange of "
        "military information and the safe management of small arms, light weapons and "
        "conventional ammunition.",
    ),
    (
        "border-management",
        "Border management",
        "The OSCE helps participating States keep their borders open and secure through "
        "co-operation between border services, training and action against cross-border crime.",
    ),
    (
        "combating-trafficking-in-human-beings",
        "Combating trafficking in human beings",
        "The OSCE helps participating States prevent trafficking in human beings, protect "
        "its victims and prosecute traffickers.",
    ),
    (
        "conflict-prevention-and-resolution",
        "Conflict prevention and resolution",
        "The OSCE works across the whole conflict cycle, from early warning and conflict "
        "prevention to crisis management, mediation and post-conflict rehabilitation.",
    ),
    (
        "countering-terrorism",
        "Countering terrorism",
        "The OSCE supports participating States in preventing and countering terrorism and "
        "violent extremism while respecting human rights and the rule of law.",
    ),
    (
        "cyber-ict-security",
        "Cyber/ICT Security",
        "The OSCE develops confidence-building measures that reduce the risk of conflict "
        "stemming from the use of information and communication technologies.",
    ),
    (
        "democratization",
        "Democratization",
        "The OSCE helps participating States build democratic institutions, strengthen "
        "parliaments and involve citizens in public life.",
    ),
    (
        "economic-activities",
        "Economic activities",
        "The OSCE promotes economic co-operation, good economic governance and connectivity "
        "as foundations of security and stability.",
    ),
    (
        "education",
        "Education",
        "The OSCE supports education that fosters tolerance, human rights and mutual "
        "understanding, including the education of national minorities.",
    ),
    (
        "elections",
        "Elections",
        "The OSCE observes elections across its region and helps participating States bring "
        "electoral law and practice in line with their commitments.",
    ),
    (
        "environmental-activities",
        "Environmental activities",
        "The OSCE addresses environmental challenges that affect security, such as shared "
        "water resources, hazardous waste and climate change.",
    ),
    (
        "gender-equality",
        "Gender equality",
        "The OSCE promotes equal rights and opportunities for women and men and brings a "
        "gender perspective into all of its work.",
    ),
    (
        "good-governance",
        "Good governance",
        "The OSCE helps participating States fight corruption and money laundering and build "
        "transparent and accountable public institutions.",
    ),
    (
        "human-rights",
        "Human rights",
        "The OSCE helps participating States protect human rights and fundamental freedoms, "
        "which its commitments treat as part of comprehensive security.",
    ),
    (
        "media-freedom-and-development",
        "Media freedom and development",
        "The OSCE observes media developments in participating States and advocates full "
        "respect for their commitments on freedom of expression and free media.",
    ),
    (
        "migration",
        "Migration",
        "The OSCE helps participating States manage migration in a way that is safe, orderly "
        "and respectful of the rights of migrants.",
    ),
    (
        "national-minority-issues",
        "National minority issues",
        "The OSCE works to identify and ease ethnic tensions early and to protect the rights "
        "of persons belonging to national minorities.",
    ),
    (
        "policing",
        "Policing",
        "The OSCE helps participating States build police services that are effective, "
        "accountable and respectful of human rights.",
    ),
    (
        "reform-and-co-operation-in-the-security-sector",
        "Reform and co-operation in the security sector",
        "The OSCE supports participating States in building security sectors that are "
        "effective, accountable and under democratic control.",
    ),
    (
        "roma-and-sinti",
        "Roma and Sinti",
        "The OSCE works to improve the situation of Roma and Sinti and to end discrimination "
        "against them.",
    ),
    (
        "rule-of-law",
        "Rule of law",
        "The OSCE supports independent judiciaries, fair trials and legislation that meets "
        "international standards.",
    ),
    (
        "tolerance-and-non-discrimination",
        "Tolerance and non-discrimination",
        "The OSCE helps participating States counter hate crime, racism, xenophobia and "
        "discrimination, including on grounds of religion or belief.",
    ),
    (
        "youth",
        "Youth",
        "The OSCE involves young people in its work and supports their part in building "
        "security in the region.",
    ),
)

# (slug, name, short description). "Partnerships" shares the public menu but is a section.
MEETING_SERIES = (
    (
        "summit-meetings",
        "Summit meetings",
        "Meetings of the Heads of State or Government of the participating States, which set "
        "the organisation's priorities at the highest political level.",
    ),
    (
        "review-conferences",
        "Review Conferences",
        "Conferences held before a Summit to review how all OSCE commitments are implemented.",
    ),
    (
        "ministerial-council-meetings",
        "Ministerial Council meetings",
        "The yearly meeting of the participating States' Ministers for Foreign Affairs, the "
        "OSCE's central decision-making and governing body.",
    ),
    (
        "plenary-meetings-of-the-permanent-council",
        "Plenary meetings of the Permanent Council",
        "Weekly meetings in Vienna of the participating States' permanent representatives, "
        "the OSCE's regular body for political consultation and decision-making.",
    ),
    (
        "plenary-meetings-of-the-forum-for-security-co-operation",
        "Plenary Meetings of the Forum for Security Co-operation",
        "Weekly meetings in Vienna where the participating States take decisions on the "
        "military aspects of security.",
    ),
    (
        "security-review-conferences",
        "Security Review Conferences",
        "Yearly conferences reviewing the work of the OSCE and its participating States in "
        "the politico-military dimension.",
    ),
    (
        "annual-implementation-assessment-meetings",
        "Annual Implementation Assessment Meetings",
        "Yearly meetings assessing how participating States implement the agreed confidence- "
        "and security-building measures.",
    ),
    (
        "economic-and-environmental-forum",
        "Economic and Environmental Forum",
        "The yearly forum on a theme of the economic and environmental dimension chosen by "
        "the Chairpersonship.",
    ),
    (
        "economic-and-environmental-dimension-implementation-meetings",
        "Economic and Environmental Dimension Implementation Meetings",
        "Meetings reviewing how participating States implement their commitments in the "
        "economic and environmental dimension.",
    ),
    (
        "human-rights-meetings",
        "Human rights meetings",
        "Meetings and conferences reviewing how participating States implement their "
        "commitments in the human dimension.",
    ),
    (
        "media-conferences",
        "Media conferences",
        "Regional and thematic conferences on freedom of expression and media freedom.",
    ),
    (
        "cyber-ict-security-conferences",
        "Cyber/ICT security conferences",
        "Conferences on reducing the risks of conflict stemming from the use of information "
        "and communication technologies.",
    ),
    (
        "conference-of-the-alliance-against-trafficking-in-persons",
        "Conference of the Alliance against Trafficking in Persons",
        "The yearly conference of the Alliance against Trafficking in Persons, which brings "
        "together international organisations and civil society.",
    ),
    (
        "gender-equality-review-conferences",
        "Gender Equality Review Conferences",
        "Conferences reviewing how participating States implement their commitments on "
        "gender equality.",
    ),
    (
        "annual-osce-mediterranean-conferences",
        "Annual OSCE Mediterranean conferences",
        "Yearly conferences of the participating States with the Mediterranean Partners for "
        "Co-operation.",
    ),
    (
        "annual-osce-asian-conferences",
        "Annual OSCE Asian conferences",
        "Yearly conferences of the participating States with the Asian Partners for Co-operation.",
    ),
)

# (slug, name, ISO 3166-1 alpha-2 code), in the order of the public list. Finland appears
# there as "Finland – OSCE Chairpersonship 2025": the chairpersonship is a yearly role, kept in
# CHAIRPERSONSHIPS, not part of the name. "The Netherlands" is filed as "Netherlands" so that
# alphabetical lists put it under N.
PARTICIPATING_STATES = (
    ("albania", "Albania", "AL"),
    ("andorra", "Andorra", "AD"),
    ("armenia", "Armenia", "AM"),
    ("austria", "Austria", "AT"),
    ("azerbaijan", "Azerbaijan", "AZ"),
    ("belgium", "Belgium", "BE"),
    ("belarus", "Belarus", "BY"),
    ("bosnia-and-herzegovina", "Bosnia and Herzegovina", "BA"),
    ("bulgaria", "Bulgaria", "BG"),
    ("canada", "Canada", "CA"),
    ("croatia", "Croatia", "HR"),
    ("cyprus", "Cyprus", "CY"),
    ("czechia", "Czechia", "CZ"),
    ("denmark", "Denmark", "DK"),
    ("estonia", "Estonia", "EE"),
    ("finland", "Finland", "FI"),
    ("france", "France", "FR"),
    ("georgia", "Georgia", "GE"),
    ("germany", "Germany", "DE"),
    ("greece", "Greece", "GR"),
    ("holy-see", "Holy See", "VA"),
    ("hungary", "Hungary", "HU"),
    ("iceland", "Iceland", "IS"),
    ("ireland", "Ireland", "IE"),
    ("italy", "Italy", "IT"),
    ("kazakhstan", "Kazakhstan", "KZ"),
    ("kyrgyzstan", "Kyrgyzstan", "KG"),
    ("latvia", "Latvia", "LV"),
    ("liechtenstein", "Liechtenstein", "LI"),
    ("lithuania", "Lithuania", "LT"),
    ("luxembourg", "Luxembourg", "LU"),
    ("malta", "Malta", "MT"),
    ("moldova", "Moldova", "MD"),
    ("monaco", "Monaco", "MC"),
    ("mongolia", "Mongolia", "MN"),
    ("montenegro", "Montenegro", "ME"),
    ("netherlands", "Netherlands", "NL"),
    ("north-macedonia", "North Macedonia", "MK"),
    ("norway", "Norway", "NO"),
    ("poland", "Poland", "PL"),
    ("portugal", "Portugal", "PT"),
    ("romania", "Romania", "RO"),
    ("russian-federation", "Russian Federation", "RU"),
    ("san-marino", "San Marino", "SM"),
    ("serbia", "Serbia", "RS"),
    ("slovakia", "Slovakia", "SK"),
    ("slovenia", "Slovenia", "SI"),
    ("spain", "Spain", "ES"),
    ("sweden", "Sweden", "SE"),
    ("switzerland", "Switzerland", "CH"),
    ("tajikistan", "Tajikistan", "TJ"),
    ("turkiye", "Türkiye", "TR"),
    ("turkmenistan", "Turkmenistan", "TM"),
    ("ukraine", "Ukraine", "UA"),
    ("united-kingdom", "United Kingdom", "GB"),
    ("united-states-of-america", "United States of America", "US"),
    ("uzbekistan", "Uzbekistan", "UZ"),
)

ASIAN_PARTNERS = (
    ("afghanistan", "Afghanistan", "AF"),
    ("australia", "Australia", "AU"),
    ("japan", "Japan", "JP"),
    ("republic-of-korea", "Republic of Korea", "KR"),
    ("thailand", "Thailand", "TH"),
)

MEDITERRANEAN_PARTNERS = (
    ("algeria", "Algeria", "DZ"),
    ("egypt", "Egypt", "EG"),
    ("israel", "Israel", "IL"),
    ("jordan", "Jordan", "JO"),
    ("morocco", "Morocco", "MA"),
    ("tunisia", "Tunisia", "TN"),
)

# (year, slug of the participating State holding the Chairpersonship that year)
CHAIRPERSONSHIPS = (
    (2019, "slovakia"),
    (2020, "albania"),
    (2021, "sweden"),
    (2022, "poland"),
    (2023, "north-macedonia"),
    (2024, "malta"),
    (2025, "finland"),
    (2026, "switzerland"),
)
