"""Apply the status rule to dataset/partnerships.csv, both ways, against the release date (``created`` in
datapackage.json):

- an ``active`` tie without dated evidence within the window becomes ``unknown``;
- an ``unknown`` tie with dated evidence within the window becomes ``active``, unless it is listed in
  ``curation/status_held.csv`` with the curators' reason (its sources conflict about whether the tie exists, or
  the only dated page does not name the partner). ``lapsed`` ties are never touched.

    python scripts/apply_status_rule.py [--check]

Run it after an ingest and when the release date moves; the validator refuses an ``active`` tie that breaks the
rule, and tests/test_shipped_data.py refuses an ``unknown`` tie that the rule would make ``active`` unless it is
held. The rule itself lives in ``vnsister.timeline`` (``STATUS_WINDOW_YEARS``, ``status_cutoff``); this script
only writes its consequence, and prints each change for curation/corrections.md.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
HELD = ROOT / "curation" / "status_held.csv"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))
from ingest import read, write  # noqa: E402  (the one CSV writer of curation)

import vnsister  # noqa: E402
from vnsister.timeline import status_cutoff, tie_timeline  # noqa: E402


def held_ties(path: Path = HELD, known: Iterable[str] | None = None) -> dict[str, str]:
    """Tie id -> reason, for ties the curators keep ``unknown`` despite dated evidence in the window; with
    ``known`` (the tie ids of the package), a held id that names no tie is refused."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for number, row in enumerate(rows, start=2):
        if not row.get("tie_id") or not row.get("reason", "").strip():
            raise ValueError(f"{path.name} line {number}: every held tie needs a tie_id and a reason")
    held = {row["tie_id"]: row["reason"] for row in rows}
    unknown = sorted(set(held) - set(known)) if known is not None else []
    if unknown:
        raise ValueError(f"{path.name} names ties that do not exist: {unknown}")
    return held


def status_changes(ds: vnsister.Dataset, held: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Tie id -> (new status, latest dated evidence or ""), for every tie whose status the rule changes."""
    timeline = tie_timeline(ds).set_index("tie_id")
    recent = (timeline["last_attested"] >= status_cutoff(ds.released)).fillna(False)
    changes = {}
    for tie, row in timeline.iterrows():
        last = "" if pd.isna(row["last_attested"]) else str(row["last_attested"].date())
        if row["status"] == "active" and not recent[tie]:
            changes[tie] = ("unknown", last)
        elif row["status"] == "unknown" and recent[tie] and tie not in held:
            changes[tie] = ("active", last)
    return changes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="list the changes, write nothing")
    args = parser.parse_args(argv)
    ds = vnsister.load(ROOT)
    try:
        held = held_ties(known=ds.partnerships["tie_id"])
    except ValueError as exc:
        raise SystemExit(str(exc)) from None
    changes = status_changes(ds, held)
    rows = read("partnerships")
    for row in rows:
        if row["tie_id"] in changes:
            status, last = changes[row["tie_id"]]
            print(f"{row['tie_id']}: {row['status']} -> {status} (latest dated evidence: {last or 'none'})")
            row["status"] = status
    if not args.check:
        write("partnerships", rows)
    print(f"{len(changes)} tie(s) {'would change' if args.check else 'changed'}; cutoff {status_cutoff(ds.released).date()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
