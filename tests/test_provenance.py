"""A tie's record and a place's ties: what a reader needs to check a number against its sources."""

import json

import pytest

import vnsister
from vnsister.cli import main
from vnsister.provenance import format_record, place_ties, tie_record


def test_record_of_a_tie_in_the_tiny_package(tiny):
    record = tie_record(vnsister.load(tiny), "T0001")
    assert record.tie["vn_name_local"] == "Đồng Tháp" and record.tie["partner_name_local"] == "알파광역시"
    assert record.events["event_id"].tolist() == ["E0001", "E0002"]  # oldest step first
    assert record.evidence["evidence_id"].tolist() == ["V0001", "V0002", "V0003"]
    assert set(record.evidence["url"]) == {"https://example.org/a"}
    text = format_record(record)
    assert text.splitlines()[0] == "T0001  Đồng Tháp (Delta, VN) — 알파광역시 (Alpha, KR)"
    assert "start: established 2008-10-21 (a source dates the signing)" in text
    assert "  E0002 upgraded 2013-10-21 — Thỏa thuận nâng cấp" in text
    assert "    supports [E0001]: MoU signed 21 Oct 2008." in text
    assert "sources (1):" in text


def test_undated_events_come_after_dated_ones(tiny):
    path = tiny / "dataset" / "events.csv"
    path.write_text(path.read_text(encoding="utf-8") + "E0003,T0001,renewed,,,,Gia hạn,,\n", encoding="utf-8")
    record = tie_record(vnsister.load(tiny), "T0001")
    assert record.events["event_id"].tolist() == ["E0001", "E0002", "E0003"]
    assert "  E0003 renewed (undated) — Gia hạn" in format_record(record)


def test_a_conflicting_source_is_shown_as_such():
    record = tie_record(vnsister.load(), "T0434")
    mimasaka = record.evidence[record.evidence["source_id"].eq("S2757")]
    assert mimasaka["stance"].tolist() == ["conflicts"]
    assert "conflicts: Mimasaka City's page" in format_record(record)
    assert "no dated evidence" in format_record(record)


@pytest.mark.parametrize(("tie_id", "message"), [
    ("T0071", r"retired in release 0\.3\.0 .*; see T0016"),
    ("T9999", r"is not in release .*did you mean 'T0999'"),
    ("t0001", r"is not a tie id"),
    (1, r"is not a tie id"),
])
def test_bad_tie_ids_are_refused(tie_id, message):
    with pytest.raises(ValueError, match=message):
        tie_record(vnsister.load(), tie_id)


def test_ties_of_a_place_by_name_or_id(tiny):
    ds = vnsister.load(tiny)
    # the Korean city's own tie and its district's, by id, by name, without diacritics or case
    assert place_ties(ds, "kr-alpha")["tie_id"].tolist() == ["T0001", "T0002"]
    assert place_ties(ds, "Alpha")["tie_id"].tolist() == ["T0001", "T0002"]
    assert place_ties(ds, "hai duong")["tie_id"].tolist() == ["T0002", "T0003"]
    row = place_ties(ds, "Gamma").iloc[0]
    assert (row["tie_id"], row["vn_name_local"], row["sources"], row["status"]) == ("T0003", "Hải Dương", 1, "active")


def test_a_province_lists_its_districts_ties():
    ties = place_ties(vnsister.load(), "Hà Nội")
    assert {"T0038", "T0323", "T0324"} <= set(ties["tie_id"])  # Tây Hồ, Hoàn Kiếm, Hoàng Mai districts
    assert ties["partner_country"].ne("VN").all()


@pytest.mark.parametrize(("place", "message"), [
    ("Victoria", r"may stand for several places: 'au-victoria', 'sc-victoria'"),
    ("Hanoy", r"neither a place id nor a name .*did you mean 'vn-ha-noi'"),
    ("", r"must be a place id or a place name"),
    (None, r"must be a place id or a place name"),
])
def test_bad_places_are_refused(place, message):
    with pytest.raises(ValueError, match=message):
        place_ties(vnsister.load(), place)


