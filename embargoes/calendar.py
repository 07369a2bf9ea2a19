"""The editorial calendar: a month or a week of what is planned, in the admin.

/admin/embargoes/calendar/?view=month|week&date=YYYY-MM-DD&structure=<slug>&field=<slug>

It shows the items the user may edit (NewsItemQuerySet.editable_by: a publisher sees their
structures' items): scheduled items at their publication time, embargoes at their release
time, drafts and items in review on their planned day (NewsItem.planned_for), and meetings
(meetings.Meeting) on each of their days. Each entry links to the item's (or meeting's) change
page. A table per grid (caption, th scope), plain links for the navigation and a GET form for
the filters: no JavaScript. The site has one language, so there is no language filter.
"""

import calendar as stdlib_calendar
import datetime
from dataclasses import dataclass

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.dates import WEEKDAYS
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from embargoes.models import Embargo
from meetings.models import Meeting
from news import services as news_services
from news.models import NewsItem
from structures.models import Structure
from taxonomy.models import FieldOfWork

# The dates a calendar can show: enough for any plan, and date arithmetic never overflows.
FIRST_DAY, LAST_DAY = datetime.date(1990, 1, 1), datetime.date(2200, 12, 31)
# Entries of each kind read per grid at most, the earliest first: a real month has far fewer
# (beyond, the page says so and asks for a filter). Keeps a page under a second at a million
# items with ten thousand scheduled in one month (README, "Editorial calendar").
MAX_ENTRIES = 300
# What the grid shows of an item: the rest (its body, its search vector) is never read.
ENTRY_FIELDS = ["title", "status", "published_at", "planned_for", "lead_structure"]


