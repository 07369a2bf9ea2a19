"""The news admin, one module per concern:

- items.py: the NewsItem admin (fields, list) and its attachments; it assembles the others;
- workflow.py: publishing, withdrawing and scheduling, from the form and from bulk actions;
- history.py: revisions, compare, revert, and preview links;
- terms.py: news counts and "in use" delete pages on the admins of taxonomy, structures, tags.

The kept typed text of an expired session or a failed upload is news/kept_posts.py.
"""

from news.admin import items, terms  # noqa: F401  (registers the admins)
