"""The data package as a browsable SQLite database (``vnsister export --format sqlite``, ``vnsister serve``).

Tables keep their names, columns and primary and foreign keys from ``schemas/*.json``; a view ``ties_named``
joins each tie to both parties' names, provinces and countries (the flat table of :mod:`vnsister.export`), and
full-text search covers source titles and publishers and every note. Datasette (an optional extra,
``pip install "vnsister[serve]"``) serves it with titles, descriptions and licences from ``datapackage.json``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from vnsister import schema as sch
from vnsister.load import Dataset

__all__ = ["FULL_TEXT", "datasette_metadata", "write_sqlite"]

# Columns searchable with SQLite FTS5, per table.
FULL_TEXT = {"sources": ["title", "publisher", "notes"], "evidence": ["note"], "partnerships": ["tie_type_wording", "notes"],
             "events": ["wording", "notes"]}
_SQL_TYPES = {"integer": int, "number": float, "boolean": int}


def write_sqlite(ds: Dataset, target: str | Path) -> Path:
    """Write every table, the ``ties_named`` view and full-text indexes to a new SQLite file ``target``.

    Examples
    --------
    >>> import sqlite3, tempfile
    >>> path = write_sqlite(load(), Path(tempfile.mkdtemp()) / "vnsister.db")
    >>> sqlite3.connect(path).execute("select count(*) from ties_named").fetchone()[0] == len(load().partnerships)
    True
    """
    import sqlite_utils

    from vnsister.export import flat_table

    path = Path(target)
    if path.exists():
        path.unlink()  # a fresh file: no stale tables from an earlier release
    db = sqlite_utils.Database(path)
    for name in sch.TABLES:  # referenced tables first, as the schemas list them
        _write_table(db, name, ds.tables[name], ds.root)
    db.table("ties_flat").insert_all(_records(flat_table(ds)), pk="tie_id",
                               foreign_keys=[("tie_id", "partnerships", "tie_id")])
    db.create_view("ties_named", "select * from ties_flat", replace=True)
    for table, columns in FULL_TEXT.items():
        db.table(table).enable_fts(columns, create_triggers=True)
    return path


def _write_table(db: Any, name: str, frame: pd.DataFrame, root: Path) -> None:
    table_schema = sch.table_schema(name, root)
    columns = {f["name"]: _SQL_TYPES.get(f["type"], str) for f in table_schema["fields"]}
    foreign = [(fk["fields"][0], fk["reference"]["resource"] or name, fk["reference"]["fields"][0])
               for fk in table_schema.get("foreignKeys", [])]
    db[name].create(columns, pk=table_schema["primaryKey"][0], foreign_keys=foreign, not_null=[
        f["name"] for f in table_schema["fields"] if sch.is_required(f)])
    db[name].insert_all(_records(frame))


def _records(frame: pd.DataFrame) -> list[dict[str, object]]:
    """Rows as plain Python values: text for strings and dates (ISO), None for missing."""
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = out[column].dt.strftime("%Y-%m-%d")
    out = out.astype(object).where(out.notna(), None)
    return out.to_dict("records")


def datasette_metadata(ds: Dataset, database: str = "vnsister") -> dict[str, Any]:
    """Datasette metadata: title, description, licence and source of the package, and each table's title and
    description, all from ``datapackage.json``.

    Examples
    --------
    >>> meta = datasette_metadata(load())
    >>> meta["license"], sorted(meta["databases"]["vnsister"]["tables"])[:3]
    ('CC-BY-4.0', ['coordinates', 'coverage_checks', 'dated_pages'])
    """
    package = sch.descriptor(ds.root)
    licence = (package.get("licenses") or [{}])[0]
    tables = {entry["name"]: {"title": entry.get("title", entry["name"]), "description": entry.get("description", "")}
              for entry in package["resources"]}
    tables["ties_flat"] = {"title": "Ties with names", "description": "One row per tie with both parties' names, "
                           "provinces on both maps, the partner country by name, dates and counts."}
    return {"title": f"{package.get('title', 'vnsister')} {package.get('version', '')}".strip(),
            "description": package.get("description", ""),
            "license": licence.get("name", ""), "license_url": licence.get("path", ""),
            "source": "vnsister data package", "databases": {database: {"tables": tables}}}
