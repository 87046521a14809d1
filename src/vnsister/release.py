"""Release integrity and citation: file hashes, canonical rebuilds, diffs between releases, citations."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from vnsister import schema as sch
from vnsister._resources import DESCRIPTOR, resolve_root
from vnsister.load import error, read_raw_table

__all__ = ["build", "check_integrity", "citation", "diff"]

KEYS = {"places": "place_id", "partnerships": "tie_id", "events": "event_id", "sources": "source_id",
        "evidence": "evidence_id", "published_findings": "finding_id", "retired_ids": "id",
        "coordinates": "place_id", "coverage_checks": "check_row_id", "dated_pages": "page_id"}


def file_stats(path: Path) -> tuple[int, str]:
    """Byte size and ``sha256:<hex>`` hash of a file, as Frictionless writes them."""
    data = path.read_bytes()
    return len(data), "sha256:" + hashlib.sha256(data).hexdigest()


def check_integrity(path: str | Path | None = None) -> list[dict[str, object]]:
    """Errors for every resource whose size or hash differs from ``datapackage.json`` (names the file)."""
    root = resolve_root(path)
    errors: list[dict[str, object]] = []
    for entry in sch.descriptor(root)["resources"]:
        target = sch.table_path(entry["name"], root)
        if not target.is_file() or ("hash" not in entry and "bytes" not in entry):
            continue
        size, digest = file_stats(target)
        if entry.get("hash") and entry["hash"] != digest:
            errors.append(error(entry["name"], None, "", entry["path"],
                                f"file {entry['path']} changed: its sha256 differs from datapackage.json "
                                f"({entry['bytes']} bytes recorded, {size} now); run `vnsister build` if intended"))
        elif entry.get("bytes") is not None and entry["bytes"] != size:
            errors.append(error(entry["name"], None, "", entry["path"],
                                f"file {entry['path']} changed: {size} bytes, datapackage.json says {entry['bytes']}"))
    return errors


def canonical_csv(frame: pd.DataFrame, columns: list[str], key: str) -> bytes:
    """A table written the one way vnsister writes tables: sorted by key, UTF-8, LF, minimal quoting."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    ordered = frame.sort_values(key, kind="stable")
    writer.writerows(ordered[columns].itertuples(index=False, name=None))
    return buffer.getvalue().encode("utf-8")


def build(path: str | Path | None = None) -> list[str]:
    """Rewrite tables canonically, refresh sizes and hashes in ``datapackage.json`` and the data dictionary
    (``docs/data-dictionary.md``, in a checkout); return the files changed.

    Idempotent: a second run changes nothing. Cell contents are never altered (rows are only sorted by key and
    re-quoted), and a table that cannot be read stops the build.
    """
    root = resolve_root(path)
    descriptor_path = root / DESCRIPTOR
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    changed = []
    for entry in descriptor["resources"]:
        raw, errors = read_raw_table(entry["name"], root)
        if raw is None or errors:
            raise ValueError(f"cannot build: {errors[0]['message']} in {entry['path']}")
        data = canonical_csv(raw.fillna(""), sch.field_names(entry["name"], root), KEYS[entry["name"]])
        target = sch.table_path(entry["name"], root)
        if target.read_bytes() != data:
            target.write_bytes(data)
            changed.append(entry["path"])
        entry["bytes"], entry["hash"] = file_stats(target)
    text = json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
    if descriptor_path.read_text(encoding="utf-8") != text:
        descriptor_path.write_text(text, encoding="utf-8")
        changed.append(DESCRIPTOR)
    sch._read_json.cache_clear()
    dictionary = root / "docs" / "data-dictionary.md"
    if dictionary.parent.is_dir():  # a repository checkout: the data dictionary derives from the schemas too
        from vnsister.docs import data_dictionary

        text = data_dictionary(root)
        if not dictionary.is_file() or dictionary.read_text(encoding="utf-8") != text:
            dictionary.write_text(text, encoding="utf-8")
            changed.append("docs/data-dictionary.md")
    return changed


