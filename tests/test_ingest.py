"""The curation intake tool (scripts/ingest.py) on the tiny package: new ties, merges, retired ids."""

from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path

import pytest

import vnsister

REPO = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("ingest", REPO / "scripts" / "ingest.py")
ingest = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ingest)

SOURCE = {"url": "https://example.org/council-visit", "title": "Council visit", "publisher": "Example News",
          "published": "2019-05-02", "language": "vi", "stance": "supports", "note": "Councils signed a pact."}


def council_record(vn_agency: str, partner_agency: str, purposes: list[str], date: str = "2019-05") -> dict:
    return {"vn_place": "vn-delta", "vn_party": "council", "vn_agency": vn_agency, "partner_place": "kr-alpha",
            "partner_party": "council", "partner_agency": partner_agency, "tie_type": "friendship",
            "tie_type_wording": "hữu nghị", "established": date, "established_from": "signing" if date else "",
            "status": "active",
            "events": [{"type": "established", "date": date, "to_type": "friendship", "wording": "thỏa thuận",
                        "purposes": purposes, "sources": [{"url": SOURCE["url"], "note": "Pact signed."}]}],
            "evidence": [SOURCE]}


def write_intake(root: Path, *records: dict) -> list[str]:
    intake = root / "curation" / "intake"
    intake.mkdir(parents=True, exist_ok=True)
    (intake / "batch.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n",
                                        encoding="utf-8")
    return (intake / "batch.jsonl").read_text(encoding="utf-8").splitlines()


def run(root: Path, *records: dict) -> None:
    write_intake(root, *records)
    assert ingest.main(["--root", str(root)]) == 0


