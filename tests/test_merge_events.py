"""scripts/merge_events.py on the tiny package: one step recorded twice becomes one event."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

import vnsister

REPO = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("merge_events", REPO / "scripts" / "merge_events.py")
merge_events = importlib.util.module_from_spec(spec)
spec.loader.exec_module(merge_events)


def rows(root: Path, table: str) -> list[dict[str, str]]:
    with (root / "dataset" / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def add_duplicate_of_the_upgrade(root: Path) -> None:
    """E0003 records the 2013 upgrade of E0002 again, from the same page (S0001) and from a second one (S0002)."""
    with (root / "dataset" / "events.csv").open("a", encoding="utf-8") as fh:
        fh.write("E0003,T0001,other,2013-10-21,,,Thỏa thuận nâng cấp,culture_tourism,Signed in Alpha.\n")
    with (root / "dataset" / "evidence.csv").open("a", encoding="utf-8") as fh:
        fh.write("V0006,S0001,T0001,E0003,supports,The two sides signed the upgrade on 21 Oct 2013 in Alpha.\n")
        fh.write("V0007,S0002,T0001,E0003,supports,Upgrade of Oct 2013.\n")


def test_merging_moves_evidence_retires_repeats_and_fills_the_kept_event(tiny):
    add_duplicate_of_the_upgrade(tiny)
    assert vnsister.validate(tiny).ok  # a step recorded twice is valid tabular data: review finds it, not the validator

    retired = merge_events.merge("E0002", ["E0003"], "9.9.9", "same upgrade as E0002", tiny)

    assert [(r["id"], r["replaced_by"]) for r in retired] == [("E0003", "E0002"), ("V0006", "V0003")]
    assert [e["event_id"] for e in rows(tiny, "events")] == ["E0001", "E0002"]
    kept = rows(tiny, "events")[1]
    assert kept["purposes"] == "culture_tourism" and kept["notes"] == "Signed in Alpha."
    evidence = {v["evidence_id"]: v for v in rows(tiny, "evidence")}
    assert "V0006" not in evidence and evidence["V0007"]["event_id"] == "E0002"
    assert evidence["V0003"]["note"] == "The two sides signed the upgrade on 21 Oct 2013 in Alpha."  # longer note kept
    listed = {r["id"]: r["replaced_by"] for r in rows(tiny, "retired_ids")}
    assert listed["E0003"] == "E0002" and listed["V0006"] == "V0003" and listed["E0000"] == "E0001"
    assert vnsister.validate(tiny).ok, str(vnsister.validate(tiny))


@pytest.mark.parametrize(("keep", "drop", "message"), [
    ("E0002", ["E0009"], "no such event: E0009"),
    ("E0002", ["E0002"], "name the event to keep"),
    ("E0002", [], "name the event to keep"),
])
def test_bad_arguments_are_refused_and_nothing_is_written(tiny, keep, drop, message):
    before = (tiny / "dataset" / "events.csv").read_text(encoding="utf-8")
    with pytest.raises(merge_events.MergeError, match=message):
        merge_events.merge(keep, drop, "9.9.9", "reason", tiny)
    assert (tiny / "dataset" / "events.csv").read_text(encoding="utf-8") == before


def test_events_of_another_tie_are_refused(tiny):
    with (tiny / "dataset" / "events.csv").open("a", encoding="utf-8") as fh:
        fh.write("E0003,T0002,mou_signed,2004,,cooperation,MoU,,\n")
    with pytest.raises(merge_events.MergeError, match="belong to another tie"):
        merge_events.merge("E0002", ["E0003"], "9.9.9", "reason", tiny)


def test_the_command_line_exits_non_zero_on_a_bad_id(tiny, capsys):
    code = merge_events.main(["E0002", "E0404", "--version", "9.9.9", "--reason", "x", "--root", str(tiny)])
    assert code == 2 and "no such event: E0404" in capsys.readouterr().err
