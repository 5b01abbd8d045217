"""The explain view of one release, as terminal text or HTML (re-exported from its modules)."""

from releaseparse.views.html_view import (
    EXPLAIN_CSS,
    Fragment,
    explain_fragment,
    explain_html,
    summary_line,
)
from releaseparse.views.layout import FieldRow, extra_rows, field_rows
from releaseparse.views.text_view import explain_text

__all__ = [
    "EXPLAIN_CSS",
    "FieldRow",
    "Fragment",
    "explain_fragment",
    "explain_html",
    "explain_text",
    "extra_rows",
    "field_rows",
    "summary_line",
]
