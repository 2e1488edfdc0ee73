"""Attribution chains: how the words travelled from whoever said them to the page.

A chain composes three parts, origin first:

1. what the sentence itself states ("Wang Xiaohong told Orban ..., the
   official Xinhua news agency said" gives ``Wang Xiaohong [told] > Xinhua [said]``);
2. the article's origin, the source whose text it is (Reuters, for a wire
   copy or a rewrite "citing Reuters");
3. the article's publisher (the Inquirer, UNN).

The person states only part 1; parts 2 and 3 are appended without repeating
the source the chain already ends with. A chain that names the same source
twice in a row, or comes back to a source (a cycle), is refused: it cannot
describe how words travelled.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from claims.errors import InvalidChain, InvalidInput

ARROW = " \u2192 "
_SEPARATOR = re.compile(r"\s*(?:>|\u2192|->)\s*")
_HOP = re.compile(r"^(?P<name>[^\[\]]*?)\s*(?:\[(?P<cue>[^\[\]]*)\])?\s*$")


@dataclass(frozen=True)
class StatedHop:
    """One hop as a person wrote it: a source name and, optionally, its cue."""

    name: str
    cue: str | None = None


@dataclass(frozen=True)
class Hop:
    """One hop of a composed chain, with its source resolved to an id."""

    source_id: int
    source_name: str
    cue: str | None
    role: str  # stated | origin | publisher
    evidence: tuple[int, int] | None = None


def parse_chain(text: str | None) -> list[StatedHop]:
    """Parse ``"Wang Xiaohong [told] > Xinhua [said]"`` into hops, origin first.

    ``>``, ``->`` and ``→`` all separate hops; a cue in square brackets is optional.
    """
    if text is None or not text.strip():
        return []
    hops: list[StatedHop] = []
    for number, part in enumerate(_SEPARATOR.split(text.strip()), start=1):
        match = _HOP.match(part)
        if match is None:
            raise InvalidInput(
                f"Cannot read hop {number} of the chain ({part!r}): write hops as "
                '"Name [cue] > Name [cue]", e.g. "Wang Xiaohong [told] > Xinhua [said]".'
            )
        name = " ".join(match.group("name").split())
        cue = " ".join((match.group("cue") or "").split()) or None
        if not name:
            raise InvalidInput(
                f"Hop {number} of the chain {text.strip()!r} names no source: "
                'write hops as "Name [cue] > Name [cue]".'
            )
        hops.append(StatedHop(name, cue))
    return hops


def compose(
    stated: list[Hop],
    *,
    origin: Hop | None,
    publisher: Hop,
) -> list[Hop]:
    """Stated hops + the article's origin + its publisher, without repeating the last source.

    Raises ``InvalidChain`` for a source named twice in a row by the person,
    and for any cycle in the composed chain.
    """
    for before, after in zip(stated, stated[1:], strict=False):
        if before.source_id == after.source_id:
            raise InvalidChain(
                f"The chain names {after.source_name!r} twice in a row: name each source once."
            )
    chain = list(stated)
    for hop in (origin, publisher):
        if hop is None:
            continue
        if chain and chain[-1].source_id == hop.source_id:
            continue
        chain.append(hop)
    seen: set[int] = set()
    for hop in chain:
        if hop.source_id in seen:
            raise InvalidChain(
                f"The chain {render(chain)} comes back to {hop.source_name!r}, a cycle: "
                "attribution runs one way, from whoever said it to whoever published it."
            )
        seen.add(hop.source_id)
    return chain


def stated_syntax(hops: Iterable[tuple[str, str | None]]) -> str:
    """``Wang Xiaohong [told] > Xinhua [said]``: (name, cue) hops as a person types them,
    what ``parse_chain`` reads back."""
    return " > ".join(f"{name} [{cue}]" if cue else name for name, cue in hops)


def render(hops: list[Hop] | list[str]) -> str:
    """``Wang Xiaohong → Xinhua → Reuters → UNN``."""
    names = [hop if isinstance(hop, str) else hop.source_name for hop in hops]
    return ARROW.join(names)


def render_with_cues(hops: list[tuple[str, str | None]]) -> str:
    """``Wang Xiaohong (told) → Xinhua (said) → Reuters (citing) → UNN``, for reviewers."""
    return ARROW.join(f"{name} ({cue})" if cue else name for name, cue in hops)
