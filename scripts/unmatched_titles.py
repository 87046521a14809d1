"""List the titles of cited pages in which the gazetteer does not find a party of the tie the page is cited for.

A title that names a partner as "탱화성" or "Luông Phra Bang" while the gazetteer knows only "타인호아" and "Luông
Pha Băng" shows a spelling the curation assistant would miss; the curator adds it as an alias when the title
prints it. Titles that name neither party (a list, a visit report) are listed too and are simply skipped.

    python scripts/unmatched_titles.py --side partner --lang vi
    python scripts/unmatched_titles.py --side vn --lang ko
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
import vnsister  # noqa: E402
from vnsister.extract import _ancestors  # noqa: E402
from vnsister.names import Gazetteer  # noqa: E402


def unmatched(ds: vnsister.Dataset, side: str, lang: str) -> pd.DataFrame:
    """One row per (tie, source) whose title, in ``lang``, names neither the tie's ``side`` party (``vn`` or
    ``partner``) nor a unit containing it."""
    if side not in ("vn", "partner"):
        raise ValueError(f"side must be 'vn' or 'partner', not {side!r}")
    column = f"{side}_place_id"
    parent = ds.places.set_index("place_id")["parent_id"].dropna().to_dict()
    gazetteer = Gazetteer(ds.places)
    cited = ds.evidence.merge(ds.sources[["source_id", "title", "language"]], on="source_id")
    cited = cited[(cited["language"] == lang) & cited["title"].notna()].drop_duplicates(["tie_id", "source_id"])
    place = ds.partnerships.set_index("tie_id")[column]
    rows = []
    for tie_id, source_id, title in zip(cited["tie_id"], cited["source_id"], cited["title"], strict=True):
        chain = {place[tie_id], *_ancestors(place[tie_id], parent)}
        found = {p for m in gazetteer.find(title) for p in m.place_ids}
        if not found & chain:
            rows.append({"place_id": place[tie_id], "tie_id": tie_id, "source_id": source_id, "title": title})
    return pd.DataFrame(rows, columns=["place_id", "tie_id", "source_id", "title"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--side", choices=["vn", "partner"], default="partner")
    parser.add_argument("--lang", default="vi", help="ISO 639-1 language of the titles read")
    args = parser.parse_args(argv)
    found = unmatched(vnsister.load(), args.side, args.lang)
    for place_id, group in found.groupby("place_id", sort=False):
        print(f"{place_id} ({len(group)})")
        for row in group.head(3).itertuples():
            print(f"    {row.source_id} {row.title}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
