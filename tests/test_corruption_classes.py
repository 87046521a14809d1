"""Classes of corruption that curators, spreadsheet round-trips and merge tools produce: each case is caught
with a row-level error (table, row, field, words of the message), and the real data stay valid."""

from __future__ import annotations

import builtins
import io
import json
import os
import pathlib
from pathlib import Path

import pandas as pd
import pytest

import vnsister
from tests.test_corruptions import append_row, assert_reported_at, replace_in
from vnsister.cli import main
from vnsister.export import spreadsheet_safe

DELTA = "vn-delta,VN,province,1,tỉnh,,Delta,Đồng Tháp,Dong Thap,,,,,,,"
ALPHA = "kr-alpha,KR,municipality,1,광역시,,Alpha,알파광역시,Alpha,,,,,,,"
BETA = "kr-alpha-beta-gu,KR,district,2,구,kr-alpha,Beta-gu,베타구,Beta-gu,,,,,,,"
PLACE_COLUMNS = ["place_id", "country", "level", "admin_level", "unit_type", "parent_id", "name_en", "name_local",
                 "name_ascii", "aliases", "iso_3166_2", "stat_code", "valid_from", "valid_until", "successor_id", "notes"]


def place_with(line: str, **values: str) -> str:
    """A places row (without quoted commas) with some fields changed."""
    cells = dict(zip(PLACE_COLUMNS, line.split(","), strict=True))
    return ",".join({**cells, **values}.values())


def set_place(root: Path, line: str, **values: str) -> None:
    replace_in(root, "places", line, place_with(line, **values))


def source_used(root: Path, url: str) -> None:
    append_row(root, "sources", f"S0003,{url},Article A again,Paper A,2023-10,page,vi,")
    append_row(root, "evidence", "V0006,S0003,T0001,,supports,Twinning since 2013.")


def duplicate_place(root: Path) -> None:
    append_row(root, "places", "vn-dong-thap,VN,province,1,tỉnh,,Dong Thap,Dong Thap,Dong Thap,,,,,,,")


# (id, corruption, table, row, field, words the message must contain)
HIERARCHY = [
    ("own parent", lambda r: set_place(r, BETA, parent_id="kr-alpha-beta-gu"),
     "places", 3, "parent_id", "its own parent"),
    ("parent cycle", lambda r: set_place(r, ALPHA, parent_id="kr-alpha-beta-gu"),
     "places", 2, "parent_id", "parent cycle"),
    ("parent in another country", lambda r: replace_in(r, "places", "la-gamma,LA,province,1,province,,",
                                                       "la-gamma,LA,province,1,province,kr-alpha,"),
     "places", 4, "parent_id", "the parent is in KR"),
    ("successor ceased before the merger", lambda r: set_place(r, DELTA, valid_until="2020-01-01"),
     "places", 6, "successor_id", "the successor ceased on 2020-01-01"),
    ("successor began after the merger", lambda r: set_place(r, DELTA, valid_from="2026-01-01"),
     "places", 6, "successor_id", "the successor began on 2026-01-01"),
    ("tie before the Vietnamese party existed", lambda r: set_place(r, DELTA, valid_from="2010-01-01"),
     "partnerships", 2, "vn_place_id", "before this place existed"),
    ("tie before the foreign party existed", lambda r: set_place(r, ALPHA, valid_from="2010-01-01"),
     "partnerships", 2, "partner_place_id", "before this place existed"),
    ("tie after the foreign party ceased", lambda r: set_place(r, BETA, valid_until="2003-12-31"),
     "partnerships", 3, "partner_place_id", "after this place ceased"),
]

TIME = [
    ("formal agreement after the tie ended", lambda r: replace_in(r, "partnerships", "2008-10-21,signing,active,,", "2008-10-21,signing,lapsed,2010,"),
     "events", 3, "date", "after the tie ended"),
    ("lapsed event on a tie of unknown status",
     lambda r: (replace_in(r, "partnerships", "1984,statement,active,,", "1984,statement,unknown,,"),
                append_row(r, "events", "E0003,T0003,lapsed,2020,,,expired,,"),
                append_row(r, "evidence", "V0006,S0002,T0003,E0003,supports,Expired in 2020.")),
     "partnerships", 4, "status", "has a lapsed event"),
    ("lapsed status with an end date but no lapsed event", lambda r: replace_in(r, "partnerships", "2004,signing,active,,", "2004,signing,lapsed,2015,"),
     "partnerships", 3, "status", "needs a lapsed event"),
    ("established before the first formal agreement", lambda r: replace_in(r, "partnerships", "2008-10-21,signing,active", "2005,signing,active"),
     "partnerships", 2, "established", "earlier than the first formal agreement"),
    ("date-typed field in the future", lambda r: set_place(r, DELTA, valid_from="2999-01-01"),
     "places", 5, "valid_from", "future"),
    ("finding as of a future day", lambda r: replace_in(r, "published_findings", "2024-12-31", "2099-12-31"),
     "published_findings", 2, "as_of", "future"),
    ("end of a place in the future", lambda r: replace_in(r, "places", "2025-06-30,vn-delta", "2099-06-30,vn-delta"),
     "places", 6, "valid_until", "future"),
]

