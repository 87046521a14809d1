"""The SQLite export and Datasette: keys from the schemas, the ties_named view, full-text search, and a served
database answering its JSON API and rendering in a headless browser."""

from __future__ import annotations

import json
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request

import pytest

from vnsister.cli import main


def test_sqlite_export_keeps_keys_names_and_search(tiny, tmp_path):
    target = tmp_path / "v.db"
    assert main(["export", str(tiny), "--format", "sqlite", "--output", str(target)]) == 0
    db = sqlite3.connect(target)
    assert db.execute("select count(*) from partnerships").fetchone()[0] == 3
    pk = [row[1] for row in db.execute("pragma table_info(partnerships)") if row[5]]
    assert pk == ["tie_id"]
    references = {(row[2], row[3]) for row in db.execute("pragma foreign_key_list(evidence)")}
    assert references == {("sources", "source_id"), ("partnerships", "tie_id"), ("events", "event_id")}
    named = dict(db.execute("select tie_id, partner_name_en from ties_named").fetchall())
    assert named == {"T0001": "Alpha", "T0002": "Beta-gu", "T0003": "Gamma"}
    hits = db.execute("select evidence_id from evidence where rowid in "
                      "(select rowid from evidence_fts where evidence_fts match 'Upgrade')").fetchall()
    assert hits == [("V0003",)]
    assert db.execute("select valid_until from places where place_id = 'vn-epsilon'").fetchone()[0] == "2025-06-30"


def test_sqlite_export_refuses_options_it_cannot_honour(tiny, capsys):
    assert main(["export", str(tiny), "--format", "sqlite", "--level", "province"]) == 2
    assert "--format sqlite" in capsys.readouterr().err


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_json(url: str, deadline: float) -> dict:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return json.load(response)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def test_datasette_serves_the_package_with_its_metadata(tiny, tmp_path):
    pytest.importorskip("datasette")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "vnsister.cli", "serve", str(tiny), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        rows = get_json(f"{base}/vnsister/ties_named.json?_shape=array", time.monotonic() + 60)
        assert {row["tie_id"] for row in rows} == {"T0001", "T0002", "T0003"}
        meta = get_json(f"{base}/-/metadata.json", time.monotonic() + 10)
        assert meta["license"] == "CC-BY-4.0" and meta["title"].startswith("vnsister")
        assert meta["databases"]["vnsister"]["tables"]["partnerships"]["title"]
        browser = shutil.which("chromium") or shutil.which("chromium-browser")
        if browser:
            dom = subprocess.run([browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--dump-dom",
                                  f"{base}/vnsister/ties_named"], capture_output=True, text=True, timeout=120).stdout
            assert "Beta-gu" in dom and "CC-BY-4.0" in dom
    finally:
        server.terminate()
        server.wait(timeout=20)
    # stopping the command stops Datasette with it: nothing listens on the port any more
    deadline = time.monotonic() + 20
    while True:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                break
        assert time.monotonic() < deadline, "Datasette still serves after the command was stopped"
        time.sleep(0.5)
