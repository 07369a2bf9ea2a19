"""Factories for the rows tests need. Build exactly what a test needs; nothing more."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from news.images import make_renditions
from news.models import NewsItem
from structures.models import Structure
from taxonomy.models import Chairpersonship, Country, FieldOfWork, MeetingSeries


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct horse battery staple")


class SuperuserFactory(UserFactory):
    username = "admin"
    is_staff = True
    is_superuser = True


class FieldOfWorkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FieldOfWork

    name = factory.Sequence(lambda n: f"Field of work {n}")
    slug = factory.Sequence(lambda n: f"field-of-work-{n}")


class MeetingSeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingSeries

    name = factory.Sequence(lambda n: f"Meeting series {n}")
    slug = factory.Sequence(lambda n: f"meeting-series-{n}")


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country

    name = factory.Sequence(lambda n: f"Country {n}")
    slug = factory.Sequence(lambda n: f"country-{n}")
    iso_code = factory.Sequence(lambda n: f"{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}")
    group = Country.Group.PARTICIPATING_STATE


class ChairpersonshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Chairpersonship

    year = factory.Sequence(lambda n: 2000 + n)
    country = factory.SubFactory(CountryFactory)


class StructureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Structure

    name = factory.Sequence(lambda n: f"Structure {n}")
    slug = factory.Sequence(lambda n: f"structure-{n}")
    kind = Structure.Kind.FIELD_OPERATION


class NewsItemFactory(factory.django.DjangoModelFactory):
    """A draft by default; use PublishedNewsFactory for what visitors see."""

    class Meta:
        model = NewsItem
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"News item {n}")
    slug = factory.Sequence(lambda n: f"news-item-{n}")
    lede = "A short opening paragraph."
    body = "<p>The body of the item.</p>"
    date_issued = datetime.date(2025, 3, 14)
    lead_structure = factory.SubFactory(StructureFactory)

    @factory.post_generation
    def fields_of_work(self, create, extracted, **kwargs):
        if create:
            self.fields_of_work.set(extracted if extracted is not None else [FieldOfWorkFactory()])

    @factory.post_generation
    def countries(self, create, extracted, **kwargs):
        if create and extracted:
            self.countries.set(extracted)

    @factory.post_generation
    def meeting_series(self, create, extracted, **kwargs):
        if create and extracted:
            self.meeting_series.set(extracted)

    @factory.post_generation
    def supporting_structures(self, create, extracted, **kwargs):
        if create and extracted:
            self.supporting_structures.set(extracted)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.set(extracted)

    @factory.post_generation
    def renditions(self, create, extracted, **kwargs):
        # As the admin does when an image is saved (a save alone makes none).
        if create and self.image:
            make_renditions(self)


class PublishedNewsFactory(NewsItemFactory):
    status = NewsItem.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "news.Tag"

    name = factory.Sequence(lambda n: f"Tag {n}")
    slug = factory.Sequence(lambda n: f"tag-{n}")


class AttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "news.Attachment"

    news = factory.SubFactory(NewsItemFactory)
    title = factory.Sequence(lambda n: f"Report {n}")
    file = factory.django.FileField(filename="report.pdf", data=b"%PDF-1.4\n%%EOF\n")


class FormerNameFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "structures.FormerName"

    structure = factory.SubFactory(StructureFactory)
    name = factory.Sequence(lambda n: f"Former name {n}")
    used_until = datetime.date(2020, 12, 31)


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "auth.Group"
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Group {n}")


def hidden_news(**kwargs):
    """One item in each state the public must never see: draft, in review, withdrawn, and
    published but scheduled five minutes ahead; `kwargs` give them their taxonomy."""
    now = timezone.now()
    return [
        NewsItemFactory(title="Hidden draft", status=NewsItem.Status.DRAFT, **kwargs),
        NewsItemFactory(title="Hidden in review", status=NewsItem.Status.REVIEW, **kwargs),
        NewsItemFactory(
            title="Hidden withdrawn",
            status=NewsItem.Status.WITHDRAWN,
            published_at=now - datetime.timedelta(days=3),
            withdrawn_at=now - datetime.timedelta(days=1),
            **kwargs,
        ),
        NewsItemFactory(
            title="Hidden scheduled",
            status=NewsItem.Status.PUBLISHED,
            published_at=now + datetime.timedelta(minutes=5),
            **kwargs,
        ),
    ]
