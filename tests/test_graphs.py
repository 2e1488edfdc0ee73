"""Pictures of chains: the graphs, their layout, the files written, and refusals."""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
import pytest
from sqlalchemy import distinct, func, select

from claims.drawing import figure, layers, to_dot
from claims.graphs import claim_graph, outlet_network
from claims.models import Appearance, Article, Claim, Source
from claims.output import figure_bytes, write_picture
from claims.seeds import load_seeds
from claims.services.claims import add_claim

ACTOR = "graph-test"
XINHUA_CLAIM = "China hopes to deepen law enforcement and security ties with Hungary."


@pytest.fixture
def seeded(session):
    load_seeds(session, actor=ACTOR)
    session.flush()
    return session


def names(graph: nx.DiGraph, nodes) -> list[str]:
    return [graph.nodes[n]["label"] for n in nodes]


def test_a_claims_chains_read_from_origin_to_carriers(seeded):
    claim_id = seeded.scalar(select(Claim.id).where(Claim.text == XINHUA_CLAIM))
    graph = claim_graph(seeded, claim_id)
    columns = [sorted(names(graph, column)) for column in layers(graph)]
    assert columns == [["Wang Xiaohong"], ["Xinhua"], ["Reuters"], ["Inquirer", "UNN"]]
    ids = {graph.nodes[n]["label"]: n for n in graph}
    hop = graph.edges[ids["Xinhua"], ids["Reuters"]]
    assert hop["cues"] == ["said", "according to"]  # both outlets' cues on the shared hop
    assert hop["dates"] == ["2024-02-19"]
    assert "2024-02-19" in hop["label"]
    assert graph.nodes[ids["Wang Xiaohong"]]["kind"] == "person"
    # UNN's rewording marks its own hop; the Inquirer, upstream, changed nothing.
    assert graph.edges[ids["Reuters"], ids["UNN"]]["drift"]
    assert not graph.edges[ids["Reuters"], ids["Inquirer"]]["drift"]


def test_the_outlet_network_weighs_edges_by_claims(seeded):
    graph = outlet_network(seeded)
    ids = {graph.nodes[n]["label"]: n for n in graph}
    for outlet in ("Inquirer", "UNN"):
        # Every seed appearance reaches its outlet through Reuters, the origin of both.
        carried = seeded.scalar(
            select(func.count(distinct(Appearance.claim_id)))
            .join(Article, Article.id == Appearance.article_id)
            .join(Source, Source.id == Article.publisher_id)
            .where(Source.name == outlet)
        )
        assert graph.edges[ids["Reuters"], ids[outlet]]["weight"] == carried
    assert nx.is_directed_acyclic_graph(graph)
    columns = layers(graph)
    assert sorted(names(graph, columns[-1])) == ["Inquirer", "UNN"]


def test_layers_survive_a_cycle():
    graph = nx.DiGraph()
    for node in "abc":
        graph.add_node(node, label=node, kind="outlet")
    graph.add_edges_from([("a", "b"), ("b", "c"), ("c", "a")])
    columns = layers(graph)
    assert sorted(n for column in columns for n in column) == ["a", "b", "c"]


def test_pictures_are_real_png_svg_and_dot(seeded, tmp_path):
    graph = outlet_network(seeded)
    png = figure_bytes(figure(graph), "png")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    svg = figure_bytes(figure(graph), "svg").decode("utf-8")
    assert "<svg" in svg and "Reuters" in svg
    dot = to_dot(graph)
    assert dot.startswith("digraph ") and "rankdir=LR" in dot
    assert dot.count("->") == graph.number_of_edges()
    path = tmp_path / "network.dot"
    write_picture(graph, "dot", path)
    assert path.read_text(encoding="utf-8") == dot


def test_dot_quotes_awkward_names():
    graph = nx.DiGraph(title='The "Daily" \\ News')
    graph.add_node(1, label='Say "hi"\nnow', kind="outlet")
    graph.add_node(2, label="B", kind="other")
    graph.add_edge(1, 2, label="said", drift=["wording"])
    dot = to_dot(graph)
    assert 'label="Say \\"hi\\"\\nnow"' in dot
    assert "style=dashed" in dot
    assert '"The \\"Daily\\" \\\\ News"' in dot


