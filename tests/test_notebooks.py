"""Notebooks are committed without outputs (CI executes them with nbmake) and never re-implement the library."""

import json
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))


def test_the_four_notebooks_exist():
    assert [p.stem for p in NOTEBOOKS][:4] == ["01_tour", "02_korean_partner_centrality", "03_age_of_ties",
                                              "04_published_findings"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_without_outputs(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    assert all(not c["outputs"] and c["execution_count"] is None for c in code), "strip outputs before committing"
    source = "\n".join("".join(c["source"]) for c in code)
    assert "vnsister.load()" in source and "read_csv" not in source  # the library loads the data, not the notebook


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_figure_gets_its_own_caption_from_the_library(path):
    """A figure cell captions its figure with vnsister.figures (its own n, the day and rule, the caveats); a caption
    typed into the notebook, or one shared by every figure, is how the wrong n got onto figures before."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    figures = ["".join(c["source"]) for c in cells if c["cell_type"] == "code" and "plt.subplots(" in "".join(c["source"])]
    assert all("add_caption(fig, caption(ds, " in cell for cell in figures)
    source = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    assert "fig.text(" not in source and "CAPTION" not in source