def rows(root: Path, table: str) -> list[dict[str, str]]:
    with (root / "dataset" / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_a_new_tie_writes_all_tables_consistently(tiny):
    run(tiny, council_record("HĐND tỉnh Delta", "알파시의회", ["general_friendship"]))
    ties = [t for t in rows(tiny, "partnerships") if t["vn_party"] == "council"]
    assert [t["tie_id"] for t in ties] == ["T0004"]
    assert [e["purposes"] for e in rows(tiny, "events") if e["tie_id"] == "T0004"] == ["general_friendship"]
    assert vnsister.validate(tiny).ok, str(vnsister.validate(tiny))


def test_the_same_council_tie_spelled_otherwise_merges_and_unions_purposes(tiny):
    run(tiny, council_record("HĐND tỉnh Delta", "알파시의회", ["general_friendship"]),
        council_record("Hội đồng nhân dân tỉnh Delta (People's Council)", "Alpha City Council",
                       ["culture_tourism"], date="2019-05-02"))
    ties = [t for t in rows(tiny, "partnerships") if t["vn_party"] == "council"]
    assert len(ties) == 1 and ties[0]["established"] == "2019-05-02"  # the more precise date of the same start
    events = [e for e in rows(tiny, "events") if e["tie_id"] == ties[0]["tie_id"]]
    assert [e["purposes"] for e in events] == ["general_friendship;culture_tourism"]
    assert vnsister.validate(tiny).ok


def test_a_record_for_a_recorded_tie_keeps_its_own_notes_out_of_the_tie(tiny):
    first = council_record("HĐND tỉnh Delta", "알파시의회", [])
    later = council_record("HĐND tỉnh Delta", "알파시의회", [], date="2019-05-02")
    later["notes"] = "Adds the day of the 2019 pact."
    run(tiny, first, later)
    ties = [t for t in rows(tiny, "partnerships") if t["vn_party"] == "council"]
    assert [(t["established"], t["notes"]) for t in ties] == [("2019-05-02", "")]


@pytest.mark.parametrize("step", ["letter_of_intent", "proposed"])
def test_a_letter_of_intent_or_a_proposal_alone_gives_no_established_date(tiny, step):
    record = council_record("HĐND tỉnh Delta", "알파시의회", [])
    record["events"][0]["type"] = step
    run(tiny, record)
    ties = [t for t in rows(tiny, "partnerships") if t["vn_party"] == "council"]
    assert [t["established"] for t in ties] == [""]
    assert vnsister.validate(tiny).ok, str(vnsister.validate(tiny))


def test_retired_ids_are_never_given_out_again(tiny):
    retired = tiny / "dataset" / "retired_ids.csv"
    retired.parent.mkdir(parents=True, exist_ok=True)
    retired.write_text("id,table,replaced_by,version,reason\nT0009,partnerships,T0001,0.3.0,duplicate\n",
                       encoding="utf-8")
    run(tiny, council_record("HĐND tỉnh Delta", "알파시의회", []))
    assert "T0010" in {t["tie_id"] for t in rows(tiny, "partnerships")}


def test_a_record_is_merged_once_so_hand_corrections_survive(tiny):
    run(tiny, council_record("HĐND tỉnh Delta", "알파시의회", ["general_friendship"]))
    events = tiny / "dataset" / "events.csv"
    corrected = "".join(line for line in events.read_text(encoding="utf-8").splitlines(keepends=True)
                        if ",T0004," not in line)  # a curator removes an event found to be wrong
    events.write_text(corrected, encoding="utf-8")
    run(tiny, council_record("HĐND tỉnh Delta", "알파시의회", ["general_friendship"]))
    assert events.read_text(encoding="utf-8") == corrected


def test_merging_everything_again_is_only_shown_never_written(tiny, capsys):
    run(tiny, council_record("HĐND tỉnh Delta", "알파시의회", ["general_friendship"]))
    events = tiny / "dataset" / "events.csv"
    corrected = "".join(line for line in events.read_text(encoding="utf-8").splitlines(keepends=True)
                        if ",T0004," not in line)  # a curator removes an event found to be wrong
    events.write_text(corrected, encoding="utf-8")
    count = len(corrected.splitlines()) - 1
    with pytest.raises(SystemExit) as refused:
        ingest.main(["--root", str(tiny), "--all"])
    assert refused.value.code == 2
    assert "undo the hand corrections" in capsys.readouterr().err
    assert ingest.main(["--root", str(tiny), "--all", "--check"]) == 0
    assert f"events: {count} -> {count + 1}" in capsys.readouterr().out  # the removed event would come back
    assert events.read_text(encoding="utf-8") == corrected


@pytest.mark.parametrize("field", ["vn_place", "partner_place"])
def test_a_record_with_an_unknown_place_is_skipped_with_an_error_and_stays_unmerged(tiny, capsys, field):
    record = council_record("HĐND tỉnh Delta", "알파시의회", [])
    record[field] = "xx-nowhere"
    [line] = write_intake(tiny, record)
    assert ingest.main(["--root", str(tiny)]) == 1
    err = capsys.readouterr().err
    assert "unknown place 'xx-nowhere'" in err and "1 record(s) skipped: batch.jsonl:1" in err
    assert len(rows(tiny, "partnerships")) == 3
    # not in the ledger: once corrected (here: left as is), the next run tries the record again
    assert ingest.line_hash(line) not in (tiny / ingest.LEDGER).read_text(encoding="utf-8")


def test_a_record_citing_a_copy_on_a_betting_site_is_skipped(tiny, capsys):
    record = council_record("HĐND tỉnh Delta", "알파시의회", [])
    copy = "https://m.tylebongdanews.net/hdnd-delta-alpha-99324.html"
    record["evidence"] = [{**SOURCE, "url": copy}]
    record["events"][0]["sources"] = [{"url": copy, "note": "Pact signed."}]
    write_intake(tiny, record)
    assert ingest.main(["--root", str(tiny)]) == 1
    err = capsys.readouterr().err
    assert f"evidence {copy} is a copy on a football-odds site" in err and "1 record(s) skipped" in err
    assert copy not in (tiny / "dataset" / "sources.csv").read_text(encoding="utf-8")


def _lapsed_and_resigned(tiny) -> dict:
    """T0001 lapsed, and T0004 the same two governments' later twinning: one pair, two ties."""
    path = tiny / "dataset" / "partnerships.csv"
    text = path.read_text(encoding="utf-8").replace("2008-10-21,signing,active,,,", "2008-10-21,signing,lapsed,2015,,")
    path.write_text(text + "T0004,vn-delta,government,,kr-alpha,government,,twinning,kết nghĩa,2020,signing,active,,,\n",
                    encoding="utf-8")
    return {"vn_place": "vn-delta", "partner_place": "kr-alpha", "tie_type": "twinning",
            "evidence": [{**SOURCE, "url": "https://example.org/twins-again", "note": "The twinning resumed."}]}


def test_a_record_matching_two_ties_is_refused_until_it_names_one(tiny, capsys):
    record = _lapsed_and_resigned(tiny)
    write_intake(tiny, record)
    assert ingest.main(["--root", str(tiny)]) == 1
    assert "matches T0001, T0004; name the tie with tie_id" in capsys.readouterr().err
    assert len(rows(tiny, "partnerships")) == 4
    assert not any(r["note"] == "The twinning resumed." for r in rows(tiny, "evidence"))
    write_intake(tiny, {**record, "tie_id": "T0004"})
    assert ingest.main(["--root", str(tiny)]) == 0
    [added] = [r for r in rows(tiny, "evidence") if r["note"] == "The twinning resumed."]
    assert added["tie_id"] == "T0004" and len(rows(tiny, "partnerships")) == 4


def test_a_record_naming_a_tie_of_other_places_is_refused(tiny, capsys):
    record = {**_lapsed_and_resigned(tiny), "tie_id": "T0002"}
    write_intake(tiny, record)
    assert ingest.main(["--root", str(tiny)]) == 1
    assert "T0002 is not a recorded tie of these two places" in capsys.readouterr().err


def test_retired_ids_of_the_release_are_absent_from_its_tables():
    with (REPO / "dataset" / "retired_ids.csv").open(encoding="utf-8", newline="") as fh:
        retired = list(csv.DictReader(fh))
    ds = vnsister.load(REPO)
    present = {"partnerships": set(ds.partnerships["tie_id"]), "events": set(ds.events["event_id"]),
               "evidence": set(ds.evidence["evidence_id"]), "places": set(ds.places["place_id"]),
               "sources": set(ds.sources["source_id"]), "coverage_checks": set(ds.coverage_checks["check_row_id"])}
    replaced_by = {row["id"]: row["replaced_by"] for row in retired}
    shipped = set().union(*present.values())
    for row in retired:
        assert row["id"] not in present[row["table"]], row
        # a merged row names the row that holds its content; a withdrawn one names none (the schema's rule). When
        # the row that took the content is withdrawn later, the chain ends in that withdrawal.
        end, seen = row["id"], set()
        while replaced_by.get(end):
            assert end not in seen, f"retired ids replace each other in a cycle: {sorted(seen)}"
            seen.add(end)
            end = replaced_by[end]
        assert end in shipped or end in replaced_by, row


def test_a_dated_step_never_dates_an_undated_one_from_another_page(tiny, capsys):
    undated = council_record("HĐND tỉnh Delta", "알파시의회", [], date="")
    undated["established"] = ""
    later = council_record("HĐND tỉnh Delta", "알파시의회", [], date="")
    later["established"] = ""
    later["events"][0]["date"] = "2021-03-04"
    later["evidence"] = [{**SOURCE, "url": "https://example.org/other-page"}]
    later["events"][0]["sources"] = [{"url": "https://example.org/other-page", "note": "A pact on 4 March 2021."}]
    run(tiny, undated, later)
    tie = next(t for t in rows(tiny, "partnerships") if t["vn_party"] == "council")
    dates = sorted(e["date"] for e in rows(tiny, "events") if e["tie_id"] == tie["tie_id"])
    assert dates == ["", "2021-03-04"]  # two steps, the first still undated
    assert "kept apart from" in capsys.readouterr().err


@pytest.mark.parametrize(("recorded", "date", "same"), [
    ("2019", "2019-08-16", True), ("2019-08-16", "2019", True), ("2019-08", "2019-08", True), ("", "", True),
    ("", "2019", False), ("2019", "", False), ("2019-08", "2019-09-01", False),
])
def test_same_step(recorded, date, same):
    assert ingest.same_step(recorded, date) is same


def test_retire_appends_with_the_schema_header_and_refuses_a_second_retirement(tiny):
    retired = tiny / "dataset" / "retired_ids.csv"
    retired.unlink(missing_ok=True)
    row = {"id": "V0009", "table": "evidence", "replaced_by": "V0002", "version": "0.2.0", "reason": "repeat"}
    ingest.retire([row], tiny)
    assert retired.read_text(encoding="utf-8").splitlines() == [
        "id,table,replaced_by,version,reason", "V0009,evidence,V0002,0.2.0,repeat"]
    with pytest.raises(ValueError, match="V0009 is already retired"):
        ingest.retire([row], tiny)
    with pytest.raises(ValueError, match="needs the version and the reason"):
        ingest.retire([{**row, "id": "V0010", "reason": ""}], tiny)
    assert len(retired.read_text(encoding="utf-8").splitlines()) == 2  # nothing written by a refused call


@pytest.mark.parametrize(("change", "message"), [
    ({"tie_type": "sisterhood"}, "tie_type 'sisterhood' is not one of"),
    ({"vn_party": "party committee"}, "vn_party 'party committee' is not one of"),
    ({"vn_agency": ""}, "vn_party council needs vn_agency"),
    ({"established": "21/10/2008"}, "established '21/10/2008' is not a partial date"),
    ({"established_from": ""}, "established needs established_from"),
    ({"established_from": "signed"}, "established needs established_from"),
    ({"evidence": []}, "no evidence"),
    ({"tie_type": ""}, "lacks tie_type"),
    ({"evidence": [{**SOURCE, "stance": "context"}]}, "stance 'context' is not one of"),
    ({"events": [{"type": "established", "date": "2019-05", "from_type": "friendship", "to_type": "friendship",
                  "sources": [SOURCE["url"]]}]}, "from_type is only for upgrades"),
    ({"events": [{"type": "established", "date": "2019-05", "to_type": "friendship",
                  "purposes": ["tourism and trade"], "sources": [SOURCE["url"]]}]}, "purpose 'tourism and trade' is not one of"),
])
def test_a_malformed_record_is_refused_before_anything_is_merged(tiny, capsys, change, message):
    before = {table: rows(tiny, table) for table in ("partnerships", "events", "sources", "evidence")}
    write_intake(tiny, {**council_record("HĐND tỉnh Delta", "알파시의회", []), **change})
    assert ingest.main(["--root", str(tiny)]) == 1
    assert message in capsys.readouterr().err
    assert {table: rows(tiny, table) for table in before} == before


def test_an_event_citing_a_page_outside_the_evidence_refuses_the_record(tiny, capsys):
    record = council_record("HĐND tỉnh Delta", "알파시의회", [])
    record["events"][0]["sources"] = [{"url": "https://example.org/elsewhere", "note": "Signed."}]
    record["events"][0]["type"] = "signed"
    write_intake(tiny, record)
    assert ingest.main(["--root", str(tiny)]) == 1
    err = capsys.readouterr().err
    assert "event source https://example.org/elsewhere is not in the record's evidence" in err
    assert "event type 'signed' is not one of" in err
    assert len(rows(tiny, "partnerships")) == 3


BETA_TOWN = {"place_id": "kr-beta", "country": "kr", "level": "city", "admin_level": 2, "unit_type": "시",
             "parent_id": "kr-alpha", "name_en": "Beta", "name_local": "베타시", "name_ascii": "Beta"}


def _tie_with(partner: str, url: str) -> dict:
    return {"vn_place": "vn-delta", "partner_place": partner, "tie_type": "friendship", "tie_type_wording": "우호",
            "evidence": [{**SOURCE, "url": url, "note": "Friendship agreed."}]}


@pytest.mark.parametrize("field", ["name_local", "parent_id"])  # a place below the first level names its unit
def test_a_new_place_lacking_a_required_field_refuses_its_record_and_is_not_added(tiny, capsys, field):
    record = {**_tie_with("kr-beta", "https://example.org/beta"), "new_places": [{**BETA_TOWN, field: ""}]}
    write_intake(tiny, record)
    assert ingest.main(["--root", str(tiny)]) == 1
    assert f"new place 'kr-beta' lacks ['{field}']; record skipped" in capsys.readouterr().err
    assert "kr-beta" not in {r["place_id"] for r in rows(tiny, "places")}
    assert len(rows(tiny, "partnerships")) == 3


def test_a_refused_record_adds_none_of_its_places(tiny, capsys):
    record = {**_tie_with("kr-beta", "https://example.org/beta"), "tie_type": "sisterhood", "new_places": [BETA_TOWN]}
    write_intake(tiny, record)
    assert ingest.main(["--root", str(tiny)]) == 1
    assert "kr-beta" not in {r["place_id"] for r in rows(tiny, "places")}


def test_a_record_may_use_a_place_a_later_record_defines(tiny):
    run(tiny, _tie_with("kr-beta", "https://example.org/beta-1"),
        {**_tie_with("kr-beta", "https://example.org/beta-2"), "vn_place": "vn-epsilon", "new_places": [BETA_TOWN]})
    [beta] = [r for r in rows(tiny, "places") if r["place_id"] == "kr-beta"]
    assert beta["country"] == "KR" and beta["name_local"] == "베타시"
    assert sorted(r["vn_place_id"] for r in rows(tiny, "partnerships") if r["partner_place_id"] == "kr-beta") == [
        "vn-delta", "vn-epsilon"]


def test_a_new_place_whose_parent_another_record_defines_brings_its_parent(tiny):
    town = {**BETA_TOWN, "place_id": "kr-beta-gamma", "level": "town", "admin_level": 3, "unit_type": "읍",
            "parent_id": "kr-beta", "name_en": "Gamma", "name_local": "감마읍", "name_ascii": "Gamma"}
    unused = {**_tie_with("kr-alpha", "https://example.org/beta-3"), "tie_type": "sisterhood",
              "new_places": [BETA_TOWN]}  # refused, but its complete place may serve another record
    lines = write_intake(tiny, unused, {**_tie_with("kr-beta-gamma", "https://example.org/gamma"),
                                        "new_places": [town]})
    assert len(lines) == 2
    assert ingest.main(["--root", str(tiny)]) == 1  # the first record is refused
    places = {r["place_id"]: r for r in rows(tiny, "places")}
    assert places["kr-beta-gamma"]["parent_id"] == "kr-beta" and "kr-beta" in places
    assert vnsister.validate(tiny).ok


def step_dating_record(steps_only_cited: bool) -> dict:
    """A record whose second page dates the visit the first page reports, without naming the tie."""
    dating = {"url": "https://example.org/visit-dated", "title": "Visit", "publisher": "Example Daily",
              "published": "2020-06-12", "language": "vi", "stance": "supports", "note": "Dates the visit.",
              "steps_only": True}
    sources = [{"url": SOURCE["url"], "note": "Visit."}]
    if steps_only_cited:
        sources.append({"url": dating["url"], "note": "The visit's year."})
    record = council_record("HĐND tỉnh Delta", "알파시의회", [])
    record["events"] = [{"type": "other", "date": "2020", "wording": "visit", "purposes": [], "sources": sources}]
    record["evidence"] = [SOURCE, dating]
    return record


def test_a_page_for_steps_only_is_cited_for_its_step_and_not_for_the_tie(tiny):
    run(tiny, step_dating_record(steps_only_cited=True))
    dated = next(s["source_id"] for s in rows(tiny, "sources") if s["url"] == "https://example.org/visit-dated")
    cited = [(v["tie_id"], v["event_id"]) for v in rows(tiny, "evidence") if v["source_id"] == dated]
    assert len(cited) == 1 and cited[0][1] != ""
    assert vnsister.validate(tiny).ok, str(vnsister.validate(tiny))


def test_a_page_for_steps_only_that_no_step_cites_refuses_the_record(tiny, capsys):
    write_intake(tiny, step_dating_record(steps_only_cited=False))
    assert ingest.main(["--root", str(tiny)]) == 1
    assert "is for steps only but no event cites it" in capsys.readouterr().err
    assert not [s for s in rows(tiny, "sources") if s["url"] == "https://example.org/visit-dated"]
