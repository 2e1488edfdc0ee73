"""The run-at-a-time folding gives exactly what the character-at-a-time rule gives."""

from hypothesis import given, settings
from hypothesis import strategies as st

from claims.text import fold_char, fold_with_map, fold_with_offsets, strip_accents

# Characters that exercise every branch: spaces of several kinds, dashes, quotes, an
# ellipsis (one to three), a soft hyphen and zero-width space (one to none), accents,
# a combining mark and a ligature.
TRICKY = (
    "ab -\u2014\u2013 \n\t\r\u00ad\u2026\u00e9\u00a8`'\"\u201c\u201dX\u00a0\u200b.,\ufb01\u0301"
)


def _fold_with_map_by_char(text: str) -> tuple[str, list[int]]:
    """The folding rule one character at a time (the reference ``fold_with_map`` must match)."""
    out: list[str] = []
    index: list[int] = []
    previous_space = True  # drop leading whitespace
    for position, char in enumerate(text):
        for folded in fold_char(char):
            if folded.isspace():
                if previous_space:
                    continue
                folded = " "
                previous_space = True
            elif folded == "-":
                # "ties—with", "ties - with" and "ties -with" are one spelling: a dash
                # swallows the spaces around it.
                if out and out[-1] == " ":
                    out.pop()
                    index.pop()
                previous_space = True
            else:
                previous_space = False
            out.append(folded)
            index.append(position)
    if out and out[-1] == " ":
        out.pop()
        index.pop()
    return "".join(out), index


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=TRICKY, max_size=40))
def test_fold_matches_the_reference_rule_on_tricky_text(text):
    assert fold_with_map(text) == _fold_with_map_by_char(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_fold_matches_the_reference_rule_on_any_text(text):
    assert fold_with_map(text) == _fold_with_map_by_char(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_fold_matches_the_reference_rule_on_ascii_text(text):
    assert fold_with_map(text) == _fold_with_map_by_char(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["ab", " ", "  ", "\n", "-", "\u2014", "\u00e9"]), max_size=30))
def test_fold_matches_the_reference_rule_on_word_and_space_runs(parts):
    text = "".join(parts)
    assert fold_with_map(text) == _fold_with_map_by_char(text)


@given(st.text(max_size=40))
def test_strip_accents_shortcut_changes_nothing(text):
    import unicodedata

    expected = "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    )
    assert strip_accents(text) == expected


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=TRICKY, max_size=40))
def test_long_text_path_matches_the_reference_rule(text):
    from claims import text as folding

    saved = folding.LONG_TEXT
    folding.LONG_TEXT = 0  # every text takes the numpy path
    try:
        assert fold_with_map(text) == _fold_with_map_by_char(text)
    finally:
        folding.LONG_TEXT = saved


def test_whole_articles_fold_alike_both_ways():
    from tests.conftest import INQUIRER, UNN

    for path in (INQUIRER, UNN):
        article = path.read_text(encoding="utf-8")
        article += "\u2026 an ellipsis \u2014 a dash, a soft\u00adhyphen " + article
        assert fold_with_map(article) == _fold_with_map_by_char(article)


def _quoted_regions_by_char(text, start, end):
    # What may close each opening mark: English, German „…“ and »…«, French «…»; a
    # typewriter " closes the marks copy mixes it with. » opens only when a « follows.
    closers = {
        '"': '"\u201d',
        "\u201c": '"\u201d',
        "\u201e": '"\u201c\u201d',
        "\u00ab": "\u00bb",
        "\u00bb": "\u00ab",
    }
    regions, open_at = [], None
    for position in range(start, end):
        char = text[position]
        if open_at is not None and char in closers:
            # a quotation going on in the next paragraph opens again there, before a word
            line = text.rfind("\n", open_at, position)
            words_next = position + 1 < end and text[position + 1].isalnum()
            if line >= 0 and not text[line + 1 : position].strip() and words_next:
                first_break = text.index("\n", open_at)
                last = len(text[open_at:first_break].rstrip()) + open_at
                if last - 1 > open_at:
                    regions.append((open_at, last))
                    open_at = None
        if open_at is None:
            if char in closers and (char != "\u00bb" or "\u00ab" in text[position + 1 : end]):
                open_at = position
        elif char in closers[text[open_at]]:
            regions.append((open_at, position + 1))
            open_at = None
    if open_at is not None:
        regions.append((open_at, end))
    return regions


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='ab "\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a\n', max_size=30), st.data())
def test_quoted_regions_skip_to_the_marks_alike(text, data):
    from claims.anchoring import quoted_regions

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert quoted_regions(text, start, end) == _quoted_regions_by_char(text, start, end)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.characters(max_codepoint=127), max_size=60)
    | st.lists(
        st.sampled_from(["ab", " ", "  ", "\n", "-", " - ", "\u00e9", "\t"]), max_size=30
    ).map("".join)
)
def test_offsets_as_runs_read_as_the_list_does(text):
    folded, offsets = fold_with_offsets(text)
    expected, index = fold_with_map(text)
    assert folded == expected
    assert len(offsets) == len(index)
    assert [offsets[i] for i in range(len(offsets))] == index
    assert list(offsets) == index
    if index:
        assert offsets[-1] == index[-1] and list(offsets[1:]) == index[1:]
