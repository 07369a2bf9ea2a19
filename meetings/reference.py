"""The meetings of the reference data (load_meetings, run by load_taxonomy): the Ministerial
Councils from 2014 and the last Summit, as the organisation announced them. Dates and places
are from public records; the 2025 Council is the least certain (see the README).

(series slug, slug, title, city, country slug, online, start, end)
"""

import datetime

MC = "ministerial-council-meetings"
SUMMIT = "summit-meetings"


def _d(year, month, day):
    return datetime.date(year, month, day)


MEETINGS = (
    (
        SUMMIT,
        "astana-2010",
        "OSCE Summit, Astana 2010",
        "Astana",
        "kazakhstan",
        False,
        _d(2010, 12, 1),
        _d(2010, 12, 2),
    ),
    (
        MC,
        "basel-2014",
        "21st Ministerial Council, Basel 2014",
        "Basel",
        "switzerland",
        False,
        _d(2014, 12, 4),
        _d(2014, 12, 5),
    ),
    (
        MC,
        "belgrade-2015",
        "22nd Ministerial Council, Belgrade 2015",
        "Belgrade",
        "serbia",
        False,
        _d(2015, 12, 3),
        _d(2015, 12, 4),
    ),
    (
        MC,
        "hamburg-2016",
        "23rd Ministerial Council, Hamburg 2016",
        "Hamburg",
        "germany",
        False,
        _d(2016, 12, 8),
        _d(2016, 12, 9),
    ),
    (
        MC,
        "vienna-2017",
        "24th Ministerial Council, Vienna 2017",
        "Vienna",
        "austria",
        False,
        _d(2017, 12, 7),
        _d(2017, 12, 8),
    ),
    (
        MC,
        "milan-2018",
        "25th Ministerial Council, Milan 2018",
        "Milan",
        "italy",
        False,
        _d(2018, 12, 6),
        _d(2018, 12, 7),
    ),
    (
        MC,
        "bratislava-2019",
        "26th Ministerial Council, Bratislava 2019",
        "Bratislava",
        "slovakia",
        False,
        _d(2019, 12, 5),
        _d(2019, 12, 6),
    ),
    (
        MC,
        "tirana-2020",
        "27th Ministerial Council, Tirana 2020",
        "Tirana",
        "albania",
        True,
        _d(2020, 12, 3),
        _d(2020, 12, 4),
    ),
    (
        MC,
        "stockholm-2021",
        "28th Ministerial Council, Stockholm 2021",
        "Stockholm",
        "sweden",
        False,
        _d(2021, 12, 2),
        _d(2021, 12, 3),
    ),
    (
        MC,
        "lodz-2022",
        "29th Ministerial Council, Łódź 2022",
        "Łódź",
        "poland",
        False,
        _d(2022, 12, 1),
        _d(2022, 12, 2),
    ),
    (
        MC,
        "skopje-2023",
        "30th Ministerial Council, Skopje 2023",
        "Skopje",
        "north-macedonia",
        False,
        _d(2023, 11, 30),
        _d(2023, 12, 1),
    ),
    (
        MC,
        "valletta-2024",
        "31st Ministerial Council, Valletta 2024",
        "Valletta",
        "malta",
        False,
        _d(2024, 12, 5),
        _d(2024, 12, 6),
    ),
    # Under the Finnish Chairpersonship, held in Vienna; the days are the least certain here.
    (
        MC,
        "vienna-2025",
        "32nd Ministerial Council, Vienna 2025",
        "Vienna",
        "austria",
        False,
        _d(2025, 12, 4),
        _d(2025, 12, 5),
    ),
)
