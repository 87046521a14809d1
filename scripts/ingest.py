"""Merge curation intake files (curation/intake/*.jsonl) into the five tables of the data package.

    python scripts/ingest.py [--check] [--all --check] [INTAKE ...]

Each intake record is merged once: its hash goes to curation/ingested.txt, so hand corrections made to the
tables afterwards (logged in curation/corrections.md) are never undone by a later run. --all --check shows what
merging every record again would bring back (retired rows, removed dates, steps joined by hand): the intake files
are the record of what was found, the tables the record after correction, so --all never writes. A tie already
in partnerships.csv (same parties, and same type where the parties have several ties, or the tie a record names
with "tie_id") gains only the events, sources and evidence it lacks; ids of existing rows never change, new rows
get the next free id. A record that cannot be merged (an unknown place, no evidence, a value outside the schemas'
vocabularies, a malformed date, more than one tie it may describe) is skipped with a message naming its line,
stays out of the ledger, and makes the run exit 1. Text is NFC-normalised and stripped here, at curation time, so
that validation never has to.
Conflicts (a record disagreeing with the table on type or date) are printed for the curator, not overwritten.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from vnsister.dates import parse_partial_date  # noqa: E402  (the partial-date rule)
from vnsister.duplicates import normalise_url  # noqa: E402  (the validator's notion of "same page")
from vnsister.event_types import BEFORE_TIE, FORMAL_AGREEMENTS  # noqa: E402  (steps that precede a tie; signings)
from vnsister.names import agency_key, tie_keys  # noqa: E402  (the validator's notion of "same tie")
from vnsister.purposes import VOCABULARY as PURPOSES  # noqa: E402  (the events schema's purpose tags)
from vnsister.schema import enum_values  # noqa: E402  (vocabularies, from schemas/*.json)
from vnsister.sourcedates import date_from_url  # noqa: E402  (dates an address states)
from vnsister.sourcehosts import excluded_host  # noqa: E402  (hosts whose copies are never cited)

TABLES = {"places": "place_id", "partnerships": "tie_id", "events": "event_id", "sources": "source_id",
          "evidence": "evidence_id"}
PREFIX = {"partnerships": "T", "events": "E", "sources": "S", "evidence": "V"}
LEDGER = Path("curation") / "ingested.txt"  # sha256 of every intake line already merged
RETIRED = Path("dataset") / "retired_ids.csv"  # ids removed from the tables, never to be given out again


def clean(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = ";".join(str(v).strip() for v in value if str(v).strip())
    return unicodedata.normalize("NFC", str(value)).strip()


def columns(table: str, root: Path = ROOT) -> list[str]:
    return [f["name"] for f in json.loads((root / "schemas" / f"{table}.json").read_text(encoding="utf-8"))["fields"]]


def line_hash(line: str) -> str:
    return hashlib.sha256(line.strip().encode("utf-8")).hexdigest()


def read(table: str, root: Path = ROOT) -> list[dict[str, str]]:
    return read_csv(root / "dataset" / f"{table}.csv")


def read_csv(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def write(table: str, rows: list[dict[str, str]], root: Path = ROOT) -> None:
    key, fields = TABLES[table], columns(table, root)
    with (root / "dataset" / f"{table}.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fields, lineterminator="\n")
        writer.writeheader()
        for row in sorted(rows, key=lambda r: r[key]):
            writer.writerow({c: row.get(c, "") for c in fields})


def record_errors(record: dict, place_ids: set[str], root: Path = ROOT) -> list[str]:
    """What makes an intake record unmergeable, checked before anything is merged (empty if nothing).

    Vocabularies come from the table schemas; a date must be a partial date; every event source must be one of
    the record's evidence pages, so that no statement is merged without the page that makes it.
    """
    errors = [f"lacks {key}" for key in ("vn_place", "partner_place", "tie_type") if not clean(record.get(key))]
    errors += [f"unknown place {record[key]!r}" for key in ("vn_place", "partner_place")
               if clean(record.get(key)) and clean(record[key]) not in place_ids]
    for field in ("vn_party", "partner_party", "tie_type", "status", "known_from"):  # same names as the table's
        value, allowed = clean(record.get(field)), enum_values("partnerships", field, root)
        if value and value not in allowed:
            errors.append(f"{field} {value!r} is not one of {allowed}")
    basis, allowed = clean(record.get("established_from")), enum_values("partnerships", "established_from", root)
    if clean(record.get("established")) and basis not in allowed:
        errors.append(f"established needs established_from, one of {allowed} (codebook §5)")
    if basis and not clean(record.get("established")):
        errors.append("established_from without established")
    for party in ("vn", "partner"):
        if clean(record.get(f"{party}_party")) in ("council", "agency") and not clean(record.get(f"{party}_agency")):
            errors.append(f"{party}_party {record[f'{party}_party']} needs {party}_agency (the body's name)")
    evidence = record.get("evidence") or []
    if not evidence:
        errors.append("no evidence")
    stances = enum_values("evidence", "stance", root)
    errors += [f"stance {ev.get('stance')!r} is not one of {stances}" for ev in evidence
               if clean(ev.get("stance")) and clean(ev.get("stance")) not in stances]
    urls = {clean(ev.get("url")) for ev in evidence}
    errors += [f"evidence {url} is a copy on {what}, whose pages are never cited: cite the original story "
               "(codebook §7)" for url in sorted(urls) if (what := excluded_host(url))]
    dates = [("established", record.get("established")), ("ended", record.get("ended"))]
    dates += [("published", ev.get("published")) for ev in evidence]
    step_urls: set[str] = set()
    kinds = enum_values("events", "event_type", root)
    for event in record.get("events", []):
        if clean(event.get("type")) not in kinds:
            errors.append(f"event type {event.get('type')!r} is not one of {kinds}")
        if clean(event.get("from_type")) and clean(event.get("type")) != "upgraded":
            errors.append(f"event {event.get('type')!r}: from_type is only for upgrades")
        errors += [f"purpose {tag!r} is not one of {PURPOSES}" for tag in event.get("purposes") or []
                   if clean(tag) not in PURPOSES]
        dates.append(("event date", event.get("date")))
        for src in event.get("sources", []):
            url = clean(src["url"] if isinstance(src, dict) else src)
            step_urls.add(url)
            if url not in urls:
                errors.append(f"event source {url} is not in the record's evidence")
    errors += [f"evidence {clean(ev.get('url'))} is for steps only but no event cites it" for ev in evidence
               if ev.get("steps_only") and clean(ev.get("url")) not in step_urls]
    for what, value in dates:
        if clean(value):
            try:
                parse_partial_date(clean(value))
            except ValueError:
                errors.append(f"{what} {value!r} is not a partial date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return errors


def retire(rows: list[dict[str, str]], root: Path = ROOT) -> None:
    """Append ``rows`` (id, table, replaced_by, version, reason) to the retired ids, so no id is given out again.

    Refuses an id that is already retired or a row without a version and a reason: a retirement is recorded once,
    with the release it belongs to and why.
    """
    path = root / RETIRED
    already = {row["id"] for row in read_csv(path)}
    fields = columns("retired_ids", root)  # the header the schema declares, as for every table
    for row in rows:
        if row["id"] in already:
            raise ValueError(f"{row['id']} is already retired ({RETIRED})")
        if not (row.get("version") and row.get("reason")):
            raise ValueError(f"{row['id']}: a retired id needs the version and the reason")
        already.add(row["id"])
    new_file = not path.exists()
    with path.open("a", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fields, lineterminator="\n")
        if new_file:
            writer.writeheader()
        writer.writerows({c: row.get(c, "") for c in fields} for row in rows)


def first_agreement_date(established: str, events: list[dict]) -> str:
    """``established`` is the first formal agreement (the validator's rule): a date that only a letter of intent
    or a proposal carries yields to the earliest dated formal agreement, or to "" when there is none."""
    dated = [(clean(e.get("date")), e.get("type")) for e in events if clean(e.get("date"))]
    on_day = {kind for date, kind in dated if date == established}
    if established and on_day & set(BEFORE_TIE) and not on_day & set(FORMAL_AGREEMENTS):
        agreements = sorted(date for date, kind in dated if kind in FORMAL_AGREEMENTS)
        return agreements[0] if agreements else ""
    return established


def same_step(recorded: str, date: str) -> bool:
    """Two dates of one kind of event name the same step when both are given and one refines the other
    ("2019" and "2019-08-16"); an undated step matches only another undated one."""
    if not recorded or not date:
        return recorded == date
    return recorded.startswith(date) or date.startswith(recorded)


class Store:
    def __init__(self, root: Path = ROOT) -> None:
        self.root = root
        self.tables = {name: read(name, root) for name in TABLES}
        self.warnings: list[str] = []
        self.retired = [row["id"] for row in read_csv(root / RETIRED)]
        self.pending: dict[str, dict] = {}  # places other records of the run define, added once a record uses them

    def next_id(self, table: str) -> str:
        prefix, key = PREFIX[table], TABLES[table]
        numbers = [int(r[key][1:]) for r in self.tables[table]]
        numbers += [int(i[1:]) for i in self.retired if i.startswith(prefix)]
        return f"{prefix}{(max(numbers) if numbers else 0) + 1:04d}"

    def place_ids(self) -> set[str]:
        return {r["place_id"] for r in self.tables["places"]}

    def place_row(self, place: dict) -> tuple[dict, list[str]]:
        """A ``new_places`` entry as a row of ``places``, with what it lacks (empty when it can be added)."""
        row = {c: clean(place.get(c, "")) for c in columns("places", self.root)}
        missing = [c for c in ("place_id", "country", "level", "admin_level", "unit_type", "name_en",
                               "name_local", "name_ascii") if not row[c]]
        if row["admin_level"] not in ("", "1") and not row["parent_id"]:  # the unit that holds it (schemas/places)
            missing.append("parent_id")
        row["country"] = row["country"].upper()
        row["aliases"] = ";".join(dict.fromkeys(a.strip() for a in row["aliases"].split(";") if a.strip()))
        return row, missing

    def define_places(self, record: dict) -> None:
        """Note the complete places a record defines, so that another record of the run may use them."""
        for place in record.get("new_places", []):
            row, missing = self.place_row(place)
            if not missing and row["place_id"] not in self.place_ids():
                self.pending.setdefault(row["place_id"], row)

    def add_place(self, row: dict) -> None:
        if row["place_id"] not in self.place_ids():
            self.tables["places"].append(row)
            self.pending.pop(row["place_id"], None)

    def source(self, ev: dict) -> str:
        url = clean(ev["url"])
        published = clean(ev.get("published"))
        for row in self.tables["sources"]:
            if normalise_url(row["url"]) == normalise_url(url):  # the validator's notion of "same page"
                if published and not row["published"]:  # a later record may see the date an earlier one missed
                    row["published"], row["published_from"] = published, "page"
                return row["source_id"]
        title = clean(ev.get("title"))
        title = "" if title.startswith("[") else title  # "[title not shown …]" placeholders are not titles
        row = {"source_id": self.next_id("sources"), "url": url, "title": title,
               "publisher": clean(ev.get("publisher")), "published": published,
               "published_from": "page" if published else "",
               "language": clean(ev.get("language")).lower(), "notes": clean(ev.get("source_notes"))}
        if not published and date_from_url(url):
            row["published"], row["published_from"] = date_from_url(url), "url"
        self.tables["sources"].append(row)
        return row["source_id"]

    @staticmethod
    def parties(tie: dict) -> tuple[str, ...]:
        return (tie["vn_place_id"], agency_key(tie["vn_party"], tie["vn_agency"]),
                tie["partner_place_id"], agency_key(tie["partner_party"], tie["partner_agency"]))

    def find_tie(self, rec: dict) -> list[dict]:
        """The recorded ties the record may describe: the one it names (``tie_id``), else those with its parties."""
        if rec["tie_id"]:
            return [t for t in self.tables["partnerships"] if t["tie_id"] == rec["tie_id"]
                    and (t["vn_place_id"], t["partner_place_id"]) == (rec["vn_place_id"], rec["partner_place_id"])]
        same = [t for t in self.tables["partnerships"] if self.parties(t) == self.parties(rec)]
        if len(same) > 1:
            same = [t for t in same if t["tie_type"] == rec["tie_type"]]
        if not same:  # an agency named in another language: the validator's keys for the same tie
            ours = set(tie_keys(rec))
            same = [t for t in self.tables["partnerships"] if ours & set(tie_keys(t))]
        return same

    def evidence(self, tie_id: str, source_id: str, event_id: str, stance: str, note: str) -> None:
        for row in self.tables["evidence"]:
            if (row["tie_id"], row["source_id"], row["event_id"]) == (tie_id, source_id, event_id):
                return
        self.tables["evidence"].append({"evidence_id": self.next_id("evidence"), "source_id": source_id,
                                        "tie_id": tie_id, "event_id": event_id, "stance": stance or "supports",
                                        "note": note})

    def ingest(self, record: dict, origin: str) -> bool:
        """Merge one record; ``False`` (with a warning saying why) when it is skipped."""
        known = self.place_ids()
        own = [(row, missing) for row, missing in map(self.place_row, record.get("new_places", []))
               if row["place_id"] not in known]  # a place already in the table is never redefined
        errors = [f"new place {row['place_id']!r} lacks {missing}" for row, missing in own if missing]
        usable = {row["place_id"] for row, missing in own if not missing} | set(self.pending)
        errors += record_errors(record, known | usable, self.root)
        if errors:  # nothing of a refused record is merged, its places included
            self.warnings += [f"{origin}: {error}; record skipped" for error in errors]
            return False
        needed = [clean(record["vn_place"]), clean(record["partner_place"])]
        for row, _ in own:
            self.add_place(row)
            needed.append(row["parent_id"])
        while needed:  # a place (or a parent of one) another record of the run defines
            if (place_id := needed.pop()) in self.pending:
                needed.append(self.pending[place_id]["parent_id"])
                self.add_place(self.pending[place_id])
        rec = {
            "tie_id": clean(record.get("tie_id")),
            "vn_place_id": clean(record["vn_place"]), "vn_party": clean(record.get("vn_party") or "government"),
            "vn_agency": clean(record.get("vn_agency")), "partner_place_id": clean(record["partner_place"]),
            "partner_party": clean(record.get("partner_party") or "government"),
            "partner_agency": clean(record.get("partner_agency")), "tie_type": clean(record["tie_type"]),
            "tie_type_wording": clean(record.get("tie_type_wording")), "established": clean(record.get("established")),
            "established_from": clean(record.get("established_from")),
            "status": clean(record.get("status") or "unknown"), "ended": clean(record.get("ended")),
            "known_from": clean(record.get("known_from")), "notes": clean(record.get("notes")),
        }
        established = rec["established"]
        rec["established"] = first_agreement_date(established, record.get("events", []))
        if rec["established"] != established:  # the date of the earliest formal agreement among the record's steps
            rec["established_from"] = "signing" if rec["established"] else ""
        evidence = record.get("evidence") or []
        matches = self.find_tie(rec)
        if rec["tie_id"] and not matches:
            self.warnings.append(f"{origin}: {rec['tie_id']} is not a recorded tie of these two places; "
                                 "record skipped")
            return False
        if len(matches) > 1:  # a lapsed tie and its re-signing, say: the record must name the one it adds to
            ids = ", ".join(t["tie_id"] for t in matches)
            self.warnings.append(f"{origin}: matches {ids}; name the tie with tie_id; record skipped")
            return False
        if matches:
            tie = matches[0]
            self._merge(tie, rec, origin)
        else:
            tie = {**rec, "tie_id": self.next_id("partnerships")}
            self.tables["partnerships"].append(tie)
        url_source = {clean(ev["url"]): self.source(ev) for ev in evidence}
        for ev in evidence:
            if ev.get("steps_only"):  # a page that dates a step but does not itself name the tie
                continue
            source_id = url_source[clean(ev["url"])]
            self.evidence(tie["tie_id"], source_id, "", clean(ev.get("stance")), clean(ev.get("note")))
        for event in record.get("events", []):
            self._event(tie["tie_id"], event, url_source, origin)
        return True

    def _merge(self, tie: dict, rec: dict, origin: str) -> None:
        # A record for a recorded tie describes what it adds ("adds the day of …"), not the tie: its notes stay
        # out of the tie's notes; what its pages state goes into the evidence notes.
        for column in ("established", "established_from", "ended", "tie_type_wording"):
            if not tie.get(column) and rec[column]:
                tie[column] = rec[column]
        if rec["established"] and tie["established"] != rec["established"]:
            if tie["established"].startswith(rec["established"]):
                pass
            elif rec["established"].startswith(tie["established"]):
                tie["established"], tie["established_from"] = rec["established"], rec["established_from"]  # more precise
            else:
                self.warnings.append(f"{origin}: {tie['tie_id']} established {tie['established']} vs {rec['established']}")
        if tie["tie_type"] != rec["tie_type"]:
            self.warnings.append(f"{origin}: {tie['tie_id']} type {tie['tie_type']} vs {rec['tie_type']}")
        if tie["status"] == "unknown" and rec["status"] != "unknown":
            tie["status"] = rec["status"]

    def _event(self, tie_id: str, event: dict, url_source: dict[str, str], origin: str) -> None:
        kind, date = clean(event["type"]), clean(event.get("date"))
        same_kind = [e for e in self.tables["events"] if e["tie_id"] == tie_id and e["event_type"] == kind]
        existing = [e for e in same_kind if same_step(e["date"], date)]
        if not existing and any(not e["date"] or not date for e in same_kind):
            # an undated step is never dated from another page: the curator merges by hand if it is the same one
            others = ", ".join(e["event_id"] for e in same_kind)
            self.warnings.append(f"{origin}: {tie_id} {kind} {date or '(undated)'} kept apart from {others}; "
                                 "merge by hand if it is the same step")
        if existing:
            row = existing[0]
            if len(date) > len(row["date"]):
                row["date"] = date
            tags = [t for t in row["purposes"].split(";") + list(event.get("purposes") or []) if t]
            row["purposes"] = ";".join(dict.fromkeys(tags))  # a later source may name more purposes
            for column in ("wording", "notes"):
                row[column] = row[column] or clean(event.get(column))
        else:
            row = {"event_id": self.next_id("events"), "tie_id": tie_id, "event_type": kind, "date": date,
                   "from_type": clean(event.get("from_type")), "to_type": clean(event.get("to_type")),
                   "wording": clean(event.get("wording")), "purposes": clean(event.get("purposes") or []),
                   "notes": clean(event.get("notes"))}
            self.tables["events"].append(row)
        for src in event.get("sources", []):
            url = clean(src["url"] if isinstance(src, dict) else src)
            note = clean(src.get("note")) if isinstance(src, dict) else ""
            self.evidence(tie_id, url_source[url], row["event_id"], "supports", note or clean(event.get("notes")))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--check", action="store_true", help="report what would change, write nothing")
    parser.add_argument("--all", action="store_true",
                        help="with --check: show what merging every record again would change (it would undo corrections)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the data package to merge into (default: this repository)")
    args = parser.parse_args(argv)
    if args.all and not args.check:
        parser.error("--all only works with --check: merging every record again would undo the hand corrections "
                     "logged in curation/corrections.md")
    files = args.files or sorted((args.root / "curation" / "intake").glob("*.jsonl"))
    store = Store(args.root)
    before = {name: len(rows) for name, rows in store.tables.items()}
    ledger_path = args.root / LEDGER
    ledger = set(ledger_path.read_text(encoding="utf-8").split()) if ledger_path.exists() else set()
    lines = [(line, f"{path.name}:{number}") for path in files
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if line.strip()]
    fresh = [(line, origin) for line, origin in lines if args.all or line_hash(line) not in ledger]
    print(f"{len(fresh)} of {len(lines)} intake records to merge")
    records = [(json.loads(line), origin) for line, origin in fresh]
    for record, _ in records:  # a record may use a place another file defines
        store.define_places(record)
    skipped = {origin for record, origin in records if not store.ingest(record, origin)}
    for warning in store.warnings:
        print("warning:", warning, file=sys.stderr)
    for name, rows in store.tables.items():
        print(f"{name}: {before[name]} -> {len(rows)}")
        if not args.check:
            write(name, rows, args.root)
    if not args.check:
        # a skipped record stays out of the ledger: once corrected, it is merged by the next run
        ledger |= {line_hash(line) for line, origin in fresh if origin not in skipped}
        ledger_path.parent.mkdir(parents=True, exist_ok=True)
        ledger_path.write_text("".join(f"{h}\n" for h in sorted(ledger)), encoding="utf-8")
        from vnsister.release import build  # sizes and hashes in datapackage.json follow the new tables

        build(args.root)
    if skipped:
        print(f"{len(skipped)} record(s) skipped: " + ", ".join(sorted(skipped)), file=sys.stderr)
    return 1 if skipped else 0


if __name__ == "__main__":
    raise SystemExit(main())
