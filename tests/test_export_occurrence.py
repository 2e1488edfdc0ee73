"""The quotation and occurrence the flat rows write find again the passage that was stored.

Texts are drawn from the characters folding treats specially (case, accents,
typographic quotes and dashes, odd spaces, invisible marks) and repeat words,
so the quick uniqueness test and the full count are both exercised.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claims.anchoring import count_occurrences, find_quotation
from claims.errors import ClaimsError
from claims.export.flat import Occurrences

PIECES = st.sampled_from(
    [
        "peace",
        "Peace",
        "PEACE",
        "p\u00e9ace",
        "now",
        " ",
        "  ",
        "\n\n",
        "\u00a0",
        "-",
        " - ",
        "\u2014",
        "\u201c",
        '"',
        "'",
        "\u2019",
        "\u00ad",
        "\u200b",
        "\ufb01",
        "fi",
        ".",
        "\u2026",
        "...",
        "e\u0301",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    pieces=st.lists(PIECES, min_size=1, max_size=30),
    data=st.data(),
)
def test_occurrence_anchors_back_to_the_stored_span(pieces, data):
    text = "".join(pieces)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = text[start:end]
    try:
        total = count_occurrences(text, quote)
        anchors = [find_quotation(text, quote, occurrence=k) for k in range(1, total + 1)]
    except ClaimsError:
        return  # nothing to anchor (the quotation folds to nothing)
    occurrences = Occurrences(size=2)
    for anchor in anchors:
        # The row carries the stored words (the exact passage) and their occurrence; import
        # anchors them the same way, so they must land on the same span.
        found = occurrences.number(1, text, anchor.exact, anchor.start, anchor.end)
        again = find_quotation(text, anchor.exact, occurrence=found)
        assert (again.start, again.end) == (anchor.start, anchor.end)
        if found is not None:
            assert count_occurrences(text, anchor.exact) > 1
