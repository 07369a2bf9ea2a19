"""A meeting's public page, under its series: the meeting, its news and their documents."""

from django.shortcuts import get_object_or_404
from django.views.generic import DetailView

from meetings.models import Meeting
from news.models import Attachment
from newsroom.public import PublicPageMixin

# A meeting's news are few (tens): all are shown.
NEWS_SHOWN = 100


class MeetingView(PublicPageMixin, DetailView):
    template_name = "meetings/meeting_detail.html"
    context_object_name = "meeting"
    # Made anew for each visitor, as the series pages are.
    conditional = False

    def get_object(self, queryset=None):
        return get_object_or_404(
            Meeting.objects.select_related("series", "country"),
            series__slug=self.kwargs["series"],
            slug=self.kwargs["slug"],
        )

    def get_context_data(self, **kwargs):
        news = list(
            self.published_news()
            .filter(meetings=self.object)
            .select_related("lead_structure")
            .defer("body", "search_vector")
            .order_by("-date_issued", "-id")[:NEWS_SHOWN]
        )
        documents = (
            Attachment.objects.filter(news__in=[item.pk for item in news])
            .select_related("news")
            .order_by("-news__date_issued", "news_id", "order", "id")
        )
        return {**super().get_context_data(**kwargs), "news": news, "documents": documents}