class CalendarForm(forms.Form):
    view = forms.ChoiceField(
        label=gettext_lazy("Show"),
        choices=[("month", gettext_lazy("Month")), ("week", gettext_lazy("Week"))],
        required=False,
    )
    date = forms.DateField(
        label=gettext_lazy("Date"),
        input_formats=["%Y-%m-%d"],
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    structure = forms.ModelChoiceField(
        label=gettext_lazy("Issued by"),
        queryset=Structure.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=gettext_lazy("Any structure"),
    )
    field = forms.ModelChoiceField(
        label=gettext_lazy("Field of work"),
        queryset=FieldOfWork.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=gettext_lazy("Any field of work"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # A publisher chooses among their structures, as on the item's form.
        self.fields["structure"].queryset = news_services.lead_structure_choices(
            user, Structure.objects.order_by("name")
        )

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day is not None and not FIRST_DAY <= day <= LAST_DAY:
            raise forms.ValidationError(
                _("Choose a date between %(first)s and %(last)s."),
                params={"first": FIRST_DAY.isoformat(), "last": LAST_DAY.isoformat()},
            )
        return day


@dataclass
class Entry:
    kind: str  # "scheduled", "embargo", "planned" or "meeting"
    label: str  # the kind in words
    day: datetime.date
    time: datetime.datetime | None  # None for a planned day or a meeting
    item: NewsItem | None  # None for a meeting
    url: str
    title: str = ""
    detail: str = ""  # the item's lead issuer, the meeting's place

    def __post_init__(self):
        if self.item is not None:
            self.title = self.item.title
            self.detail = str(self.item.lead_structure or "")


def period(view, day):
    """The first and last days the grid shows, whole weeks from Monday."""
    if view == "week":
        first = day - datetime.timedelta(days=day.weekday())
        return first, first + datetime.timedelta(days=6)
    month_first = day.replace(day=1)
    month_last = day.replace(day=stdlib_calendar.monthrange(day.year, day.month)[1])
    first = month_first - datetime.timedelta(days=month_first.weekday())
    last = month_last + datetime.timedelta(days=6 - month_last.weekday())
    return first, last


def moment(day):
    """The start of `day` in the site's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def entries(items, first, last):
    """The calendar's entries from `items` (already narrowed), between two days included."""
    start, end = moment(first), moment(last + datetime.timedelta(days=1))
    now = timezone.now()
    found = []

    # One reverse() for the page, not one per entry.
    change_url_of = reverse("admin:news_newsitem_change", args=["__pk__"])

    def change_url(item):
        return change_url_of.replace("__pk__", str(item.pk))

    embargoes = {
        embargo.news_id: embargo
        for embargo in Embargo.objects.filter(news__in=items, lifts_at__gte=start, lifts_at__lt=end)
        .select_related("news", "news__lead_structure")
        .only("news", "lifts_at", *[f"news__{name}" for name in ENTRY_FIELDS])
        .order_by("lifts_at", "pk")[:MAX_ENTRIES]
    }
    for embargo in embargoes.values():
        found.append(
            Entry(
                "embargo",
                _("Embargo lifts"),
                timezone.localdate(embargo.lifts_at),
                embargo.lifts_at,
                embargo.news,
                change_url(embargo.news),
            )
        )
    scheduled = (
        items.filter(status=NewsItem.Status.PUBLISHED, published_at__gt=now)
        .filter(published_at__gte=start, published_at__lt=end)
        .exclude(pk__in=list(embargoes))  # shown once, as its embargo
        .select_related("lead_structure")
        .only(*ENTRY_FIELDS)
        .order_by("published_at", "pk")[:MAX_ENTRIES]
    )
    for item in scheduled:
        found.append(
            Entry(
                "scheduled",
                _("Scheduled"),
                timezone.localdate(item.published_at),
                item.published_at,
                item,
                change_url(item),
            )
        )
    planned = (
        items.hidden()
        .filter(planned_for__gte=first, planned_for__lte=last)
        .select_related("lead_structure")
        .only(*ENTRY_FIELDS)
        .order_by("planned_for", "pk")[:MAX_ENTRIES]
    )
    for item in planned:
        found.append(
            Entry(
                "planned",
                _("Planned (%(status)s)") % {"status": item.get_status_display()},
                item.planned_for,
                None,
                item,
                change_url(item),
            )
        )
    found.sort(key=lambda entry: (entry.day, entry.time is None, entry.time or now, entry.title))
    return found


def meeting_entries(user, first, last):
    """Meetings (meetings.Meeting) on each of their days between two days included. Reference
    data, not news: the same for everyone, and linked to their admin page for those who may
    open it, to their public page for the others."""
    may_open = user.has_perm("meetings.view_meeting") or user.has_perm("meetings.change_meeting")
    found = []
    meetings = (
        Meeting.objects.filter(start_date__lte=last, end_date__gte=first)
        .select_related("series", "country")
        .order_by("start_date", "pk")[:MAX_ENTRIES]
    )
    for meeting in meetings:
        url = (
            reverse("admin:meetings_meeting_change", args=[meeting.pk])
            if may_open
            else meeting.get_absolute_url()
        )
        day = max(meeting.start_date, first)
        while day <= min(meeting.end_date, last):
            found.append(
                Entry("meeting", _("Meeting"), day, None, None, url, meeting.title, meeting.place)
            )
            day += datetime.timedelta(days=1)
    return found


def calendar_view(request):
    """The editorial calendar (see the module's docstring). Bad parameters answer 400."""
    user = request.user
    if not (user.has_perm("news.view_newsitem") or user.has_perm("news.change_newsitem")):
        raise PermissionDenied
    form = CalendarForm(request.GET, user=user)
    valid = form.is_valid()
    data = form.cleaned_data if valid else {}
    view = data.get("view") or "month"
    day = data.get("date") or timezone.localdate()
    first, last = period(view, day)
    items = NewsItem.objects.editable_by(user)
    if data.get("structure"):
        items = items.issued_by([data["structure"]])
    if data.get("field"):
        items = items.about([data["field"]])
    found = entries(items, first, last) if valid else []
    if valid and not (data.get("structure") or data.get("field")):
        # Meetings have no issuer or field of work: a filter on either leaves them out.
        found = sorted(
            found + meeting_entries(user, first, last),
            key=lambda entry: (entry.day, entry.time is None, entry.kind != "meeting"),
        )

    by_day = {}
    for entry in found:
        by_day.setdefault(entry.day, []).append(entry)
    weeks = []
    current = first
    while current <= last:
        weeks.append([(current + datetime.timedelta(days=offset)) for offset in range(7)])
        current += datetime.timedelta(days=7)
    grid = [
        [
            {
                "day": cell,
                "entries": by_day.get(cell, []),
                "outside": view == "month" and cell.month != day.month,
                "today": cell == timezone.localdate(),
            }
            for cell in week
        ]
        for week in weeks
    ]

    def link(**changes):
        params = {
            "view": view,
            "date": day.isoformat(),
            "structure": data["structure"].slug if data.get("structure") else "",
            "field": data["field"].slug if data.get("field") else "",
        }
        params.update(changes)
        return "?" + urlencode({key: value for key, value in params.items() if value})

    if view == "week":
        previous = first - datetime.timedelta(days=7)
        following = first + datetime.timedelta(days=7)
        caption = _("Week of %(day)s") % {"day": formats.date_format(first, "DATE_FORMAT")}
    else:
        previous = (day.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
        following = (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        caption = formats.date_format(day, "YEAR_MONTH_FORMAT")
    context = {
        **admin.site.each_context(request),
        "title": _("Editorial calendar"),
        "opts": NewsItem._meta,
        "form": form,
        "view": view,
        "caption": caption,
        "weekdays": [WEEKDAYS[number] for number in range(7)],
        "grid": grid,
        "count": len(found),
        "full": any(
            sum(entry.kind == kind for entry in found) >= MAX_ENTRIES
            for kind in ("scheduled", "embargo", "planned")
        ),
        "previous_url": link(date=previous.isoformat()) if previous >= FIRST_DAY else "",
        "next_url": link(date=following.isoformat()) if following <= LAST_DAY else "",
        "today_url": link(date=""),
        "month_url": link(view="month"),
        "week_url": link(view="week"),
    }
    request.current_app = admin.site.name
    return TemplateResponse(
        request, "embargoes/admin/calendar.html", context, status=200 if valid else 400
    )
