"""``claims article ...`` with bad input: one clear line, exit 1, nothing stored.

Every test runs on SQLite and, when a server is given, on PostgreSQL. The
articles are small made-up texts written into ``tmp_path``.
"""

from __future__ import annotations

import io
import json
import os
import stat

import pytest

TEXT = (
    "Minister Jane Doe told reporters on Monday that \u201cthe bridge will open in May\u201d, "
    "the State Agency said.\n\n"
    "\u201cIt\u2019s a done deal,\u201d an aide added \u2013 and nobody in the room doubted it.\n"
)
CP1252_TEXT = (
    "The minister said \u201cwe will win the election\u201d on Monday \u2013 and nobody in "
    "the room doubted it. \u201cIt\u2019s a done deal,\u201d an aide added. Critics called "
    "the remarks premature, but the polls seemed to agree with him."
)
LATIN1_TEXT = (
    "Le ministre a d\u00e9clar\u00e9 lundi que le pont ouvrira en mai. Les \u00e9l\u00e8ves de "
    "l\u00e9cole voisine ont re\u00e7u la nouvelle avec enthousiasme, pr\u00e9cise le "
    "communiqu\u00e9 du minist\u00e8re."
)
# French in cp1252 whose bytes also read as (wrong) Central European cp1250.
CP1252_FRENCH = (
    "Le ministre a d\u00e9clar\u00e9 lundi que le pont ouvrira en mai. \u00ab C\u2019est une "
    "tr\u00e8s bonne nouvelle \u00bb, a r\u00e9agi le maire. Les \u00e9l\u00e8ves de "
    "l\u2019\u00e9cole voisine ont re\u00e7u la nouvelle avec enthousiasme, pr\u00e9cise le "
    "communiqu\u00e9."
)


