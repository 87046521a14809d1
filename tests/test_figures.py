"""Figure captions: the release, the as-of date and rule, n and the caveats, set clear of the axes and inside the
figure; the Vietnam–Korea network a figure draws is the one the ranking counts."""

from __future__ import annotations

import matplotlib
import networkx as nx
import pytest

import vnsister
from vnsister.figures import EFFORT_NOTE, RULE_NOTES, add_caption, caption
from vnsister.network import korean_partner_centrality, partner_network
from vnsister.timeline import ties_on

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after the backend is chosen)

LONG = ("Source: vnsister 9.9.9 (released 2026-12-05); as of 2026-12-05; n = 1127 ties. "
        + "Undated ties count from their earliest dated evidence, and search effort was uneven. " * 4)


@pytest.fixture(scope="module")
def ds():
    return vnsister.load()


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.mark.parametrize("rule", ["attested", "exclude", "include"])
def test_caption_states_release_day_rule_n_and_effort(ds, rule):
    text = caption(ds, 515, "dated ties", as_of="2012-02", undated=rule, notes="Undated ties are not shown.")
    assert text.startswith(f"Source: vnsister {ds.version} (released {ds.released}); as of 2012-02-29; ")
    assert "n = 515 dated ties." in text
    assert RULE_NOTES[rule] in text and text.endswith("Undated ties are not shown. " + EFFORT_NOTE)


def test_rule_notes_cover_the_time_rule_exactly():
    # one note for each rule of vnsister.timeline, so a rule added there cannot go uncaptioned
    from vnsister.timeline import UNDATED

    assert tuple(RULE_NOTES) == UNDATED


def test_caption_without_a_day_says_so(ds):
    assert "no time filter" in caption(ds, 3) and "An undated tie counts" not in caption(ds, 3)
    text = caption(ds, 13, "published figures", period="each figure on its own date")
    assert "; each figure on its own date; n = 13 published figures." in text and "no time filter" not in text


@pytest.mark.parametrize(("kwargs", "words"), [
    ({"n": -1}, "n=-1 must be a count"),
    ({"n": True}, "n=True must be a count"),
    ({"n": 2.5}, "n=2.5 must be a count"),
    ({"n": 3, "unit": " "}, "unit=' ' must name what is counted"),
    ({"n": 3, "as_of": "05/06/2012"}, "as_of='05/06/2012' is not an ISO date"),
    ({"n": 3, "as_of": "2012", "undated": "never"}, "undated='never' is not allowed"),
    ({"n": 3, "notes": 7}, "notes=7 must be a string"),
    ({"n": 3, "as_of": "2012", "period": "each year"}, "period='each year' must be a non-empty string, given only without as_of"),
    ({"n": 3, "period": ""}, "period='' must be a non-empty string"),
])
def test_caption_refuses_bad_arguments(ds, kwargs, words):
    with pytest.raises(ValueError, match=words.replace("(", r"\(").replace(")", r"\)")):
        caption(ds, **kwargs)


def _extent(artist, fig):
    return artist.get_window_extent(fig.canvas.get_renderer())


def test_a_plain_caption_runs_past_the_figure():
    """The failure add_caption prevents: the same text set with fig.text runs off a 6-inch figure."""
    fig, ax = plt.subplots(figsize=(6, 3))
    note = fig.text(0.01, 0.01, LONG, fontsize=7)
    fig.canvas.draw()
    assert _extent(note, fig).x1 > fig.get_figwidth() * fig.dpi


@pytest.mark.parametrize("width", [3.5, 6, 9, 12])
def test_add_caption_stays_inside_the_figure_and_clear_of_the_axes(width):
    fig, ax = plt.subplots(figsize=(width, 3))
    ax.plot([0, 1], [0, 1])
    ax.set_xlabel("age on 2026-12-05 (years; midpoint of partial dates)")
    note = add_caption(fig, LONG)
    fig.canvas.draw()
    box = _extent(note, fig)
    assert box.x0 >= 0 and box.x1 <= fig.get_figwidth() * fig.dpi
    assert box.y0 >= 0
    assert box.y1 < _extent(ax.xaxis.label, fig).y0  # the caption sits below the axis label, not across it
    assert box.y1 < ax.get_tightbbox(fig.canvas.get_renderer()).y0
    assert "n = 1127 ties" in note.get_text()  # never split across lines
    assert " ".join(note.get_text().split()) == " ".join(LONG.split())  # wrapped, not cut


@pytest.mark.parametrize(("kwargs", "words"), [
    ({"fig": None, "text": "n = 1"}, "fig=None must be a matplotlib Figure"),
    ({"text": ""}, "text='' must be a non-empty caption"),
    ({"text": "n = 1", "fontsize": 0}, "fontsize=0 must be a number of points"),
    ({"text": "n = 1", "fontsize": True}, "fontsize=True must be a number of points"),
    ({"text": "n = 1", "fontsize": "7"}, "fontsize='7' must be a number of points"),
])
def test_add_caption_refuses_bad_arguments(kwargs, words):
    fig, _ = plt.subplots()
    with pytest.raises(ValueError, match=words):
        add_caption(**{"fig": fig, **kwargs})


@pytest.mark.parametrize("as_of", [None, "2012-05-31", "2026-12-05"])
def test_partner_network_is_the_network_the_ranking_counts(ds, as_of):
    G = partner_network(ds, "KR", as_of=as_of)
    places = ds.places.set_index("place_id")["country"]
    korean_ties = ties_on(ds, as_of)
    korean_ties = korean_ties[korean_ties["partner_place_id"].map(places) == "KR"]
    assert G.number_of_edges() == len(korean_ties)
    assert {G.nodes[n]["country"] for n in G} == {"VN", "KR"}
    ranking = korean_partner_centrality(ds, as_of=as_of)
    assert max(len(c) for c in nx.connected_components(G)) == ranking["component_size"].max()


@pytest.mark.parametrize(("kwargs", "words"), [
    ({"partner_country": "XX"}, "partner_country='XX' is not a partner country code"),
    ({"partner_country": "KR", "undated": "never"}, "undated='never' is not allowed"),
    ({"partner_country": "KR", "admin": "2024"}, "admin='2024' is not allowed"),
    ({"partner_country": "KR", "as_of": "2012/05"}, "as_of='2012/05' is not an ISO date"),
])
def test_partner_network_refuses_bad_arguments(ds, kwargs, words):
    with pytest.raises(ValueError, match=words):
        partner_network(ds, **kwargs)
