"""The news admin, one module per concern:

- items.py: the NewsItem, Attachment and Tag admins (registration, fields, lists);
- workflow.py: publishing, withdrawing and scheduling, from the form and from bulk actions;
- history.py: revisions, compare, revert, and preview links.
"""

from news.admin import items  # noqa: F401  (registers the admins)
