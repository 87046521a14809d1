import json

import pytest

import vnsister
from vnsister.cli import main
from vnsister.release import build, citation, diff, diff_text


def test_build_is_idempotent_and_keeps_cells(tiny):
    before = vnsister.load(tiny).partnerships
    first = build(tiny)
    assert "datapackage.json" in first  # hashes were not recorded yet
    assert build(tiny) == []
    after = vnsister.load(tiny).partnerships
    assert before.equals(after)
    entry = json.loads((tiny / "datapackage.json").read_text(encoding="utf-8"))["resources"][1]
    assert entry["hash"].startswith("sha256:") and entry["bytes"] == (tiny / entry["path"]).stat().st_size


def test_build_sorts_rows_by_key(tiny):
    path = tiny / "dataset" / "sources.csv"
    header, *rows = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([header, *reversed(rows)]) + "\n", encoding="utf-8")
    assert build(tiny) == ["dataset/sources.csv", "datapackage.json"]
    assert path.read_text(encoding="utf-8").splitlines()[1].startswith("S0001,")


def test_changed_file_is_named_by_validate(tiny):
    build(tiny)
    path = tiny / "dataset" / "evidence.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("Cooperation since 2004.", "Cooperation since 2005."),
                    encoding="utf-8")
    report = vnsister.validate(tiny)
    assert not report.ok
    assert any("dataset/evidence.csv changed" in m for m in report.errors["message"])


def test_frictionless_also_rejects_a_changed_file(tiny):
    from frictionless import Package

    build(tiny)
    path = tiny / "dataset" / "sources.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("Article A", "Article Z"), encoding="utf-8")
    assert not Package(str(tiny / "datapackage.json")).validate().valid


def test_diff_lists_added_removed_changed(tiny, tmp_path):
    import shutil

    new = tmp_path / "new"
    shutil.copytree(tiny, new)
    ties = new / "dataset" / "partnerships.csv"
    text = ties.read_text(encoding="utf-8").replace("1984,statement,active", "1985,statement,active")
    text = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("T0002,"))
    ties.write_text(text, encoding="utf-8")
    places = new / "dataset" / "places.csv"
    places.write_text(places.read_text(encoding="utf-8") + "la-zeta,LA,province,1,province,,Zeta,Zeta,Zeta,,,,,,,\n",
                      encoding="utf-8")
    report = diff(tiny, new)
    assert report["partnerships"]["removed"] == ["T0002"]
    assert report["partnerships"]["changed"] == [{"id": "T0003", "fields": {"established": ["1984", "1985"]}}]
    assert report["places"]["added"] == ["la-zeta"]
    assert report["sources"] == {"added": [], "removed": [], "changed": [], "columns_added": [], "columns_removed": []}


def test_diff_names_a_column_one_release_adds(tiny, tmp_path):
    # 0.40.0 added partnerships.established_from: the diff says so instead of listing every row or nothing
    import shutil

    old = tmp_path / "old"
    shutil.copytree(tiny, old)
    schema = old / "schemas" / "partnerships.json"
    fields = json.loads(schema.read_text(encoding="utf-8"))
    fields["fields"] = [f for f in fields["fields"] if f["name"] != "established_from"]
    schema.write_text(json.dumps(fields), encoding="utf-8")
    ties = old / "dataset" / "partnerships.csv"
    rows = [line.split(",") for line in ties.read_text(encoding="utf-8").splitlines()]
    at = rows[0].index("established_from")
    ties.write_text("".join(",".join(r[:at] + r[at + 1:]) + "\n" for r in rows), encoding="utf-8")
    report = diff(old, tiny)
    assert report["partnerships"]["columns_added"] == ["established_from"]
    assert report["partnerships"]["changed"] == [] and report["events"]["columns_added"] == []
    assert "column added: established_from" in diff_text(report)


@pytest.mark.parametrize(("fmt", "needle"), [("bibtex", "version = {"), ("apa", "(Version "), ("cff", "cff-version: 1.2.0")])
def test_cite_formats_carry_the_installed_version(fmt, needle, capsys):
    assert main(["cite", "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert needle in out and vnsister.load().version in out
    assert citation(fmt) in out


def test_previous_release_is_found_in_history_without_tags(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    repo = Path(__file__).resolve().parents[1]
    shallow = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=repo, capture_output=True, text=True)
    if shallow.returncode != 0 or shallow.stdout.strip() == "true":
        pytest.skip("no git history here")
    done = subprocess.run([sys.executable, str(repo / "scripts" / "release_archive.py"), "0.4.0", str(tmp_path / "old")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert json.loads((tmp_path / "old" / "datapackage.json").read_text(encoding="utf-8"))["version"] == "0.4.0"
    missing = subprocess.run([sys.executable, str(repo / "scripts" / "release_archive.py"), "9.9.9", str(tmp_path / "x")],
                             capture_output=True, text=True)
    assert missing.returncode == 1 and "9.9.9" in missing.stderr


def test_a_release_is_its_last_commit_not_the_one_that_set_its_version(tmp_path):
    # a release's work goes on after its version is set: the archive must hold the data as the release ended
    import importlib.util
    import subprocess
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "scripts" / "release_archive.py"
    spec = importlib.util.spec_from_file_location("release_archive", script)
    archive = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(archive)
    repo = tmp_path / "repo"
    (repo / "dataset").mkdir(parents=True)
    (repo / "schemas").mkdir()

    def commit(version, rows, message):
        (repo / "datapackage.json").write_text(json.dumps({"name": "t", "version": version}, indent=2), encoding="utf-8")
        (repo / "dataset" / "t.csv").write_text(rows, encoding="utf-8")
        (repo / "schemas" / "t.json").write_text("{}", encoding="utf-8")
        for args in (["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", message]):
            subprocess.run(["git", *args], cwd=repo, check=True)

    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    commit("1.0.0", "id\nT1\n", "set 1.0.0")
    commit("1.0.0", "id\nT1\nT2\n", "more work of 1.0.0")
    commit("1.1.0", "id\nT1\nT2\nT3\n", "set 1.1.0")
    for version, rows in (("1.0.0", "id\nT1\nT2\n"), ("1.1.0", "id\nT1\nT2\nT3\n")):
        archive.extract(archive.release_commit(version, root=repo), tmp_path / version, root=repo)
        assert (tmp_path / version / "dataset" / "t.csv").read_text(encoding="utf-8") == rows
    assert archive.release_commit("2.0.0", root=repo) is None
