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

# The names in the interface's other languages (settings.LANGUAGES), keyed on the slug, as the
# organisation writes them on its Russian, French and German pages; countries as the United
# Nations name them. English stays in the tuples above. (ru, fr, de)
FIELD_NAMES = {
    "arms-control": ("Контроль над вооружениями", "Maîtrise des armements", "Rüstungskontrolle"),
    "border-management": ("Управление границами", "Gestion des frontières", "Grenzmanagement"),
    "combating-trafficking-in-human-beings": (
        "Борьба с торговлей людьми",
        "Lutte contre la traite des êtres humains",
        "Bekämpfung des Menschenhandels",
    ),
    "conflict-prevention-and-resolution": (
        "Предотвращение и урегулирование конфликтов",
        "Prévention et règlement des conflits",
        "Konfliktverhütung und -beilegung",
    ),
    "countering-terrorism": (
        "Борьба с терроризмом",
        "Lutte contre le terrorisme",
        "Terrorismusbekämpfung",
    ),
    "cyber-ict-security": (
        "Кибербезопасность/безопасность ИКТ",
        "Cybersécurité/sécurité des TIC",
        "Cyber-/IKT-Sicherheit",
    ),
    "democratization": ("Демократизация", "Démocratisation", "Demokratisierung"),
    "economic-activities": (
        "Экономическая деятельность",
        "Activités économiques",
        "Wirtschaftliche Aktivitäten",
    ),
    "education": ("Образование", "Éducation", "Bildung"),
    "elections": ("Выборы", "Élections", "Wahlen"),
    "environmental-activities": (
        "Экологическая деятельность",
        "Activités environnementales",
        "Umweltaktivitäten",
    ),
    "gender-equality": (
        "Гендерное равенство",
        "Égalité entre les sexes",
        "Gleichstellung der Geschlechter",
    ),
    "good-governance": ("Благое управление", "Bonne gouvernance", "Gute Regierungsführung"),
    "human-rights": ("Права человека", "Droits de l’homme", "Menschenrechte"),
    "media-freedom-and-development": (
        "Свобода и развитие СМИ",
        "Liberté et développement des médias",
        "Medienfreiheit und -entwicklung",
    ),
    "migration": ("Миграция", "Migrations", "Migration"),
    "national-minority-issues": (
        "Вопросы национальных меньшинств",
        "Questions relatives aux minorités nationales",
        "Fragen nationaler Minderheiten",
    ),
    "policing": ("Деятельность полиции", "Activités de police", "Polizeiarbeit"),
    "reform-and-co-operation-in-the-security-sector": (
        "Реформа и сотрудничество в секторе безопасности",
        "Réforme et coopération dans le secteur de la sécurité",
        "Reform und Zusammenarbeit im Sicherheitssektor",
    ),
    "roma-and-sinti": ("Рома и синти", "Roms et Sintis", "Roma und Sinti"),
    "rule-of-law": ("Верховенство права", "État de droit", "Rechtsstaatlichkeit"),
    "tolerance-and-non-discrimination": (
        "Толерантность и недискриминация",
        "Tolérance et non-discrimination",
        "Toleranz und Nichtdiskriminierung",
    ),
    "youth": ("Молодежь", "Jeunesse", "Jugend"),
}

