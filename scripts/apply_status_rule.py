"""Apply the status rule to dataset/partnerships.csv: an ``active`` tie without dated evidence within the window
before the release date (``created`` in datapackage.json) becomes ``unknown``.

    python scripts/apply_status_rule.py [--check]

Run it after an ingest and when the release date moves; the validator refuses data that break the rule. The
rule itself lives in ``vnsister.timeline`` (``STATUS_WINDOW_YEARS``, ``status_cutoff``); this script only
writes its consequence, and prints each change for curation/corrections.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))
from ingest import read, write  # noqa: E402  (the one CSV writer of curation)

import vnsister  # noqa: E402
from vnsister.timeline import status_cutoff, tie_timeline  # noqa: E402


def stale_active_ties(ds: vnsister.Dataset) -> dict[str, str]:
    """Tie id -> its latest dated evidence ("" if none), for active ties the rule makes unknown."""
    timeline = tie_timeline(ds)
    stale = (timeline["status"] == "active") & ~(timeline["last_attested"] >= status_cutoff(ds.released)).fillna(False)
    last = timeline.loc[stale].set_index("tie_id")["last_attested"]
    return {tie: "" if value is None or str(value) == "NaT" else str(value.date()) for tie, value in last.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="list the changes, write nothing")
    args = parser.parse_args(argv)
    ds = vnsister.load(ROOT)
    stale = stale_active_ties(ds)
    rows = read("partnerships")
    for row in rows:
        if row["tie_id"] in stale:
            print(f"{row['tie_id']}: active -> unknown (latest dated evidence: {stale[row['tie_id']] or 'none'})")
            row["status"] = "unknown"
    if not args.check:
        write("partnerships", rows)
    print(f"{len(stale)} tie(s) {'would change' if args.check else 'changed'}; cutoff {status_cutoff(ds.released).date()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
