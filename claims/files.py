"""Reading article files: text in, with a clear refusal for anything that is not text."""

from __future__ import annotations

from pathlib import Path

from claims.errors import InputFileError

MAX_ARTICLE_BYTES = 20 * 1024 * 1024


def read_text_file(path: str | Path, *, encoding: str | None = None) -> str:
    """Decode an article file: UTF-8 (with or without BOM), else a detected encoding.

    Detection is trusted only when charset-normalizer is confident; otherwise
    the file is refused with the way out (``--encoding``), because a wrongly
    decoded article would anchor quotations in mojibake.
    """
    path = Path(path)
    if not path.exists():
        raise InputFileError(f"No such file: {path}.")
    if path.is_dir():
        raise InputFileError(f"{path} is a folder, not a text file.")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputFileError(f"Cannot read {path}: {error.strerror or error}.") from None
    if len(data) > MAX_ARTICLE_BYTES:
        raise InputFileError(f"{path} is larger than 20 MB: that is not one article.")
    if not data.strip():
        raise InputFileError(f"{path} is empty: an article needs its text.")
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise InputFileError(f"Unknown encoding {encoding!r}.") from None
        except UnicodeDecodeError as error:
            raise InputFileError(
                f"{path} is not valid {encoding} (byte {error.start}); check --encoding."
            ) from None
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputFileError(f"{path} looks binary, not text: give a plain-text article.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.chaos > 0.2 or best.coherence < 0.2:
        raise InputFileError(
            f"{path} is not UTF-8 and its encoding cannot be told reliably: "
            "convert it to UTF-8 or pass --encoding (e.g. --encoding cp1252)."
        )
    return str(best)
