"""Reading article files: text in, with a clear refusal for anything that is not text."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import BinaryIO

from claims.errors import InputFileError

# Past this, what is given is not one article (a whole site, a dump, a wrong file): every
# way in refuses it, an article file (``decode_text``) and an import's cell alike.
MAX_ARTICLE_BYTES = 20 * 1024 * 1024
TOO_LARGE = "larger than 20 MB: that is not one article"


def text_too_large(text: str) -> bool:
    """Whether an article's text is past ``MAX_ARTICLE_BYTES`` as UTF-8.

    Counted without encoding the text where its length alone tells (a code point is one
    to four bytes), so that the check costs nothing on the texts of a bulk import.
    """
    length = len(text)
    if length <= MAX_ARTICLE_BYTES // 4:
        return False
    if length > MAX_ARTICLE_BYTES:
        return True
    return len(text.encode("utf-8", "surrogatepass")) > MAX_ARTICLE_BYTES


def read_text_file(path: str | Path, *, encoding: str | None = None) -> str:
    """Decode an article file: UTF-8, or UTF-16/32 with a byte-order mark, or ``encoding``.

    Anything else is refused with a hint at its likely encoding and the way
    out (``--encoding``): a wrongly decoded article would anchor quotations in
    mojibake, so the tool never guesses silently.
    """
    path = Path(path)
    if not path.exists():
        raise InputFileError(f"No such file: {path}.")
    if path.is_dir():
        raise InputFileError(f"{path} is a folder, not a text file.")
    try:
        with path.open("rb") as file:
            return read_text_stream(file, str(path), encoding=encoding)
    except OSError as error:
        raise InputFileError(f"Cannot read {path}: {error.strerror or error}.") from None


def read_text_stream(stream: BinaryIO, name: str, *, encoding: str | None = None) -> str:
    """Decode an article read from ``stream`` (a file, or standard input) as ``read_text_file``
    decodes a file."""
    return decode_text(read_article_bytes(stream, name), name, encoding=encoding)


def read_article_bytes(stream: BinaryIO, name: str) -> bytes:
    """The bytes of one article from ``stream``, refused once they pass the limit.

    One byte past the limit is read at most: a size cannot be asked first (a pipe,
    standard input and ``/dev/zero`` have none), and input without end would otherwise
    fill the memory before the limit was ever checked.
    """
    data = bytearray()
    while block := stream.read(min(_BLOCK, MAX_ARTICLE_BYTES + 1 - len(data))):
        data += block
        if len(data) > MAX_ARTICLE_BYTES:
            raise InputFileError(f"{name} is {TOO_LARGE}.")
    return bytes(data)


_BLOCK = 1 << 20


def decode_text(data: bytes, name: str, *, encoding: str | None = None) -> str:
    """Decode the bytes of an article read from ``name`` (a file, or standard input)."""
    path = name
    if len(data) > MAX_ARTICLE_BYTES:
        raise InputFileError(f"{path} is {TOO_LARGE}.")
    if not data.strip():
        raise InputFileError(f"{path} is empty: an article needs its text.")
    if encoding:
        if (wrong := not_wide(data, encoding, path)) is not None:
            raise InputFileError(wrong)
        try:
            return data.decode(encoding)
        except LookupError:
            raise InputFileError(f"Unknown encoding {encoding!r}.") from None
        except UnicodeDecodeError as error:
            raise InputFileError(
                f"{path} is not valid {encoding} (byte {error.start}); check --encoding."
            ) from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise InputFileError(
                    f"{path} starts with a {codec} mark but is not valid {codec}."
                ) from None
    if b"\x00" in data:
        raise InputFileError(f"{path} looks binary, not text (it holds NUL bytes).")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    raise InputFileError(
        f"{path} is not UTF-8 (byte {utf8_error.start}){_guess(data)}: convert it to UTF-8 "
        "or name its encoding with --encoding."
    )


def not_wide(data: bytes, encoding: str, name: str) -> str | None:
    """Why bytes named UTF-16 or UTF-32 cannot be: they hold no NUL byte, which such text
    has wherever it holds a space, a line break or any ASCII character. Decoded as UTF-16,
    a UTF-8 file gives a page of CJK characters without an error."""
    try:
        wide = codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))
    except LookupError:
        return None
    if not wide or b"\x00" in data or data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None  # a byte-order mark says it is: CJK text alone may hold no NUL
    return (
        f"{name} is not {encoding}: such text holds NUL bytes (a space or a line break has "
        "one), and it holds none; leave out --encoding if it is UTF-8."
    )


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def _guess(data: bytes) -> str:
    """A hint at the encoding. Only a hint: single-byte code pages are easy to confuse
    (cp1250 and cp1252 read the same bytes as different letters), so guessing silently
    would store mojibake and anchor quotations in it."""
    from charset_normalizer import from_bytes

    candidates = []
    for match in from_bytes(data):
        if match.chaos <= 0.2 and match.encoding not in candidates:
            candidates.append(match.encoding)
    if not candidates:
        return ""
    listed = ", ".join(candidates[:4])
    return f"; it may be one of {listed} (check which shows the text correctly)"