def _table(root: Path, name: str) -> pd.DataFrame:
    raw, errors = read_raw_table(name, root)
    if raw is None:
        raise ValueError(f"cannot read {name} in {root}: {errors[0]['message']}")
    return raw.fillna("").set_index(KEYS[name])


def diff(old: str | Path | None, new: str | Path | None) -> dict[str, dict[str, list[Any]]]:
    """Added, removed and changed rows of ties, places, events and sources between two data packages, and the
    columns one has that the other lacks (a release that adds a column says so; its values are not a change of
    every row).

    ``None`` stands for the release installed with vnsister. Changes list the fields that differ.

    Examples
    --------
    >>> report = diff(None, None)
    >>> report["partnerships"]["added"], report["partnerships"]["changed"]
    ([], [])
    """
    old_root, new_root = resolve_root(old), resolve_root(new)
    out: dict[str, dict[str, list[Any]]] = {}
    for name in ("partnerships", "places", "events", "sources"):
        before, after = _table(old_root, name), _table(new_root, name)
        common = before.index.intersection(after.index)
        shared_cols = [c for c in after.columns if c in before.columns]
        changed = []
        for key in common:
            fields = [c for c in shared_cols if before.at[key, c] != after.at[key, c]]
            if fields:
                changed.append({"id": key, "fields": {c: [before.at[key, c], after.at[key, c]] for c in fields}})
        out[name] = {"added": sorted(after.index.difference(before.index)),
                     "removed": sorted(before.index.difference(after.index)), "changed": changed,
                     "columns_added": [c for c in after.columns if c not in before.columns],
                     "columns_removed": [c for c in before.columns if c not in after.columns]}
    return out


def diff_text(report: dict[str, dict[str, list[Any]]]) -> str:
    """A readable summary of :func:`diff`."""
    lines = []
    for name, parts in report.items():
        lines.append(f"{name}: {len(parts['added'])} added, {len(parts['removed'])} removed, "
                     f"{len(parts['changed'])} changed")
        lines += [f"  column added: {c}" for c in parts.get("columns_added", [])]
        lines += [f"  column removed: {c}" for c in parts.get("columns_removed", [])]
        for change in parts["changed"]:
            fields = "; ".join(f"{c}: {a!r} -> {b!r}" for c, (a, b) in change["fields"].items())
            lines.append(f"  ~ {change['id']}: {fields}")
        for key in parts["removed"]:
            lines.append(f"  - {key}")
    return "\n".join(lines)


def citation(fmt: Literal["apa", "bibtex", "cff"] = "apa", path: str | Path | None = None) -> str:
    """The citation of a data release (default: the installed one), from its ``datapackage.json``.

    Examples
    --------
    >>> "@misc{vnsister" in citation("bibtex")
    True
    """
    meta = sch.descriptor(path)
    authors = " and ".join(c["title"] for c in meta.get("contributors", [])) or "vnsister contributors"
    version, title, date = meta["version"], meta["title"], meta.get("last_updated", "")
    year = date[:4]
    if fmt == "bibtex":
        key = f"vnsister_{version.replace('.', '_')}"
        return (f"@misc{{{key},\n  author = {{{{{authors}}}}},\n  title = {{{title}}},\n  version = {{{version}}},\n"
                f"  year = {{{year}}},\n  date = {{{date}}},\n  note = {{Data package, CC BY 4.0}}\n}}")
    if fmt == "cff":
        return (f'cff-version: 1.2.0\nmessage: "If you use this dataset, please cite the version you used."\n'
                f'type: dataset\ntitle: "{title}"\nauthors:\n  - name: "{authors}"\nversion: "{version}"\n'
                f'date-released: "{date}"\nlicense: CC-BY-4.0\n')
    return f"{authors} ({year}). {title} (Version {version}) [Data set]."