MEETING_SERIES_NAMES = {
    "summit-meetings": ("Встречи на высшем уровне", "Sommets", "Gipfeltreffen"),
    "review-conferences": (
        "Обзорные конференции",
        "Conférences d’examen",
        "Überprüfungskonferenzen",
    ),
    "ministerial-council-meetings": (
        "Заседания Совета министров",
        "Réunions du Conseil ministériel",
        "Treffen des Ministerrats",
    ),
    "plenary-meetings-of-the-permanent-council": (
        "Пленарные заседания Постоянного совета",
        "Séances plénières du Conseil permanent",
        "Plenarsitzungen des Ständigen Rates",
    ),
    "plenary-meetings-of-the-forum-for-security-co-operation": (
        "Пленарные заседания Форума по сотрудничеству в области безопасности",
        "Séances plénières du Forum pour la coopération en matière de sécurité",
        "Plenarsitzungen des Forums für Sicherheitskooperation",
    ),
    "security-review-conferences": (
        "Конференции по обзору проблем в области безопасности",
        "Conférences d’examen des questions de sécurité",
        "Sicherheitsüberprüfungskonferenzen",
    ),
    "annual-implementation-assessment-meetings": (
        "Ежегодные совещания по оценке выполнения",
        "Réunions annuelles d’évaluation de l’application",
        "Jährliche Treffen zur Beurteilung der Durchführung",
    ),
    "economic-and-environmental-forum": (
        "Экономический и экологический форум",
        "Forum économique et environnemental",
        "Wirtschafts- und Umweltforum",
    ),
    "economic-and-environmental-dimension-implementation-meetings": (
        "Совещания по рассмотрению выполнения обязательств в экономической и экологической сфере",
        "Réunions sur la mise en œuvre des engagements de la dimension économique et "
        "environnementale",
        "Treffen zur Umsetzung der Verpflichtungen in der Wirtschafts- und Umweltdimension",
    ),
    "human-rights-meetings": (
        "Совещания по правам человека",
        "Réunions sur les droits de l’homme",
        "Menschenrechtstreffen",
    ),
    "media-conferences": ("Конференции по СМИ", "Conférences sur les médias", "Medienkonferenzen"),
    "cyber-ict-security-conferences": (
        "Конференции по кибербезопасности/безопасности ИКТ",
        "Conférences sur la cybersécurité/sécurité des TIC",
        "Konferenzen zur Cyber-/IKT-Sicherheit",
    ),
    "conference-of-the-alliance-against-trafficking-in-persons": (
        "Конференция Альянса против торговли людьми",
        "Conférence de l’Alliance contre la traite des personnes",
        "Konferenz der Allianz gegen Menschenhandel",
    ),
    "gender-equality-review-conferences": (
        "Конференции по обзору гендерного равенства",
        "Conférences d’examen sur l’égalité entre les sexes",
        "Überprüfungskonferenzen zur Gleichstellung der Geschlechter",
    ),
    "annual-osce-mediterranean-conferences": (
        "Ежегодные средиземноморские конференции ОБСЕ",
        "Conférences méditerranéennes annuelles de l’OSCE",
        "Jährliche Mittelmeerkonferenzen der OSZE",
    ),
    "annual-osce-asian-conferences": (
        "Ежегодные азиатские конференции ОБСЕ",
        "Conférences asiatiques annuelles de l’OSCE",
        "Jährliche Asienkonferenzen der OSZE",
    ),
}

