"""The organisation's structures and institutions, as one tree, in the order of its website.

Loaded by `manage.py load_taxonomy`. Each entry is keyed on its slug and names its parent by
slug; parents come before their children. Keys left out of an entry are blank. A structure
with a `closed_on` date is loaded as closed (inactive). `host_country` is a country slug from
taxonomy/reference.py. A website is given only where the organisation's own page is known.
"""

import datetime

from structures.models import Structure

Kind = Structure.Kind

STRUCTURES = (
    {
        "slug": "chairpersonship",
        "name": "Chairpersonship",
        "kind": Kind.CHAIRPERSONSHIP,
        "description": "The participating State holding the Chairpersonship for a year steers "
        "the organisation's work, through its Foreign Minister as Chairperson-in-Office.",
        "website": "https://www.osce.org/chairpersonship",
    },
    {
        "slug": "secretariat",
        "name": "Secretariat",
        "kind": Kind.SECRETARIAT,
        "city": "Vienna",
        "host_country": "austria",
        "description": "Led by the Secretary General, the Secretariat in Vienna supports the "
        "Chairpersonship, the participating States and the field operations.",
        "website": "https://www.osce.org/secretariat",
    },
    {
        "slug": "secretary-general",
        "name": "Secretary General",
        "kind": Kind.SECRETARIAT_UNIT,
        "parent": "secretariat",
        "description": "The Secretary General is the organisation's chief administrative "
        "officer, appointed by the Ministerial Council for a term of three years.",
    },
    {
        "slug": "office-of-the-secretary-general",
        "name": "Office of the Secretary General",
        "kind": Kind.SECRETARIAT_UNIT,
        "parent": "secretariat",
        "description": "The Office supports the Secretary General with legal services, press "
        "and public information, external co-operation and the running of the Secretariat.",
    },
    {
        "slug": "conflict-prevention-centre",
        "name": "Conflict Prevention Centre",
        "acronym": "CPC",
        "kind": Kind.SECRETARIAT_UNIT,
        "parent": "secretariat",
        "description": "The Centre supports early warning, conflict prevention, crisis "
        "management and post-conflict rehabilitation, and the work of the field operations.",
    },
    {
        "slug": "transnational-threats-department",
        "name": "Transnational Threats Department",
        "acronym": "TNTD",
        "kind": Kind.SECRETARIAT_UNIT,
        "parent": "secretariat",
        "description": "The Department co-ordinates the organisation's work against terrorism, "
        "cyber threats and organised crime, and on border security and policing.",
    },
    {
        "slug": "cthb",
        "name": "Office of the Special Representative and Co-ordinator for Combating "
        "Trafficking in Human Beings",
        "kind": Kind.SECRETARIAT_UNIT,
        "parent": "secretariat",
        "description": "The Office helps participating States develop and implement effective "
        "policies against trafficking in human beings.",
        "website": "https://www.osce.org/cthb",
    },
    {
        "slug": "oceea",
        "name": "Office of the Co-ordinator of OSCE Economic and Environmental Activities",
        "acronym": "OCEEA",
        "kind": Kind.SECRETARIAT_UNIT,
        "parent": "secretariat",
        "description": "The Office leads the organisation's work on economic and environmental "
        "matters that affect security.",
        "website": "https://www.osce.org/oceea",
    },
    {
        "slug": "gender-issues-programme",
        "name": "Gender Issues Programme",
        "kind": Kind.SECRETARIAT_UNIT,
        "parent": "secretariat",
        "description": "The Programme helps the organisation bring gender equality into its "
        "policies, projects and workplace.",
    },
    {
        "slug": "opportunities-for-youth",
        "name": "Opportunities for Youth",
        "kind": Kind.SECRETARIAT_UNIT,
        "parent": "secretariat",
        "description": "The Secretariat's programme for involving young people in the "
        "organisation's work on security.",
    },
    {
        "slug": "department-of-human-resources",
        "name": "Department of Human Resources",
        "kind": Kind.SECRETARIAT_UNIT,
        "parent": "secretariat",
        "description": "The Department recruits, trains and looks after the organisation's "
        "staff and mission members.",
    },
    {
        "slug": "department-of-management-and-finance",
        "name": "Department of Management and Finance",
        "kind": Kind.SECRETARIAT_UNIT,
        "parent": "secretariat",
        "description": "The Department runs the organisation's budget, finances, information "
        "technology and administrative services.",
    },
    {
        "slug": "office-of-internal-oversight",
        "name": "Office of Internal Oversight",
        "kind": Kind.SECRETARIAT_UNIT,
        "parent": "secretariat",
        "description": "The Office provides internal audit, evaluation and investigation "
        "across the organisation.",
    },
    {
        "slug": "documentation-centre-in-prague",
        "name": "Documentation Centre in Prague",
        "kind": Kind.SECRETARIAT_UNIT,
        "parent": "secretariat",
        "city": "Prague",
        "host_country": "czechia",
        "description": "The Centre keeps the organisation's archives and opens them to "
        "researchers.",
    },
    {
        "slug": "institutions",
        "name": "Institutions",
        "kind": Kind.GROUP,
        "description": "The organisation's three autonomous institutions.",
    },
    {
        "slug": "odihr",
        "name": "Office for Democratic Institutions and Human Rights",
        "acronym": "ODIHR",
        "kind": Kind.INSTITUTION,
        "parent": "institutions",
        "city": "Warsaw",
        "host_country": "poland",
        "description": "ODIHR observes elections and supports participating States on "
        "democracy, human rights, tolerance and non-discrimination, and the rule of law.",
        "website": "https://www.osce.org/odihr",
    },
    {
        "slug": "hcnm",
        "name": "High Commissioner on National Minorities",
        "acronym": "HCNM",
        "kind": Kind.INSTITUTION,
        "parent": "institutions",
        "city": "The Hague",
        "host_country": "netherlands",
        "description": "The High Commissioner gives early warning and takes early action on "
        "tensions involving national minorities.",
        "website": "https://www.osce.org/hcnm",
    },
    {
        "slug": "rfom",
        "name": "Representative on Freedom of the Media",
        "acronym": "RFoM",
        "kind": Kind.INSTITUTION,
        "parent": "institutions",
        "city": "Vienna",
        "host_country": "austria",
        "description": "The Representative observes media developments in the participating "
        "States and gives early warning on violations of freedom of expression.",
        "website": "https://www.osce.org/fom",
    },
    {
        "slug": "field-operations",
        "name": "Field operations",
        "kind": Kind.GROUP,
        "description": "The organisation's missions, offices and other presences working in "
        "host countries.",
    },
    {
        "slug": "presence-in-albania",
        "name": "Presence in Albania",
        "kind": Kind.FIELD_OPERATION,
        "parent": "field-operations",
        "city": "Tirana",
        "host_country": "albania",
        "description": "The Presence supports Albania in strengthening its institutions, the "
        "rule of law and good governance.",
        "website": "https://www.osce.org/presence-in-albania",
    },
    {
        "slug": "centre-in-ashgabat",
        "name": "Centre in Ashgabat",
        "kind": Kind.FIELD_OPERATION,
        "parent": "field-operations",
        "city": "Ashgabat",
        "host_country": "turkmenistan",
        "description": "The Centre works with Turkmenistan in all three dimensions of security.",
        "website": "https://www.osce.org/centre-in-ashgabat",
    },
    {
        "slug": "programme-office-in-astana",
        "name": "Programme Office in Astana",
        "kind": Kind.FIELD_OPERATION,
        "parent": "field-operations",
        "city": "Astana",
        "host_country": "kazakhstan",
        "description": "The Programme Office supports Kazakhstan in implementing its OSCE "
        "commitments in all three dimensions of security.",
        "website": "https://www.osce.org/programme-office-in-astana",
    },
    {
        "slug": "programme-office-in-bishkek",
        "name": "Programme Office in Bishkek",
        "kind": Kind.FIELD_OPERATION,
        "parent": "field-operations",
        "city": "Bishkek",
        "host_country": "kyrgyzstan",
        "description": "The Programme Office supports Kyrgyzstan in implementing its OSCE "
        "commitments in all three dimensions of security.",
        "website": "https://www.osce.org/programme-office-in-bishkek",
    },
    {
        "slug": "mission-to-bosnia-and-herzegovina",
        "name": "Mission to Bosnia and Herzegovina",
        "kind": Kind.FIELD_OPERATION,
        "parent": "field-operations",
        "city": "Sarajevo",
        "host_country": "bosnia-and-herzegovina",
        "description": "The Mission supports Bosnia and Herzegovina in building a stable, "
        "democratic society based on the rule of law and human rights.",
        "website": "https://www.osce.org/mission-to-bosnia-and-herzegovina",
    },
    {
        "slug": "programme-office-in-dushanbe",
        "name": "Programme Office in Dushanbe",
        "kind": Kind.FIELD_OPERATION,
        "parent": "field-operations",
        "city": "Dushanbe",
        "host_country": "tajikistan",
        "description": "The Programme Office supports Tajikistan in implementing its OSCE "
        "commitments in all three dimensions of security.",
        "website": "https://www.osce.org/programme-office-in-dushanbe",
    },
    {
        # Kosovo is not a participating State, so the Mission has a city but no host country.
        "slug": "mission-in-kosovo",
        "name": "Mission in Kosovo",
        "kind": Kind.FIELD_OPERATION,
        "parent": "field-operations",
        "city": "Pristina",
        "description": "The Mission works on the protection of human and community rights, "
        "democratization and public safety in Kosovo.",
        "website": "https://www.osce.org/mission-in-kosovo",
    },
    {
        "slug": "mission-to-moldova",
        "name": "Mission to Moldova",
        "kind": Kind.FIELD_OPERATION,
        "parent": "field-operations",
        "city": "Chisinau",
        "host_country": "moldova",
        "description": "The Mission works for a lasting political settlement of the "
        "Transdniestrian conflict and supports reforms in Moldova.",
        "website": "https://www.osce.org/mission-to-moldova",
    },
    {
        "slug": "mission-to-montenegro",
        "name": "Mission to Montenegro",
        "kind": Kind.FIELD_OPERATION,
        "parent": "field-operations",
        "city": "Podgorica",
        "host_country": "montenegro",
        "description": "The Mission supports Montenegro in strengthening its institutions, "
        "the rule of law and media freedom.",
        "website": "https://www.osce.org/mission-to-montenegro",
    },
    {
        "slug": "mission-to-serbia",
        "name": "Mission to Serbia",
        "kind": Kind.FIELD_OPERATION,
        "parent": "field-operations",
        "city": "Belgrade",
        "host_country": "serbia",
        "description": "The Mission supports Serbia in strengthening democratic institutions, "
        "the rule of law and human rights.",
        "website": "https://www.osce.org/mission-to-serbia",
    },
    {
        "slug": "mission-to-skopje",
        "name": "Mission to Skopje",
        "kind": Kind.FIELD_OPERATION,
        "parent": "field-operations",
        "city": "Skopje",
        "host_country": "north-macedonia",
        "description": "The Mission supports North Macedonia in conflict prevention, the rule "
        "of law and good relations between communities.",
        "website": "https://www.osce.org/mission-to-skopje",
    },
    {
        "slug": "project-co-ordinator-in-uzbekistan",
        "name": "Project Co-ordinator in Uzbekistan",
        "kind": Kind.FIELD_OPERATION,
        "parent": "field-operations",
        "city": "Tashkent",
        "host_country": "uzbekistan",
        "description": "The Project Co-ordinator carries out projects agreed with the "
        "Government of Uzbekistan in all three dimensions of security.",
        "website": "https://www.osce.org/project-coordinator-in-uzbekistan",
    },
    {
        "slug": "closed-field-activities",
        "name": "Closed field activities",
        "kind": Kind.GROUP,
        "parent": "field-operations",
        "description": "Field operations that have closed, kept for the record with their news.",
    },
    # Closing dates are those of the public record: the day the mandate ended or operations
    # ceased. Only closings whose date is certain are listed; add others once confirmed.
    {
        "slug": "mission-to-estonia",
        "name": "Mission to Estonia",
        "kind": Kind.FIELD_OPERATION,
        "parent": "closed-field-activities",
        "city": "Tallinn",
        "host_country": "estonia",
        "closed_on": datetime.date(2001, 12, 31),
        "description": "The Mission advised Estonia on citizenship and the integration of "
        "its Russian-speaking population until its mandate was judged fulfilled.",
    },
    {
        "slug": "mission-to-latvia",
        "name": "Mission to Latvia",
        "kind": Kind.FIELD_OPERATION,
        "parent": "closed-field-activities",
        "city": "Riga",
        "host_country": "latvia",
        "closed_on": datetime.date(2001, 12, 31),
        "description": "The Mission advised Latvia on citizenship and the integration of its "
        "Russian-speaking population until its mandate was judged fulfilled.",
    },
    {
        "slug": "mission-to-croatia",
        "name": "Mission to Croatia",
        "kind": Kind.FIELD_OPERATION,
        "parent": "closed-field-activities",
        "city": "Zagreb",
        "host_country": "croatia",
        "closed_on": datetime.date(2007, 12, 31),
        "description": "The Mission supported Croatia after the war on refugee return, "
        "minority rights and the rule of law; an Office in Zagreb took over its last tasks.",
    },
    {
        "slug": "mission-to-georgia",
        "name": "Mission to Georgia",
        "kind": Kind.FIELD_OPERATION,
        "parent": "closed-field-activities",
        "city": "Tbilisi",
        "host_country": "georgia",
        "closed_on": datetime.date(2009, 6, 30),
        "description": "The Mission worked on the settlement of the Georgian-Ossetian "
        "conflict and on democratic reform until participating States could not agree to "
        "extend its mandate.",
    },
    {
        "slug": "office-in-minsk",
        "name": "Office in Minsk",
        "kind": Kind.FIELD_OPERATION,
        "parent": "closed-field-activities",
        "city": "Minsk",
        "host_country": "belarus",
        "closed_on": datetime.date(2011, 3, 31),
        "description": "The Office assisted Belarus on institution building, the rule of law "
        "and civil society until its mandate was not extended.",
    },
    {
        "slug": "project-co-ordinator-in-baku",
        "name": "Project Co-ordinator in Baku",
        "kind": Kind.FIELD_OPERATION,
        "parent": "closed-field-activities",
        "city": "Baku",
        "host_country": "azerbaijan",
        "closed_on": datetime.date(2015, 7, 4),
        "description": "The Project Co-ordinator, successor to the Office in Baku, carried out "
        "projects with Azerbaijan until the host government ended the memorandum of "
        "understanding.",
    },
    {
        "slug": "office-in-yerevan",
        "name": "Office in Yerevan",
        "kind": Kind.FIELD_OPERATION,
        "parent": "closed-field-activities",
        "city": "Yerevan",
        "host_country": "armenia",
        "closed_on": datetime.date(2017, 8, 31),
        "description": "The Office worked with Armenia in all three dimensions of security "
        "until participating States could not agree to extend its mandate.",
    },
    {
        "slug": "observer-mission-at-russian-checkpoints-gukovo-and-donetsk",
        "name": "Observer Mission at the Russian Checkpoints Gukovo and Donetsk",
        "kind": Kind.FIELD_OPERATION,
        "parent": "closed-field-activities",
        "city": "Kamensk-Shakhtinsky",
        "host_country": "russian-federation",
        "closed_on": datetime.date(2021, 9, 30),
        "description": "The Observer Mission reported on movements across the Russian-"
        "Ukrainian border at two Russian checkpoints until its mandate was not extended.",
        "website": "https://www.osce.org/observer-mission-at-russian-checkpoints-gukovo-and-donetsk",
    },
    {
        "slug": "special-monitoring-mission-to-ukraine",
        "name": "Special Monitoring Mission to Ukraine",
        "acronym": "SMM",
        "kind": Kind.FIELD_OPERATION,
        "parent": "closed-field-activities",
        "city": "Kyiv",
        "host_country": "ukraine",
        "closed_on": datetime.date(2022, 3, 31),
        "description": "The unarmed civilian Mission reported impartially on the security "
        "situation in Ukraine until its mandate was not extended.",
    },
    {
        "slug": "project-co-ordinator-in-ukraine",
        "name": "Project Co-ordinator in Ukraine",
        "kind": Kind.FIELD_OPERATION,
        "parent": "closed-field-activities",
        "city": "Kyiv",
        "host_country": "ukraine",
        "closed_on": datetime.date(2022, 6, 30),
        "description": "The Project Co-ordinator supported reforms in Ukraine for 23 years "
        "until its mandate was not extended.",
    },
    {
        "slug": "parliamentary-assembly",
        "name": "Parliamentary Assembly",
        "kind": Kind.PARLIAMENTARY_ASSEMBLY,
        "city": "Copenhagen",
        "host_country": "denmark",
        "description": "The Assembly brings together members of the parliaments of the "
        "participating States; its International Secretariat is in Copenhagen.",
    },
    {
        "slug": "court-of-conciliation-and-arbitration",
        "name": "Court of Conciliation and Arbitration",
        "kind": Kind.COURT,
        "city": "Geneva",
        "host_country": "switzerland",
        "description": "The Court settles, by conciliation or arbitration, disputes submitted "
        "to it by States party to the 1992 Convention on Conciliation and Arbitration.",
        "website": "https://www.osce.org/cca",
    },
)

