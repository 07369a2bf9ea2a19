"""Revisions of news items: what a revision keeps (versions.py), how two compare
(compare.py), and refusing to save over someone else's save (conflicts.py)."""

from news.revisions.compare import Change, compare
from news.revisions.conflicts import EditConflictMixin, SavedState, edit_version, saved_state
from news.revisions.versions import deleted_terms, register, versions_of

__all__ = [
    "Change",
    "EditConflictMixin",
    "SavedState",
    "compare",
    "deleted_terms",
    "edit_version",
    "register",
    "saved_state",
    "versions_of",
]
