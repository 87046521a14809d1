"""Merge events that record one step of a tie twice into the event that stays.

    python scripts/merge_events.py KEEP DROP [DROP ...] --version 0.13.0 --reason "same agreement as KEEP"

The evidence of each dropped event moves to KEEP. An evidence row whose source already supports KEEP would
repeat it (the validator refuses two rows for one source, tie and event): it is retired, and its note replaces
the survivor's when it is longer. Fields KEEP leaves empty (date, types, wording, notes) are filled from the
dropped events, and purposes are united. Every id removed goes to dataset/retired_ids.csv with the one that
replaced it, so it is never given out again. Date or type corrections are made by hand afterwards and logged
in curation/corrections.md, like every merge.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("ingest", ROOT / "scripts" / "ingest.py")
ingest = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(ingest)  # the tables are read and written exactly as the intake tool does

FILLED = ("date", "from_type", "to_type", "wording", "notes")


class MergeError(ValueError):
    """The events named cannot be merged (unknown id, another tie, or the same id twice)."""


def merge(keep_id: str, drop_ids: list[str], version: str, reason: str, root: Path = ROOT) -> list[dict]:
    """Merge ``drop_ids`` into ``keep_id`` in the package at ``root``; return the retired-id rows written."""
    events, evidence = ingest.read("events", root), ingest.read("evidence", root)
    by_id = {e["event_id"]: e for e in events}
    _check(keep_id, drop_ids, by_id, version, reason)
    keep = by_id[keep_id]
    retired: list[dict] = []
    for drop_id in drop_ids:
        _fill(keep, by_id[drop_id])
        retired.append(_retired(drop_id, "events", keep_id, version, reason))
        retired += _move_evidence(evidence, drop_id, keep_id, version)
    ingest.retire(retired, root)  # checked before any table changes: a refused retirement leaves them as they were
    ingest.write("events", [e for e in events if e["event_id"] not in drop_ids], root)
    gone = {r["id"] for r in retired}
    ingest.write("evidence", [v for v in evidence if v["evidence_id"] not in gone], root)
    return retired


def _check(keep_id: str, drop_ids: list[str], by_id: dict[str, dict], version: str, reason: str) -> None:
    if not drop_ids or keep_id in drop_ids or len(set(drop_ids)) != len(drop_ids):
        raise MergeError("name the event to keep and one or more other events to merge into it")
    unknown = [i for i in [keep_id, *drop_ids] if i not in by_id]
    if unknown:
        raise MergeError(f"no such event: {', '.join(unknown)}")
    other_ties = [i for i in drop_ids if by_id[i]["tie_id"] != by_id[keep_id]["tie_id"]]
    if other_ties:
        raise MergeError(f"{', '.join(other_ties)} belong to another tie than {keep_id}")
    if not version.strip() or not reason.strip():
        raise MergeError("a version and a reason are required for the retired ids")


def _fill(keep: dict, drop: dict) -> None:
    for field in FILLED:
        if not keep.get(field) and drop.get(field):
            keep[field] = drop[field]
    purposes = [p for e in (keep, drop) for p in e.get("purposes", "").split(";") if p]
    keep["purposes"] = ";".join(dict.fromkeys(purposes))


def _move_evidence(evidence: list[dict], drop_id: str, keep_id: str, version: str) -> list[dict]:
    retired = []
    for row in [v for v in evidence if v["event_id"] == drop_id]:
        survivor = next((v for v in evidence if v["event_id"] == keep_id and v["source_id"] == row["source_id"]),
                        None)
        if survivor is None:
            row["event_id"] = keep_id
            continue
        if len(row["note"]) > len(survivor["note"]):
            survivor["note"] = row["note"]
        retired.append(_retired(row["evidence_id"], "evidence", survivor["evidence_id"], version,
                                f"same source as {survivor['evidence_id']} once {drop_id} was merged into {keep_id}"))
    return retired


def _retired(id_: str, table: str, replaced_by: str, version: str, reason: str) -> dict:
    return {"id": id_, "table": table, "replaced_by": replaced_by, "version": version, "reason": reason}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("keep")
    parser.add_argument("drop", nargs="+")
    parser.add_argument("--version", required=True, help="the release in which the ids are retired")
    parser.add_argument("--reason", required=True, help="why the events are one step (goes to retired_ids.csv)")
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args(argv)
    try:
        rows = merge(args.keep, args.drop, args.version, args.reason, args.root)
    except MergeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for row in rows:
        print(f"retired {row['id']} -> {row['replaced_by']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
