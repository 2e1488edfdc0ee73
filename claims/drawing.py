"""Pictures of chain graphs, left to right from whoever said it to whoever printed it.

No Graphviz binary is needed: the layout is computed here (layers by longest
path, so every edge points right; nodes within a layer ordered by where their
neighbours sit, so lines cross less), drawn with matplotlib's object API (no
pyplot, no display), and DOT text is written directly for people who do have
Graphviz. Turning a figure into file bytes is ``claims.output``'s job.

Edges that jump columns, or would run through another source's box, curve round
it: each edge tries a few bends and keeps the first whose line and label clear
every other box (and the labels placed before it). Names in any script are drawn
with the first installed font of ``FONT_FAMILIES`` that has their characters;
what no installed font has is reported once (``missing_note``), not warned about
glyph by glyph.
"""

from __future__ import annotations

import functools
import re
import textwrap
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from claims.errors import InvalidInput
from claims.models import SOURCE_KINDS

if TYPE_CHECKING:
    import networkx as nx
    from matplotlib.figure import Figure

KIND_COLOURS = {
    "person": "#f7c59f",
    "organisation": "#b8d8ba",
    "news_agency": "#9ecae1",
    "outlet": "#c6b5e0",
    "state_body": "#f4a7a7",
    "media": "#ffe08a",
    "other": "#d9d9d9",
}
DRIFT_COLOUR = "#c0392b"
EDGE_COLOUR = "#555555"
NODE_WRAP = 18  # characters per line in a node
NODE_LINES = 4  # a longer name ends in "…": its box must stay within its row
EDGE_WRAP = 28
TITLE_WRAP = 90
TITLE_LINES = 3  # a claim's whole text would cover the graph: longer titles end in "…"
# Tried in this order for each character; those not installed are skipped. DejaVu Sans,
# matplotlib's own, covers Latin, Greek, Cyrillic, Arabic and Hebrew; the others add CJK.
FONT_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "Noto Sans CJK KR",
    "Noto Sans CJK TC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Droid Sans Fallback",
    "DejaVu Sans",
)
FONT_ADVICE = (
    "install a font that has them, e.g. Noto Sans CJK for Chinese, Japanese and Korean "
    "(`apt install fonts-noto-cjk`, `brew install --cask font-noto-sans-cjk`), then draw again"
)
_MISSING_GLYPH = re.compile(r"Glyph (\d+) .*missing from font")
# Candidate bends (matplotlib ``arc3`` rad) for an edge, least curved first.
BENDS = (0.0, 0.22, -0.22, 0.35, -0.35, 0.5, -0.5, 0.7, -0.7)
DPI = 110
ROW_INCHES = 0.95  # holds a box of NODE_LINES lines with a gap to the next row
COLUMN_INCHES = 3.1
# A PNG longer than this on a side opens in few viewers, and most of it is white: past
# it, SVG (drawn at any size) or DOT (Graphviz lays out large networks) serve better.
MAX_PNG_SIDE = 16_384
# Past this many sources, routing every edge round every box takes minutes, and the
# picture is a strip no one reads; Graphviz (DOT) lays out a network that size.
MAX_DRAWN_SOURCES = 400
# A workbook's picture is read at a spreadsheet's zoom, beside the tables; past this
# many sources it is a strip of unreadable boxes, and drawing it costs more than the sheets.
WORKBOOK_SOURCES = 60


def layers(graph: nx.DiGraph) -> list[list[Any]]:
    """Nodes in columns, carriers last: a node sits one column left of its nearest successor's.

    Placing each source as far right as it can go keeps a short chain
    ("NATO said", printed by Reuters) next to its carrier instead of stretching
    it across the columns of longer chains. A cycle (two chains disagreeing on
    who relied on whom) is broken by ignoring one of its edges for the layout.
    """
    import networkx as nx

    acyclic = nx.DiGraph(graph)
    while not nx.is_directed_acyclic_graph(acyclic):
        upstream, downstream = nx.find_cycle(acyclic)[-1][:2]
        acyclic.remove_edge(upstream, downstream)
    to_end: dict[Any, int] = {}
    for node in reversed(list(nx.topological_sort(acyclic))):
        to_end[node] = max((to_end[s] + 1 for s in acyclic.successors(node)), default=0)
    last = max(to_end.values(), default=0)
    columns: list[list[Any]] = [[] for _ in range(last + 1)]
    for node in sorted(graph, key=lambda n: str(graph.nodes[n].get("label", n)).casefold()):
        columns[last - to_end[node]].append(node)
    return _order_by_neighbours(graph, columns)


