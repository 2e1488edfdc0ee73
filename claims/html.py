"""HTML pages handed in as articles: telling a page from text, and its main text.

Apart from the cleaning rules because a page is not cleaned line by line: trafilatura
extracts its main content, and only that text is kept (the page itself is not), which the
article then records (``articles.extracted_from_html``).
"""

from __future__ import annotations

import re
from pathlib import PurePath

from claims.cleaning import line_reason

_CI = re.IGNORECASE


def html_to_text(html: str, *, name: str = "") -> str:
    """The article's text from an HTML page (trafilatura: main content, no menus or ads).

    A page with no article on it is refused rather than stored as whatever scrap is left:
    trafilatura may hand back a menu item ("Home") or the cookie banner when there is
    nothing else, and an article made of that means nothing.
    """
    import trafilatura

    from claims.errors import InputFileError

    text = trafilatura.extract(
        html, include_comments=False, include_tables=False, favor_precision=True
    )
    if not text or not any(_is_article_line(line) for line in text.splitlines()):
        where = name if name and name != "-" else "this HTML page"  # "-": standard input
        raise InputFileError(f"No article text found in {where}: save the text instead.")
    # trafilatura puts one paragraph per line; a blank line between them keeps paragraphs.
    return "\n\n".join(line for line in text.splitlines() if line.strip())


# Four words in a row, or a run of letters as long as a clause in a script written without
# spaces: menus ("Home | World | Sport") and buttons ("Accept all cookies") have neither.
_PROSE_RUN = re.compile(r"(?:[^\W_][^\s|\u2022\u00b7\u00bb]*\s+){3}[^\W_]|[^\W\d_]{12,}")


def _is_article_line(line: str) -> bool:
    return bool(_PROSE_RUN.search(line)) and line_reason(line) is None


def page_text(text: str, *, name: str = "", html: bool | None = None) -> tuple[str, bool]:
    """The article text of what a person handed in, and whether it was a page: a page's main
    text, or the text itself.

    ``html`` decides when given. Otherwise the file's name does: .html/.htm is a page, and
    .txt (or .text, .md) is text unless it is plainly a whole HTML document, since an
    article about the web may well write "<p>" in its prose. Without either, the content
    decides (``looks_like_html``). The caller stores the flag with the article: for a page,
    the text "as received" is the extracted text, and the page itself is not kept.
    """
    if is_page(text, name=name, html=html):
        return html_to_text(text, name=name), True
    return text, False


def is_page(text: str, *, name: str = "", html: bool | None = None) -> bool:
    """Whether ``page_text`` reads ``text`` as an HTML page and keeps only its extracted text."""
    if html is not None:
        return html
    suffix = PurePath(name).suffix.lower() if name else ""
    if suffix in _HTML_SUFFIXES:
        return True
    if suffix in _TEXT_SUFFIXES:
        return is_html_document(text)
    return looks_like_html(text)


_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_TEXT_SUFFIXES = (".txt", ".text", ".md")
_DOCUMENT_START = re.compile(
    r"\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", _CI | re.S
)
# A line that opens with an HTML tag of a page's structure (not "<3", "<- back", "<name>").
_TAG_AT_LINE_START = re.compile(
    r"^\s*</?(?:p|div|span|a|br|hr|img|body|head|header|footer|main|nav|article|section|aside"
    r"|h[1-6]|ul|ol|li|table|thead|tbody|tr|td|th|blockquote|figure|figcaption|meta|link"
    r"|script|style|title|form|input|button|strong|em|b|i)\b[^>]*>",
    _CI,
)


def is_html_document(text: str) -> bool:
    """Whether ``text`` is a whole HTML document: it opens with a doctype or <html>."""
    return _DOCUMENT_START.match(text[:20_000]) is not None


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is HTML by its structure, not by a tag its prose mentions.

    A whole document, or markup where most lines open with a tag: a saved fragment
    ("<p>...</p>" paragraphs) does, while an article that writes "between <p> and </p>"
    in a sentence does not.
    """
    if is_html_document(text):
        return True
    lines = [line for line in text.splitlines() if line.strip()]
    tagged = sum(1 for line in lines if _TAG_AT_LINE_START.match(line))
    return tagged > 0 and 2 * tagged > len(lines)
