"""The home page and robots.txt. An item's page is in newsroom/items.py, the list in
newsroom/lists.py, the term pages in newsroom/terms.py, the previews in newsroom/previews.py."""

from django.http import HttpResponse
from django.urls import reverse
from django.views.generic import TemplateView

from newsroom.public import PublicPageMixin
from newsroom.terms import this_years_chair

HOME_LATEST = 10


class HomeView(PublicPageMixin, TemplateView):
    """The latest published news and this year's Chairpersonship."""

    template_name = "newsroom/home.html"
    # Made anew for each visitor, as it always was: this year's Chairpersonship changes
    # with the date, not with the publication state.
    conditional = False

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "latest": self.published_news().select_related("lead_structure")[:HOME_LATEST],
            "chair": this_years_chair(),
        }


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