def _order_by_neighbours(graph: nx.DiGraph, columns: list[list[Any]]) -> list[list[Any]]:
    """Two sweeps of the barycentre heuristic: each node near the mean row of its neighbours."""
    for sweep in (range(1, len(columns)), range(len(columns) - 2, -1, -1)):
        row = {node: i for nodes in columns for i, node in enumerate(nodes)}
        for index in sweep:

            def centre(node, row=row):
                near = [row[n] for n in (*graph.predecessors(node), *graph.successors(node))]
                return sum(near) / len(near) if near else row[node]

            columns[index] = sorted(columns[index], key=centre)
    return columns


def positions(columns: list[list[Any]]) -> dict[Any, tuple[float, float]]:
    """x by column, y centred per column, in layout units (one column = 1.0 wide)."""
    tallest = max((len(nodes) for nodes in columns), default=1)
    placed = {}
    for x, nodes in enumerate(columns):
        offset = (tallest - len(nodes)) / 2
        for y, node in enumerate(nodes):
            placed[node] = (float(x), float(tallest - 1 - (y + offset)))
    return placed


def node_text(label: object) -> str:
    """A source's name as its box shows it: wrapped, at most ``NODE_LINES`` lines, then "…"."""
    return "\n".join(
        textwrap.wrap(str(label), NODE_WRAP, max_lines=NODE_LINES, placeholder=" …") or [""]
    )


def figure_inches(columns: list[list[Any]], title: list[str]) -> tuple[float, float, float]:
    """The picture's width and height in inches, and the height of its graph part.

    One function for drawing and for ``check_drawable``, so a refusal measures
    the very figure it spares.
    """
    tallest = max((len(nodes) for nodes in columns), default=1)
    width = max(7.0, COLUMN_INCHES * len(columns))
    base = max(3.0, ROW_INCHES * tallest + 1.8)
    extra = 0.2 * max(len(title) - 1, 0)  # inches for the title's second and third lines
    return width, base + extra, base


def check_drawable(graph: nx.DiGraph, fmt: str) -> None:
    """Refuse, before any drawing, a picture too large to draw or to open.

    DOT text is never refused: Graphviz lays out networks of any size. Suggests
    what draws it instead: SVG for a PNG too long, DOT or a single claim past
    ``MAX_DRAWN_SOURCES``.
    """
    if fmt == "dot":
        return
    sources = graph.number_of_nodes()
    instead = (
        ""
        if graph.graph.get("kind") == "claim"
        else (", or draw one claim's chains (`claims report graph CLAIM_ID -o claim.png`)")
    )
    if sources > MAX_DRAWN_SOURCES:
        raise InvalidInput(
            f"{sources} sources are too many to draw as a picture (at most "
            f"{MAX_DRAWN_SOURCES}): write Graphviz text with -o graph.dot and lay it out "
            f"with Graphviz (`dot -Tsvg graph.dot -o graph.svg`){instead}."
        )
    if fmt == "png":
        width, height, _ = figure_inches(layers(graph), title_lines(graph.graph.get("title", "")))
        if max(width, height) * DPI > MAX_PNG_SIDE:
            raise InvalidInput(
                f"A PNG of these {sources} sources would be about {round(width * DPI):,}×"
                f"{round(height * DPI):,} pixels, too large to open (at most {MAX_PNG_SIDE:,} "
                f"a side): write SVG (-o graph.svg) or Graphviz text (-o graph.dot){instead}."
            )


def figure(graph: nx.DiGraph) -> Figure:
    """The graph drawn left to right: boxes coloured by source kind, labelled edges.

    Edges carrying drift are red and dashed; in the outlet network, edge width
    grows with the number of claims. Missing glyphs are not warned about here:
    saving the figure (``claims.output.render_figure``) says which were missing.
    """
    with quiet_glyphs():
        return _figure(graph)


