"""scripts/import_findings.py: the curated conventions are the one list of comparable findings."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("import_findings", REPO / "scripts" / "import_findings.py")
import_findings = importlib.util.module_from_spec(spec)
spec.loader.exec_module(import_findings)


def test_every_convention_is_listed_once_with_a_dataset_query():
    conventions = import_findings.read_conventions()
    ids = [row["finding_id"] for row in conventions]
    assert len(ids) == len(set(ids))
    assert all(row["dataset_query"].startswith("counting=") for row in conventions)


def test_value_kinds_come_from_the_schema():
    assert import_findings.VALUE_KINDS == ["exact", "at_least", "at_most", "about"]


def write_conventions(path: Path, *rows: list[str]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["finding_id", "value", "value_kind", "as_of", "scope", "metric", "counting_convention",
                         "dataset_query", "seed_url", "explanation"])
        writer.writerows(rows)
    return path


def test_a_bad_value_kind_is_refused_with_its_line(tmp_path):
    path = write_conventions(tmp_path / "conventions.csv",
                             ["X-1", "3", "exact", "2020-01-01", "s", "m", "c", "counting=partners", "", ""],
                             ["X-2", "5", "roughly", "2020-01-01", "s", "m", "c", "counting=partners", "", ""])
    with pytest.raises(SystemExit, match=r"conventions.csv:3: value_kind 'roughly'"):
        import_findings.read_conventions(path)


def test_a_bad_dataset_query_is_refused_with_its_line(tmp_path):
    path = write_conventions(tmp_path / "conventions.csv",
                             ["X-1", "3", "exact", "2020-01-01", "s", "m", "c", "counting=partner", "", ""])
    with pytest.raises(SystemExit, match=r"conventions.csv:2: counting='partner'"):
        import_findings.read_conventions(path)


def test_a_convention_without_a_research_note_is_refused(tmp_path):
    research = tmp_path / "research.csv"
    research.write_text("finding_id,value,source_url,source_title,publisher,published,language\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="has no research note"):
        import_findings.main([str(research)])


def test_shipped_findings_are_the_conventions():
    # published_findings.csv is built from the conventions, never edited by hand
    with (REPO / "dataset" / "published_findings.csv").open(encoding="utf-8", newline="") as fh:
        shipped = {row["finding_id"]: row for row in csv.DictReader(fh)}
    for convention in import_findings.read_conventions():
        row = shipped[convention["finding_id"]]
        for column in ("value", "value_kind", "as_of", "scope", "metric", "counting_convention", "dataset_query",
                       "explanation"):
            assert row[column] == convention[column], (convention["finding_id"], column)
    assert len(shipped) == len(import_findings.read_conventions())
