"""Single dated meetings (the 2025 Ministerial Council in Vienna) of a meeting series, and the
news items attached to them."""

from urllib.parse import urlencode

from django.db import models
from django.db.models import Exists, OuterRef, Value
from django.db.models.functions import Concat
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from news.models import NewsItem
from osce_cms.text import validate_no_control_characters
from taxonomy.models import Country, MeetingSeries

# Between the series' slug and the meeting's in a meeting's value of the /news/ filter
# (?event=ministerial-council-meetings~vienna-2025): a meeting's slug is unique only in its
# series, and "~" is kept as is in an address.
KEY_SEPARATOR = "~"


class MeetingQuerySet(models.QuerySet):
    def with_published_news(self):
        """The meetings that published news items are attached to."""
        attached = MeetingNews.objects.filter(
            meeting=OuterRef("pk"), news__in=NewsItem.objects.published().values("pk")
        )
        return self.filter(Exists(attached))

    def keys(self):
        """(id, key, title) of each meeting, its key being its value of the /news/ filter."""
        key = Concat("series__slug", Value(KEY_SEPARATOR), "slug", output_field=models.CharField())
        return self.values_list("pk", key, "title")


class Meeting(models.Model):
    series = models.ForeignKey(
        MeetingSeries,
        verbose_name=_("series"),
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    title = models.CharField(
        _("title"), max_length=200, validators=[validate_no_control_characters]
    )
    slug = models.SlugField(
        _("slug"), max_length=200, help_text=_("Its address under the series' page.")
    )
    city = models.CharField(
        _("city"), max_length=100, blank=True, validators=[validate_no_control_characters]
    )
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        help_text=_("Where it was held, or hosted from when it met online."),
    )
    online = models.BooleanField(_("held online"), default=False)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    description = models.TextField(
        _("description"), blank=True, validators=[validate_no_control_characters]
    )
    news = models.ManyToManyField(
        NewsItem,
        through="MeetingNews",
        verbose_name=_("news"),
        related_name="meetings",
        blank=True,
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "title"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.UniqueConstraint(fields=["series", "slug"], name="meeting_slug_in_series"),
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="meeting_ends_after_it_starts",
                violation_error_message=_("A meeting cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("meetings:detail", args=[self.series.slug, self.slug])

    @property
    def key(self):
        """Its value of the /news/ filter by meeting (?event=): unique across series."""
        return f"{self.series.slug}{KEY_SEPARATOR}{self.slug}"

    def get_news_url(self):
        """The list of all its published news: /news/?event=<key>."""
        return reverse("news:list") + "?" + urlencode({"event": self.key})

    @property
    def place(self):
        """ "Vienna, Austria", "Tirana, Albania (online)", or what of it is known."""
        parts = [part for part in (self.city, self.country and str(self.country)) if part]
        place = ", ".join(parts)
        if self.online:
            return _("%(place)s (online)") % {"place": place} if place else _("Online")
        return place


class MeetingNews(models.Model):
    """A news item attached to a meeting."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="news_links"
    )
    news = models.ForeignKey(
        NewsItem, verbose_name=_("news item"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        ordering = ["meeting", "news"]
        verbose_name = _("news of the meeting")
        verbose_name_plural = _("news of the meeting")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "news"], name="meeting_news_once"),
        ]

    def __str__(self):
        return f"{self.meeting} – {self.news}"

    def get_absolute_url(self):
        return self.meeting.get_absolute_url()
