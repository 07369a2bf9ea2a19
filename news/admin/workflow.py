"""The publishing workflow in the news admin: who sees and changes what, status moves
from the form and from bulk actions, the history of states and the scheduled items.

Every status change goes through news.services. NewsItemAdmin mixes this in: the methods of
ModelAdmin it needs from here (the queryset, change_view, save_related, get_urls) are its
own, and call warn_before_publishing(), apply_workflow() and workflow_urls().
"""

import datetime
from itertools import groupby

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from news import services
from news.models import NewsItem, Transition
from news.models.workflow import QUEUE_RECENT_DAYS, queue_conditions
from news.permissions import may_publish

Status = NewsItem.Status
# Fields only someone who may publish sets: publishing, withdrawal, and featuring an item on
# the home page (what the site shows first is the editors' choice, as publishing is).
PUBLISHING_FIELDS = ["published_at", "withdrawal_notice", "featured", "featured_order"]


class StatusListFilter(admin.SimpleListFilter):
    """The statuses, with published items split into public ones and scheduled ones."""

    title = _("status")
    parameter_name = "status"
    SCHEDULED = "scheduled"

    def lookups(self, request, model_admin):
        return [
            (Status.DRAFT, Status.DRAFT.label),
            (Status.REVIEW, Status.REVIEW.label),
            (self.SCHEDULED, _("Scheduled")),
            (Status.PUBLISHED, _("Published and public")),
            (Status.WITHDRAWN, Status.WITHDRAWN.label),
        ]

    def queryset(self, request, queryset):
        if self.value() == self.SCHEDULED:
            return queryset.scheduled()
        if self.value() == Status.PUBLISHED:
            return queryset.published()
        if self.value() in (Status.DRAFT, Status.REVIEW, Status.WITHDRAWN):
            return queryset.filter(status=self.value())
        return queryset


class DeskListFilter(admin.SimpleListFilter):
    """The parts of a staff member's queue on the admin home (desk/queue.py) that the other
    filters do not give: their own drafts, those returned to them, what was published lately."""

    title = _("my queue")
    parameter_name = "desk"
    PARTS = ["returned", "mine", "recent"]

    def lookups(self, request, model_admin):
        return [
            ("returned", _("Returned to me")),
            ("mine", _("My drafts")),
            ("recent", _("Recently published (%(days)d days)") % {"days": QUEUE_RECENT_DAYS}),
        ]

    def queryset(self, request, queryset):
        if self.value() in self.PARTS:
            return queryset.filter(queue_conditions(request.user)[self.value()])
        return queryset


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment for the authors"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        help_text=_(
            "What should change before it is submitted again. It is mailed to the authors and "
            "kept in the item's history of states."
        ),
    )


