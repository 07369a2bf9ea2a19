"""The news app's models, one module a concern; every name is importable from news.models."""

# Defined apart with the middleware and admin code that use it; imported here to be one of
# the app's models.
from news.kept_posts import KeptPost
from news.models.attachments import Attachment
from news.models.items import RESERVED_SLUGS, NewsItem, NewsItemQuerySet
from news.models.links import (
    RELATION_BY_NAME,
    RELATION_NAMES,
    RELATIONS,
    NewsCountry,
    NewsFieldOfWork,
    NewsLink,
    NewsMeetingSeries,
    NewsSupportingStructure,
    Relation,
    Tag,
    TaggedNews,
)
from news.models.workflow import PreviewLink, Transition

__all__ = [
    "RELATION_BY_NAME",
    "RELATION_NAMES",
    "RELATIONS",
    "RESERVED_SLUGS",
    "Attachment",
    "KeptPost",
    "NewsCountry",
    "NewsFieldOfWork",
    "NewsItem",
    "NewsItemQuerySet",
    "NewsLink",
    "NewsMeetingSeries",
    "NewsSupportingStructure",
    "PreviewLink",
    "Relation",
    "Tag",
    "TaggedNews",
    "Transition",
]
