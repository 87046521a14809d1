"""Each kind of bad input is caught with a row-level error naming table, row and field."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

import vnsister
from vnsister.cli import main


def replace_in(root: Path, table: str, old: str, new: str) -> None:
    path = root / "dataset" / f"{table}.csv"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not in {table}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append_row(root: Path, table: str, row: str) -> None:
    path = root / "dataset" / f"{table}.csv"
    path.write_text(path.read_text(encoding="utf-8") + row + "\n", encoding="utf-8")


# (id, corruption, expected table, row, field, words the message must contain)
CASES = [
    ("dangling foreign key", lambda r: replace_in(r, "partnerships", "T0001,vn-delta", "T0001,vn-nowhere"),
     "partnerships", 2, "vn_place_id", "not found in places.place_id"),
    ("dangling successor", lambda r: replace_in(r, "places", "2025-06-30,vn-delta", "2025-06-30,vn-zeta"),
     "places", 6, "successor_id", "not found in places.place_id"),
    ("duplicate id", lambda r: replace_in(r, "partnerships", "T0002,", "T0001,"),
     "partnerships", 3, "tie_id", "duplicate value"),
    ("malformed partial date", lambda r: replace_in(r, "partnerships", "2008-10-21,signing,active", "21/10/2008,signing,active"),
     "partnerships", 2, "established", "pattern"),
    ("impossible partial date", lambda r: replace_in(r, "partnerships", "2008-10-21,signing,active", "2008-02-30,signing,active"),
     "partnerships", 2, "established", "impossible date"),
    ("established date without what it rests on", lambda r: replace_in(r, "partnerships", "2008-10-21,signing,active", "2008-10-21,,active"),
     "partnerships", 2, "established_from", "exactly when established is"),
    ("what an established date rests on, without the date", lambda r: replace_in(r, "partnerships", "2004,signing,active", ",signing,active"),
     "partnerships", 3, "established_from", "exactly when established is"),
    ("established_from outside its vocabulary", lambda r: replace_in(r, "partnerships", "2008-10-21,signing,active", "2008-10-21,signed,active"),
     "partnerships", 2, "established_from", "not an allowed value"),
    ("impossible iso date", lambda r: replace_in(r, "places", "2025-06-30", "2025-06-31"),
     "places", 6, "valid_until", "cannot be read as date"),
    ("end before start", lambda r: replace_in(r, "partnerships", "1984,statement,active,,", "1984,statement,lapsed,1980,"),
     "partnerships", 4, "ended", "ended before established"),
    ("self-tie", lambda r: replace_in(r, "partnerships", "T0003,vn-epsilon,government,,la-gamma",
                                      "T0003,vn-epsilon,government,,vn-epsilon"),
     "partnerships", 4, "partner_place_id", "self-tie"),
    ("Vietnamese party not in VN", lambda r: replace_in(r, "partnerships", "T0003,vn-epsilon", "T0003,la-gamma"),
     "partnerships", 4, "vn_place_id", "pattern"),
    ("partner in VN", lambda r: replace_in(r, "partnerships", "T0003,vn-epsilon,government,,la-gamma",
                                           "T0003,vn-epsilon,government,,vn-delta"),
     "partnerships", 4, "partner_place_id", "foreign party is in VN"),
    ("tie without evidence", lambda r: replace_in(r, "evidence", "V0005,S0002,T0003,,supports,Twinned since 1984.\n", ""),
     "partnerships", 4, "tie_id", "no evidence"),
    ("event without evidence", lambda r: replace_in(r, "evidence", "V0003,S0001,T0001,E0002,supports,Upgrade signed 21 Oct 2013.\n", ""),
     "events", 3, "event_id", "no evidence"),
    ("unused source", lambda r: append_row(r, "sources", "S0003,https://example.org/c,C,Paper C,2024,page,ko,"),
     "sources", 4, "source_id", "not used"),
    ("unknown tie type", lambda r: replace_in(r, "partnerships", "twinning,kết nghĩa,2008", "sisterhood,kết nghĩa,2008"),
     "partnerships", 2, "tie_type", "not an allowed value; allowed: twinning"),
    ("unknown known_from", lambda r: replace_in(r, "partnerships", "1984,statement,active,,,", "1984,statement,active,,yes,"),
     "partnerships", 4, "known_from", "not an allowed value; allowed: multilateral"),
    ("name not in NFC", lambda r: replace_in(r, "places", "Đồng Tháp", unicodedata.normalize("NFD", "Đồng Tháp")),
     "places", 5, "name_local", "NFC"),
    ("trailing whitespace", lambda r: replace_in(r, "places", ",Gamma,Gamma,Gamma,", ",Gamma ,Gamma,Gamma,"),
     "places", 4, "name_en", "whitespace"),
    ("unknown purpose tag", lambda r: replace_in(r, "events", ",general_friendship,", ",general_friendship;tourism,"),
     "events", 2, "purposes", "pattern"),
    ("upgrade without change", lambda r: replace_in(r, "events", "upgraded,2013-10-21,friendship,twinning",
                                                    "upgraded,2013-10-21,twinning,twinning"),
     "events", 3, "to_type", "must change"),
    ("established twice", lambda r: replace_in(r, "events", "E0001,T0001,mou_signed,2008-10-21,,friendship",
                                               "E0001,T0001,established,2008-10-21,,friendship")
     or append_row(r, "events", "E0003,T0001,established,2008-10,,friendship,Thỏa thuận,,"),
     "events", 4, "event_type", "a tie is established once: E0001"),
    ("event before establishment", lambda r: replace_in(r, "events", "mou_signed,2008-10-21", "mou_signed,2007-10-21"),
     "events", 2, "date", "before the tie's establishment"),
    ("established from a letter of intent",
     lambda r: replace_in(r, "events", "E0001,T0001,mou_signed,2008-10-21,,friendship",
                          "E0001,T0001,letter_of_intent,2008-10-21,,friendship"),
     "partnerships", 2, "established", "only a letter of intent"),
    ("established from a proposal",
     lambda r: replace_in(r, "events", "E0001,T0001,mou_signed,2008-10-21,,friendship",
                          "E0001,T0001,proposed,2008-10-21,,friendship"),
     "partnerships", 2, "established", "or a proposal"),
    ("establishment less precise than the tie's date",
     lambda r: replace_in(r, "events", "E0001,T0001,mou_signed,2008-10-21", "E0001,T0001,established,2008"),
     "events", 2, "date", "must carry the tie's established date (2008-10-21)"),
    ("dated in the future", lambda r: replace_in(r, "events", "upgraded,2013-10-21", "upgraded,2999-10-21"),
     "events", 3, "date", "future"),
    ("type disagrees with last event", lambda r: replace_in(r, "partnerships", "twinning,kết nghĩa,2008", "friendship,kết nghĩa,2008"),
     "events", 3, "to_type", "latest event"),
    ("a visit retypes a tie its agreements name otherwise",
     lambda r: (replace_in(r, "partnerships", "twinning,kết nghĩa,2008", "cooperation,kết nghĩa,2008"),
                append_row(r, "events", "E0003,T0001,other,2015,,cooperation,chuyến thăm,,"),
                append_row(r, "evidence", "V0006,S0002,T0001,E0003,supports,A visit in 2015.")),
     "partnerships", 2, "tie_type", "formal agreements name it friendship or twinning"),
    ("duplicate tie", lambda r: (append_row(r, "partnerships", "T0004,vn-delta,government,,kr-alpha,government,,twinning,kết nghĩa,2009,signing,active,,,"),
                                 append_row(r, "evidence", "V0006,S0002,T0004,,supports,Dup.")),
     "partnerships", 5, "tie_id", "duplicate tie"),
    ("same council tie under two spellings",
     lambda r: (append_row(r, "partnerships", "T0004,vn-delta,council,HĐND tỉnh Delta,kr-alpha,council,알파시의회,friendship,hữu nghị,2019,signing,active,,,"),
                append_row(r, "partnerships", "T0005,vn-delta,council,Hội đồng nhân dân tỉnh Delta (People's Council),kr-alpha,council,Alpha Council,friendship,hữu nghị,,,active,,,"),
                append_row(r, "evidence", "V0006,S0002,T0004,,supports,Council tie."),
                append_row(r, "evidence", "V0007,S0002,T0005,,supports,Same council tie.")),
     "partnerships", 6, "tie_id", "same parties and type"),
    ("same agency tie, foreign agency named in another language",
     lambda r: (append_row(r, "partnerships", "T0004,vn-delta,agency,Công an tỉnh Delta,kr-alpha,agency,알파경찰청,cooperation,hợp tác,2005,signing,active,,,"),
                append_row(r, "partnerships", "T0005,vn-delta,agency,Công an tỉnh Delta (Delta police),kr-alpha,agency,Cảnh sát Alpha,cooperation,hợp tác,2005,signing,active,,,"),
                append_row(r, "evidence", "V0006,S0002,T0004,,supports,Police tie."),
                append_row(r, "evidence", "V0007,S0002,T0005,,supports,Same police tie.")),
     "partnerships", 6, "tie_id", "same Vietnamese agency"),
    ("merged province's re-signing recorded as a second tie",
     lambda r: (append_row(r, "events", "E0003,T0003,resigned_after_merger,2025-09-01,,twinning,Bản ghi nhớ,,"),
                append_row(r, "evidence", "V0006,S0002,T0003,E0003,supports,Re-signed by the merged province."),
                append_row(r, "partnerships", "T0004,vn-delta,government,,la-gamma,government,,twinning,kết nghĩa,2025-09-01,signing,active,,,"),
                append_row(r, "events", "E0004,T0004,mou_signed,2025-09-01,,twinning,Bản ghi nhớ,,"),
                append_row(r, "evidence", "V0007,S0002,T0004,,supports,Signed by the merged province."),
                append_row(r, "evidence", "V0008,S0002,T0004,E0004,supports,Signed on 1 Sep 2025.")),
     "partnerships", 5, "tie_id", "already recorded as E0003, the re-signing of T0003"),
    ("tie after the party ceased to exist", lambda r: replace_in(r, "partnerships", "T0002,vn-epsilon,government,,kr-alpha-beta-gu,government,,cooperation,hợp tác,2004",
                                                                  "T0002,vn-epsilon,government,,kr-alpha-beta-gu,government,,cooperation,hợp tác,2025-08"),
     "partnerships", 3, "vn_place_id", "ceased to exist"),
    ("agency without a name", lambda r: replace_in(r, "partnerships", "T0002,vn-epsilon,government,", "T0002,vn-epsilon,agency,"),
     "partnerships", 3, "vn_agency", "needs the agency's name"),
    ("successor chain ends at a dead place", lambda r: (replace_in(r, "places", "vn-delta,VN,province,1,tỉnh,,Delta,Đồng Tháp,Dong Thap,,,,,,,",
                                                                    "vn-delta,VN,province,1,tỉnh,,Delta,Đồng Tháp,Dong Thap,,,,,2025-06-30,vn-theta,"),
                                                         append_row(r, "places", "vn-theta,VN,province,1,tỉnh,,Theta,Thêta,Theta,,,,,2020-01-01,,")),
     "places", 6, "successor_id", "no longer exists"),
    ("active without evidence in the status window", lambda r: replace_in(r, "sources", "Paper B,2024,page", "Paper B,2005,page"),
     "partnerships", 3, "status", "active needs dated evidence within 10 years"),
    ("active without any dated evidence", lambda r: replace_in(r, "sources", "Paper B,2024,page", "Paper B,,"),
     "partnerships", 4, "status", "no dated evidence"),
    ("lapsed event on an active tie", lambda r: (append_row(r, "events", "E0003,T0003,lapsed,2020,,,expired,,"),
                                                 append_row(r, "evidence", "V0006,S0002,T0003,E0003,supports,Expired in 2020.")),
     "partnerships", 4, "status", "has a lapsed event"),
    ("lapsed status without a lapsed event", lambda r: replace_in(r, "partnerships", "1984,statement,active,,", "1984,statement,lapsed,2020,"),
     "partnerships", 4, "status", "needs a lapsed event"),
    ("row with too few fields", lambda r: append_row(r, "sources", "S0009,https://example.org/z"),
     "sources", 4, "", "row has 2 fields"),
    ("wrong delimiter", lambda r: (r / "dataset" / "sources.csv").write_text(
        (r / "dataset" / "sources.csv").read_text(encoding="utf-8").replace(",", ";"), encoding="utf-8"),
     "sources", 1, "", "wrong delimiter"),
    ("missing column", lambda r: (r / "dataset" / "sources.csv").write_text(
        "\n".join(line.rsplit(",", 1)[0] for line in (r / "dataset" / "sources.csv").read_text(encoding="utf-8").splitlines()) + "\n",
        encoding="utf-8"),
     "sources", 1, "notes", "column missing"),
    ("a copy on a betting site as a source", lambda r: replace_in(r, "sources", "S0002,https://example.org/b",
                                                                   "S0002,https://m.tylebongdanews.net/b-1.html"),
     "sources", 3, "url", "a copy on a football-odds site, whose pages are never cited"),
    ("extra unknown column", lambda r: (r / "dataset" / "sources.csv").write_text(
        "\n".join(line + ",x" for line in (r / "dataset" / "sources.csv").read_text(encoding="utf-8").splitlines()) + "\n",
        encoding="utf-8"),
     "sources", 1, "x", "unknown column"),
    ("UTF-8 BOM", lambda r: (r / "dataset" / "events.csv").write_bytes(
        b"\xef\xbb\xbf" + (r / "dataset" / "events.csv").read_bytes()),
     "events", 1, "", "byte-order mark"),
    ("non-UTF-8 file", lambda r: (r / "dataset" / "places.csv").write_bytes(
        (r / "dataset" / "places.csv").read_text(encoding="utf-8").replace("Đồng Tháp", "Dong Thap").replace("Hải Dương", "Hai Duong").replace("알파광역시", "Alpha").replace("베타구", "Beta").replace("tỉnh", "tinh").replace("광역시", "gwangyeoksi").replace("구,", "gu,").encode("ascii") .replace(b"Gamma,Gamma,Gamma", b"Gamma,G\xe0mma,Gamma")),
     "places", 4, "", "not valid UTF-8"),
]


@pytest.mark.parametrize(("corrupt", "table", "row", "field", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_corruption_is_reported_at_row_level(tiny, corrupt, table, row, field, words):
    assert_reported_at(tiny, corrupt, table, row, field, words)


def assert_reported_at(root: Path, corrupt, table: str, row: int, field: str, words: str) -> None:
    """Corrupt the package at ``root``; validation must fail with an error at (table, row, field) saying ``words``."""
    corrupt(root)
    report = vnsister.validate(root)
    assert not report.ok
    hits = report.errors[(report.errors["table"] == table) & (report.errors["row"] == row)
                         & (report.errors["field"] == field)]
    assert any(words in message for message in hits["message"]), report.errors.to_string()


def test_valid_tiny_package_has_no_errors(tiny):
    report = vnsister.validate(tiny)
    assert report.ok, str(report)


# Additions that must stay valid: (id, rows appended as (table, row)).
VALID_ADDITIONS = [
    ("two different agencies of the same places are two ties", [
        ("partnerships", "T0004,vn-delta,agency,Công an tỉnh Delta,kr-alpha,agency,알파경찰청,cooperation,hợp tác,2005,signing,active,,,"),
        ("partnerships", "T0005,vn-delta,agency,Sở Lao động tỉnh Delta,kr-alpha,agency,알파시 일자리과,cooperation,hợp tác,2005,signing,active,,,"),
        ("evidence", "V0006,S0002,T0004,,supports,Police tie."),
        ("evidence", "V0007,S0002,T0005,,supports,Labour department tie.")]),
    ("a step before the agreements may name another type", [
        ("events", "E0003,T0001,other,2006,,cooperation,hợp tác từ năm 2006,,"),
        ("evidence", "V0006,S0002,T0001,E0003,supports,Cooperation since 2006.")]),
    ("letter of intent before the agreement", [
        ("events", "E0003,T0001,letter_of_intent,2008-03,,friendship,Thư ý định,,"),
        ("evidence", "V0006,S0002,T0001,E0003,supports,Letter of intent in March 2008.")]),
    # relations often predate the first signed agreement: a "since" step may be dated before `established`
    ("cooperation since a year before the agreement", [
        ("events", "E0003,T0001,other,2005,,friendship,hợp tác từ năm 2005,,"),
        ("evidence", "V0006,S0002,T0001,E0003,supports,Cooperation since 2005.")]),
    # T0003's re-signing by the merged province does not make the same-day agreement of that province's council
    # with the same partner a repeat: a different body is a different tie
    ("merged province's council signing the same day is a tie of its own", [
        ("events", "E0005,T0003,established,1984,,twinning,Kết nghĩa,,"),
        ("evidence", "V0009,S0002,T0003,E0005,supports,Twinned in 1984."),
        ("events", "E0003,T0003,resigned_after_merger,2025-09-01,,twinning,Bản ghi nhớ,,"),
        ("evidence", "V0006,S0002,T0003,E0003,supports,Re-signed by the merged province."),
        ("partnerships", "T0004,vn-delta,council,HĐND tỉnh Delta,la-gamma,council,Gamma Council,cooperation,hợp tác,2025-09-01,signing,active,,,"),
        ("events", "E0004,T0004,mou_signed,2025-09-01,,cooperation,Bản ghi nhớ,,"),
        ("evidence", "V0007,S0002,T0004,,supports,Council agreement."),
        ("evidence", "V0008,S0002,T0004,E0004,supports,Signed on 1 Sep 2025.")]),
]


@pytest.mark.parametrize("rows", [rows for _, rows in VALID_ADDITIONS], ids=[name for name, _ in VALID_ADDITIONS])
def test_valid_additions_raise_no_error(tiny, rows):
    for table, row in rows:
        append_row(tiny, table, row)
    report = vnsister.validate(tiny)
    assert report.ok, str(report)


def test_all_errors_are_collected_at_once(tiny):
    replace_in(tiny, "partnerships", "T0001,vn-delta", "T0001,vn-nowhere")
    replace_in(tiny, "places", ",Gamma,Gamma,Gamma,", ",Gamma ,Gamma,Gamma,")
    errors = vnsister.validate(tiny).errors
    assert {"partnerships", "places"} <= set(errors["table"])


def test_cli_validate_exit_status_and_message(tiny, capsys):
    assert main(["validate", str(tiny)]) == 0
    replace_in(tiny, "partnerships", "T0001,vn-delta", "T0001,vn-nowhere")
    assert main(["validate", str(tiny)]) == 1
    out = capsys.readouterr().out
    assert "vn-nowhere" in out and "partnerships" in out and "not found in places.place_id" in out


def test_cli_unparseable_file_gives_one_clear_error_not_a_traceback(tiny, capsys):
    (tiny / "dataset" / "events.csv").write_bytes(b"\xff\xfe\x00garbage")
    assert main(["report", str(tiny)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "not valid UTF-8" in err