# Names and acronyms in the interface's other languages, keyed on the slug, as the
# organisation writes them on its Russian, French and German pages: (ru, fr, de). English
# stays in STRUCTURES; an acronym left blank shows the English one.
NAMES = {
    "chairpersonship": ("Председательство", "Présidence", "Vorsitz"),
    "secretariat": ("Секретариат", "Secrétariat", "Sekretariat"),
    "secretary-general": ("Генеральный секретарь", "Secrétaire général", "Generalsekretär"),
    "office-of-the-secretary-general": (
        "Канцелярия Генерального секретаря",
        "Bureau du Secrétaire général",
        "Büro des Generalsekretärs",
    ),
    "conflict-prevention-centre": (
        "Центр по предотвращению конфликтов",
        "Centre de prévention des conflits",
        "Konfliktverhütungszentrum",
    ),
    "transnational-threats-department": (
        "Департамент по транснациональным угрозам",
        "Département des menaces transnationales",
        "Abteilung Grenzüberschreitende Bedrohungen",
    ),
    "cthb": (
        "Бюро Специального представителя и координатора по борьбе с торговлей людьми",
        "Bureau du Représentant spécial et Coordonnateur pour la lutte contre la traite des "
        "êtres humains",
        "Büro des Sonderbeauftragten und Koordinators für die Bekämpfung des Menschenhandels",
    ),
    "oceea": (
        "Бюро Координатора экономической и экологической деятельности ОБСЕ",
        "Bureau du Coordonnateur des activités économiques et environnementales de l’OSCE",
        "Büro des Koordinators für Wirtschafts- und Umweltaktivitäten der OSZE",
    ),
    "gender-issues-programme": (
        "Программа по гендерным вопросам",
        "Programme pour l’égalité entre les sexes",
        "Programm für Gleichstellungsfragen",
    ),
    "opportunities-for-youth": (
        "Возможности для молодежи",
        "Opportunités pour les jeunes",
        "Chancen für die Jugend",
    ),
    "department-of-human-resources": (
        "Департамент людских ресурсов",
        "Département des ressources humaines",
        "Abteilung Humanressourcen",
    ),
    "department-of-management-and-finance": (
        "Департамент по вопросам управления и финансов",
        "Département de la gestion et des finances",
        "Abteilung Management und Finanzen",
    ),
    "office-of-internal-oversight": (
        "Бюро внутреннего надзора",
        "Bureau du contrôle interne",
        "Büro für interne Aufsicht",
    ),
    "documentation-centre-in-prague": (
        "Центр документации в Праге",
        "Centre de documentation de Prague",
        "Dokumentationszentrum in Prag",
    ),
    "institutions": ("Институты", "Institutions", "Institutionen"),
    "odihr": (
        "Бюро ОБСЕ по демократическим институтам и правам человека",
        "Bureau des institutions démocratiques et des droits de l’homme",
        "Büro für demokratische Institutionen und Menschenrechte",
    ),
    "hcnm": (
        "Верховный комиссар по делам национальных меньшинств",
        "Haut-Commissaire pour les minorités nationales",
        "Hoher Kommissar für nationale Minderheiten",
    ),
    "rfom": (
        "Представитель по вопросам свободы СМИ",
        "Représentant pour la liberté des médias",
        "Beauftragter für Medienfreiheit",
    ),
    "field-operations": ("Полевые операции", "Opérations de terrain", "Feldoperationen"),
    "presence-in-albania": ("Присутствие в Албании", "Présence en Albanie", "Präsenz in Albanien"),
    "centre-in-ashgabat": ("Центр в Ашхабаде", "Centre d’Achgabat", "Zentrum in Aschgabat"),
    "programme-office-in-astana": (
        "Офис программ в Астане",
        "Bureau de programme d’Astana",
        "Programmbüro in Astana",
    ),
    "programme-office-in-bishkek": (
        "Офис программ в Бишкеке",
        "Bureau de programme de Bichkek",
        "Programmbüro in Bischkek",
    ),
    "mission-to-bosnia-and-herzegovina": (
        "Миссия в Боснии и Герцеговине",
        "Mission en Bosnie-Herzégovine",
        "Mission in Bosnien und Herzegowina",
    ),
    "programme-office-in-dushanbe": (
        "Офис программ в Душанбе",
        "Bureau de programme de Douchanbé",
        "Programmbüro in Duschanbe",
    ),
    "mission-in-kosovo": ("Миссия в Косово", "Mission au Kosovo", "Mission im Kosovo"),
    "mission-to-moldova": ("Миссия в Молдове", "Mission en Moldavie", "Mission in Moldau"),
    "mission-to-montenegro": (
        "Миссия в Черногории",
        "Mission au Monténégro",
        "Mission in Montenegro",
    ),
    "mission-to-serbia": ("Миссия в Сербии", "Mission en Serbie", "Mission in Serbien"),
    "mission-to-skopje": ("Миссия в Скопье", "Mission à Skopje", "Mission in Skopje"),
    "project-co-ordinator-in-uzbekistan": (
        "Координатор проектов в Узбекистане",
        "Coordonnateur de projets en Ouzbékistan",
        "Projektkoordinator in Usbekistan",
    ),
    "closed-field-activities": (
        "Завершенная деятельность на местах",
        "Activités de terrain achevées",
        "Abgeschlossene Feldaktivitäten",
    ),
    "mission-to-estonia": ("Миссия в Эстонии", "Mission en Estonie", "Mission in Estland"),
    "mission-to-latvia": ("Миссия в Латвии", "Mission en Lettonie", "Mission in Lettland"),
    "mission-to-croatia": ("Миссия в Хорватии", "Mission en Croatie", "Mission in Kroatien"),
    "mission-to-georgia": ("Миссия в Грузии", "Mission en Géorgie", "Mission in Georgien"),
    "office-in-minsk": ("Офис в Минске", "Bureau de Minsk", "Büro in Minsk"),
    "project-co-ordinator-in-baku": (
        "Координатор проектов в Баку",
        "Coordonnateur de projets à Bakou",
        "Projektkoordinator in Baku",
    ),
    "office-in-yerevan": ("Офис в Ереване", "Bureau d’Erevan", "Büro in Eriwan"),
    "observer-mission-at-russian-checkpoints-gukovo-and-donetsk": (
        "Миссия наблюдателей на российских пунктах пропуска «Гуково» и «Донецк»",
        "Mission d’observation aux postes de contrôle russes de Goukovo et Donetsk",
        "Beobachtermission an den russischen Grenzkontrollposten Gukowo und Donezk",
    ),
    "special-monitoring-mission-to-ukraine": (
        "Специальная мониторинговая миссия в Украине",
        "Mission spéciale d’observation en Ukraine",
        "Sonderbeobachtermission in der Ukraine",
    ),
    "project-co-ordinator-in-ukraine": (
        "Координатор проектов в Украине",
        "Coordonnateur de projets en Ukraine",
        "Projektkoordinator in der Ukraine",
    ),
    "parliamentary-assembly": (
        "Парламентская ассамблея",
        "Assemblée parlementaire",
        "Parlamentarische Versammlung",
    ),
    "court-of-conciliation-and-arbitration": (
        "Суд по примирению и арбитражу",
        "Cour de conciliation et d’arbitrage",
        "Vergleichs- und Schiedsgerichtshof",
    ),
}

# Only the acronyms the organisation uses in that language; the others show the English one.
ACRONYMS = {
    "conflict-prevention-centre": ("ЦПК", "CPC", "KVZ"),
    "transnational-threats-department": ("ДТУ", "", ""),
    "oceea": ("БКЭЭД", "", ""),
    "odihr": ("БДИПЧ", "BIDDH", "BDIMR"),
    "hcnm": ("ВКНМ", "HCMN", "HKNM"),
    "rfom": ("ПСМИ", "RLM", ""),
    "special-monitoring-mission-to-ukraine": ("СММ", "", ""),
}
