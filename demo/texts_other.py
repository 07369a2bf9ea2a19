"""What generated items say in the languages of the field operations' host countries, and in
French and German.

A field operation writes some of its news in its host country's language (odds.py
LOCAL_WRITERS), on a few fields of work and in a few kinds of story: each language has a
handful of titles, ledes and body sentences, and each of those fields a subject in the form the
sentences need. The Chairpersonship's and the Secretary General's statements and visits are
sometimes translated into French or German, on the fields they speak on most.
"""

# Fields of work a field operation writes about in its own language, with the subject its
# English text names (so that an English translation says the same).
LOCAL_FIELDS = {
    "rule-of-law": "the rule of law",
    "media-freedom-and-development": "the safety of journalists",
    "gender-equality": "gender equality",
    "policing": "community policing",
    "good-governance": "fighting corruption",
}
# The stories a field operation tells in its own language (demo/texts.py's types); a report
# or a handbook is told as a report.
LOCAL_STORIES = {"event": "event", "training": "training", "meeting": "meeting", "report": "report"}


# Per language: "issuers": structure -> (name, "in its city", its city in a dateline);
# "topics": field -> subject; "months"; "date": how a date is written ({day}, {month}, {year}),
# "on": the words before it in a sentence; "stories": type -> (title, lede); "body": sentences.
# Placeholders: {Issuer}, {in_city}, {topic}, {on_date}.
LOCAL = {
    "sq": dict(
        issuers={
            "presence-in-albania": ("Prezenca e OSBE-së në Shqipëri", "në Tiranë", "TIRANË"),
            "mission-in-kosovo": ("Misioni i OSBE-së në Kosovë", "në Prishtinë", "PRISHTINË"),
        },
        topics={
            "rule-of-law": "sundimin e ligjit",
            "media-freedom-and-development": "sigurinë e gazetarëve",
            "gender-equality": "barazinë gjinore",
            "policing": "policimin në bashkësi",
            "good-governance": "luftën kundër korrupsionit",
        },
        months=(
            "janar",
            "shkurt",
            "mars",
            "prill",
            "maj",
            "qershor",
            "korrik",
            "gusht",
            "shtator",
            "tetor",
            "nëntor",
            "dhjetor",
        ),
        on=" më ",
        date="{day} {month} {year}",
        stories={
            "event": (
                "{Issuer} organizon punëtori për {topic} {in_city}",
                "{Issuer} organizoi{on_date} {in_city} një punëtori për {topic} për "
                "përfaqësues të institucioneve shtetërore dhe të shoqërisë civile.",
            ),
            "training": (
                "Përfundon trajnimi për {topic} i mbështetur nga OSBE-ja",
                "Trajnimi për {topic}, i organizuar nga {Issuer}, përfundoi{on_date} {in_city}.",
            ),
            "meeting": (
                "{Issuer} diskuton me autoritetet për {topic}",
                "Përfaqësues të OSBE-së u takuan{on_date} me zyrtarë për të diskutuar "
                "bashkëpunimin për {topic}.",
            ),
            "report": (
                "{Issuer} prezanton raportin për {topic}",
                "{Issuer} prezantoi{on_date} {in_city} një raport për {topic}, me rekomandime "
                "për institucionet përgjegjëse.",
            ),
        },
        body=(
            "Pjesëmarrësit diskutuan për praktikat e mira në rajonin e OSBE-së dhe për "
            "standardet ndërkombëtare.",
            "Aktiviteti është pjesë e një projekti më të gjerë të OSBE-së për {topic}.",
            "Institucionet pjesëmarrëse ranë dakord të vazhdojnë bashkëpunimin e ngushtë në "
            "muajt në vijim.",
            "OSBE-ja do të vazhdojë ta mbështesë punën për {topic}.",
        ),
    ),
    "sr": dict(
        issuers={"mission-to-serbia": ("Мисија ОЕБС у Србији", "у Београду", "БЕОГРАД")},
        topics={
            "rule-of-law": "владавини права",
            "media-freedom-and-development": "безбедности новинара",
            "gender-equality": "родној равноправности",
            "policing": "раду полиције у заједници",
            "good-governance": "борби против корупције",
        },
        months=(
            "јануара",
            "фебруара",
            "марта",
            "априла",
            "маја",
            "јуна",
            "јула",
            "августа",
            "септембра",
            "октобра",
            "новембра",
            "децембра",
        ),
        on=" ",
        date="{day}. {month} {year}.",
        stories={
            "event": (
                "{Issuer} организовала радионицу о {topic}",
                "{Issuer} организовала је{on_date} {in_city} радионицу о {topic} за "
                "представнике државних институција и цивилног друштва.",
            ),
            "training": (
                "Завршена обука о {topic} уз подршку ОЕБС",
                "Обука о {topic}, коју је организовала {Issuer}, завршена је{on_date} {in_city}.",
            ),
            "meeting": (
                "{Issuer} разговарала са властима о {topic}",
                "Представници Мисије ОЕБС састали су се{on_date} са званичницима {in_city} "
                "како би разговарали о {topic}.",
            ),
            "report": (
                "{Issuer} представила извештај о {topic}",
                "{Issuer} представила је{on_date} {in_city} извештај о {topic}, са препорукама "
                "за надлежне институције.",
            ),
        },
        body=(
            "Учесници су разговарали о добрим праксама из региона ОЕБС и о међународним "
            "стандардима.",
            "Активност је део ширег пројекта ОЕБС о {topic}.",
            "Институције су се сложиле да наставе блиску сарадњу у наредним месецима.",
            "ОЕБС ће наставити да подржава рад на овој теми.",
        ),
    ),
    "bs": dict(
        issuers={
            "mission-to-bosnia-and-herzegovina": (
                "Misija OSCE-a u Bosni i Hercegovini",
                "u Sarajevu",
                "SARAJEVO",
            )
        },
        topics={
            "rule-of-law": "vladavini prava",
            "media-freedom-and-development": "sigurnosti novinara",
            "gender-equality": "ravnopravnosti spolova",
            "policing": "radu policije u zajednici",
            "good-governance": "borbi protiv korupcije",
        },
        months=(
            "januara",
            "februara",
            "marta",
            "aprila",
            "maja",
            "juna",
            "jula",
            "augusta",
            "septembra",
            "oktobra",
            "novembra",
            "decembra",
        ),
        on=" ",
        date="{day}. {month} {year}.",
        stories={
            "event": (
                "{Issuer} organizovala radionicu o {topic}",
                "{Issuer} organizovala je{on_date} {in_city} radionicu o {topic} za "
                "predstavnike državnih institucija i civilnog društva.",
            ),
            "training": (
                "Završena obuka o {topic} uz podršku OSCE-a",
                "Obuka o {topic}, koju je organizovala {Issuer}, završena je{on_date} {in_city}.",
            ),
            "meeting": (
                "{Issuer} razgovarala s vlastima o {topic}",
                "Predstavnici Misije OSCE-a sastali su se{on_date} sa zvaničnicima {in_city} "
                "kako bi razgovarali o {topic}.",
            ),
            "report": (
                "{Issuer} predstavila izvještaj o {topic}",
                "{Issuer} predstavila je{on_date} {in_city} izvještaj o {topic}, s preporukama "
                "za nadležne institucije.",
            ),
        },
        body=(
            "Učesnici su razgovarali o dobrim praksama iz regiona OSCE-a i o međunarodnim "
            "standardima.",
            "Aktivnost je dio šireg projekta OSCE-a o {topic}.",
            "Institucije su se složile da nastave blisku saradnju u narednim mjesecima.",
            "OSCE će nastaviti podržavati rad na ovoj temi.",
        ),
    ),
    "mk": dict(
        issuers={"mission-to-skopje": ("Мисијата на ОБСЕ во Скопје", "во Скопје", "СКОПЈЕ")},
        topics={
            "rule-of-law": "владеењето на правото",
            "media-freedom-and-development": "безбедноста на новинарите",
            "gender-equality": "родовата еднаквост",
            "policing": "полициското работење во заедницата",
            "good-governance": "борбата против корупцијата",
        },
        months=(
            "јануари",
            "февруари",
            "март",
            "април",
            "мај",
            "јуни",
            "јули",
            "август",
            "септември",
            "октомври",
            "ноември",
            "декември",
        ),
        on=" на ",
        date="{day} {month} {year} година",
        stories={
            "event": (
                "{Issuer} организираше работилница за {topic}",
                "{Issuer}{on_date} организираше {in_city} работилница за {topic} за "
                "претставници на државните институции и граѓанското општество.",
            ),
            "training": (
                "Заврши обуката за {topic} поддржана од ОБСЕ",
                "Обуката за {topic}, организирана од {Issuer}, заврши{on_date} {in_city}.",
            ),
            "meeting": (
                "{Issuer} разговараше со властите за {topic}",
                "Претставници на ОБСЕ{on_date} се сретнаа со претставници на властите за да "
                "разговараат за {topic}.",
            ),
            "report": (
                "{Issuer} го претстави извештајот за {topic}",
                "{Issuer}{on_date} претстави {in_city} извештај за {topic}, со препораки за "
                "надлежните институции.",
            ),
        },
        body=(
            "Учесниците разговараа за добрите практики од регионот на ОБСЕ и за меѓународните "
            "стандарди.",
            "Активноста е дел од поширок проект на ОБСЕ за {topic}.",
            "Институциите се договорија да продолжат со блиската соработка во наредните месеци.",
            "ОБСЕ ќе продолжи да ја поддржува работата во оваа област.",
        ),
    ),
    "uk": dict(
        issuers={
            "project-co-ordinator-in-ukraine": (
                "Координатор проєктів ОБСЄ в Україні",
                "у Києві",
                "КИЇВ",
            )
        },
        topics={
            "rule-of-law": "верховенства права",
            "media-freedom-and-development": "безпеки журналістів",
            "gender-equality": "гендерної рівності",
            "policing": "поліцейської діяльності в громадах",
            "good-governance": "протидії корупції",
        },
        months=(
            "січня",
            "лютого",
            "березня",
            "квітня",
            "травня",
            "червня",
            "липня",
            "серпня",
            "вересня",
            "жовтня",
            "листопада",
            "грудня",
        ),
        on=" ",
        date="{day} {month} {year} року",
        stories={
            "event": (
                "{Issuer} провів семінар з питань {topic}",
                "{Issuer}{on_date} провів {in_city} семінар з питань {topic} для представників "
                "державних установ і громадянського суспільства.",
            ),
            "training": (
                "Завершено навчання з питань {topic} за підтримки ОБСЄ",
                "Навчання з питань {topic}, організоване за підтримки ОБСЄ, завершилося{on_date} "
                "{in_city}.",
            ),
            "meeting": (
                "{Issuer} обговорив з владою питання {topic}",
                "Представники ОБСЄ{on_date} зустрілися з посадовцями, щоб обговорити співпрацю з "
                "питань {topic}.",
            ),
            "report": (
                "{Issuer} представив звіт з питань {topic}",
                "{Issuer}{on_date} представив {in_city} звіт з питань {topic} з рекомендаціями "
                "для відповідних установ.",
            ),
        },
        body=(
            "Учасники обговорили передовий досвід держав регіону ОБСЄ та міжнародні стандарти.",
            "Захід є частиною ширшого проєкту ОБСЄ з питань {topic}.",
            "Установи домовилися продовжувати тісну співпрацю в найближчі місяці.",
            "ОБСЄ і надалі підтримуватиме роботу в цій сфері.",
        ),
    ),
    "ro": dict(
        issuers={"mission-to-moldova": ("Misiunea OSCE în Moldova", "la Chișinău", "CHIȘINĂU")},
        topics={
            "rule-of-law": "statul de drept",
            "media-freedom-and-development": "siguranța jurnaliștilor",
            "gender-equality": "egalitatea de gen",
            "policing": "activitatea poliției comunitare",
            "good-governance": "combaterea corupției",
        },
        months=(
            "ianuarie",
            "februarie",
            "martie",
            "aprilie",
            "mai",
            "iunie",
            "iulie",
            "august",
            "septembrie",
            "octombrie",
            "noiembrie",
            "decembrie",
        ),
        on=" pe ",
        date="{day} {month} {year}",
        stories={
            "event": (
                "{Issuer} a organizat un atelier privind {topic}",
                "{Issuer} a organizat{on_date} {in_city} un atelier privind {topic} pentru "
                "reprezentanți ai instituțiilor de stat și ai societății civile.",
            ),
            "training": (
                "Un curs de instruire privind {topic}, susținut de OSCE, s-a încheiat {in_city}",
                "Cursul de instruire privind {topic}, organizat de {Issuer}, s-a încheiat"
                "{on_date} {in_city}.",
            ),
            "meeting": (
                "{Issuer} a discutat cu autoritățile despre {topic}",
                "Reprezentanții OSCE s-au întâlnit{on_date} cu oficiali pentru a discuta despre "
                "{topic}.",
            ),
            "report": (
                "{Issuer} a prezentat un raport privind {topic}",
                "{Issuer} a prezentat{on_date} {in_city} un raport privind {topic}, cu "
                "recomandări pentru instituțiile responsabile.",
            ),
        },
        body=(
            "Participanții au discutat despre bunele practici din regiunea OSCE și despre "
            "standardele internaționale.",
            "Activitatea face parte dintr-un proiect mai amplu al OSCE privind {topic}.",
            "Instituțiile au convenit să continue cooperarea strânsă în lunile următoare.",
            "OSCE va continua să sprijine activitatea în acest domeniu.",
        ),
    ),
}

