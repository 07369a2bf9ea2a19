import logging
import smtplib

from django import forms
from django.apps import apps
from django.contrib import admin, messages
from django.contrib.admin.exceptions import NotRegistered
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AdminUserCreationForm
from django.contrib.auth.models import Group
from django.db import models
from django.db.models import Case, IntegerField, Value, When
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from structures import invitations
from structures.models import FormerName, Membership, Structure
from taxonomy.admin import TranslatedNamesAdminMixin

logger = logging.getLogger(__name__)


def tree_order():
    """[(pk, depth)] of every structure in tree order, from one query: children follow their
    parent, siblings in their own order."""
    structures = Structure.objects.order_by("order", "name").only("pk", "parent_id")
    return [(node.pk, depth) for node, depth in structures.in_tree_order()]


def value_by_pk(values, default):
    """A CASE expression giving each structure its number from {pk: number}."""
    return Case(
        *(When(pk=pk, then=Value(value)) for pk, value in values.items()),
        default=Value(default),
        output_field=IntegerField(),
    )


class FormerNameInline(admin.TabularInline):
    model = FormerName
    fields = ["name", "acronym", "used_until"]
    extra = 0


class MembershipInline(admin.TabularInline):
    model = Membership
    fields = ["user"]
    autocomplete_fields = ["user"]
    extra = 0
    verbose_name = _("publisher")
    verbose_name_plural = _("publishers for this structure and those under it")


class UserMembershipInline(admin.TabularInline):
    """On a user's page: the structures they publish news for (and those under them)."""

    model = Membership
    fk_name = "user"
    fields = ["structure"]
    autocomplete_fields = ["structure"]
    extra = 0
    verbose_name = _("structure published for")
    verbose_name_plural = _("publishes news for these structures and those under them")


# The roles, groups made by news/migrations/0004_roles.py, and what each may do.
ROLES = {
    "Publisher": _("Publisher: writes news for the structures chosen below and submits it"),
    "Editor": _("Editor: reviews, publishes and withdraws anyone's news"),
    "Taxonomy manager": _("Taxonomy manager: keeps fields of work, countries and structures"),
}
PUBLISHER = "Publisher"


class RoleField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, group):
        return ROLES.get(group.name, group.name)


