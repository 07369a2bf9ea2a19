"""The news admin's history: revisions, their comparison and revert, and preview links.

NewsItemAdmin's base, over reversion's VersionAdmin. NewsItemAdmin assembles its URLs and
change page from history_urls() and preview_context(). Every view here answers only for
items the user may edit (NewsItemQuerySet.editable_by), like the change page does: anything
else is "does not exist".

Looking at a revision, or at a deleted item to recover, writes nothing: the form shows the
version's values, built in memory (RevisionShown). Only restoring or recovering it (a POST)
lets reversion write, in its transaction. (Reversion's own pages write the version in a
transaction rolled back afterwards, and mute every model signal of the whole process meanwhile:
a save by another thread then would not replace the publication state.)
"""

from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db.models.fields.files import FieldFile
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from reversion.admin import VersionAdmin
from reversion.models import Version

from news import previews, revisions
from news.models import RELATIONS, Attachment, NewsItem, Tag
from news.permissions import may_edit_any
from news.revisions.versions import rows_in_revision, term_ids

# What a revert leaves as it is: the status moves only through the workflow (news.services),
# so that restoring an old text neither publishes nor unpublishes the item.
WORKFLOW_FIELDS = ["status", "published_at", "withdrawn_at", "withdrawal_notice"]


class NewsRevisionAdmin(VersionAdmin):
    object_history_template = "admin/news/newsitem/object_history.html"
    revision_form_template = "admin/news/newsitem/revision_form.html"
    # The app's own list template (admin/news/newsitem/change_list.html), not reversion's.
    change_list_template = None
    history_latest_first = True

    def __init__(self, *args, **kwargs):
        # Before VersionAdmin registers the item without its relations.
        revisions.register()
        super().__init__(*args, **kwargs)

    def history_urls(self):
        info = f"{self.opts.app_label}_{self.opts.model_name}"
        wrap = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/history/compare/",
                wrap(self.compare_view),
                name=f"{info}_compare",
            ),
            path(
                "<path:object_id>/preview-links/",
                wrap(require_POST(self.create_preview_link_view)),
                name=f"{info}_preview_link_create",
            ),
            path(
                "<path:object_id>/preview-links/<int:link_id>/revoke/",
                wrap(require_POST(self.revoke_preview_link_view)),
                name=f"{info}_preview_link_revoke",
            ),
        ]

    def editable_item(self, request, object_id):
        """The item if `request.user` may edit it, else None."""
        object_id = unquote(object_id)
        if not object_id.isdigit():
            return None
        return NewsItem.objects.editable_by(request.user).filter(pk=object_id).first()

    def missing(self, request, object_id):
        return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)

    # The change page: a preview button and the preview links -----------------------

    def preview_context(self, request, object_id):
        """What the change page shows of previews: its button and the links shared."""
        item = self.editable_item(request, object_id)
        if item is None:
            return {}
        return {
            "preview_url": reverse("news:preview", args=[item.pk]),
            "preview_links": [
                (link, request.build_absolute_uri(link.get_absolute_url()))
                for link in item.preview_links.select_related("created_by")
            ],
            "preview_link_days": previews.DEFAULT_DAYS,
            "preview_link_max_days": previews.MAX_DAYS,
        }

    # History, comparison, revert -----------------------------------------------------

    def history_view(self, request, object_id, extra_context=None):
        item = self.editable_item(request, object_id)
        if item is None:
            return self.missing(request, object_id)
        versions = list(revisions.versions_of(item.pk).order_by("-pk"))
        context = {
            "versions": [
                (
                    version,
                    reverse(
                        "admin:news_newsitem_revision", args=[quote(item.pk), version.pk]
                    ),
                )
                for version in versions
            ],
            "compare_url": reverse("admin:news_newsitem_compare", args=[quote(item.pk)]),
            "compare_from": versions[1].pk if len(versions) > 1 else None,
            "compare_to": versions[0].pk if versions else None,
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, context)

    def compare_view(self, request, object_id):
        """Two revisions side by side: ?from=<version>&to=<version>, any order."""
        item = self.editable_item(request, object_id)
        if item is None:
            return self.missing(request, object_id)
        chosen = [request.GET.get("from", ""), request.GET.get("to", "")]
        if not all(value.isdigit() for value in chosen):
            return HttpResponseBadRequest(_("Choose two revisions to compare."))
        versions = revisions.versions_of(item.pk)
        older, newer = sorted(
            (get_object_or_404(versions, pk=value) for value in chosen), key=lambda v: v.pk
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": item,
            "title": _("Compare revisions of “%(title)s”") % {"title": item},
            "older": older,
            "newer": newer,
            "changes": revisions.compare(older, newer) if older != newer else [],
            "history_url": reverse("admin:news_newsitem_history", args=[quote(item.pk)]),
            "older_url": reverse("admin:news_newsitem_revision", args=[quote(item.pk), older.pk]),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/news/newsitem/compare.html", context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        item = self.editable_item(request, object_id)
        if item is None:
            return self.missing(request, object_id)
        version = get_object_or_404(revisions.versions_of(item.pk), pk=version_id)
        missing = revisions.deleted_terms(version)
        if missing:
            messages.error(
                request,
                _(
                    "This revision cannot be restored: it uses what has been deleted since "
                    "(%(missing)s)."
                )
                % {"missing": ", ".join(missing)},
            )
            return HttpResponseRedirect(
                reverse("admin:news_newsitem_history", args=[quote(item.pk)])
            )
        if request.method != "POST":
            context = {"title": _("Revert %(name)s") % {"name": version.object_repr}}
            return self.show_version(request, version, item, {**context, **(extra_context or {})})
        # Restoring: reversion reverts the revision in its transaction, then runs the change
        # form; get_object() puts the current workflow fields back.
        request.news_restoring = {name: getattr(item, name) for name in WORKFLOW_FIELDS}
        return super().revision_view(request, object_id, version_id, extra_context)

    def show_version(self, request, version, current, extra_context):
        """The change form filled with `version`'s values, without writing anything: those of
        the `current` item's revision, or of a deleted item (`current` None)."""
        request.news_revision_shown = RevisionShown(current, version)
        context = {
            "revert": True,
            "revision_documents": request.news_revision_shown.documents,
            **extra_context,
        }
        object_id = quote(str(request.news_revision_shown.item.pk))
        response = self.changeform_view(request, object_id, request.path, context)
        if response.status_code == 200:
            # The news revision page, for a recovery too: its form carries the edit version
            # that saving checks (reversion's recover page has none) and lists the documents.
            response.template_name = self.revision_form_template
        return response

    def revision_form_initial(self, request):
        """For the form of a revision page: the revision's relations and edit version."""
        shown = getattr(request, "news_revision_shown", None)
        return shown.initial if shown is not None else {}

    def get_inline_instances(self, request, obj=None):
        # A revision or recover page restores the documents with the version, not from the form.
        if self.is_revision_page(request):
            return []
        return super().get_inline_instances(request, obj)

    def is_revision_page(self, request):
        match = request.resolver_match
        info = f"{self.opts.app_label}_{self.opts.model_name}"
        return match is not None and match.url_name in (f"{info}_revision", f"{info}_recover")

    def get_object(self, request, object_id, from_field=None):
        shown = getattr(request, "news_revision_shown", None)
        if shown is not None:
            return shown.item
        obj = super().get_object(request, object_id, from_field)
        kept = getattr(request, "news_restoring", None)
        if obj is not None and kept is not None:
            # Restoring (a POST): the revision restored the old status too. Put the current
            # one back, in the database as well, so that the workflow's checks see the item
            # as it is.
            NewsItem.objects.filter(pk=obj.pk).update(**kept)
            for name, value in kept.items():
                setattr(obj, name, value)
        return obj

    def is_recovering(self, request):
        """Whether `request` shows a deleted item, to one who may recover it."""
        shown = getattr(request, "news_revision_shown", None)
        return shown is not None and shown.deleted

    def recoverlist_view(self, request, extra_context=None):
        self.check_may_recover(request)
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        self.check_may_recover(request)
        version = get_object_or_404(Version.objects.get_for_model(NewsItem), pk=version_id)
        if NewsItem.objects.filter(pk=version.object_id).exists():
            # Not deleted (or recovered meanwhile): its revisions are restored from its history.
            return self.missing(request, version.object_id)
        if request.method == "POST":
            return super().recover_view(request, version_id, extra_context)
        if not self.has_add_permission(request):
            raise PermissionDenied
        context = {"title": _("Recover %(name)s") % {"name": version.object_repr}}
        return self.show_version(request, version, None, {**context, **(extra_context or {})})

    def check_may_recover(self, request):
        """A deleted item has no structure left to check a publisher against: editors only."""
        user = request.user
        if not may_edit_any(user):
            raise PermissionDenied

    # Preview links -------------------------------------------------------------------

    def create_preview_link_view(self, request, object_id):
        item = self.editable_item(request, object_id)
        if item is None:
            return self.missing(request, object_id)
        try:
            days = int(request.POST.get("days", ""))
            link = previews.create_link(item, request.user, days)
        except ValueError:
            messages.error(
                request,
                _("A preview link lasts from 1 to %(max)d days.") % {"max": previews.MAX_DAYS},
            )
        else:
            messages.success(
                request,
                _("Preview link created, valid until %(expires)s: %(url)s")
                % {
                    "expires": _local(link.expires_at),
                    "url": request.build_absolute_uri(link.get_absolute_url()),
                },
            )
        return self.back_to_links(item)

    def revoke_preview_link_view(self, request, object_id, link_id):
        item = self.editable_item(request, object_id)
        if item is None:
            return self.missing(request, object_id)
        link = get_object_or_404(item.preview_links, pk=link_id)
        previews.revoke(link)
        messages.success(request, _("The preview link no longer works."))
        return self.back_to_links(item)

    def back_to_links(self, item):
        url = reverse("admin:news_newsitem_change", args=[quote(item.pk)])
        return HttpResponseRedirect(f"{url}#preview-links")


class RevisionShown:
    """The item as `version` stored it, in memory, with the `current` item's workflow fields
    (a deleted item, `current` None, has its stored ones): what a revision or recover page
    shows, and what its form starts from."""

    def __init__(self, current, version):
        values = version.field_dict
        names = [field.attname for field in NewsItem._meta.concrete_fields]
        row = [
            getattr(current, name)
            if current is not None and (name in WORKFLOW_FIELDS or name not in values)
            else _stored(values.get(name))
            for name in names
        ]
        self.item = NewsItem.from_db(version.db, names, row)
        self.deleted = current is None
        self.initial = {}
        for relation in RELATIONS:
            ids = term_ids(version, relation)
            # The tag field shows names: it wants the tags themselves.
            tags = relation.term is Tag
            self.initial[relation.name] = list(Tag.objects.filter(pk__in=ids)) if tags else ids
        # The state the form will be saved over once reversion has restored the revision:
        # the latest revision, and the revision's own update time (see saved_state()).
        latest = revisions.versions_of(self.item.pk).order_by("-pk").first()
        self.initial["edit_version"] = revisions.edit_version(latest, self.item.updated_at)
        rows = rows_in_revision(version, Attachment, "news")
        self.documents = [row["title"] for row in sorted(rows, key=lambda row: row["order"])]


def _stored(value):
    return value.name if isinstance(value, FieldFile) else value


def _local(moment):
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")