# French and German: the Chairpersonship's and the Secretary General's statements, visits,
# meetings and events, on these fields.
SPEAKERS = {
    "fr": {
        "chairpersonship": "Le Président en exercice de l’OSCE",
        "secretary-general": "Le Secrétaire général de l’OSCE",
    },
    "de": {
        "chairpersonship": "Der Amtierende Vorsitzende der OSZE",
        "secretary-general": "Der Generalsekretär der OSZE",
    },
}
OFFICIAL = {
    "fr": dict(
        topics={
            "conflict-prevention-and-resolution": "prévention des conflits",
            "human-rights": "droits de l’homme",
            "economic-activities": "coopération économique",
            "youth": "jeunesse",
            "gender-equality": "parité entre les femmes et les hommes",
            "countering-terrorism": "lutte contre le terrorisme",
        },
        months=(
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ),
        on=" le ",
        date="{day} {month} {year}",
        stories={
            "statement": (
                "{Issuer} appelle à renforcer les efforts en matière de {topic}",
                "{Issuer} a appelé{on_date} tous les États participants de l’OSCE à renforcer "
                "leurs efforts en matière de {topic}.",
            ),
            "visit": (
                "{Issuer} effectue une visite officielle",
                "{Issuer} a effectué{on_date} une visite officielle au cours de laquelle il "
                "s’est entretenu avec de hauts responsables de la coopération en matière de "
                "{topic}.",
            ),
            "meeting": (
                "{Issuer} s’entretient avec les autorités de la coopération en matière de {topic}",
                "{Issuer} a rencontré{on_date} des représentants des autorités pour examiner la "
                "coopération en matière de {topic}.",
            ),
            "event": (
                "{Issuer} participe à une conférence sur la coopération en matière de {topic}",
                "{Issuer} a participé{on_date} à une conférence consacrée à la coopération en "
                "matière de {topic}.",
            ),
        },
        body=(
            "{Issuer} a rappelé les engagements pris par tous les États participants de l’OSCE "
            "en matière de {topic}.",
            "Les progrès en matière de {topic} font partie intégrante de la sécurité globale.",
            "L’OSCE se tient prête à apporter son soutien aux autorités.",
            "L’OSCE continuera de suivre de près l’évolution de la situation.",
        ),
    ),
    "de": dict(
        topics={
            "conflict-prevention-and-resolution": "Konfliktverhütung",
            "human-rights": "Menschenrechte",
            "economic-activities": "wirtschaftliche Zusammenarbeit",
            "youth": "Jugend",
            "gender-equality": "Gleichstellung der Geschlechter",
            "countering-terrorism": "Terrorismusbekämpfung",
        },
        months=(
            "Januar",
            "Februar",
            "März",
            "April",
            "Mai",
            "Juni",
            "Juli",
            "August",
            "September",
            "Oktober",
            "November",
            "Dezember",
        ),
        on=" am ",
        date="{day}. {month} {year}",
        stories={
            "statement": (
                "{Issuer} ruft zu verstärkten Anstrengungen im Bereich {topic} auf",
                "{Issuer} hat{on_date} alle OSZE-Teilnehmerstaaten aufgerufen, ihre "
                "Anstrengungen im Bereich {topic} zu verstärken.",
            ),
            "visit": (
                "{Issuer} zu offiziellem Besuch: Gespräche im Bereich {topic}",
                "{Issuer} hat{on_date} einen offiziellen Besuch abgestattet und mit "
                "hochrangigen Vertretern über die Zusammenarbeit im Bereich {topic} gesprochen.",
            ),
            "meeting": (
                "{Issuer} erörtert Zusammenarbeit im Bereich {topic}",
                "{Issuer} ist{on_date} mit Vertretern der Behörden zusammengetroffen, um die "
                "Zusammenarbeit im Bereich {topic} zu erörtern.",
            ),
            "event": (
                "{Issuer} spricht auf Konferenz über Zusammenarbeit im Bereich {topic}",
                "{Issuer} hat{on_date} auf einer Konferenz über die Zusammenarbeit im Bereich "
                "{topic} gesprochen.",
            ),
        },
        body=(
            "{Issuer} erinnerte an die Verpflichtungen, die alle OSZE-Teilnehmerstaaten im "
            "Bereich {topic} eingegangen sind.",
            "Fortschritte im Bereich {topic} sind ein wesentlicher Bestandteil umfassender "
            "Sicherheit.",
            "Die OSZE ist bereit, die Behörden zu unterstützen.",
            "Die OSZE wird die Entwicklungen weiterhin aufmerksam verfolgen.",
        ),
    ),
}