def test_cli_show(tiny, capsys):
    assert main(["show", "T0001", str(tiny)]) == 0
    assert "MoU signed 21 Oct 2008." in capsys.readouterr().out
    assert main(["show", "T0001", str(tiny), "--format", "json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert [e["event_id"] for e in record["events"]] == ["E0001", "E0002"]
    assert len(record["evidence"]) == 3
    # days as ISO dates and missing values as null, not "NaT" or "<NA>"
    assert record["timeline"]["start_earliest"] == "2008-10-21" and record["timeline"]["end_latest"] is None
    assert record["tie"]["vn_agency"] is None and record["timeline"]["dated"] is True
    assert main(["show", "Gamma", str(tiny), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["began_by"] == "1984-12-31"  # a year stands until its last day
    assert main(["show", "Gamma", str(tiny)]) == 0
    assert "T0003" in capsys.readouterr().out
    assert main(["show", "T0009", str(tiny)]) == 2
    assert "tie_id='T0009' is not in release" in capsys.readouterr().err
    assert main(["show", "Omega", str(tiny)]) == 2
    assert "place='Omega' is neither a place id nor a name" in capsys.readouterr().err


def _add_events(root, rows: str) -> None:
    path = root / "dataset" / "events.csv"
    path.write_text(path.read_text(encoding="utf-8") + rows, encoding="utf-8")


def test_type_basis_is_a_signed_document_or_a_description(tiny):
    from vnsister.provenance import type_basis

    # T0001 has a memorandum and an upgrade; T0002 gains only a proposal and T0003 only a letter of intent
    _add_events(tiny, "E0003,T0002,proposed,2020,,,Đề xuất,,\nE0004,T0003,letter_of_intent,2019,,,Ý định thư,,\n")
    basis = type_basis(vnsister.load(tiny))
    assert basis.to_dict() == {"T0001": "document", "T0002": "description", "T0003": "document"}
    assert basis.index.name == "tie_id" and basis.name == "type_basis"


def test_a_step_of_kind_other_does_not_make_a_type_rest_on_a_document(tiny):
    from vnsister.provenance import type_basis

    _add_events(tiny, "E0003,T0002,other,2020,,,visit,,\n")
    assert type_basis(vnsister.load(tiny))["T0002"] == "description"


def test_record_says_what_the_type_rests_on(tiny):
    ds = vnsister.load(tiny)
    assert "type: twinning (kết nghĩa); from a document signed (E0001, E0002)" in format_record(tie_record(ds, "T0001"))
    second = format_record(tie_record(ds, "T0002")).splitlines()[1]
    assert second.startswith("type: cooperation (hợp tác); from a description: no signing recorded")


def test_report_and_flat_export_split_types_by_what_they_rest_on(tiny):
    from vnsister.export import flat_table
    from vnsister.report import summary_tables

    ds = vnsister.load(tiny)
    by_type = summary_tables(ds)["by_type"].set_index("tie_type")
    assert by_type.loc["twinning"].tolist() == [2, 1, 1]  # ties, from a document, from a description
    assert by_type.loc["cooperation"].tolist() == [1, 0, 1]
    assert by_type.columns.tolist() == ["ties", "from a document", "from a description"]
    flat = flat_table(ds).set_index("tie_id")["type_basis"]
    assert flat.to_dict() == {"T0001": "document", "T0002": "description", "T0003": "description"}


def test_html_report_shows_types_by_what_they_rest_on(tiny):
    from vnsister.report import html_report

    page = html_report(vnsister.load(tiny))
    section = page[page.index("<h2>Ties by type, and what the type rests on</h2>"):].split("<h2>")[1]
    assert "from a document" in section and "from a description" in section and "n = 3 ties" in section


@pytest.mark.parametrize(("basis", "expected"), [("signing", "document"), ("statement", "description")])
def test_an_established_date_from_a_statement_signs_nothing(tiny, basis, expected):
    # codebook §5: a page that dates the setting-up of the relation without naming a document gives the established
    # date, but no document whose name could set the type (codebook §3)
    from vnsister.provenance import format_record, type_basis

    ties = tiny / "dataset" / "partnerships.csv"
    ties.write_text(ties.read_text(encoding="utf-8").replace("1984,statement,active", f"1984,{basis},active"),
                    encoding="utf-8")
    for table, row in (("events", "E0003,T0003,established,1984,,twinning,kết nghĩa,,\n"),
                       ("evidence", "V0006,S0002,T0003,E0003,supports,The two provinces were twinned in 1984.\n")):
        path = tiny / "dataset" / f"{table}.csv"
        path.write_text(path.read_text(encoding="utf-8") + row, encoding="utf-8")
    ds = vnsister.load(tiny)
    assert type_basis(ds)["T0003"] == expected
    text = format_record(tie_record(ds, "T0003"))
    assert ("from a document signed (E0003)" in text) == (basis == "signing")
    assert ("names no document" in text) == (basis == "statement")
