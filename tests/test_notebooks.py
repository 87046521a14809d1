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
