"""Precision and recall of vnsister.extract: on a folder of articles against a gold CSV, and on the gold set of
sentences by language and half.

    python benchmarks/score_extract.py [FOLDER] [GOLD]     (default: ../shared/seeds, benchmarks/gold/seeds.csv)
    python benchmarks/score_extract.py --sentences [benchmarks/gold/sentences.csv]

The sentences (in the project's own words, each stating facts of a sourced tie, or none) are split into a
development and a test half by a hash of their id, fixed before any tuning; only the development half may be
looked at while changing the extractor. A sentence's ties are "vn_place_id>partner_place_id" pairs.

The gold CSV has columns file, vn_place_id, partner_place_id: one row per tie the article states. A candidate
counts as correct when its (file, vn_place_id, partner_place_id) is in the gold; type and date are reported but
not scored. Works on any folder of .txt articles with such a gold file.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
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


def half(sentence_id: str) -> str:
    """"dev" or "test", fixed by the sentence id's hash."""
    return "dev" if int(hashlib.sha256(sentence_id.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "test"


def score_sentences(path: Path) -> list[str]:
    """Precision and recall per language and half, over (sentence, vn place, partner place) pairs."""
    ds = vnsister.load()
    gazetteer = Gazetteer(ds.places)
    tallies: dict[tuple[str, str], list[int]] = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            gold = {tuple(pair.split(">")) for pair in row["ties"].split(";") if pair}
            article_date = dt.date.fromisoformat(row["article_date"]) if row["article_date"] else None
            found = {(c.vn_place_id, c.partner_place_id)
                     for c in candidates(row["text"], ds, article_date=article_date, gazetteer=gazetteer)}
            tally = tallies.setdefault((row["lang"], half(row["id"])), [0, 0, 0])
            tally[0] += len(found & gold)
            tally[1] += len(found)
            tally[2] += len(gold)
    lines = ["lang half  sentences-ties  proposed  correct  precision  recall"]
    for (lang, part), (hit, proposed, expected) in sorted(tallies.items()):
        precision = hit / proposed if proposed else 1.0
        recall = hit / expected if expected else 1.0
        lines.append(f"{lang:>4} {part:>4}  {expected:>14}  {proposed:>8}  {hit:>7}  {precision:9.3f}  {recall:6.3f}")
    return lines


def main() -> None:
    if sys.argv[1:2] == ["--sentences"]:
        path = Path(sys.argv[2]) if len(sys.argv) > 2 else HERE / "gold" / "sentences.csv"
        print("\n".join(score_sentences(path)))
        return
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[1] / "shared" / "seeds"
    gold = Path(sys.argv[2]) if len(sys.argv) > 2 else HERE / "gold" / "seeds.csv"
    precision, recall, lines = score(folder, gold)
    print("\n".join(lines))
    print(f"precision {precision:.2f}  recall {recall:.2f}")


if __name__ == "__main__":
    main()
