"""Chains as graphs: one claim's travel, or the whole network of who relies on whom.

Nodes are sources (people, agencies, outlets …) keyed by source id; an edge
runs from a hop to the next one in a chain, towards the carrier. Graphs are
networkx ``DiGraph`` objects, so analysts can run networkx on them as well as
draw them (``claims.drawing``). networkx is imported inside the functions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from claims.errors import InvalidInput
from claims.models import Appearance, ChainHop, Source, iso
from claims.services.claims import get_claim
from claims.services.drift import drifted_hops

if TYPE_CHECKING:
    import networkx as nx


def claim_graph(session: Session, claim_id: int) -> nx.DiGraph:
    """The chains of one claim, merged: an edge per hop, with its cues, dates and drift.

    A finding about a chain source marks the hop leaving that source; any other
    finding (wording, hedging, a quotation flip) marks the carrier's own hop,
    the last one, where the words were changed. An appearance whose chain is its
    publisher alone has no hop: its findings mark the publisher's node (``drift``).
    """
    import networkx as nx

    claim = get_claim(session, claim_id)
    if not claim.appearances:
        raise InvalidInput(
            f"Claim #{claim_id} has no appearances yet, so no chain to draw: "
            "record one with `claims appearance add`."
        )
    drift = drifted_hops(session, claim_id)
    graph = nx.DiGraph(title=f"Claim #{claim.id}: {claim.text}", kind="claim")
    for appearance in claim.appearances:
        hops = appearance.hops
        for hop in hops:
            graph.add_node(hop.source_id, label=hop.source.name, kind=hop.source.kind)
        marked: dict[int, set[str]] = {}
        chain_ids = [hop.source_id for hop in hops]
        for kind, source_id in drift.get(appearance.id, []):
            at = chain_ids.index(source_id) if source_id in chain_ids[:-1] else len(hops) - 2
            if at < 0 and chain_ids:
                # A chain of the publisher alone has no hop to mark: its box is marked.
                _append_new(graph.nodes[chain_ids[-1]].setdefault("drift", []), kind)
                continue
            marked.setdefault(at, set()).add(kind)
        published = iso(appearance.article.published)
        for position, (upstream, downstream) in enumerate(zip(hops, hops[1:], strict=False)):
            data = graph.get_edge_data(upstream.source_id, downstream.source_id)
            if data is None:
                data = {"cues": [], "dates": [], "appearances": [], "drift": []}
                graph.add_edge(upstream.source_id, downstream.source_id, **data)
            _append_new(data["cues"], upstream.cue)
            _append_new(data["dates"], published)
            data["appearances"].append(appearance.id)
            for kind in sorted(marked.get(position, ())):
                _append_new(data["drift"], kind)
    for _, _, data in graph.edges(data=True):
        data["label"] = _edge_label(data)
    return graph


def _append_new(values: list, value) -> None:
    if value and value not in values:
        values.append(value)


def _edge_label(data: dict) -> str:
    lines = [" / ".join(data["cues"])] if data["cues"] else []
    if data["dates"]:
        lines.append(", ".join(data["dates"]))
    if data["drift"]:
        lines.append("drift: " + ", ".join(data["drift"]))
    return "\n".join(lines)


def outlet_network(session: Session) -> nx.DiGraph:
    """Every chain at once: an edge from each source to the next, weighted by claims carried.

    Empty when no appearance is recorded; ``require_edges`` turns that into advice.
    """
    import networkx as nx

    graph = nx.DiGraph(
        title="Who relies on whom: sources and outlets over all claims", kind="network"
    )
    rows = session.execute(
        select(
            ChainHop.appearance_id,
            Appearance.claim_id,
            ChainHop.source_id,
            Source.name,
            Source.kind,
        )
        .join(Appearance, Appearance.id == ChainHop.appearance_id)
        .join(Source, Source.id == ChainHop.source_id)
        .order_by(ChainHop.appearance_id, ChainHop.position)
    )
    claims: dict[tuple[int, int], set[int]] = {}
    previous: tuple[int, int] | None = None  # (appearance id, source id)
    for appearance_id, claim_id, source_id, name, kind in rows:
        graph.add_node(source_id, label=name, kind=kind)
        if previous is not None and previous[0] == appearance_id:
            claims.setdefault((previous[1], source_id), set()).add(claim_id)
        previous = (appearance_id, source_id)
    for (upstream, downstream), carried in claims.items():
        count = len(carried)
        graph.add_edge(
            upstream, downstream, weight=count, label=f"{count} claim{'s' * (count != 1)}"
        )
    return graph


def require_edges(graph: nx.DiGraph) -> nx.DiGraph:
    if graph.number_of_nodes() == 0:
        raise InvalidInput(
            "No chains are recorded yet, so there is nothing to draw: add appearances first "
            "(`claims appearance add`, or `claims seed` for examples)."
        )
    return graph
