"""The one real news item of the demo: the news page the project was seeded with."""

from news.models import NewsItem

Kind = NewsItem.Kind

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
