"""Build dataset/published_findings.csv (and their sources) from the curated research notes.

    python scripts/import_findings.py ../shared/research/published_findings.csv [curation/findings/*.csv]

Research notes come from `../shared/research/` and from the figures curators recorded (`curation/findings/`,
same columns).

Only findings that the dataset can be compared with are imported, each with a value read from the published
figure and a counting convention written in the project's own words (`curation/finding_conventions.csv`). Their
sources are added to sources.csv (deduplicated by URL); run `vnsister build` afterwards.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from vnsister.findings import Query  # noqa: E402  (the library's reading of a dataset query)

# One row per finding the dataset can be compared with: the value read from the published figure, how it was
# published (exact, at_least for "more than 100", about for "about 70"), the day the count refers to, the
# counting convention in the project's own words, and the dataset query that counts the same thing (the text
# form of vnsister.findings.Query). seed_url: the URL of a seed article the research note lacks. explanation: why
# the dataset's figure differs from the published one (required where they do not match).
CONVENTIONS = ROOT / "curation" / "finding_conventions.csv"
SCHEMA = json.loads((ROOT / "schemas" / "published_findings.json").read_text(encoding="utf-8"))
FIELDS = [field["name"] for field in SCHEMA["fields"]]
VALUE_KINDS = next(f for f in SCHEMA["fields"] if f["name"] == "value_kind")["constraints"]["enum"]


def read_conventions(path: Path = CONVENTIONS) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for line, row in enumerate(rows, start=2):
        if row["value_kind"] not in VALUE_KINDS:
            raise SystemExit(f"{path.name}:{line}: value_kind {row['value_kind']!r} is not one of {VALUE_KINDS}")
        try:
            row["dataset_query"] = str(Query.parse(row["dataset_query"]))  # written the one way the schema allows
        except ValueError as exc:
            raise SystemExit(f"{path.name}:{line}: {exc}") from None
    return rows


def partial(text: str) -> str:
    match = re.match(r"^(\d{4}(-\d{2}(-\d{2})?)?)", text.strip())
    return match.group(1) if match else ""


def read_research(paths: list[str]) -> dict[str, dict[str, str]]:
    research: dict[str, dict[str, str]] = {}
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            research.update({row["finding_id"]: row for row in csv.DictReader(fh)})
    return research


def main(paths: list[str]) -> None:
    research = read_research(paths)
    sources_path = ROOT / "dataset" / "sources.csv"
    with sources_path.open(encoding="utf-8", newline="") as fh:
        sources = list(csv.DictReader(fh))
    by_url = {row["url"]: row["source_id"] for row in sources}
    next_number = max(int(row["source_id"][1:]) for row in sources) + 1
    rows = []
    for convention in read_conventions():
        finding_id = convention["finding_id"]
        if finding_id not in research:
            raise SystemExit(f"{CONVENTIONS.name}: {finding_id} has no research note in {', '.join(paths)}")
        item = research[finding_id]
        url = item["source_url"] or convention["seed_url"]
        if url not in by_url:
            by_url[url] = f"S{next_number:04d}"
            next_number += 1
            sources.append({"source_id": by_url[url], "url": url, "title": re.sub(r"^\((.*)\)$", r"\1", item["source_title"].strip()),
                            "publisher": item["publisher"], "published": partial(item["published"]),
                            "published_from": "page" if partial(item["published"]) else "",
                            "language": item["language"], "notes": "cited by published_findings.csv"})
        rows.append({"finding_id": finding_id, "scope": convention["scope"], "metric": convention["metric"],
                     "published_value": item["value"], "value": convention["value"], "value_kind": convention["value_kind"],
                     "as_of": convention["as_of"], "counting_convention": convention["counting_convention"],
                     "dataset_query": convention["dataset_query"], "source_id": by_url[url], "notes": "",
                     "explanation": convention["explanation"]})
    with sources_path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, list(sources[0].keys()), lineterminator="\n")
        writer.writeheader()
        writer.writerows(sources)
    with (ROOT / "dataset" / "published_findings.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(sorted(rows, key=lambda r: r["finding_id"]))
    print(f"{len(rows)} findings written")


if __name__ == "__main__":
    main(sys.argv[1:] or [str(ROOT.parent / "shared" / "research" / "published_findings.csv"),
                          *map(str, sorted((ROOT / "curation" / "findings").glob("*.csv")))])
