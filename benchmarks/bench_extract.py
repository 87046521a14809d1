"""Speed of `vnsister.extract.candidates` on a 5,000-word article (target: under one second).

    python benchmarks/bench_extract.py [--words 5000] [--repeat 5]

The article is built from the gold sentences and the seed articles (Vietnamese, Korean and English, so every
language path runs), repeated until it has --words words. The gazetteer is built once, as `vnsister extract`
does for a file. Everything is timed in the same run and reported as medians, with the ratio to a baseline
measured next to it (folding the whole article, the first step of every name lookup) and to the one-second
budget.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_load_validate import timed  # noqa: E402  (one way to time, shared by the benchmarks)

import vnsister  # noqa: E402
from vnsister.extract import candidates  # noqa: E402
from vnsister.names import Gazetteer, fold  # noqa: E402

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parents[1] / "shared" / "seeds"


def article(words: int) -> str:
    """Gold sentences and seed articles (if present), repeated to ``words`` words."""
    with (HERE / "gold" / "sentences.csv").open(encoding="utf-8") as handle:
        parts = [row["text"] for row in csv.DictReader(handle)]
    parts += [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))] if SEEDS.is_dir() else []
    text, count = [], 0
    while count < words:
        for part in parts:
            text.append(part)
            count += len(part.split())
            if count >= words:
                break
    return "\n\n".join(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    ds = vnsister.load()
    start = time.perf_counter()
    gazetteer = Gazetteer(ds.places)
    build = time.perf_counter() - start
    text = article(args.words)
    found = candidates(text, ds, gazetteer=gazetteer)
    baseline = timed(lambda: fold(text), args.repeat)
    extract = timed(lambda: candidates(text, ds, gazetteer=gazetteer), args.repeat)
    print(f"article: {len(text.split()):,} words, {len(found)} candidate ties; gazetteer built once in {build:.2f}s")
    print(f"fold(article) {baseline:.3f}s | candidates {extract:.3f}s = {extract / baseline:.0f}x fold "
          f"= {extract:.2f}x the one-second budget (median of {args.repeat})")


if __name__ == "__main__":
    main()
