"""HTML pages rendered to text, their layout kept (the ``html`` extra); telling HTML apart."""

from __future__ import annotations

import codecs
import re
from typing import Any

import attrs

from releaseparse.decoding import Decoded, decode
from releaseparse.records import Defect, Severity, Span

#: What to install for HTML input; every message about the missing extra names it.
HTML_EXTRA = "pip install 'releaseparse[html]'"

# -- telling HTML from text ------------------------------------------------------------------

#: How much of a text is looked at: the test costs the same for any input past this.
_SAMPLE = 20_000
#: A page's opening: a doctype or an <html> (or <head>, <body>) tag, after an XML
#: declaration or comments at most.
_DOCUMENT = re.compile(
    r"\s*(?:<\?xml[^>]{0,300}>\s*)?(?:<!--.{0,3000}?-->\s*)*"
    r"<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])",
    re.IGNORECASE | re.DOTALL,
)
#: An opening or closing tag of an element pages are made of, attributes and all.
_TAG_PATTERN = (
    r"</?(?:a|article|aside|b|blockquote|body|br|dd|div|dl|dt|em|font|footer|form|h[1-6]|"
    r"head|header|hr|i|iframe|img|input|li|link|main|meta|nav|ol|p|script|section|span|"
    r"strong|style|table|tbody|td|th|thead|title|tr|u|ul)(?=[\s/>])[^<>]{0,1000}>"
)
_TAG = re.compile(_TAG_PATTERN, re.IGNORECASE)
_ENDS_WITH_TAG = re.compile(_TAG_PATTERN + r"\Z", re.IGNORECASE)
#: A text is dense in tags when it holds at least this many ...
_DENSE_TAGS = 12
#: ... at least one in every this many characters ...
_DENSE_SPACING = 250
#: ... and this share of its lines (that are not blank) begin or end with a tag: markup
#: throughout, not text with some tags in it (Markdown with an HTML table, say).
_MARKUP_LINES = 0.6


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is clearly HTML markup rather than text: a page, or dense in tags.

    A page opens with ``<!DOCTYPE html>`` or ``<html>`` (``<head>``, ``<body>``), after an
    XML declaration or comments at most. Otherwise, in the first 20,000 characters, it
    takes at least 12 tags of the elements pages are made of (``<p>``, ``<div>``, ``<a
    href=...>``, ``</td>`` ...), one per 250 characters at least, and 60% of the lines
    beginning or ending with one: a release with a stray ``<b>`` or ``<br>`` is not
    HTML, nor is Markdown with an underlined word or a table in HTML.
    """
    head = text[:_SAMPLE]
    if "<" not in head:
        return False
    if _DOCUMENT.match(head):
        return True
    tags = 0
    for tags, _ in enumerate(_TAG.finditer(head), 1):  # noqa: B007 - the count is kept
        pass
    if tags < _DENSE_TAGS or tags * _DENSE_SPACING < len(head.strip()):
        return False
    lines = [line.strip() for line in head.splitlines() if line.strip()]
    marked = sum(1 for line in lines if _TAG.match(line) or _ENDS_WITH_TAG.search(line))
    return marked >= _MARKUP_LINES * len(lines)


def looks_like_html_defect() -> Defect:
    """The warning for a text input that is HTML markup, parsed as text."""
    return Defect(
        "source.looks_like_html",
        "the input looks like HTML markup but was parsed as text: render it first"
        f" (Parser.parse(..., html=True), the CLI's --html-input; needs {HTML_EXTRA})",
        Severity.WARNING,
        Span(0, 0),
    )


#: Any tag at all: an element's opening or closing, a comment or a doctype.
_ANY_TAG = re.compile(r"<(?:[A-Za-z][A-Za-z0-9-]*|/[A-Za-z]|!)[^<>]{0,1000}>")


def _no_markup_defect() -> Defect:
    """The warning on an input rendered as HTML that holds no tag at all."""
    return Defect(
        "source.no_markup",
        "the input was rendered as an HTML page but holds no tag: rendering joined its"
        " lines; parse it as text (without html=True or --html-input)",
        Severity.WARNING,
        Span(0, 0),
    )


def rendered_defect() -> Defect:
    """The note on a record whose source is the text rendered from an HTML page."""
    return Defect(
        "source.rendered_from_html",
        "the input was an HTML page; the source is the text rendered from it, with its"
        " layout kept (spans index into that text)",
        Severity.INFO,
        Span(0, 0),
    )


# -- rendering -------------------------------------------------------------------------------

#: Elements whose presence in a table cell makes the table page layout, not data.
_BLOCKS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "fieldset"),
        *("figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr"),
        *("li", "main", "nav", "ol", "p", "pre", "section", "table", "ul"),
    }
)
_TABLE_PARTS = frozenset({"table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption"})
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*>", re.IGNORECASE)
_SURROGATE = re.compile("[\ud800-\udfff]")


@attrs.frozen
class _Engine:
    """What renders a page: inscriptis' engine and configuration, lxml's page parser."""

    inscriptis: Any
    config: Any
    parse_page: Any
    errors: tuple[type[Exception], ...]


def _engine() -> _Engine:
    """The engine, imported and configured; ``ImportError`` naming the extra without it."""
    try:
        from inscriptis.css_profiles import CSS_PROFILES
        from inscriptis.html_engine import Inscriptis
        from inscriptis.model.config import ParserConfig
        from lxml import etree, html
    except ImportError:
        raise ImportError(
            f"rendering HTML needs inscriptis, the html extra: {HTML_EXTRA}"
        ) from None
    # The strict profile lays a page out as a browser does (no indents of its own).
    config = ParserConfig(css=CSS_PROFILES["strict"], display_images=False, display_links=False)
    return _Engine(Inscriptis, config, html.document_fromstring, (ValueError, etree.LxmlError))


def require_renderer() -> None:
    """Raise ``ImportError`` naming the ``html`` extra when it is not installed."""
    _engine()


def render_html(html: str | bytes) -> str:
    """The text of an HTML page, laid out as a browser shows it (needs the ``html`` extra).

    Bytes are decoded as ``parse`` decodes them. Blocks (paragraphs, headings, list
    items, ``<br>``) start lines, paragraphs are set apart by blank lines, and a data
    table keeps its rows and columns; a table used for page layout (one whose cells hold
    paragraphs, headings, lists or tables) is read cell after cell. Scripts, styles, the
    head and images are left out; link texts stay, their addresses do not. Trailing
    spaces are cut from each line. ``ImportError`` names the extra when it is missing.
    """
    return render(html).text


def render(html: str | bytes) -> Decoded:
    """``render_html``, with the defects of decoding the page's bytes (their spans at 0).

    Their spans are set to the start: they located bytes of the page, not of the text.
    """
    engine = _engine()
    decoded = _decode_page(html) if isinstance(html, bytes | bytearray) else decode(html)
    defects = tuple(attrs.evolve(defect, span=Span(0, 0)) for defect in decoded.defects)
    markup = _SURROGATE.sub("\ufffd", _XML_DECLARATION.sub("", decoded.text, count=1))
    if markup.strip() and not _ANY_TAG.search(markup):
        defects = (*defects, _no_markup_defect())
    if not markup.strip():
        return Decoded("", defects)
    try:
        tree = engine.parse_page(markup)
    except engine.errors:  # nothing an HTML parser can read
        return Decoded("", defects)
    _unwrap_layout_tables(tree)
    lines = [
        line.rstrip() for line in engine.inscriptis(tree, engine.config).get_text().splitlines()
    ]
    text = "\n".join(lines).strip("\n")
    return Decoded(text + "\n" if text else "", defects)


#: How far into a page's bytes its declared encoding is looked for (the HTML standard's
#: prescan reads the first 1,024 bytes).
_PRESCAN = 1024
#: ``<meta charset="windows-1251">`` or ``<meta http-equiv="Content-Type"
#: content="text/html; charset=iso-8859-1">``.
_DECLARED_CHARSET = re.compile(
    rb"<meta\b[^>]{0,500}?\bcharset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]{1,40})", re.IGNORECASE
)
#: Labels the HTML standard reads as another encoding: Latin-1 and ASCII are Windows-1252.
_CHARSET_ALIASES = {"iso8859-1": "cp1252", "ascii": "cp1252"}


def declared_charset(page: bytes) -> str | None:
    """The Python codec a page's ``<meta>`` declares in its first bytes, if one is known."""
    found = _DECLARED_CHARSET.search(page[:_PRESCAN])
    if found is None:
        return None
    try:
        name = codecs.lookup(found.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    return _CHARSET_ALIASES.get(name, name)


def _decode_page(page: bytes) -> Decoded:
    """A page's bytes as text, in the encoding the page declares when they are not UTF-8.

    Bytes that are valid UTF-8 are UTF-8 whatever the page declares (a scraper that saved
    the page as UTF-8 rarely rewrites its ``<meta>``); other bytes follow the declaration
    (``windows-1251``, ``shift_jis``) rather than the guess of Windows-1252.
    """
    decoded = decode(page)
    if not decoded.defects or decoded.defects[0].code not in _GUESSED:
        return decoded
    charset = declared_charset(page)
    if charset is None or charset in ("utf-8", "cp1252"):
        return decoded
    try:
        text = bytes(page).decode(charset)
    except UnicodeDecodeError:
        return decoded
    note = Defect(
        "encoding.declared",
        f"the page was not UTF-8; decoded as {charset}, the encoding its <meta> declares",
        Severity.INFO,
        Span(0, 0),
    )
    return Decoded(text, (note,))


#: Decodings that were a guess, which a page's declaration may overrule.
_GUESSED = frozenset({"encoding.cp1252", "encoding.invalid_bytes"})


def _unwrap_layout_tables(tree: Any) -> None:
    """Make each layout table (a cell holds blocks) plain blocks, so it is read cell by cell.

    Laid out as a grid, the navigation column of a 2001–2009 page would share its lines
    with the release's header; a browser's text (what scrapers keep) reads the cells in turn.
    """
    for table in list(tree.iter("table")):
        cells = [cell for cell in table.iter("td", "th") if _owner(cell) is table]
        if any(_holds_blocks(cell) for cell in cells):
            for part in [table, *_own_parts(table)]:
                part.tag = "div"


def _owner(element: Any) -> Any:
    """The nearest table around ``element``."""
    parent = element.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _own_parts(table: Any) -> list[Any]:
    """The rows, cells and row groups of ``table`` itself, not of tables inside it."""
    return [
        part
        for part in table.iterdescendants()
        if isinstance(part.tag, str)
        and part.tag in _TABLE_PARTS
        and part.tag != "table"
        and _owner(part) is table
    ]


def _holds_blocks(cell: Any) -> bool:
    return any(
        isinstance(inner.tag, str) and inner.tag in _BLOCKS for inner in cell.iterdescendants()
    )