@pytest.fixture
def outlet(cli):
    """A known outlet, "Reuters", so article add has somewhere to file the text."""
    result = cli("source", "add", "Reuters", "--kind", "outlet")
    assert result.exit_code == 0, result.output
    return "Reuters"


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def stored_text(cli, article_id: int) -> str:
    result = cli("article", "show", str(article_id), "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["text"]


# --- the file ------------------------------------------------------------------------------


def test_missing_file(failing, outlet, tmp_path):
    missing = tmp_path / "nowhere.txt"
    failing("article", "add", str(missing), "--outlet", outlet, match="No such file")
    assert not missing.exists()


def test_directory_instead_of_file(failing, outlet, tmp_path):
    failing("article", "add", str(tmp_path), "--outlet", outlet, match="is a folder")


def test_unreadable_file(failing, outlet, article):
    article.chmod(0)
    try:
        if os.access(article, os.R_OK):
            pytest.skip("running as root: a chmod 000 file is still readable")
        failing("article", "add", str(article), "--outlet", outlet, match="Cannot read")
    finally:
        article.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_binary_file(failing, outlet, tmp_path):
    path = tmp_path / "photo.jpg"
    path.write_bytes(bytes(range(256)) * 4 + b"\x00\x00\xff\xd8" + bytes(range(255, -1, -1)))
    failing("article", "add", str(path), "--outlet", outlet, match="binary")


def test_file_larger_than_one_article(failing, outlet, tmp_path):
    path = tmp_path / "dump.txt"
    path.write_bytes(b"word " * (4 * 1024 * 1024 + 10))
    failing("article", "add", str(path), "--outlet", outlet, match="larger than 20 MB")


class Endless(io.RawIOBase):
    """Prose without end, as ``yes "word said."`` pipes it: counts the bytes taken from it.

    Finite only so that a reader that takes it whole stops too (at three times the limit),
    to be caught by its count rather than by the memory it fills.
    """

    def __init__(self):
        self.taken = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        from claims.files import MAX_ARTICLE_BYTES

        count = min(len(buffer), 3 * MAX_ARTICLE_BYTES - self.taken)
        line = b"word said.\n"
        whole = line * (count // len(line) + 1)
        buffer[:count] = whole[:count]
        self.taken += count
        return count


def test_standard_input_without_end_is_refused_once_past_one_article(failing, outlet, monkeypatch):
    import typer

    from claims.files import MAX_ARTICLE_BYTES

    stream = Endless()
    monkeypatch.setattr(typer, "get_binary_stream", lambda name: stream)
    failing("article", "add", "-", "--outlet", outlet, match="larger than 20 MB")
    assert stream.taken <= MAX_ARTICLE_BYTES + (1 << 20) + 1, stream.taken


def test_a_file_is_read_no_further_than_one_article(failing, outlet, tmp_path, monkeypatch):
    """A file may have no end either (``/dev/zero``, a pipe named as a file)."""
    from pathlib import Path

    from claims.files import MAX_ARTICLE_BYTES

    path = tmp_path / "dump.txt"
    path.touch()
    stream = Endless()
    monkeypatch.setattr(Path, "open", lambda self, *args, **kwargs: stream)
    failing("article", "add", str(path), "--outlet", outlet, match="dump.txt is larger than 20 MB")
    assert stream.taken <= MAX_ARTICLE_BYTES + (1 << 20) + 1, stream.taken


@pytest.mark.parametrize(
    "content",
    [b"", b"   \n\t\n  \r\n"],
    ids=["empty", "whitespace-only"],
)
def test_empty_file(failing, outlet, tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    failing("article", "add", str(path), "--outlet", outlet, match="is empty")


def test_file_with_only_a_byte_order_mark(failing, outlet, tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf\n")
    failing("article", "add", str(path), "--outlet", outlet, match="empty")


@pytest.mark.parametrize(
    "text, encoding",
    [(CP1252_TEXT, "cp1252"), (LATIN1_TEXT, "latin-1"), (CP1252_FRENCH, "cp1252")],
    ids=["cp1252-english", "latin1-french", "cp1252-french"],
)
def test_file_not_in_utf8_needs_its_encoding(cli, failing, outlet, tmp_path, text, encoding):
    """Never guessed silently: cp1250 reads cp1252's 'très' as 'trčs'. With --encoding it is
    stored exactly."""
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    message = failing("article", "add", str(path), "--outlet", outlet, match="is not UTF-8")
    assert "--encoding" in message
    result = cli("article", "add", str(path), "--outlet", outlet, "--encoding", encoding)
    assert result.exit_code == 0, result.output
    assert stored_text(cli, int(result.stdout)) == text


def test_utf16_file_with_bom(cli, outlet, tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes(TEXT.encode("utf-16"))
    result = cli("article", "add", str(path), "--outlet", outlet)
    assert result.exit_code == 0, result.output
    assert stored_text(cli, int(result.stdout)) == TEXT


def test_broken_utf16_after_its_byte_order_mark(failing, outlet, tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes(b"\xff\xfeH\x00i\x00\x00\xd8")  # ends in half a surrogate pair
    failing("article", "add", str(path), "--outlet", outlet, match="is not valid utf-16")


def test_unknown_encoding(failing, outlet, article):
    failing(
        "article",
        "add",
        str(article),
        "--outlet",
        outlet,
        "--encoding",
        "nonsense",
        match="Unknown encoding 'nonsense'",
    )


def test_file_not_in_the_given_encoding(failing, outlet, article):
    failing(
        "article",
        "add",
        str(article),
        "--outlet",
        outlet,
        "--encoding",
        "ascii",
        match="is not valid ascii",
    )


# --- the options ---------------------------------------------------------------------------


@pytest.mark.parametrize("published", ["2024-13-45", "yesterday", "19/02/2024"])
def test_bad_published_date(failing, outlet, article, published):
    message = failing(
        "article",
        "add",
        str(article),
        "--outlet",
        outlet,
        "--published",
        published,
        match="Bad date",
    )
    assert "YYYY-MM-DD" in message


@pytest.mark.parametrize("url", ["ftp://x", "example.com", "javascript:alert(1)"])
def test_bad_url(failing, outlet, article, url):
    failing("article", "add", str(article), "--outlet", outlet, "--url", url, match="Bad URL")


@pytest.mark.parametrize("language", ["english!", "e", "en_GB", "12"])
def test_bad_language(failing, outlet, article, language):
    failing(
        "article",
        "add",
        str(article),
        "--outlet",
        outlet,
        "--language",
        language,
        match="Bad language",
    )


def test_unknown_outlet_suggests_a_close_name(failing, outlet, article):
    message = failing("article", "add", str(article), "--outlet", "Reuter", match="Unknown source")
    assert "'Reuters'" in message
    assert "--create-sources" in message


def test_unknown_outlet_without_anything_close(failing, outlet, article):
    message = failing(
        "article", "add", str(article), "--outlet", "Zzyzx Quarterly", match="Unknown source"
    )
    assert "--create-sources" in message
    assert "Did you mean" not in message


def test_unknown_origin(failing, outlet, article):
    message = failing(
        "article",
        "add",
        str(article),
        "--outlet",
        outlet,
        "--origin",
        "State Agncy",
        match="Unknown source 'State Agncy'",
    )
    assert "--create-sources" in message


def test_unknown_outlet_with_create_sources(cli, article):
    result = cli("article", "add", str(article), "--outlet", "Reuter", "--create-sources")
    assert result.exit_code == 0, result.output
    result = cli("source", "show", "Reuter", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["kind"] == "outlet"


def test_same_text_twice(cli, failing, outlet, article, tmp_path):
    result = cli("article", "add", str(article), "--outlet", outlet)
    assert result.exit_code == 0, result.output
    failing("article", "add", str(article), "--outlet", outlet, match="article #1")
    # Another copy with Windows line endings and a BOM is the same text.
    copy = tmp_path / "copy.txt"
    copy.write_bytes(b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode("utf-8"))
    failing("article", "add", str(copy), "--outlet", outlet, match="article #1")


def test_same_text_twice_even_under_another_outlet(cli, failing, outlet, article):
    assert cli("article", "add", str(article), "--outlet", outlet).exit_code == 0
    assert cli("source", "add", "Daily Planet", "--kind", "outlet").exit_code == 0
    failing("article", "add", str(article), "--outlet", "Daily Planet", match="article #1")


# --- other article commands ----------------------------------------------------------------


def test_show_unknown_article(failing):
    failing("article", "show", "99", match="No article with id 99")


def test_list_by_unknown_outlet(failing, outlet):
    message = failing("article", "list", "--outlet", "Reutres", match="Unknown source 'Reutres'")
    assert "'Reuters'" in message


# --- values the database cannot hold --------------------------------------------------------


@pytest.mark.parametrize(
    "option, match",
    [
        (["--title", "t" * 1001], "at most 1000"),
        (["--origin", "State Agency", "--origin-cue", "c" * 101], "at most 100"),
        (["--language", "en-aaaaaaaa-bbbbbbbb-cccc"], "at most 20"),
        (["--url", "https://example.com/" + "p" * 2000], "at most 2000"),
    ],
    ids=["title", "origin-cue", "language", "url"],
)
def test_values_longer_than_their_column(failing, outlet, article, option, match):
    """SQLite would store them and PostgreSQL raise mid-transaction: both refuse them alike."""
    failing(
        "article",
        "add",
        str(article),
        "--outlet",
        outlet,
        "--create-sources",
        *option,
        match=match,
    )


def test_nul_character_anywhere_in_the_file(failing, outlet, tmp_path):
    """PostgreSQL text cannot hold NUL, so a NUL after the first kilobytes is refused too."""
    path = tmp_path / "long.txt"
    path.write_text(TEXT + "Filler sentence. " * 600 + "\x00 the end.\n", encoding="utf-8")
    failing("article", "add", str(path), "--outlet", outlet, match="NUL")


PAGE = (
    "<!doctype html><html><body><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
    "<p>We use cookies to improve your experience. Accept all cookies</p><article>"
    "<h1>Bridge to open in May</h1>"
    "<p>Minister Jane Doe told reporters on Monday that the new bridge over the river "
    "will open in May, the State Agency said.</p>"
    "<p>The bridge cost 40 million euros and took three years to build, officials said.</p>"
    "</article><footer>Terms | Privacy | Contact us</footer></body></html>"
)


def test_an_html_page_is_said_to_be_kept_as_its_extracted_text(cli, outlet, tmp_path):
    """The page is not stored: its raw text is what was extracted, and the person is told
    so when it is added, shown and asked what was cut."""
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    added = cli("article", "add", str(path), "--outlet", outlet, "--format", "json")
    assert added.exit_code == 0, added.output
    assert "the page itself" in added.stderr
    article_id = str(json.loads(added.stdout)["id"])
    for args in ([], ["--removed"], ["--removed", "--format", "json"]):
        shown = cli("article", "show", article_id, *args)
        assert shown.exit_code == 0, shown.output
        assert "HTML page" in shown.stderr
        assert "the page itself" in shown.stderr
        assert "HTML page" not in shown.stdout
    assert "Bridge to open in May" in stored_text(cli, int(article_id))
    assert "cookies" not in stored_text(cli, int(article_id))
    shown = cli("article", "show", article_id, "--format", "json")
    assert json.loads(shown.stdout)["extracted_from_html"] is True


def test_an_article_from_a_page_is_still_one_after_export_and_import(cli, outlet, tmp_path):
    """The flag travels in the flat rows (article_from_html), CSV and JSON Lines alike."""
    from claims.db import open_session
    from claims.models import Article
    from tests.conftest import Cli

    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text("A plain text article about the harbour, said the mayor.\n", "utf-8")
    for path in (page, plain):
        assert cli("article", "add", str(path), "--outlet", outlet).exit_code == 0
    for fmt in ("jsonl", "csv"):
        exported = tmp_path / f"all.{fmt}"
        result = cli("export", "--format", fmt, "-o", str(exported))
        assert result.exit_code == 0, result.output
        copy = tmp_path / f"copy-{fmt}.db"
        fresh = Cli(f"sqlite:///{copy}")
        assert fresh("init").exit_code == 0
        imported = fresh("import", str(exported))
        assert imported.exit_code == 0, imported.output
        with open_session(fresh.url, write=False) as session:
            flags = sorted(a.extracted_from_html for a in session.query(Article))
        assert flags == [False, True], fmt


def test_a_text_file_is_not_said_to_come_from_a_page(cli, outlet, article):
    added = cli("article", "add", str(article), "--outlet", outlet, "--format", "json")
    assert added.exit_code == 0, added.output
    assert "HTML" not in added.stderr
    shown = cli("article", "show", str(json.loads(added.stdout)["id"]), "--removed")
    assert shown.exit_code == 0, shown.output
    assert "HTML" not in shown.stderr


@pytest.mark.parametrize("outlet", ["", "   "])
def test_list_with_an_empty_outlet_is_refused_not_unfiltered(failing, outlet):
    failing("article", "list", "--outlet", outlet, match="source name is empty")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "UTF-32"])
def test_a_utf8_file_named_utf16_is_refused_not_stored_as_garbage(
    failing, outlet, article, encoding
):
    failing(
        "article", "add", str(article), "--outlet", outlet, "--encoding", encoding,
        match=f"is not {encoding}: such text holds NUL bytes",
    )  # fmt: skip


def test_a_utf16_file_without_its_mark_is_read_when_named(cli, outlet, tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes("The mayor said the bridge would close.\n".encode("utf-16-le"))
    result = cli("article", "add", str(path), "--outlet", outlet, "--encoding", "utf-16-le")
    assert result.exit_code == 0, result.output
    shown = cli("article", "show", result.stdout.strip(), "--format", "json")
    assert "The mayor said the bridge would close." in shown.stdout


def test_utf16_text_with_its_mark_and_no_ascii_is_read(cli, outlet, tmp_path):
    path = tmp_path / "cjk.txt"
    path.write_bytes("\u674e\u5f3a\u4f1a\u89c1\u5308\u7259\u5229\u603b\u7406".encode("utf-16"))
    assert b"\x00" not in path.read_bytes()
    result = cli("article", "add", str(path), "--outlet", outlet, "--encoding", "utf-16")
    assert result.exit_code == 0, result.output