SPELLINGS = [
    ("place without diacritics", duplicate_place, "places", 7, "place_id", "duplicate place"),
    ("place in another case", lambda r: append_row(r, "places", "kr-alpha-city,KR,municipality,1,광역시,,ALPHA,알파광역시,ALPHA,,,,,,,"),
     "places", 7, "place_id", "duplicate place"),
    ("tie through a duplicated place",
     lambda r: (duplicate_place(r),
                append_row(r, "partnerships", "T0004,vn-dong-thap,government,,kr-alpha,government,,twinning,kết nghĩa,2009,signing,active,,,"),
                append_row(r, "evidence", "V0006,S0002,T0004,,supports,Twinned.")),
     "partnerships", 5, "tie_id", "duplicate tie"),
    ("source under http instead of https", lambda r: source_used(r, "http://example.org/a"), "sources", 4, "url", "duplicate source"),
    ("source with the host in capitals", lambda r: source_used(r, "https://EXAMPLE.org/a"), "sources", 4, "url", "duplicate source"),
    ("source with a trailing slash", lambda r: source_used(r, "https://example.org/a/"), "sources", 4, "url", "duplicate source"),
    ("source with tracking parameters", lambda r: source_used(r, "https://example.org/a?utm_source=fb&fbclid=x1"),
     "sources", 4, "url", "duplicate source"),
    ("evidence row under a new id", lambda r: append_row(r, "evidence", "V0006,S0001,T0001,E0001,supports,MoU signed."),
     "evidence", 7, "evidence_id", "duplicate evidence"),
    ("retired id reused", lambda r: (replace_in(r, "events", "E0002,T0001,upgraded", "E0000,T0001,upgraded"),
                                     replace_in(r, "evidence", "T0001,E0002,", "T0001,E0000,")),
     "events", 3, "event_id", "was retired"),
    ("an earlier stage kept as a second tie",
     lambda r: (append_row(r, "partnerships", "T0004,vn-delta,government,,kr-alpha,government,,friendship,hữu nghị,2008-10-21,signing,active,,,"),
                append_row(r, "evidence", "V0006,S0002,T0004,,supports,Friendship from 2008.")),
     "partnerships", 5, "tie_type", "record a change of type as an upgraded event"),
]

CODES = [
    ("country that does not exist", lambda r: replace_in(r, "places", "la-gamma,LA,", "la-gamma,XL,"),
     "places", 4, "country", "not an ISO 3166-1"),
    ("ISO 3166-2 code of another country", lambda r: set_place(r, ALPHA, iso_3166_2="JP-13"),
     "places", 2, "iso_3166_2", "belongs to JP"),
    ("place-id prefix contradicts the country", lambda r: (
        replace_in(r, "places", "la-gamma,LA,", "th-gamma,LA,"),
        replace_in(r, "partnerships", ",la-gamma,", ",th-gamma,")),
     "places", 4, "place_id", "contradicts country LA"),
    ("vn for Vietnamese", lambda r: replace_in(r, "sources", "Paper A,2023-10,page,vi", "Paper A,2023-10,page,vn"),
     "sources", 2, "language", "Vietnamese is 'vi'"),
    ("language that does not exist", lambda r: replace_in(r, "sources", "Paper B,2024,page,vi", "Paper B,2024,page,qq"),
     "sources", 3, "language", "not a BCP 47"),
]

