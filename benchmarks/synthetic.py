"""Synthetic data packages of any size, with the real descriptor and schemas (for benchmarks and scale tests)."""

from __future__ import annotations

import csv
import json
import random
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _columns(table: str) -> list[str]:
    schema = json.loads((REPO / "schemas" / f"{table}.json").read_text(encoding="utf-8"))
    return [field["name"] for field in schema["fields"]]


def write_synthetic_package(root: Path, n_ties: int, n_places: int | None = None, seed: int = 0) -> Path:
    """Write a valid package with ``n_ties`` ties between ``n_places`` places (half Vietnamese, half foreign)."""
    rng = random.Random(seed)
    n_places = n_places or max(10, n_ties // 10)
    root.mkdir(parents=True, exist_ok=True)
    descriptor = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))
    for entry in descriptor["resources"]:  # synthetic files: no recorded sizes or hashes
        entry.pop("bytes", None)
        entry.pop("hash", None)
    (root / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    shutil.copytree(REPO / "schemas", root / "schemas", dirs_exist_ok=True)
    data = root / "dataset"
    data.mkdir(exist_ok=True)
    half = n_places // 2
    vn = [f"vn-p{i}" for i in range(half)]
    kr = [f"kr-p{i}" for i in range(n_places - half)]
    with (data / "places.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["place_id", "country", "level", "admin_level", "unit_type", "parent_id", "name_en", "name_local",
                    "name_ascii", "aliases", "iso_3166_2", "stat_code", "valid_from", "valid_until", "successor_id", "notes"])
        for pid in vn:
            w.writerow([pid, "VN", "province", 1, "tỉnh", "", pid, f"Tỉnh {pid}", pid, "", "", "", "", "", "", ""])
        for pid in kr:
            w.writerow([pid, "KR", "city", 2, "시", "", pid, f"{pid}시", pid, "", "", "", "", "", "", ""])
    for empty in ("published_findings", "retired_ids", "coordinates", "coverage_checks", "dated_pages"):  # header only
        (data / f"{empty}.csv").write_text(",".join(_columns(empty)) + "\n", encoding="utf-8")
    types = ["twinning", "friendship", "cooperation"]
    with (data / "partnerships.csv").open("w", encoding="utf-8", newline="") as ft, \
         (data / "events.csv").open("w", encoding="utf-8", newline="") as fe, \
         (data / "evidence.csv").open("w", encoding="utf-8", newline="") as fv, \
         (data / "sources.csv").open("w", encoding="utf-8", newline="") as fs:
        wt, we, wv, ws = (csv.writer(f, lineterminator="\n") for f in (ft, fe, fv, fs))
        wt.writerow(["tie_id", "vn_place_id", "vn_party", "vn_agency", "partner_place_id", "partner_party",
                     "partner_agency", "tie_type", "tie_type_wording", "established", "established_from", "status",
                     "ended", "known_from", "notes"])
        we.writerow(["event_id", "tie_id", "event_type", "date", "from_type", "to_type", "wording", "purposes", "notes"])
        wv.writerow(["evidence_id", "source_id", "tie_id", "event_id", "stance", "note"])
        ws.writerow(["source_id", "url", "title", "publisher", "published", "published_from", "language", "notes"])
        n_sources = max(1, n_ties // 5)
        for s in range(1, n_sources + 1):
            ws.writerow([f"S{s:07d}", f"https://example.org/{s}", f"Article {s}", "Paper", "2024", "page", "vi", ""])
        seen = set()
        tie = 0
        while tie < n_ties:
            a, b, kind = rng.choice(vn), rng.choice(kr), rng.choice(types)
            if (a, b) in seen:  # one tie per pair of parties (stages of a tie are events, not rows)
                continue
            seen.add((a, b))
            tie += 1
            year = rng.randint(1990, 2024)
            tid, eid = f"T{tie:07d}", f"E{tie:07d}"
            established = f"{year}-{rng.randint(1, 12):02d}"
            wt.writerow([tid, a, "government", "", b, "government", "", kind, kind, established, "signing", "active", "",
                         "", ""])
            we.writerow([eid, tid, "established", established, "", kind, kind, "general_friendship", ""])
            source = f"S{(tie - 1) % n_sources + 1:07d}"
            wv.writerow([f"V{2 * tie - 1:07d}", source, tid, "", "supports", "Synthetic."])
            wv.writerow([f"V{2 * tie:07d}", source, tid, eid, "supports", "Synthetic."])
    return root