class StaffUserCreationForm(AdminUserCreationForm):
    """Everything a new member of staff needs, on one page: who they are, their role and the
    structures they publish for. Staff status is implied: every account made here is staff."""

    class Meta(AdminUserCreationForm.Meta):
        fields = ["username", "first_name", "last_name", "email", "groups"]

    groups = RoleField(
        queryset=Group.objects.filter(name__in=ROLES).order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        label=_("Role"),
        help_text=_("What they may do in the admin; choose one or more."),
    )
    structures = forms.ModelMultipleChoiceField(
        queryset=Structure.objects.all(),
        required=False,
        widget=AutocompleteSelectMultiple(Membership._meta.get_field("structure"), admin.site),
        label=_("Structures published for"),
        help_text=_("For a publisher: the structures whose news they write, and those under them."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.is_staff = True
        self.fields["email"].required = True
        self.fields["email"].help_text = _(
            "Where the newsroom writes to them (items submitted, published or returned)."
        )
        # Django's "Password-based authentication: Enabled / Disabled", as a choice between
        # a password chosen here and an invitation to choose one (structures/invitations.py).
        password = self.fields["usable_password"]
        password.label = _("Password")
        password.choices = [
            ("false", _("Email them an invitation to choose their password")),
            ("true", _("Set a password now")),
        ]
        password.initial = "false"
        password.help_text = _(
            "An invitation is a link sent to their email address; they choose their own "
            "password with it. Until then the account cannot sign in."
        )

    def clean(self):
        cleaned_data = super().clean()
        roles = {group.name for group in cleaned_data.get("groups", [])}
        if PUBLISHER in roles and not cleaned_data.get("structures"):
            self.add_error(
                "structures",
                _("A publisher publishes for at least one structure: choose it here."),
            )
        return cleaned_data

    def _save_m2m(self):
        super()._save_m2m()
        for structure in self.cleaned_data["structures"]:
            Membership.objects.get_or_create(user=self.instance, structure=structure)


# The user admin of django.contrib.auth (listed before this app), with the memberships.
User = get_user_model()
if admin.site.is_registered(User):
    BaseUserAdmin = type(admin.site.get_model_admin(User))
    admin.site.unregister(User)

    @admin.register(User)
    class UserAdmin(BaseUserAdmin):
        inlines = [*BaseUserAdmin.inlines, UserMembershipInline]
        add_form = StaffUserCreationForm
        add_form_template = "admin/auth/user/add_staff_form.html"
        add_fieldsets = [
            (None, {"fields": ["username", "first_name", "last_name", "email"]}),
            (_("What they do"), {"fields": ["groups", "structures"]}),
            (_("Password"), {"fields": ["usable_password", "password1", "password2"]}),
        ]

        def get_inline_instances(self, request, obj=None):
            # A new user's structures are chosen in the form itself.
            return super().get_inline_instances(request, obj) if obj is not None else []

        actions = [*BaseUserAdmin.actions, "invite_again"]

        def save_related(self, request, form, formsets, change):
            super().save_related(request, form, formsets, change)
            if not change and not form.cleaned_data.get("set_usable_password", True):
                self.invite(request, form.instance)

        def invite(self, request, user):
            try:
                invitations.send_invitation(request, user)
            except (OSError, smtplib.SMTPException):
                logger.exception("The invitation to %s could not be sent.", user.email)
                messages.error(
                    request,
                    _(
                        "The invitation to %(email)s could not be sent. Try again later with "
                        "the action “Email a new invitation” on the list of users."
                    )
                    % {"email": user.email},
                )
                return False
            messages.success(
                request, _("An invitation was sent to %(email)s.") % {"email": user.email}
            )
            return True

        @admin.action(
            description=_("Email a new invitation to choose a password"),
            permissions=["change"],
        )
        def invite_again(self, request, queryset):
            # Only to those who have not chosen a password yet and have an address.
            for user in queryset.filter(is_active=True).exclude(email=""):
                if not user.has_usable_password():
                    self.invite(request, user)

        def response_add(self, request, obj, post_url_continue=None):
            # Everything was given on the one page: "Save" saves, as for any other object,
            # rather than opening the user's page as Django's user admin does.
            return admin.ModelAdmin.response_add(self, request, obj, post_url_continue)


def autocomplete_source(admin_site, request):
    """The admin whose form field an autocomplete request fills, if it is one."""
    match = request.resolver_match
    if match is None or match.url_name != "autocomplete":
        return None
    try:
        model = apps.get_model(request.GET["app_label"], request.GET["model_name"])
        return admin_site.get_model_admin(model)
    except (KeyError, LookupError, NotRegistered):
        return None


@admin.register(Structure)
class StructureAdmin(TranslatedNamesAdminMixin, admin.ModelAdmin):
    """The tree of structures. The news app adds the news counts (news/admin/terms.py)."""

    translated = {
        **TranslatedNamesAdminMixin.translated,
        "acronyms": ("acronym", _("Acronym in %(language)s")),
    }

    list_display = ["tree_name", "acronym", "kind", "host_country", "city", "is_active"]
    list_filter = ["kind", "is_active", ("host_country", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["host_country"]
    search_fields = ["name", "acronym", "slug", "city", "former_names__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent", "host_country", "successor"]
    inlines = [FormerNameInline, MembershipInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["name", "acronym", "slug", "kind", "parent", "order"]}),
        (_("Place"), {"fields": ["host_country", "city", "website"]}),
        (_("Description"), {"fields": ["description"]}),
        (_("Status"), {"fields": ["is_active", "closed_on", "successor"]}),
    ]

    def tree(self, request):
        """tree_order(), computed once per request: ordering and indentation share it."""
        if not hasattr(request, "_structure_tree"):
            request._structure_tree = tree_order()
        return request._structure_tree

    def get_ordering(self, request):
        # An expression on the primary key only, so that it also orders the structure
        # choices and filters of other admins (they call this on a plain queryset).
        tree = self.tree(request)
        if not tree:
            # No structure yet: a CASE without WHEN would be "ORDER BY 0", refused by PostgreSQL.
            return []
        positions = {pk: position for position, (pk, _depth) in enumerate(tree)}
        return [value_by_pk(positions, default=len(tree))]

    def get_queryset(self, request):
        depth = value_by_pk(dict(self.tree(request)), default=0)
        return super().get_queryset(request).annotate(tree_depth=depth)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "name" in form.changed_data:
            # The name it had until today, so that its pages still find it under that name.
            obj.record_former_name(form.initial["name"], form.initial.get("acronym", ""))

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        # An autocomplete asking for another admin's field lets that admin narrow the choices
        # (the news admin offers a publisher only their own structures as lead issuer).
        source = autocomplete_source(self.admin_site, request)
        if hasattr(source, "limit_autocomplete"):
            queryset = source.limit_autocomplete(request, request.GET.get("field_name"), queryset)
        return queryset, may_have_duplicates

    @admin.display(description=_("name"), ordering="name")
    def tree_name(self, obj):
        return format_html(
            '<span data-depth="{}" style="padding-inline-start: {}em">{}</span>',
            obj.tree_depth,
            obj.tree_depth * 2,
            obj,
        )