TEXT = [
    ("zero-width space", lambda r: replace_in(r, "places", "Đồng Tháp", "Đồng\u200bTháp"),
     "places", 5, "name_local", "U+200B (ZERO WIDTH SPACE)"),
    ("soft hyphen", lambda r: replace_in(r, "evidence", "Cooperation since 2004.", "Coop\u00aderation since 2004."),
     "evidence", 5, "note", "U+00AD"),
    ("direction mark", lambda r: replace_in(r, "sources", "Article B", "Article\u200f B"),
     "sources", 3, "title", "U+200F"),
    ("control character", lambda r: replace_in(r, "events", "Bản ghi nhớ", "Bản ghi\x07 nhớ"),
     "events", 2, "wording", "control character U+0007"),
    ("NUL byte", lambda r: replace_in(r, "partnerships", "hợp tác,2004", "hợp\x00 tác,2004"),
     "partnerships", 3, "tie_type_wording", "control character U+0000"),
    ("mojibake in a name", lambda r: replace_in(r, "places", "Hải Dương", "Hải Dương".encode().decode("cp1252", "replace").replace("\ufffd", "")),
     "places", 6, "name_local", "mojibake"),
    ("mojibake in a note", lambda r: replace_in(r, "evidence", "Twinned since 1984.", "Ä‘á»“ng thÃ nh since 1984."),
     "evidence", 6, "note", "mojibake"),
]

