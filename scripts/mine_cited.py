"""List ties that the pages already cited may state but that no row records.

    python scripts/mine_cited.py            # one block per proposed pair, with the evidence note and page

A page cited for one tie often names others ("signed with Hà Nội, Bà Rịa–Vũng Tàu, Đồng Nai …"). This runs the
curation assistant (``vnsister.extract.candidates``) over every evidence note, which says in the curators' words
what its page states, and prints the pairs of places it proposes that the dataset does not hold. The output is
a list of leads for a curator: each must be checked against the page before an intake record is written (many
proposals are a locator or a venue read as a party).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import vnsister  # noqa: E402
from vnsister.extract import candidates  # noqa: E402
from vnsister.names import Gazetteer  # noqa: E402


def unrecorded_pairs(ds: vnsister.Dataset) -> list[tuple[tuple[str, str], str, str, str]]:
    """(vn place, partner place), tie id the note belongs to, page URL, note: one per pair not in the dataset."""
    gazetteer = Gazetteer(ds.places)
    recorded = set(zip(ds.partnerships["vn_place_id"], ds.partnerships["partner_place_id"], strict=True))
    notes = ds.evidence.merge(ds.sources[["source_id", "url"]], on="source_id").dropna(subset=["note"])
    found: dict[tuple[str, str], tuple[str, str, str]] = {}
    for row in notes.drop_duplicates("note").itertuples(index=False):
        for cand in candidates(row.note, ds, gazetteer=gazetteer, lang="en"):
            pair = (cand.vn_place_id, cand.partner_place_id)
            if pair not in recorded and pair not in found:
                found[pair] = (row.tie_id, row.url, row.note)
    return [(pair, *found[pair]) for pair in sorted(found)]


def main() -> None:
    pairs = unrecorded_pairs(vnsister.load())
    for (vn_place, partner), tie_id, url, note in pairs:
        print(f"{vn_place} – {partner}  (note on {tie_id}: {url})\n    {note}")
    print(f"{len(pairs)} pair(s) to check")


if __name__ == "__main__":
    main()
