from vnsister.cli import main


def test_report_prints_summary_tables(tiny, capsys):
    assert main(["report", str(tiny)]) == 0
    out = capsys.readouterr().out
    assert "Ties by partner country" in out
    import re

    section = out.split("Ties by partner country")[1]
    assert re.search(r"^\s*KR\s+South Korea\s+2\s", section, re.M)  # code, name, ties
    assert re.search(r"^\s*LA\s+Laos\s+1\s", section, re.M)


def test_report_html_is_self_contained(tiny, tmp_path):
    target = tmp_path / "report.html"
    assert main(["report", str(tiny), "--html", str(target)]) == 0
    page = target.read_text(encoding="utf-8")
    assert page.count("data:image/png;base64,") == 4
    assert "http://" not in page.replace("https://creativecommons", "")


def test_validate_json_output(tiny, capsys):
    (tiny / "dataset" / "sources.csv").write_text(
        (tiny / "dataset" / "sources.csv").read_text(encoding="utf-8").replace(",vi,\n", ",vie,\n", 1), encoding="utf-8")
    assert main(["validate", str(tiny), "--json"]) == 1
    out = capsys.readouterr().out
    assert '"table":"sources"' in out and '"field":"language"' in out