def _figure(graph: nx.DiGraph) -> Figure:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    families = font_families()
    columns = layers(graph)
    placed = positions(columns)
    tallest = max((len(nodes) for nodes in columns), default=1)
    title = title_lines(graph.graph.get("title") or "")
    width, height, base = figure_inches(columns, title)
    fig = Figure(figsize=(width, height), dpi=DPI)
    ax = fig.add_axes((0.02, 0.14 * base / height, 0.96, 0.74 * base / height))
    ax.set_axis_off()
    ax.set_xlim(-0.5, len(columns) - 0.5)
    ax.set_ylim(-0.6, tallest - 0.4)

    boxes = {}
    for node, (x, y) in placed.items():
        data = graph.nodes[node]
        drifted = bool(data.get("drift"))
        text = node_text(data.get("label", node))
        if drifted:
            text += "\n" + textwrap.fill("drift: " + ", ".join(data["drift"]), EDGE_WRAP)
        boxes[node] = ax.text(
            x,
            y,
            text,
            ha="center",
            va="center",
            fontsize=10,
            fontfamily=families,
            color=DRIFT_COLOUR if drifted else "black",
            zorder=3,
            bbox={
                "boxstyle": "round,pad=0.45",
                "facecolor": KIND_COLOURS.get(data.get("kind"), KIND_COLOURS["other"]),
                "edgecolor": DRIFT_COLOUR if drifted else "#333333",
                "linestyle": "--" if drifted else "-",
                "linewidth": 1.6 if drifted else 0.8,
            },
        )
    # Boxes get their size only when drawn; arrows clip against them, so draw once first.
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    import numpy as np

    order = list(boxes)
    extents = np.array(
        [box.get_bbox_patch().get_window_extent(renderer).extents for box in boxes.values()]
    ).reshape(-1, 4)
    index = {node: i for i, node in enumerate(order)}
    taken_labels: list[Any] = []
    heaviest = max((d.get("weight", 1) for _, _, d in graph.edges(data=True)), default=1)
    # Short edges first: they have the fewest ways round, long ones curve past their labels.
    edges = sorted(
        graph.edges(data=True),
        key=lambda e: abs(placed[e[1]][0] - placed[e[0]][0]),
    )
    for upstream, downstream, data in edges:
        drifted = bool(data.get("drift"))
        weight = data.get("weight", 1)
        start, end = _between_boxes(ax, boxes[upstream], boxes[downstream])
        label = data.get("label")
        text = None
        if label:
            text = ax.text(
                0,
                0,
                "\n".join(textwrap.fill(line, EDGE_WRAP) for line in label.split("\n")),
                ha="center",
                va="center",
                fontsize=8,
                fontfamily=families,
                color=DRIFT_COLOUR if drifted else "#222222",
                zorder=4,
                bbox={
                    "boxstyle": "round,pad=0.2",
                    "facecolor": "white",
                    "edgecolor": "none",
                    "alpha": 0.9,
                },
            )
        others = np.delete(extents, [index[upstream], index[downstream]], axis=0)
        span = abs(placed[downstream][0] - placed[upstream][0])
        bend, label_extent = _route(ax, renderer, start, end, text, others, taken_labels, span)
        if label_extent is not None:
            taken_labels.append(label_extent)
        ax.annotate(
            "",
            xy=end,
            xytext=start,
            zorder=1,
            arrowprops={
                "arrowstyle": "-|>",
                "mutation_scale": 14,
                "color": DRIFT_COLOUR if drifted else EDGE_COLOUR,
                "linestyle": "--" if drifted else "-",
                "linewidth": 1.2 + 4.0 * (weight - 1) / max(heaviest - 1, 1),
                "shrinkA": 0,
                "shrinkB": 0,
                "connectionstyle": f"arc3,rad={bend}",
            },
        )
    if title:
        fig.suptitle(
            "\n".join(title), fontsize=11, fontfamily=families, y=1 - 0.1 / height, va="top"
        )
    kinds = [k for k in SOURCE_KINDS if any(d.get("kind") == k for _, d in graph.nodes(data=True))]
    handles = [
        Patch(facecolor=KIND_COLOURS[k], edgecolor="#333333", label=k.replace("_", " "))
        for k in kinds
    ]
    if graph.graph.get("kind") == "claim":
        handles += [
            Line2D([], [], color=EDGE_COLOUR, label="hop"),
            Line2D([], [], color=DRIFT_COLOUR, linestyle="--", label="hop with drift"),
        ]
        if any(d.get("drift") for _, d in graph.nodes(data=True)):
            handles.append(
                Patch(
                    facecolor="white",
                    edgecolor=DRIFT_COLOUR,
                    linestyle="--",
                    label="publisher alone, with drift",
                )
            )
    else:
        handles.append(Line2D([], [], color=EDGE_COLOUR, linewidth=3, label="wider: more claims"))
    fig.legend(
        handles=handles,
        loc="lower center",
        ncol=min(len(handles), 5),
        prop={"size": 9, "family": families},
        frameon=False,
    )
    return fig


