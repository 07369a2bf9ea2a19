"""The home page and robots.txt. An item's page is in newsroom/items.py, the list in
newsroom/lists.py, the term pages in newsroom/terms.py, the previews in newsroom/previews.py."""

from django.core.cache import cache
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.views.generic import TemplateView

from newsroom import freshness
from newsroom.public import PublicPageMixin
from newsroom.terms import this_years_chair
from structures.models import Structure
from taxonomy.models import Country, FieldOfWork, name_order

HOME_LATEST = 10
# Featured stories shown: the first is the main story, with its image; the others follow it.
HOME_FEATURED = 3


class HomeView(PublicPageMixin, TemplateView):
    """The featured stories, the latest published news, this year's Chairpersonship and the
    ways into the news: search, the feed, fields of work, participating States and field
    operations.

    Two queries for the news (the featured stories by their partial index, the latest by the
    list's), whatever the number of items; the rest is read once per publication state and
    year (entry_points()), in four queries, and kept in the cache.
    """

    template_name = "newsroom/home.html"
    # Made anew for each visitor, as it always was: this year's Chairpersonship changes
    # with the date, not with the publication state.
    conditional = False

    def get_context_data(self, **kwargs):
        news = self.published_news().select_related("lead_structure")
        # Only published items: a featured draft, item in review or withdrawn item waits unseen.
        featured = list(
            news.filter(featured=True).order_by("featured_order", "-date_issued", "-id")[
                :HOME_FEATURED
            ]
        )
        shown = {item.pk for item in featured}
        # The latest news but the featured: read as many more as could be left out.
        latest = [item for item in news[: HOME_LATEST + len(featured)] if item.pk not in shown]
        return {
            **super().get_context_data(**kwargs),
            "lead_story": featured[0] if featured else None,
            "also_featured": featured[1:],
            "latest": latest[:HOME_LATEST],
            **entry_points(),
        }


def entry_points():
    """This year's Chairpersonship, the fields of work, the participating States and the
    field operations, as the home page links them: read in four queries once per publication
    state (replaced when a term changes), year and language, then kept in the cache."""
    state = freshness.current()
    year = timezone.localdate().year
    key = state.key("home-entry-points", year, get_language(), reverse("home"))
    found = cache.get(key)
    if found is None:
        found = _read_entry_points()
        cache.set(key, found, state.timeout())
    return found


def _read_entry_points():
    chair = this_years_chair()
    # Named in the page's language (the cache's key has it), in its alphabetical order.
    fields = FieldOfWork.objects.filter(is_retired=False, parent=None).only("name", "names", "slug")
    states = Country.objects.filter(is_retired=False, group=Country.Group.PARTICIPATING_STATE).only(
        "name", "names", "slug"
    )
    operations = (
        Structure.objects.active()
        .filter(kind=Structure.Kind.FIELD_OPERATION)
        .only("name", "names", "slug")
    )
    return {
        "chair": {
            "year": chair.year,
            "name": chair.country.translated_name,
            "url": chair.get_absolute_url(),
        }
        if chair
        else None,
        "fields": [(field.translated_name, field.get_absolute_url()) for field in fields],
        "states": [
            (country.translated_name, country.get_absolute_url()) for country in name_order(states)
        ],
        "field_operations": [
            (op.translated_name, op.get_absolute_url()) for op in name_order(operations)
        ],
    }


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
