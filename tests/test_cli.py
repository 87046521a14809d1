from vnsister.cli import main


def test_report_prints_summary_tables(tiny, capsys):
    assert main(["report", str(tiny)]) == 0
    out = capsys.readouterr().out
    assert "Ties by partner country" in out
    import re

    section = out.split("Ties by partner country")[1]
    assert re.search(r"^\s*KR\s+South Korea\s+2\s", section, re.M)  # code, name, ties
    assert re.search(r"^\s*LA\s+Laos\s+1\s", section, re.M)


def test_report_counts_ties_known_only_from_multilateral_documents(tiny, capsys):
    import re

    path = tiny / "dataset" / "partnerships.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("1984,statement,active,,,", "1984,statement,active,,multilateral,"),
                    encoding="utf-8")
    assert main(["report", str(tiny)]) == 0
    assert re.search(r"^ties known only from multilateral documents\s+1$", capsys.readouterr().out, re.M)


def test_report_counts_ties_signed_by_councils_or_agencies(tiny, capsys):
    import re

    path = tiny / "dataset" / "partnerships.csv"
    text = path.read_text(encoding="utf-8").replace(
        "T0003,vn-epsilon,government,,la-gamma,government,,", "T0003,vn-epsilon,government,,la-gamma,agency,Gamma police,")
    path.write_text(text, encoding="utf-8")
    assert main(["report", str(tiny)]) == 0
    assert re.search(r"^ties signed by a council or an agency\s+1$", capsys.readouterr().out, re.M)


def test_report_html_is_self_contained(tiny, tmp_path):
    target = tmp_path / "report.html"
    assert main(["report", str(tiny), "--html", str(target)]) == 0
    page = target.read_text(encoding="utf-8")
    # countries, provinces, heat map, world map, Vietnam–Korea map, ties per year, ties in existence with bounds
    assert page.count("data:image/png;base64,") == 7
    assert 'alt="ties in existence over time, with bounds"' in page
    assert "Where the partners are" in page
    assert "http://" not in page.replace("https://creativecommons", "")


def test_report_html_names_the_release_under_every_table(tiny, tmp_path):
    import json
    import re

    target = tmp_path / "report.html"
    assert main(["report", str(tiny), "--html", str(target)]) == 0
    page = target.read_text(encoding="utf-8")
    meta = json.loads((tiny / "datapackage.json").read_text(encoding="utf-8"))
    stamp = f"Source: vnsister {meta['version']} (released {meta['created'][:10]}); "
    notes = re.findall(r'</table></div><p class="note">([^<]*)</p>', page)
    assert len(notes) >= 6
    assert [note for note in notes if not note.startswith(stamp)] == []
    assert all(re.search(r"\bn = \d+ ", note) for note in notes)
    # a table as of a day counts its own rows; before 0.40.0 it also carried the release's total of ties as its n
    dated = [note for note in notes if "; as of " in note]
    assert dated and all(re.search(r"; as of [0-9-]+; n = \d+ rows\b", note) for note in dated), dated
    assert not any(note.count("n = ") > 1 for note in notes)


def test_validate_json_output(tiny, capsys):
    (tiny / "dataset" / "sources.csv").write_text(
        (tiny / "dataset" / "sources.csv").read_text(encoding="utf-8").replace(",vi,\n", ",vie,\n", 1), encoding="utf-8")
    assert main(["validate", str(tiny), "--json"]) == 1
    out = capsys.readouterr().out
    assert '"table":"sources"' in out and '"field":"language"' in out


def test_flat_export_has_names_provinces_on_both_maps_and_safe_cells(tiny, tmp_path, capsys):
    import pandas as pd

    target = tmp_path / "ties"
    assert main(["export", str(tiny), "--format", "flat", "--output", str(target)]) == 0
    csv = pd.read_csv(f"{target}.csv", dtype=str, keep_default_na=False).set_index("tie_id")
    xlsx = pd.read_excel(f"{target}.xlsx", dtype=str, keep_default_na=False).set_index("tie_id")
    assert list(csv.index) == ["T0001", "T0002", "T0003"]
    row = csv.loc["T0002"]
    assert (row["vn_name_local"], row["vn_province"], row["vn_province_2025"]) == ("Hải Dương", "Hải Dương", "Đồng Tháp")
    assert (row["partner_name_en"], row["partner_province"], row["partner_country_name"]) == ("Beta-gu", "Alpha", "South Korea")
    assert (row["established"], row["start_earliest"], row["start_latest"]) == ("2004", "2004-01-01", "2004-12-31")
    assert csv.loc["T0001", "events"] == "2" and csv.loc["T0001", "sources"] == "1"
    assert xlsx.loc["T0003", "partner_country_name"] == "Laos"


def test_flat_export_refuses_options_it_cannot_honour(tiny, capsys):
    assert main(["export", str(tiny), "--format", "flat", "--as-of", "2010"]) == 2
    assert "--format flat" in capsys.readouterr().err


def test_version_names_package_and_data_release(capsys):
    import pytest

    import vnsister

    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"vnsister {vnsister.__version__} (data ") and "released 20" in out


def test_package_metadata_states_both_licences():
    from importlib.metadata import metadata

    assert metadata("vnsister")["License-Expression"] == "MIT AND CC-BY-4.0"


def test_report_counts_ties_by_status_with_the_rule(tiny, capsys):
    import json
    import re

    released = json.loads((tiny / "datapackage.json").read_text(encoding="utf-8"))["created"][:10]
    cutoff = f"{int(released[:4]) - 10}{released[4:]}"  # ten years before the release date
    path = tiny / "dataset" / "partnerships.csv"
    text = path.read_text(encoding="utf-8").replace("1984,statement,active,,,", "1984,statement,unknown,,,")
    path.write_text(text, encoding="utf-8")
    assert main(["report", str(tiny)]) == 0
    section = capsys.readouterr().out.split("Ties by status")[1]
    assert "was measured by reading it again: docs/codebook.md §6)" in section.splitlines()[0]
    assert re.search(rf"^\s*active\s+2\s+dated evidence from {cutoff} on", section, re.M)
    assert re.search(r"^\s*unknown\s+1\s", section, re.M)
    assert re.search(r"^\s*lapsed\s+0\s", section, re.M)


def test_report_titles_the_source_table_as_sources_not_ties(tiny, capsys):
    assert main(["report", str(tiny)]) == 0
    out = capsys.readouterr().out
    assert "Ties by source date" not in out
    section = out.split("Sources by publication date")[1]
    assert section.split("\n")[1].split()[:2] == ["date", "sources"]


def test_report_as_of_a_year_before_every_tie(tiny, capsys):
    # the series of ties in existence starts at the as-of year when that is before 1990
    assert main(["report", str(tiny), "--as-of", "1899"]) == 0
    out = capsys.readouterr().out
    assert "1899-12-31" in out and "Ties in existence" in out