def title_lines(title: str) -> list[str]:
    """A picture's title in at most ``TITLE_LINES`` lines, cut with "…" when longer."""
    if not title.strip():
        return []
    return textwrap.wrap(title, TITLE_WRAP, max_lines=TITLE_LINES, placeholder=" …")


@functools.cache
def font_families() -> list[str]:
    """The installed fonts of ``FONT_FAMILIES``, in order: matplotlib falls back along them."""
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    return [name for name in FONT_FAMILIES if name in installed] or ["DejaVu Sans"]


@contextmanager
def quiet_glyphs() -> Iterator[set[str]]:
    """Collect the characters no font could draw, instead of one warning per character.

    Yields the set, filled when the block ends; other warnings pass through.
    """
    missing: set[str] = set()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield missing
    for warning in caught:
        found = _MISSING_GLYPH.search(str(warning.message))
        if found:
            missing.add(chr(int(found.group(1))))
        else:
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )


def missing_note(missing: set[str], path: object = None) -> str | None:
    """The one line to say that some characters were drawn as empty boxes, with the cure."""
    if not missing:
        return None
    shown = "".join(sorted(missing)[:12]) + ("…" if len(missing) > 12 else "")
    where = f" in {path}" if path is not None else ""
    return (
        f"{len(missing)} character(s) could not be drawn{where} and show as empty boxes "
        f"({shown}): no installed font has them; {FONT_ADVICE}."
    )


def _route(ax, renderer, start, end, label, boxes, labels, span: float):
    """The least bend whose curve, and label, clear the other boxes and earlier labels.

    ``boxes`` and ``labels`` are display extents (x0, y0, x1, y1). Returns the
    bend and the label's extent; the label is moved to the middle of the chosen
    curve. An edge jumping columns curves at least a little, so it does not lie
    on top of a straight edge of its row. When no bend clears everything, the
    one touching fewest boxes and labels wins.
    """
    best: tuple[int, float, Any] | None = None
    obstacles = _as_extents([*_as_extents(boxes), *_as_extents(labels)])
    for bend in BENDS:
        if span > 1 and bend == 0.0:
            continue
        hits = _crossings(ax, start, end, bend, boxes)
        extent = None
        if label is not None:
            label.set_position(_curve_middle(ax, start, end, bend))
            extent = label.get_window_extent(renderer)
            x0, y0, x1, y1 = extent.x0 - 2, extent.y0 - 2, extent.x1 + 2, extent.y1 + 2
            hits += int(
                (
                    (obstacles[:, 0] < x1)
                    & (x0 < obstacles[:, 2])
                    & (obstacles[:, 1] < y1)
                    & (y0 < obstacles[:, 3])
                ).sum()
            )
        if best is None or hits < best[0]:
            best = (hits, bend, extent)
        if hits == 0:
            break
    assert best is not None
    _, bend, extent = best
    if label is not None:
        label.set_position(_curve_middle(ax, start, end, bend))
        extent = label.get_window_extent(renderer)
    return bend, extent


def _as_extents(boxes) -> Any:
    """Boxes (matplotlib ``Bbox``es, or rows of x0, y0, x1, y1) as an n × 4 array.

    Routing compares every curve with every box: done in numpy, a network of
    hundreds of sources is routed in seconds rather than minutes.
    """
    import numpy as np

    if isinstance(boxes, np.ndarray):
        return boxes.reshape(-1, 4)
    rows = [box.extents if hasattr(box, "extents") else box for box in boxes]
    return np.array(rows, dtype=float).reshape(-1, 4)