class WithdrawalForm(forms.Form):
    notice = forms.CharField(
        label=_("Withdrawal notice"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown publicly on each item's page: say why it is withdrawn."),
    )


SCHEDULE_WEEKS = (1, 2, 4, 8, 12)
SCHEDULE_DEFAULT_WEEKS = 4


class ScheduleForm(forms.Form):
    weeks = forms.TypedChoiceField(
        label=_("Weeks ahead"),
        coerce=int,
        choices=[(n, str(n)) for n in SCHEDULE_WEEKS],
        required=False,
        empty_value=SCHEDULE_DEFAULT_WEEKS,
    )


class WorkflowAdminMixin:
    """For NewsItemAdmin: the admin side of news.services and NewsItemQuerySet.editable_by."""

    actions = ["submit_selected", "publish_selected", "return_selected", "withdraw_selected"]

    # Who sees and changes what (the queryset: NewsItemQuerySet.editable_by).

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        # A deleted item shown for recovery is reachable by whoever may recover it (history.py).
        reachable = True if self.is_recovering(request) else None
        return allowed and (obj is None or services.can_change(request.user, obj, reachable))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or services.can_delete(request.user, obj))

    def has_publish_permission(self, request):
        return may_publish(request.user)

    def limit_autocomplete(self, request, field_name, queryset):
        """Choices an autocomplete of this admin's `field_name` offers (see StructureAdmin)."""
        if field_name == "lead_structure":
            return services.lead_structure_choices(request.user, queryset)
        return queryset

    # The form.

    def get_readonly_fields(self, request, obj=None):
        readonly = [*super().get_readonly_fields(request, obj), "state_history"]
        if not may_publish(request.user):
            readonly += [name for name in PUBLISHING_FIELDS if name not in readonly]
        return readonly

    def workflow_fieldsets(self, request, obj, fieldsets):
        """`fieldsets` with the workflow's fields: NewsItemAdmin.get_fieldsets() passes its own."""
        fieldsets = list(fieldsets)
        if may_publish(request.user):
            # The confirmation of a warned publication sits right after the status.
            for index, (name, options) in enumerate(fieldsets):
                fields = list(options.get("fields", []))
                if "status" in fields:
                    fields.insert(fields.index("status") + 1, "confirm_publication")
                    fieldsets[index] = (name, {**options, "fields": fields})
        if obj is not None:
            fieldsets.append((_("History of states"), {"fields": ["state_history"]}))
        return fieldsets

    @admin.display(description=_("history of states"))
    def state_history(self, obj):
        """Every status change of the item, newest first (a table, not an inline, so that
        posting the form needs nothing more)."""
        transitions = obj.transitions.select_related("by") if obj.pk else []
        if not transitions:
            return _("Not moved yet: created as a draft.")
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{} → {}</td><td>{}</td><td>{}</td></tr>",
            (
                (
                    services.local_time(t.at),
                    t.get_from_status_display() or "—",
                    t.get_to_status_display(),
                    t.by or _("unknown"),
                    t.note,
                )
                for t in transitions
            ),
        )
        return format_html(
            '<table class="state-history"><thead><tr><th scope="col">{}</th><th scope="col">{}'
            '</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody>'
            "</table>",
            _("When"),
            _("Move"),
            _("By"),
            _("Note"),
            rows,
        )

    def warn_before_publishing(self, request, object_id):
        """On the change page: a warning for each closed structure the item names."""
        item = self.get_object(request, object_id)
        if item is None or not item.is_hidden():
            return
        self.show_return_comment(request, item)
        for warning in services.closed_taxonomy(item):
            messages.warning(
                request,
                _("%(warning)s Publishing needs a confirmation.") % {"warning": warning},
            )

    def show_return_comment(self, request, item):
        """A draft returned with a comment shows it at the top, until it is submitted again."""
        if item.status != Status.DRAFT:
            return
        last = item.transitions.select_related("by").first()
        if last is None or not Transition.is_return(last.from_status, last.to_status, last.note):
            return
        messages.warning(
            request,
            _("Returned on %(time)s by %(by)s with a comment: %(comment)s")
            % {
                "time": services.local_time(last.at),
                "by": last.by or _("unknown"),
                "comment": last.note,
            },
        )

    def apply_workflow(self, request, form):
        """Move the item, once it and its relations are saved, to the status the form chose
        (and to its new publication time): through news.services, which records the move."""
        item = form.instance
        if form.new_publication_time is not None:
            try:
                services.reschedule(item, request.user, form.new_publication_time)
            except services.Refused as refusal:
                messages.error(
                    request,
                    _("Saved, but the publication time was not changed: %(reason)s")
                    % {"reason": refusal.message},
                )
            else:
                messages.info(request, services.outcome(item))
        if form.target_status == form.initial_status:
            return
        try:
            services.move(
                item,
                request.user,
                form.target_status,
                confirmed=form.cleaned_data.get("confirm_publication", False),
            )
        except services.Refused as refusal:
            # Checked by the form already: only someone acting at the same time gets here.
            # The edit is kept; the status is not changed.
            messages.error(
                request,
                _("Saved, but the status was not changed: %(reason)s")
                % {"reason": refusal.message},
            )
        else:
            messages.info(request, services.outcome(item))

    # The list.

    @admin.display(description=_("status"), ordering="status")
    def publication_status(self, obj):
        if obj.is_scheduled():
            return _("Scheduled for %(time)s") % {"time": services.local_time(obj.published_at)}
        if obj.status == Status.WITHDRAWN and obj.withdrawn_at:
            return _("Withdrawn on %(date)s") % {
                "date": formats.date_format(timezone.localtime(obj.withdrawn_at))
            }
        return obj.get_status_display()

    # Bulk actions: each item is moved on its own and the outcome of each is reported.

    @admin.action(description=_("Submit selected news items for review"), permissions=["change"])
    def submit_selected(self, request, queryset):
        self.move_each(request, queryset, Status.REVIEW)

    @admin.action(
        description=_("Publish selected news items (scheduled if their time is to come)"),
        permissions=["publish"],
    )
    def publish_selected(self, request, queryset):
        self.move_each(request, queryset, Status.PUBLISHED)

    @admin.action(
        description=_("Return selected news items to their authors with a comment…"),
        permissions=["publish"],
    )
    def return_selected(self, request, queryset):
        form = ReturnForm(request.POST if "comment" in request.POST else None)
        if form.is_valid():
            comment = form.cleaned_data["comment"]
            self.move_each(
                request,
                queryset,
                Status.DRAFT,
                mover=lambda item: services.return_with_comment(item, request.user, comment),
            )
            return None
        return self.ask_before_moving(
            request,
            queryset,
            form,
            action="return_selected",
            title=_("Return news items with a comment"),
            explanation=_(
                "Each item submitted for review goes back to draft for its authors, who get this "
                "comment by email and see it on the item and on their queue, until they submit "
                "it again."
            ),
            submit=_("Return to the authors"),
        )

    @admin.action(description=_("Withdraw selected news items…"), permissions=["publish"])
    def withdraw_selected(self, request, queryset):
        form = WithdrawalForm(request.POST if "notice" in request.POST else None)
        if form.is_valid():
            self.move_each(request, queryset, Status.WITHDRAWN, notice=form.cleaned_data["notice"])
            return None
        return self.ask_before_moving(
            request,
            queryset,
            form,
            action="withdraw_selected",
            title=_("Withdraw news items"),
            explanation=_(
                "Each item's page stays, marked as withdrawn with this notice and the date, and "
                "leaves every list, feed and search."
            ),
            submit=_("Withdraw"),
        )

    def ask_before_moving(self, request, queryset, form, *, action, title, explanation, submit):
        """The page a bulk move asks what it needs on (the form's fields), and again with the
        form's errors."""
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "opts": self.opts,
            "queryset": queryset,
            "form": form,
            "action": action,
            "body_class": action.replace("_", "-"),
            "explanation": explanation,
            "submit": submit,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/news/newsitem/move_selected.html", context)

    def move_each(self, request, queryset, to_status, mover=None, **kwargs):
        items = list(queryset.order_by("pk"))
        for item in items:
            try:
                if mover is None:
                    services.move(item, request.user, to_status, **kwargs)
                else:
                    mover(item)
            except services.Refused as refusal:
                messages.error(
                    request,
                    _("“%(title)s” was left as it was: %(reason)s")
                    % {"title": item, "reason": refusal.message},
                )
            else:
                messages.success(
                    request,
                    _("“%(title)s”: %(outcome)s")
                    % {"title": item, "outcome": services.outcome(item)},
                )
        if request.POST.get("select_across") != "1":
            selected = set(request.POST.getlist(helpers.ACTION_CHECKBOX_NAME))
            unknown = len(selected) - len(items)
            if unknown > 0:
                messages.error(
                    request,
                    ngettext(
                        "%(count)d selected item is not one you may change, or no longer "
                        "exists: nothing was done to it.",
                        "%(count)d selected items are not ones you may change, or no longer "
                        "exist: nothing was done to them.",
                        unknown,
                    )
                    % {"count": unknown},
                )

    # What is scheduled, day by day.

    def workflow_urls(self):
        info = f"{self.opts.app_label}_{self.opts.model_name}"
        wrap = self.admin_site.admin_view
        return [
            path("scheduled/", wrap(self.scheduled_view), name=f"{info}_scheduled"),
            path("<path:object_id>/return/", wrap(self.return_view), name=f"{info}_return"),
        ]

    def return_view(self, request, object_id):
        """Return one submitted item to its authors with a comment (the change page's link)."""
        item = self.get_object(request, object_id)  # None unless the user reaches it
        if item is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_publish_permission(request):
            raise PermissionDenied
        change_url = reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[item.pk]
        )
        # Not submitted (any more): the page says so, with no form, and a POST changes nothing.
        returnable = item.status == Status.REVIEW
        form = ReturnForm(request.POST if request.method == "POST" and returnable else None)
        if form.is_valid():
            try:
                services.return_with_comment(item, request.user, form.cleaned_data["comment"])
            except services.Refused as refusal:
                messages.error(
                    request,
                    _("“%(title)s” was left as it was: %(reason)s")
                    % {"title": item, "reason": refusal.message},
                )
                return HttpResponseRedirect(change_url)
            messages.success(
                request,
                _("“%(title)s” was returned to its authors with your comment.") % {"title": item},
            )
            return HttpResponseRedirect(reverse("admin:index"))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Return “%(title)s” with a comment") % {"title": item},
            "opts": self.opts,
            "original": item,
            "change_url": change_url,
            "form": form,
            "returnable": returnable,
        }
        status = 400 if request.method == "POST" else 200
        return TemplateResponse(request, "admin/news/newsitem/return.html", context, status=status)

    def scheduled_view(self, request):
        """Items that will become public in the next weeks, by day: those this user may see."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = ScheduleForm(request.GET)
        valid = form.is_valid()
        weeks = form.cleaned_data["weeks"] if valid else SCHEDULE_DEFAULT_WEEKS
        now = timezone.now()
        items = (
            self.get_queryset(request)
            .scheduled()
            .filter(published_at__lte=now + datetime.timedelta(weeks=weeks))
            .select_related("lead_structure")
            .order_by("published_at", "pk")
        )
        days = [
            (day, list(day_items))
            for day, day_items in groupby(
                items, key=lambda item: timezone.localdate(item.published_at)
            )
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Scheduled news"),
            "opts": self.opts,
            "form": form,
            "weeks": weeks,
            "days": days,
            "count": sum(len(day_items) for _day, day_items in days),
        }
        return TemplateResponse(
            request,
            "admin/news/newsitem/scheduled.html",
            context,
            status=200 if valid else 400,
        )