FILES = [
    ("unclosed quote", lambda r: append_row(r, "sources", 'S0003,https://example.org/c,"Article C,Paper C,2024,page,vi,'),
     "sources", 4, "", "an unclosed quote?"),
    ("field over the csv module's limit", lambda r: append_row(r, "sources", "S0003,https://example.org/c," + "x" * 200_000 + ",P,2024,page,vi,"),
     "sources", 4, "", "field larger than field limit"),
    ("header-only table", lambda r: (r / "dataset" / "places.csv").write_text(
        (r / "dataset" / "places.csv").read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8"),
     "places", 1, "", "no rows, only a header"),
]

CASES = HIERARCHY + TIME + SPELLINGS + CODES + TEXT + FILES


@pytest.mark.parametrize(("corrupt", "table", "row", "field", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_corruption_class_is_reported_at_row_level(tiny, corrupt, table, row, field, words):
    assert_reported_at(tiny, corrupt, table, row, field, words)


def test_header_only_table_is_one_error_not_a_flood_of_foreign_keys(tiny):
    path = tiny / "dataset" / "places.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    errors = vnsister.validate(tiny).errors
    assert len(errors) == 1, errors.to_string()


def test_crlf_line_endings_are_accepted(tiny):
    for path in (tiny / "dataset").glob("*.csv"):
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    report = vnsister.validate(tiny)
    assert report.ok, str(report)
    assert vnsister.load(tiny).places.at[3, "name_local"] == "Đồng Tháp"


def test_a_re_signing_after_a_lapse_is_a_new_tie(tiny):
    replace_in(tiny, "partnerships", "1984,statement,active,,", "1984,statement,lapsed,2000,")
    append_row(tiny, "events", "E0003,T0003,lapsed,2000,,,expired,,")
    append_row(tiny, "partnerships", "T0004,vn-epsilon,government,,la-gamma,government,,twinning,kết nghĩa,2005,signing,active,,,")
    append_row(tiny, "evidence", "V0006,S0002,T0003,E0003,supports,Expired in 2000.")
    append_row(tiny, "evidence", "V0007,S0002,T0004,,supports,Twinned again in 2005.")
    report = vnsister.validate(tiny)
    assert report.ok, str(report)


# --- the descriptor: one clear error, never a traceback, nothing read outside the package --------------------

def edit_descriptor(root: Path, change) -> None:
    path = root / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    change(descriptor)
    path.write_text(json.dumps(descriptor), encoding="utf-8")


def resource_entry(descriptor: dict, name: str) -> dict:
    return next(r for r in descriptor["resources"] if r["name"] == name)


DESCRIPTOR_CASES = [
    ("not JSON", lambda r: (r / "datapackage.json").write_text("{\"name\": \"vnsister\",", encoding="utf-8"), "not valid JSON"),
    ("not an object", lambda r: (r / "datapackage.json").write_text("[]", encoding="utf-8"), "must hold a JSON object"),
    ("no resources", lambda r: edit_descriptor(r, lambda d: d.pop("resources")), "no list of resources"),
    ("missing resource", lambda r: edit_descriptor(r, lambda d: d["resources"].pop(2)), "no resource named 'events'"),
    ("missing data file", lambda r: (r / "dataset" / "events.csv").unlink(), "data file dataset/events.csv is missing"),
    ("missing schema file", lambda r: (r / "schemas" / "events.json").unlink(), "events.json is missing"),
    ("schema not JSON", lambda r: (r / "schemas" / "events.json").write_text("{", encoding="utf-8"), "not valid JSON"),
    ("resource path with ..", lambda r: edit_descriptor(r, lambda d: resource_entry(d, "events").update(path="../events.csv")),
     "leaves the package directory"),
    ("absolute resource path", lambda r: edit_descriptor(r, lambda d: resource_entry(d, "events").update(path="/etc/passwd")),
     "leaves the package directory"),
    ("Windows absolute path", lambda r: edit_descriptor(r, lambda d: resource_entry(d, "events").update(path="C:\\data\\events.csv")),
     "leaves the package directory"),
    ("URL as path", lambda r: edit_descriptor(r, lambda d: resource_entry(d, "events").update(path="https://example.org/e.csv")),
     "leaves the package directory"),
    ("schema path with ..", lambda r: edit_descriptor(r, lambda d: resource_entry(d, "events").update(schema="../../x.json")),
     "leaves the package directory"),
    ("extra resource outside", lambda r: edit_descriptor(r, lambda d: d["resources"].append(
        {"name": "extra", "path": "../../secret.csv", "schema": "schemas/events.json"})), "leaves the package directory"),
]


@pytest.mark.parametrize(("corrupt", "words"), [c[1:] for c in DESCRIPTOR_CASES], ids=[c[0] for c in DESCRIPTOR_CASES])
def test_descriptor_problem_is_one_clear_error_and_exit_1(tiny, corrupt, words, capsys):
    corrupt(tiny)
    report = vnsister.validate(tiny)
    assert not report.ok
    assert any(words in message for message in report.errors["message"]), report.errors.to_string()
    assert set(report.errors["table"]) == {"datapackage"}
    assert main(["validate", str(tiny)]) == 1
    assert main(["report", str(tiny)]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err


def test_symlink_out_of_the_package_is_refused(tiny, tmp_path):
    outside = tmp_path / "outside.csv"
    outside.write_text((tiny / "dataset" / "events.csv").read_text(encoding="utf-8"), encoding="utf-8")
    (tiny / "dataset" / "events.csv").unlink()
    os.symlink(outside, tiny / "dataset" / "events.csv")
    report = vnsister.validate(tiny)
    assert any("resolves outside the package" in m for m in report.errors["message"]), report.errors.to_string()


def test_a_path_outside_the_package_is_refused_without_being_opened(tiny, tmp_path, monkeypatch):
    secret = tmp_path / "secret.csv"
    secret.write_text("event_id\nE9\n", encoding="utf-8")
    edit_descriptor(tiny, lambda d: resource_entry(d, "events").update(path=f"../{secret.name}"))
    opened: list[str] = []
    real_open, real_read = builtins.open, pathlib.Path.read_bytes

    def spy_open(file, *args, **kwargs):
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    def spy_read(self):
        opened.append(str(self))
        return real_read(self)

    monkeypatch.setattr(builtins, "open", spy_open)
    monkeypatch.setattr(io, "open", spy_open)
    monkeypatch.setattr(pathlib.Path, "read_bytes", spy_read)
    report = vnsister.validate(tiny)
    with pytest.raises(vnsister.VnsisterError, match="leaves the package directory"):
        vnsister.load(tiny)
    assert not report.ok
    assert not any(Path(p).name == secret.name for p in opened), opened


# --- exports: no cell a spreadsheet would execute ---------------------------------------------------------

@pytest.mark.parametrize("cell", ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1"])
def test_spreadsheet_formulas_are_neutralised(cell):
    safe = spreadsheet_safe(pd.DataFrame({"name": [cell, "Hà Nội"], "n": [-1, 2]}))
    assert safe.at[0, "name"] == "'" + cell
    assert safe.at[1, "name"] == "Hà Nội"
    assert safe["n"].tolist() == [-1, 2]  # numbers stay numbers


def test_csv_export_writes_no_formula(tiny, tmp_path):
    replace_in(tiny, "places", ",Gamma,Gamma,Gamma,", ",=HYPERLINK(\"http://x\"),Gamma,Gamma,")
    target = tmp_path / "net"
    assert main(["export", str(tiny), "--format", "csv", "--output", str(target)]) == 0
    nodes = pd.read_csv(f"{target}.nodes.csv", dtype=str)
    assert not nodes.apply(lambda col: col.str.startswith(("=", "+", "@"), na=False)).any().any()
    assert "'=HYPERLINK(\"http://x\")" in set(nodes["name_en"])


def test_real_data_pass_every_class():
    report = vnsister.validate()
    assert report.ok, str(report)