def test_the_workbook_carries_the_network_picture(seeded, tmp_path):
    from openpyxl import load_workbook

    from claims.reports import workbook, workbook_pictures
    from claims.workbook import write_xlsx

    path = tmp_path / "book.xlsx"
    pictures, notes = workbook_pictures(seeded)
    assert notes == []
    write_xlsx(workbook(seeded), path, pictures)
    book = load_workbook(path)
    assert book.sheetnames[-1] == "outlet network"
    (image,) = book["outlet network"]._images
    data = image._data()
    assert data.startswith(b"\x89PNG")


def test_an_empty_database_gives_a_workbook_without_a_picture(session):
    from claims.reports import workbook_pictures

    assert workbook_pictures(session) == ({}, [])


def test_a_network_too_large_to_read_is_left_out_of_the_workbook_with_one_note(
    seeded, cli, tmp_path, monkeypatch
):
    import claims.drawing
    from claims.reports import workbook_pictures

    sources = outlet_network(seeded).number_of_nodes()
    monkeypatch.setattr(claims.drawing, "WORKBOOK_SOURCES", sources - 1)
    pictures, notes = workbook_pictures(seeded)
    assert pictures == {}
    (note,) = notes
    assert f"{sources} sources" in note and "`claims report graph -o network.svg`" in note
    monkeypatch.setattr(claims.drawing, "MAX_DRAWN_SOURCES", sources - 1)
    assert "network.dot" in workbook_pictures(seeded)[1][0]  # too large for SVG too

    seeded.commit()
    from openpyxl import load_workbook

    path = tmp_path / "all.xlsx"
    result = cli("report", "all", "-o", str(path))
    assert result.exit_code == 0, result.output
    assert result.stderr.count("left out") == 1
    assert "outlet network" not in load_workbook(path).sheetnames


def star(outlets: int) -> nx.DiGraph:
    """A wire carried by ``outlets`` outlets: one tall column of boxes."""
    graph = nx.DiGraph(title="network", kind="network")
    graph.add_node(0, label="Wire", kind="news_agency")
    for node in range(1, outlets + 1):
        graph.add_node(node, label=f"Outlet {node}", kind="outlet")
        graph.add_edge(0, node, weight=1, label="1 claim")
    return graph


def test_a_picture_too_large_to_draw_or_open_is_refused_in_one_line(tmp_path):
    from claims.drawing import MAX_DRAWN_SOURCES, check_drawable
    from claims.errors import InvalidInput

    huge = star(MAX_DRAWN_SOURCES)
    for suffix in ("png", "svg"):
        path = tmp_path / f"huge.{suffix}"
        with pytest.raises(InvalidInput, match="too many to draw.*graph.dot.*one claim"):
            write_picture(huge, suffix, path)
        assert not path.exists()
    write_picture(huge, "dot", tmp_path / "huge.dot")  # Graphviz lays out any size
    assert (tmp_path / "huge.dot").read_text(encoding="utf-8").count("->") == MAX_DRAWN_SOURCES

    tall = star(200)  # drawable, but a PNG of it would be some 20,000 pixels tall
    with pytest.raises(InvalidInput, match="pixels, too large to open.*graph.svg"):
        write_picture(tall, "png", tmp_path / "tall.png")
    check_drawable(tall, "svg")  # a vector picture has no pixels to run out of


def test_cli_refuses_a_network_too_large_to_draw(seeded_cli, tmp_path, monkeypatch):
    import claims.drawing

    monkeypatch.setattr(claims.drawing, "MAX_DRAWN_SOURCES", 3)
    path = tmp_path / "network.png"
    result = seeded_cli("report", "graph", "-o", str(path))
    assert result.exit_code == 1
    assert "too many to draw" in result.stderr and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1
    assert not path.exists()
    dot = seeded_cli("report", "graph", "-o", str(tmp_path / "network.dot"))
    assert dot.exit_code == 0, dot.output


def test_a_long_name_s_box_stays_within_its_row():
    from matplotlib.text import Annotation

    from claims.drawing import NODE_LINES

    graph = nx.DiGraph(title="network", kind="network")
    graph.add_node(0, label="Wire", kind="news_agency")
    long_name = "The Extraordinarily Long-Named Broadcasting Corporation of " + "Very " * 30
    for node, label in enumerate(["Above", long_name, "Below", "Further"], start=1):
        graph.add_node(node, label=label, kind="outlet")
        graph.add_edge(0, node, weight=1, label="1 claim")
    fig = figure(graph)
    renderer = fig.canvas.get_renderer()
    boxes = [t for t in fig.axes[0].texts if not isinstance(t, Annotation) and t.get_zorder() == 3]
    shown = next(t.get_text() for t in boxes if "Extraordinarily" in t.get_text())
    assert len(shown.splitlines()) == NODE_LINES and shown.endswith("…")
    extents = [t.get_bbox_patch().get_window_extent(renderer) for t in boxes]
    for i, one in enumerate(extents):
        for other in extents[i + 1 :]:
            assert not one.overlaps(other)


