"""Whether two spellings name the same person or body: "Sandor" and "Shandor".

Transliteration drifts a name by a letter or two, which an edit ratio sees;
it also adds silent letters ("Sh" for "S"), which a phonetic code (Soundex
ignores h and w) sees. Either signal alone is too loose for short words, so
a name counts as the same when it is close by both, or very close by spelling.
Folding (case, accents) is done by the caller: "Orbán" and "Orban" are one
spelling before they get here.
"""

from __future__ import annotations

import functools

SPELLING_CLOSE = 85  # rapidfuzz ratio at which a spelling alone is enough
SOUND_CLOSE = 70  # with the same Soundex code, a looser spelling is enough
MIN_LENGTH = 4  # "Li" and "Lu" say nothing


def similarity(a: str, b: str) -> float:
    return _ratio()(a.casefold(), b.casefold())


@functools.cache
def _ratio():
    """rapidfuzz's ratio, imported on first use (not at start-up), then kept: an import
    statement in ``similarity`` cost a fifth of it, called for every pair of names."""
    from rapidfuzz import fuzz

    return fuzz.ratio


def same_name(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ but plausibly spell one name."""
    a, b = a.strip(), b.strip()
    if a.casefold() == b.casefold():
        return False
    if min(len(a), len(b)) < MIN_LENGTH:
        return False
    score = similarity(a, b)
    if score >= SPELLING_CLOSE:
        return True
    if score < SOUND_CLOSE:
        return False
    import jellyfish

    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b):
        return False
    return all(
        jellyfish.soundex(x) == jellyfish.soundex(y) for x, y in zip(words_a, words_b, strict=True)
    )