COUNTRY_NAMES = {
    "albania": ("Албания", "Albanie", "Albanien"),
    "andorra": ("Андорра", "Andorre", "Andorra"),
    "armenia": ("Армения", "Arménie", "Armenien"),
    "austria": ("Австрия", "Autriche", "Österreich"),
    "azerbaijan": ("Азербайджан", "Azerbaïdjan", "Aserbaidschan"),
    "belgium": ("Бельгия", "Belgique", "Belgien"),
    "belarus": ("Беларусь", "Bélarus", "Belarus"),
    "bosnia-and-herzegovina": (
        "Босния и Герцеговина",
        "Bosnie-Herzégovine",
        "Bosnien und Herzegowina",
    ),
    "bulgaria": ("Болгария", "Bulgarie", "Bulgarien"),
    "canada": ("Канада", "Canada", "Kanada"),
    "croatia": ("Хорватия", "Croatie", "Kroatien"),
    "cyprus": ("Кипр", "Chypre", "Zypern"),
    "czechia": ("Чехия", "Tchéquie", "Tschechien"),
    "denmark": ("Дания", "Danemark", "Dänemark"),
    "estonia": ("Эстония", "Estonie", "Estland"),
    "finland": ("Финляндия", "Finlande", "Finnland"),
    "france": ("Франция", "France", "Frankreich"),
    "georgia": ("Грузия", "Géorgie", "Georgien"),
    "germany": ("Германия", "Allemagne", "Deutschland"),
    "greece": ("Греция", "Grèce", "Griechenland"),
    "holy-see": ("Святой Престол", "Saint-Siège", "Heiliger Stuhl"),
    "hungary": ("Венгрия", "Hongrie", "Ungarn"),
    "iceland": ("Исландия", "Islande", "Island"),
    "ireland": ("Ирландия", "Irlande", "Irland"),
    "italy": ("Италия", "Italie", "Italien"),
    "kazakhstan": ("Казахстан", "Kazakhstan", "Kasachstan"),
    "kyrgyzstan": ("Кыргызстан", "Kirghizistan", "Kirgisistan"),
    "latvia": ("Латвия", "Lettonie", "Lettland"),
    "liechtenstein": ("Лихтенштейн", "Liechtenstein", "Liechtenstein"),
    "lithuania": ("Литва", "Lituanie", "Litauen"),
    "luxembourg": ("Люксембург", "Luxembourg", "Luxemburg"),
    "malta": ("Мальта", "Malte", "Malta"),
    "moldova": ("Молдова", "Moldavie", "Moldau"),
    "monaco": ("Монако", "Monaco", "Monaco"),
    "mongolia": ("Монголия", "Mongolie", "Mongolei"),
    "montenegro": ("Черногория", "Monténégro", "Montenegro"),
    "netherlands": ("Нидерланды", "Pays-Bas", "Niederlande"),
    "north-macedonia": ("Северная Македония", "Macédoine du Nord", "Nordmazedonien"),
    "norway": ("Норвегия", "Norvège", "Norwegen"),
    "poland": ("Польша", "Pologne", "Polen"),
    "portugal": ("Португалия", "Portugal", "Portugal"),
    "romania": ("Румыния", "Roumanie", "Rumänien"),
    "russian-federation": ("Российская Федерация", "Fédération de Russie", "Russische Föderation"),
    "san-marino": ("Сан-Марино", "Saint-Marin", "San Marino"),
    "serbia": ("Сербия", "Serbie", "Serbien"),
    "slovakia": ("Словакия", "Slovaquie", "Slowakei"),
    "slovenia": ("Словения", "Slovénie", "Slowenien"),
    "spain": ("Испания", "Espagne", "Spanien"),
    "sweden": ("Швеция", "Suède", "Schweden"),
    "switzerland": ("Швейцария", "Suisse", "Schweiz"),
    "tajikistan": ("Таджикистан", "Tadjikistan", "Tadschikistan"),
    "turkiye": ("Турция", "Türkiye", "Türkei"),
    "turkmenistan": ("Туркменистан", "Turkménistan", "Turkmenistan"),
    "ukraine": ("Украина", "Ukraine", "Ukraine"),
    "united-kingdom": ("Соединенное Королевство", "Royaume-Uni", "Vereinigtes Königreich"),
    "united-states-of-america": (
        "Соединенные Штаты Америки",
        "États-Unis d’Amérique",
        "Vereinigte Staaten von Amerika",
    ),
    "uzbekistan": ("Узбекистан", "Ouzbékistan", "Usbekistan"),
    "afghanistan": ("Афганистан", "Afghanistan", "Afghanistan"),
    "australia": ("Австралия", "Australie", "Australien"),
    "japan": ("Япония", "Japon", "Japan"),
    "republic-of-korea": ("Республика Корея", "République de Corée", "Republik Korea"),
    "thailand": ("Таиланд", "Thaïlande", "Thailand"),
    "algeria": ("Алжир", "Algérie", "Algerien"),
    "egypt": ("Египет", "Égypte", "Ägypten"),
    "israel": ("Израиль", "Israël", "Israel"),
    "jordan": ("Иордания", "Jordanie", "Jordanien"),
    "morocco": ("Марокко", "Maroc", "Marokko"),
    "tunisia": ("Тунис", "Tunisie", "Tunesien"),
}

# The languages of the tuples of names above, in their order.
NAME_LANGUAGES = ("ru", "fr", "de")


def names(translations, slug):
    """{language: name} of the term `slug` in `translations` (FIELD_NAMES...), or {}."""
    return dict(zip(NAME_LANGUAGES, translations.get(slug, ()), strict=False))
