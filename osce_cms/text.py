"""Text that people type and the site shows, in pages and in feeds: no invisible control
characters.

XML 1.0 cannot carry most C0 control characters at all (one in a title made the feeds fail),
and none of them has a visible meaning in a page. Forms refuse them with
validate_no_control_characters; whatever reaches XML another way goes through
strip_control_characters.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# C0 controls but tab, newline and carriage return; DEL; surrogates (a Python string holds one
# only unpaired) and the two non-characters U+FFFE and U+FFFF, none of which XML 1.0 allows.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def strip_control_characters(text):
    """`text` without the characters XML 1.0 cannot carry; anything else as it is."""
    if not isinstance(text, str):
        return text
    return CONTROL_CHARACTERS.sub("", text)


def validate_no_control_characters(value):
    found = CONTROL_CHARACTERS.search(value) if isinstance(value, str) else None
    if found:
        raise ValidationError(
            _(
                "This text contains invisible control characters (the first is %(character)s), "
                "which pages and feeds cannot show. They often come with text pasted from "
                "another program: delete them or type the text again."
            ),
            code="control_characters",
            params={"character": f"U+{ord(found.group()):04X}"},
        )
