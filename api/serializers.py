"""What the API answers, field by field: these serializers make the responses and, through
drf-spectacular, the OpenAPI schema that documents them (one description of each)."""

from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from news.html import html_for_display
from news.images import renditions
from news.models import NewsItem
from structures.models import Structure
from taxonomy.models import Country


def absolute(context, url):
    return context["request"].build_absolute_uri(url)


class PageField(serializers.Field):
    """The absolute address of the object's public page."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        return absolute(self.context, value.get_absolute_url())


extend_schema_field({"type": "string", "format": "uri"})(PageField)


# The API speaks English whatever the request's Accept-Language; a term's names in the
# interface's other languages are given beside (taxonomy.models.NamedInLanguages).
NAMES_HELP = _("Its names in other languages, by language code; a missing one is the English.")


class TermSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    names = serializers.DictField(child=serializers.CharField(), help_text=NAMES_HELP)
    url = PageField(help_text=_("The term's page on the site."))


class TagSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    url = PageField(help_text=_("The site's news list with this tag."))


class CountryTermSerializer(TermSerializer):
    iso_code = serializers.CharField(help_text=_("ISO 3166-1 alpha-2 code."))
    group = serializers.ChoiceField(choices=Country.Group.choices)


class IssuerSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    names = serializers.DictField(child=serializers.CharField(), help_text=NAMES_HELP)
    acronym = serializers.CharField(help_text=_("Empty when the structure has none."))
    acronyms = serializers.DictField(
        child=serializers.CharField(),
        help_text=_("Its acronyms in other languages; a missing one is the English."),
    )
    url = PageField(help_text=_("The structure's page on the site."))


class RenditionSerializer(serializers.Serializer):
    url = serializers.SerializerMethodField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()

    @extend_schema_field({"type": "string", "format": "uri"})
    def get_url(self, rendition):
        return absolute(self.context, rendition.url)


class CardImageSerializer(serializers.Serializer):
    alt = serializers.CharField(source="image_alt", help_text=_("What the image shows."))
    renditions = serializers.SerializerMethodField(
        help_text=_("Cropped 3:2 (WebP), smallest first; empty if none could be made.")
    )

    @extend_schema_field(RenditionSerializer(many=True))
    def get_renditions(self, item):
        return RenditionSerializer(renditions(item, "card"), many=True, context=self.context).data


class ImageRenditionsSerializer(serializers.Serializer):
    card = RenditionSerializer(many=True, help_text=_("Cropped 3:2 (WebP), for lists."))
    page = RenditionSerializer(many=True, help_text=_("Uncropped (WebP), for the item's page."))
    social = RenditionSerializer(many=True, help_text=_("1200 × 630 JPEG, for link previews."))


class ImageSerializer(serializers.Serializer):
    alt = serializers.CharField(source="image_alt", help_text=_("What the image shows."))
    caption = serializers.CharField(source="image_caption")
    credit = serializers.CharField(source="image_credit")
    renditions = serializers.SerializerMethodField(
        help_text=_("Per use, smallest first; a use is empty if no rendition could be made.")
    )

    @extend_schema_field(ImageRenditionsSerializer)
    def get_renditions(self, item):
        return {
            role: RenditionSerializer(renditions(item, role), many=True, context=self.context).data
            for role in settings.NEWS_IMAGE_RENDITIONS
        }


class AttachmentSerializer(serializers.Serializer):
    title = serializers.CharField()
    language = serializers.ChoiceField(
        choices=settings.ATTACHMENT_LANGUAGES, help_text=_("The document's language.")
    )
    url = PageField(help_text=_("The PDF, served by the site."))


class WithdrawalSerializer(serializers.Serializer):
    withdrawn_at = serializers.DateTimeField(allow_null=True)
    notice = serializers.CharField(
        source="withdrawal_notice", help_text=_("Why, in the editors' words.")
    )


class NewsSummarySerializer(serializers.Serializer):
    """An item as a list shows it."""

    id = serializers.IntegerField()
    slug = serializers.CharField()
    title = serializers.CharField()
    kind = serializers.ChoiceField(choices=NewsItem.Kind.choices)
    language = serializers.ChoiceField(
        choices=settings.NEWS_LANGUAGES, help_text=_("The language it is written in.")
    )
    translation_group = serializers.IntegerField(
        source="group",
        help_text=_("Items that are translations of one another share this number."),
    )
    date_issued = serializers.DateField(allow_null=True)
    dateline = serializers.CharField()
    lede = serializers.CharField(help_text=_("Plain text."))
    issued_by = IssuerSerializer(
        source="lead_structure", allow_null=True, help_text=_("The lead issuing structure.")
    )
    issued_as = serializers.SerializerMethodField(
        help_text=_(
            "The lead issuer's name (and acronym) on the day of issue: for news issued before "
            "a rename, the name it had then. Null without a lead issuer."
        )
    )
    image = serializers.SerializerMethodField()
    url = PageField(help_text=_("The item's page on the site."))
    api_url = serializers.SerializerMethodField(help_text=_("The item's every public field."))

    @extend_schema_field(CardImageSerializer(allow_null=True))
    def get_image(self, item):
        return CardImageSerializer(item, context=self.context).data if item.image else None

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_issued_as(self, item):
        lead = item.lead_structure
        if lead is None:
            return None
        with translation.override(settings.LANGUAGE_CODE):  # in English, as `name` is
            return lead.name_on(item.date_issued)

    @extend_schema_field({"type": "string", "format": "uri"})
    def get_api_url(self, item):
        address = reverse("api:news-detail", args=[item.slug])
        if item.language != settings.LANGUAGE_CODE:  # slugs are unique per language
            address += "?" + urlencode({"language": item.language})
        return absolute(self.context, address)


class NewsItemSerializer(NewsSummarySerializer):
    """An item with every public field."""

    status = serializers.ChoiceField(
        choices=[NewsItem.Status.PUBLISHED, NewsItem.Status.WITHDRAWN],
        help_text=_("A withdrawn item keeps its page, under its withdrawal notice."),
    )
    published_at = serializers.DateTimeField(allow_null=True)
    body = serializers.SerializerMethodField(help_text=_("HTML, cleaned as the site shows it."))
    issuers = IssuerSerializer(many=True, help_text=_("The lead issuer first, then the others."))
    fields_of_work = TermSerializer(many=True)
    countries = CountryTermSerializer(many=True)
    meeting_series = TermSerializer(many=True)
    tags = TagSerializer(many=True)
    image = serializers.SerializerMethodField()
    attachments = AttachmentSerializer(many=True)
    translations = serializers.SerializerMethodField(
        help_text=_(
            "The item in other languages. Always empty for now: the newsroom has no "
            "translations yet; when it does, each will be a language and the translation's "
            "address."
        )
    )
    withdrawal = serializers.SerializerMethodField(
        help_text=_("The withdrawal notice of a withdrawn item; null otherwise.")
    )

    @extend_schema_field({"type": "string"})
    def get_body(self, item):
        return html_for_display(item.body or "")

    @extend_schema_field(ImageSerializer(allow_null=True))
    def get_image(self, item):
        return ImageSerializer(item, context=self.context).data if item.image else None

    @extend_schema_field(
        {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "language": {"type": "string"},
                    "url": {"type": "string", "format": "uri"},
                },
            },
            "maxItems": 0,
        }
    )
    def get_translations(self, item):
        return []

    @extend_schema_field(WithdrawalSerializer(allow_null=True))
    def get_withdrawal(self, item):
        if item.status != NewsItem.Status.WITHDRAWN:
            return None
        return WithdrawalSerializer(item, context=self.context).data


class FacetChoiceSerializer(serializers.Serializer):
    value = serializers.CharField(help_text=_("The parameter's value that makes this choice."))
    label = serializers.CharField()
    count = serializers.IntegerField(
        help_text=_("The number of results with this choice instead of the facet's others.")
    )
    selected = serializers.BooleanField()
    depth = serializers.IntegerField(help_text=_("Depth in the tree (fields, structures)."))


class NewsListSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text=_("The number of results (all pages)."))
    next = serializers.URLField(allow_null=True, help_text=_("The next page; null on the last."))
    next_cursor = serializers.CharField(allow_null=True)
    results = NewsSummarySerializer(many=True)
    facets = serializers.DictField(
        child=FacetChoiceSerializer(many=True),
        help_text=_(
            "Per parameter named in `facets`, its choices with their counts, in the "
            "order the site's list shows them; empty when `facets` is not given."
        ),
    )


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()


class BadRequestSerializer(ErrorSerializer):
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text=_("Per parameter, what is wrong with it."),
    )


# The taxonomy.


class FieldOfWorkSerializer(TermSerializer):
    description = serializers.CharField()
    parent = serializers.CharField(source="parent.slug", allow_null=True, help_text=_("Its slug."))
    depth = serializers.IntegerField()


class MeetingSeriesSerializer(TermSerializer):
    description = serializers.CharField()


class CountrySerializer(CountryTermSerializer):
    pass


class CountryGroupSerializer(serializers.Serializer):
    value = serializers.ChoiceField(
        choices=Country.Group.choices, help_text=_("The news list's `group` parameter.")
    )
    label = serializers.CharField()
    countries = serializers.ListField(child=serializers.CharField(), help_text=_("Their slugs."))


class FormerNameSerializer(serializers.Serializer):
    name = serializers.CharField()
    acronym = serializers.CharField()
    used_until = serializers.DateField(allow_null=True)


class StructureSerializer(IssuerSerializer):
    kind = serializers.ChoiceField(choices=Structure.Kind.choices)
    parent = serializers.CharField(source="parent.slug", allow_null=True, help_text=_("Its slug."))
    children = serializers.ListField(
        source="children_slugs", child=serializers.CharField(), help_text=_("Their slugs.")
    )
    depth = serializers.IntegerField()
    former_names = FormerNameSerializer(many=True, help_text=_("Newest first."))
    host_country = serializers.CharField(
        source="host_country.slug", allow_null=True, help_text=_("Its slug.")
    )
    city = serializers.CharField()
    website = serializers.CharField()
    description = serializers.CharField()
    is_active = serializers.BooleanField()
    closed_on = serializers.DateField(allow_null=True)
    successor = serializers.CharField(
        source="successor.slug",
        allow_null=True,
        help_text=_("Its slug: for a closed structure, the one its work continues with."),
    )


def listing(name, serializer, extra=None):
    """A serializer for a list of terms: {"count", "results"} and `extra` fields."""
    fields = {
        "count": serializers.IntegerField(),
        "results": serializer(many=True),
        **(extra or {}),
    }
    return type(name, (serializers.Serializer,), fields)


FieldOfWorkList = listing("FieldOfWorkList", FieldOfWorkSerializer)
MeetingSeriesList = listing("MeetingSeriesList", MeetingSeriesSerializer)
StructureList = listing("StructureList", StructureSerializer)
CountryList = listing(
    "CountryList", CountrySerializer, {"groups": CountryGroupSerializer(many=True)}
)
