"""The status rule applied both ways (scripts/apply_status_rule.py), and the shipped statuses obeying it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import vnsister
from tests.conftest import TINY, write_package

REPO = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("apply_status_rule", REPO / "scripts" / "apply_status_rule.py")
status_rule = importlib.util.module_from_spec(spec)
spec.loader.exec_module(status_rule)


def package(tmp_path: Path, t0002_status: str, t0003_status: str, s0002_published: str) -> vnsister.Dataset:
    tables = dict(TINY)
    tables["partnerships"] = (TINY["partnerships"]
                              .replace("hợp tác,2004,signing,active", f"hợp tác,2004,signing,{t0002_status}")
                              .replace("kết nghĩa,1984,statement,active", f"kết nghĩa,1984,statement,{t0003_status}"))
    tables["sources"] = TINY["sources"].replace("Paper B,2024,page", f"Paper B,{s0002_published},page")
    return vnsister.load(write_package(tmp_path / "pkg", tables))


def test_unknown_tie_with_recent_dated_evidence_becomes_active(tmp_path):
    # S0002 (2024) dates T0002 and T0003; the release cutoff is ten years before the release date
    ds = package(tmp_path, "active", "unknown", "2024")
    assert status_rule.status_changes(ds, held={}) == {"T0003": ("active", "2024-01-01")}


def test_held_tie_stays_unknown(tmp_path):
    ds = package(tmp_path, "active", "unknown", "2024")
    assert status_rule.status_changes(ds, held={"T0003": "sources conflict"}) == {}


def test_active_tie_without_recent_dated_evidence_becomes_unknown(tmp_path):
    ds = package(tmp_path, "active", "active", "2001-05")
    assert status_rule.status_changes(ds, held={}) == {"T0002": ("unknown", "2001-05-01"),
                                                        "T0003": ("unknown", "2001-05-01")}


def test_held_list_needs_a_reason_for_every_tie(tmp_path):
    path = tmp_path / "held.csv"
    path.write_text("tie_id,reason\nT0001,sources conflict\nT0002,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 3"):
        status_rule.held_ties(path)


def test_held_list_naming_no_tie_is_refused(tmp_path):
    path = tmp_path / "held.csv"
    path.write_text("tie_id,reason\nT0001,sources conflict\nT0999,sources conflict\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"do not exist: \['T0999'\]"):
        status_rule.held_ties(path, known=["T0001", "T0002"])


def test_shipped_statuses_follow_the_rule_both_ways():
    ds = vnsister.load(REPO)
    statuses = ds.partnerships.set_index("tie_id")["status"]
    held = status_rule.held_ties(known=statuses.index)
    assert status_rule.status_changes(ds, held) == {}
    assert (statuses.loc[list(held)] == "unknown").all()
