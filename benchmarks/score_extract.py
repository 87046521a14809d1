"""Precision and recall of vnsister.extract on a folder of articles against a gold CSV.

    python benchmarks/score_extract.py [FOLDER] [GOLD]     (default: ../shared/seeds, benchmarks/gold/seeds.csv)

The gold CSV has columns file, vn_place_id, partner_place_id: one row per tie the article states. A candidate
counts as correct when its (file, vn_place_id, partner_place_id) is in the gold; type and date are reported but
not scored. Works on any folder of .txt articles with such a gold file.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import vnsister
from vnsister.extract import candidates
from vnsister.names import Gazetteer

HERE = Path(__file__).resolve().parent


def score(folder: Path, gold_path: Path) -> tuple[float, float, list[str]]:
    with gold_path.open(encoding="utf-8") as fh:
        gold = {(r["file"], r["vn_place_id"], r["partner_place_id"]) for r in csv.DictReader(fh)}
    ds = vnsister.load()
    gazetteer = Gazetteer(ds.places)
    found, lines = set(), []
    for article in sorted(folder.glob("*.txt")):
        for cand in candidates(article.read_text(encoding="utf-8"), ds, gazetteer=gazetteer):
            key = (article.name, cand.vn_place_id, cand.partner_place_id)
            found.add(key)
            mark = "ok " if key in gold else "FP "
            lines.append(f"{mark}{article.name}: {cand.vn_place_id} – {cand.partner_place_id} {cand.tie_type} "
                         f"{cand.date or '-'} ({cand.confidence:.1f}) {cand.adds}")
    lines += [f"FN {f}: {v} – {p}" for f, v, p in sorted(gold - found)]
    precision = len(found & gold) / len(found) if found else 0.0
    recall = len(found & gold) / len(gold) if gold else 0.0
    return precision, recall, lines


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[1] / "shared" / "seeds"
    gold = Path(sys.argv[2]) if len(sys.argv) > 2 else HERE / "gold" / "seeds.csv"
    precision, recall, lines = score(folder, gold)
    print("\n".join(lines))
    print(f"precision {precision:.2f}  recall {recall:.2f}")


if __name__ == "__main__":
    main()