# --- command line --------------------------------------------------------------------------


@pytest.fixture
def seeded_cli(cli):
    result = cli("seed")
    assert result.exit_code == 0, result.output
    return cli


@pytest.mark.parametrize("suffix", ["png", "svg", "dot"])
def test_cli_graph_of_a_claim_by_suffix(seeded_cli, session, tmp_path, suffix):
    claim_id = session.scalar(select(Claim.id).where(Claim.text == XINHUA_CLAIM))
    path = tmp_path / f"claim.{suffix}"
    result = seeded_cli("report", "graph", claim_id, "-o", str(path))
    assert result.exit_code == 0, result.output
    assert path.stat().st_size > 0
    assert "5 sources, 4 hops" in result.stderr


def test_cli_graph_of_the_network_with_a_format(seeded_cli, tmp_path):
    path = tmp_path / "network.picture"
    result = seeded_cli("report", "graph", "--format", "svg", "-o", str(path))
    assert result.exit_code == 0, result.output
    assert "<svg" in path.read_text(encoding="utf-8")


def test_cli_graph_bad_inputs(failing, cli, session, tmp_path):
    out = str(tmp_path / "g.png")
    failing("report", "graph", "404", "-o", out, match="No claim with id 404")
    failing("report", "graph", "-o", out, match="No chains are recorded yet")
    failing("report", "graph", "-o", str(tmp_path / "g.gif"), match="Unknown picture")
    wrong = cli("report", "graph", "--format", "jpeg", "-o", out)
    assert wrong.exit_code == 2 and "Unknown picture format" in wrong.stderr, wrong.output
    failing("report", "graph", "-o", str(tmp_path / "missing" / "g.png"), match="does not exist")
    failing("report", "graph", "-o", str(tmp_path), match="is a folder")
    claim = add_claim(session, text="Nobody carries this.", actor=ACTOR)
    session.commit()
    failing("report", "graph", str(claim.id), "-o", out, match="no appearances yet")
    assert not Path(out).exists()


def test_figures_render_without_a_display():
    graph = nx.DiGraph(title="one", kind="claim")
    graph.add_node(1, label="Alone", kind="outlet")
    assert figure_bytes(figure(graph), "png").startswith(b"\x89PNG")
    assert io.BytesIO(figure_bytes(figure(graph), "svg")).read(5) in (b"<?xml", b"<svg ")


# --- pictures people can read --------------------------------------------------------------


def crossing_network() -> nx.DiGraph:
    """The shape that once drew a line through a box and hid its label: an edge jumping
    the middle column at the height of the tall box in it."""
    graph = nx.DiGraph(title="network", kind="network")
    labels = [
        'Zoë "Zo" O\'Brien, Jr.',
        '=HYPERLINK("http://evil.example","click")',
        "+Plus Times",
        "Undated Gazette",
        "@Handle Daily",
        "Other",
    ]
    for node, label in enumerate(labels):
        graph.add_node(node, label=label, kind="outlet")
    for upstream, downstream, weight in ((0, 1, 1), (1, 2, 2), (0, 3, 1), (5, 4, 1)):
        label = f"{weight} claim{'s' * (weight != 1)}"
        graph.add_edge(upstream, downstream, weight=weight, label=label)
    return graph


def test_network_edges_and_labels_keep_clear_of_other_boxes():
    from matplotlib.text import Annotation

    from claims.drawing import _crossings

    graph = crossing_network()
    fig = figure(graph)
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()
    texts = [t for t in ax.texts if not isinstance(t, Annotation)]
    boxes = [t.get_bbox_patch().get_window_extent(renderer) for t in texts if t.get_zorder() == 3]
    labels = [t for t in texts if t.get_zorder() != 3]
    assert len(boxes) == graph.number_of_nodes() and len(labels) == graph.number_of_edges()
    for label in labels:
        extent = label.get_window_extent(renderer)
        assert not any(extent.overlaps(box) for box in boxes), label.get_text()
        assert label.get_zorder() > 3  # above boxes, never hidden by one
    arrows = [a for a in ax.texts if isinstance(a, Annotation)]
    (jump,) = [a for a in arrows if a.xyann[0] < 0.5 and a.xy[0] > 1.5]  # Zoë → Gazette
    rad = float(jump.arrow_patch.get_connectionstyle().rad)
    assert _crossings(ax, jump.xyann, jump.xy, rad, boxes) == 0