def _crossings(ax, start, end, bend: float, boxes, samples: int = 48) -> int:
    """How many of ``boxes`` (display extents) the ``arc3`` curve runs through."""
    import numpy as np

    boxes = _as_extents(boxes)
    if not len(boxes):
        return 0
    (x1, y1), (x2, y2) = ax.transData.transform([start, end])
    cx = (x1 + x2) / 2 + bend * (y2 - y1)
    cy = (y1 + y2) / 2 - bend * (x2 - x1)
    margin = 4.0
    t = np.arange(1, samples) / samples
    a, b, c = (1 - t) ** 2, 2 * (1 - t) * t, t**2
    xs, ys = a * x1 + b * cx + c * x2, a * y1 + b * cy + c * y2
    inside = (
        (boxes[:, 0:1] - margin <= xs)
        & (xs <= boxes[:, 2:3] + margin)
        & (boxes[:, 1:2] - margin <= ys)
        & (ys <= boxes[:, 3:4] + margin)
    )
    return int(inside.any(axis=1).sum())


def _between_boxes(ax, upstream, downstream) -> tuple[tuple[float, float], tuple[float, float]]:
    """Where a line between two drawn boxes leaves the first and meets the second (data units).

    Clipping against the boxes by hand, rather than with ``patchA``/``patchB``,
    keeps arrowheads visible when the saved figure is cropped.
    """
    gap = 3.0  # display pixels between a box and the arrow
    extents = [box.get_bbox_patch().get_window_extent() for box in (upstream, downstream)]
    centres = [((e.x0 + e.x1) / 2, (e.y0 + e.y1) / 2) for e in extents]
    dx, dy = centres[1][0] - centres[0][0], centres[1][1] - centres[0][1]
    points = []
    for extent, (cx, cy), sign in zip(extents, centres, (1, -1), strict=True):
        half_w, half_h = extent.width / 2 + gap, extent.height / 2 + gap
        scale = min(
            half_w / abs(dx) if dx else float("inf"), half_h / abs(dy) if dy else float("inf")
        )
        points.append((cx + sign * scale * dx, cy + sign * scale * dy))
    to_data = ax.transData.inverted()
    return tuple(to_data.transform(points[0])), tuple(to_data.transform(points[1]))


def _curve_middle(ax, start, end, bend: float) -> tuple[float, float]:
    """The middle of matplotlib's ``arc3`` curve from ``start`` to ``end``, in data units.

    ``arc3`` puts its control point ``bend`` times the chord, turned a right
    angle, away from the chord's middle (in display space); the curve's
    middle is half-way between the chord's middle and the control point.
    """
    to_display, to_data = ax.transData, ax.transData.inverted()
    (x1, y1), (x2, y2) = to_display.transform([start, end])
    middle_x, middle_y = (x1 + x2) / 2, (y1 + y2) / 2
    dx, dy = x2 - x1, y2 - y1
    x, y = middle_x + bend * dy / 2, middle_y - bend * dx / 2
    return tuple(to_data.transform((x, y)))


def to_dot(graph: nx.DiGraph) -> str:
    """The graph as Graphviz DOT text, left to right, with the same colours and labels."""
    name = _dot_quote(graph.graph.get("title", "claims"))
    lines = [
        f"digraph {name} {{",
        f"  graph [rankdir=LR, labelloc=t, label={name}];",
        '  node [shape=box, style="rounded,filled", fontname="Helvetica"];',
        '  edge [fontname="Helvetica", fontsize=10];',
    ]
    for node, data in graph.nodes(data=True):
        colour = KIND_COLOURS.get(data.get("kind"), KIND_COLOURS["other"])
        label = str(data.get("label", node))
        marks = ""
        if data.get("drift"):
            label += "\ndrift: " + ", ".join(data["drift"])
            marks = (
                f', color="{DRIFT_COLOUR}", fontcolor="{DRIFT_COLOUR}", '
                'style="rounded,filled,dashed"'
            )
        lines.append(
            f"  n{node} [label={_dot_quote(label)}, "
            f'fillcolor="{colour}", tooltip={_dot_quote(str(data.get("kind", "")))}{marks}];'
        )
    heaviest = max((d.get("weight", 1) for _, _, d in graph.edges(data=True)), default=1)
    for upstream, downstream, data in graph.edges(data=True):
        attributes = [f"label={_dot_quote(data.get('label', ''))}"]
        if data.get("drift"):
            attributes += [f'color="{DRIFT_COLOUR}"', f'fontcolor="{DRIFT_COLOUR}"', "style=dashed"]
        if "weight" in data:
            width = 1 + 4 * (data["weight"] - 1) / max(heaviest - 1, 1)
            attributes.append(f"penwidth={width:.1f}")
        lines.append(f"  n{upstream} -> n{downstream} [{', '.join(attributes)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _dot_quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'