def test_a_long_title_is_cut_to_a_few_lines():
    from claims.drawing import TITLE_LINES

    graph = nx.DiGraph(title="Claim #1: " + "word " * 8000, kind="claim")
    graph.add_node(1, label="A", kind="outlet")
    graph.add_node(2, label="B", kind="outlet")
    graph.add_edge(1, 2, label="said")
    fig = figure(graph)
    title = fig._suptitle.get_text()
    assert len(title.splitlines()) <= TITLE_LINES and title.endswith("…")
    renderer = fig.canvas.get_renderer()
    assert not fig._suptitle.get_window_extent(renderer).overlaps(
        fig.axes[0].get_window_extent(renderer)
    )
    from PIL import Image

    png = figure_bytes(fig, "png")
    width, height = Image.open(io.BytesIO(png)).size
    assert height < 1000, (width, height)


def test_missing_glyphs_are_one_note_not_warnings(cli, session, tmp_path, monkeypatch):
    import warnings

    import claims.drawing
    from claims.chains import StatedHop
    from claims.services.appearances import add_appearance
    from claims.services.articles import add_article
    from claims.services.sources import add_source

    # Only DejaVu Sans, whatever this machine has: it has no Chinese.
    monkeypatch.setattr(claims.drawing, "FONT_FAMILIES", ("DejaVu Sans",))
    claims.drawing.font_families.cache_clear()
    add_source(session, name="新华社", kind="news_agency", actor=ACTOR)
    article = add_article(
        session, text="新华社 reported growth.", outlet="Daily", actor=ACTOR, create_sources=True
    )
    claim = add_claim(session, text="Growth was reported.", actor=ACTOR)
    add_appearance(
        session,
        claim_id=claim.id,
        article_id=article.id,
        quote="reported growth",
        chain=[StatedHop("新华社", "reported")],
        actor=ACTOR,
    )
    session.commit()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a glyph warning would fail the command
        result = cli("report", "graph", "-o", str(tmp_path / "net.png"))
        book = cli("report", "all", "-o", str(tmp_path / "all.xlsx"))
    claims.drawing.font_families.cache_clear()
    for run in (result, book):
        assert run.exit_code == 0, run.output
        assert "Glyph" not in run.stderr
        notes = [line for line in run.stderr.splitlines() if "could not be drawn" in line]
        assert len(notes) == 1 and "Noto Sans CJK" in notes[0] and "新" in notes[0]


def test_font_families_are_installed_ones_ending_in_dejavu():
    from claims.drawing import font_families

    families = font_families()
    assert families[-1] == "DejaVu Sans"


def test_drift_at_a_carrier_whose_chain_is_its_publisher_alone_marks_its_box(
    cli, session, tmp_path
):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("The finance ministry said taxes will rise next year.\n")
    second.write_text("Taxes may rise next year.\n")
    steps = [
        ("source", "add", "Finance Ministry", "--kind", "organization"),
        ("article", "add", str(first), "--outlet", "Alpha", "--create-sources",
         "--published", "2024-01-01"),
        ("article", "add", str(second), "--outlet", "Beta", "--create-sources",
         "--published", "2024-01-02"),
        ("claim", "add", "Taxes will rise next year."),
        ("appearance", "add", "1", "1", "--quote", "taxes will rise next year",
         "--chain", "Finance Ministry [said]"),
        ("appearance", "add", "1", "2", "--quote", "Taxes may rise next year"),
    ]  # fmt: skip
    for step in steps:
        result = cli(*step)
        assert result.exit_code == 0, result.output
    graph = claim_graph(session, 1)
    beta = next(n for n, d in graph.nodes(data=True) if d["label"] == "Beta")
    assert graph.nodes[beta]["drift"]  # hedged, and the ministry dropped: no hop to mark
    assert graph.degree(beta) == 0
    dot = to_dot(graph)
    assert 'style="rounded,filled,dashed"' in dot and "drift: " in dot
    assert figure_bytes(figure(graph), "png").startswith(b"\x89PNG")
