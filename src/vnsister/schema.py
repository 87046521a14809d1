"""Table schemas: read once from ``schemas/*.json``; pandera schemas and type casts derive from them."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd

if TYPE_CHECKING:  # pandera is imported only when a schema is built (validation), not by `import vnsister`
    import pandera.pandas as pa

from vnsister._resources import DESCRIPTOR, package_file, resolve_root
from vnsister.errors import PackageError

TableName = Literal["places", "partnerships", "events", "sources", "evidence", "published_findings", "retired_ids",
                    "coordinates", "coverage_checks", "dated_pages"]
TABLES: tuple[TableName, ...] = ("places", "partnerships", "events", "sources", "evidence", "published_findings",
                                 "retired_ids", "coordinates", "coverage_checks", "dated_pages")
# Tables that may hold no rows (a package may record no events, compare no findings, retire nothing, locate
# nothing, run no coverage check, keep no dated page outside its sources); a header-only places, partnerships,
# sources or evidence table is an error (everything else refers to them).
MAY_BE_EMPTY: tuple[TableName, ...] = ("events", "published_findings", "retired_ids", "coordinates", "coverage_checks",
                                       "dated_pages")
STRING = pd.StringDtype("pyarrow")


def lookup(keys: pd.Series, mapping: pd.Series) -> pd.Series:
    """``keys.map(mapping)`` for string keys and a uniquely indexed ``mapping``, in one vectorised pass.

    pandas maps pyarrow-backed strings one Python object at a time; pyarrow's ``index_in`` finds every key's
    position in C. Keys not in the mapping (and missing keys) give a missing value; the mapping's dtype is kept.

    Examples
    --------
    >>> mapping = pd.Series([1.5, 2.5], index=pd.Index(["a", "b"], dtype=STRING))
    >>> lookup(pd.Series(["b", "z", None, "a"], dtype=STRING), mapping).tolist()
    [2.5, nan, nan, 1.5]
    """
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    left = pa.array(keys.astype(STRING).array)
    pool = pa.array(pd.Series(mapping.index, dtype=STRING).array)
    position = pc.fill_null(pc.index_in(left, value_set=pool), -1).to_numpy(zero_copy_only=False)
    found = position >= 0
    taken = mapping.iloc[np.where(found, position, 0)].set_axis(keys.index)
    return taken.where(pd.Series(found, index=keys.index))


def member(values: pd.Series, allowed: Iterable[object]) -> pd.Series:
    """``values.isin(allowed)`` for large sets of strings, in one vectorised pass.

    pandas' ``isin`` on pyarrow-backed strings turns every allowed value into a scalar one at a time, which
    dominates validation time at a million rows; pyarrow's ``is_in`` does the same test in C.

    Examples
    --------
    >>> member(pd.Series(["a", "b", None], dtype=STRING), {"a"}).tolist()
    [True, False, False]
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    if isinstance(allowed, (pd.Series, pd.Index)):
        pool = pa.array(pd.Series(allowed, dtype=object).dropna().astype(STRING).array)
    else:
        pool = pa.array([str(v) for v in allowed], type=pa.string())
    left = pa.array(values.astype(STRING).array)  # pyarrow-backed strings convert without copying
    found = pc.is_in(left, value_set=pool, skip_nulls=True)
    return pd.Series(found.fill_null(False).to_numpy(zero_copy_only=False), index=values.index, dtype=bool)


@lru_cache(maxsize=16)
def _read_json(path: str) -> dict[str, Any]:
    file = Path(path)
    if not file.is_file():
        raise PackageError(f"{file.name} is missing (looked for {file})")
    try:
        value = json.loads(file.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise PackageError(f"{file.name} is not UTF-8 text (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise PackageError(f"{file.name} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    if not isinstance(value, dict):
        raise PackageError(f"{file.name} must hold a JSON object, not {type(value).__name__}")
    return value


def descriptor(path: str | Path | None = None) -> dict[str, Any]:
    """Return the ``datapackage.json`` descriptor of the data package at ``path`` (default: shipped).

    Raises :class:`~vnsister.errors.PackageError` when it is missing, not valid JSON or has no resource list.
    """
    value = _read_json(str(resolve_root(path) / DESCRIPTOR))
    if not isinstance(value.get("resources"), list):
        raise PackageError(f"{DESCRIPTOR} has no list of resources")
    return value


def resource(name: str, path: str | Path | None = None) -> dict[str, Any]:
    """Return the descriptor entry of one resource (``PackageError`` if it is not listed)."""
    for entry in descriptor(path)["resources"]:
        if isinstance(entry, dict) and entry.get("name") == name:
            return entry
    raise PackageError(f"{DESCRIPTOR} lists no resource named {name!r}")


def table_path(name: str, path: str | Path | None = None) -> Path:
    """The CSV file of one resource, refused unless it lies inside the package directory."""
    return package_file(resolve_root(path), resource(name, path).get("path"), f"resource {name}")


def _schema_path(name: str, path: str | Path | None = None) -> Path:
    return package_file(resolve_root(path), resource(name, path).get("schema"), f"schema of resource {name}")


def table_schema(name: str, path: str | Path | None = None) -> dict[str, Any]:
    """Return the Table Schema (a dict) of one resource, read from its ``schemas/*.json`` file."""
    schema = _read_json(str(_schema_path(name, path)))
    if not isinstance(schema.get("fields"), list):
        raise PackageError(f"schema of resource {name} has no list of fields")
    return schema


def fields(name: str, path: str | Path | None = None) -> list[dict[str, Any]]:
    """Return the field descriptors of one table, in column order."""
    return table_schema(name, path)["fields"]


def field_names(name: str, path: str | Path | None = None) -> list[str]:
    """Return the column names of one table, in order."""
    return [field["name"] for field in fields(name, path)]


def enum_values(name: str, field: str, path: str | Path | None = None) -> list[str]:
    """Return the allowed values of an enumerated field (e.g. ``enum_values("partnerships", "tie_type")``)."""
    for entry in fields(name, path):
        if entry["name"] == field:
            return list(entry.get("constraints", {}).get("enum", []))
    raise KeyError(f"no field {field!r} in {name}")


def is_required(field: dict[str, Any]) -> bool:
    return bool(field.get("constraints", {}).get("required", False))


def pandas_dtype(field: dict[str, Any]) -> Any:
    """The pandas dtype a field is cast to when loading."""
    if field["type"] == "integer":
        return "int64" if is_required(field) else "Int64"
    if field["type"] == "number":
        return "float64"
    if field["type"] == "date":
        return "datetime64[ns]"
    if "enum" in field.get("constraints", {}):
        return pd.CategoricalDtype(field["constraints"]["enum"])
    return STRING


@lru_cache(maxsize=16)
def _pandera_schema(schema_path: str) -> pa.DataFrameSchema:
    """The pandera schema of a Table Schema file, built from its fields and constraints (the Table Schema
    constraints map one to one onto pandera checks; building them here avoids importing frictionless)."""
    import pandera.pandas as pa

    table_schema = _read_json(schema_path)
    primary = set(table_schema.get("primaryKey", []))
    columns = {}
    for field in table_schema["fields"]:
        constraints = field.get("constraints", {})
        checks = []
        if "pattern" in constraints:
            checks.append(pa.Check.str_matches(f"^(?:{constraints['pattern']})$"))  # Table Schema patterns match whole values
        if "enum" in constraints:
            checks.append(pa.Check.isin(constraints["enum"]))
        if "minimum" in constraints or "maximum" in constraints:
            checks.append(pa.Check.in_range(constraints.get("minimum", float("-inf")), constraints.get("maximum", float("inf"))))
        # Nothing is coerced: casting happens once, in cast_table, where every failure becomes a row-level error.
        columns[field["name"]] = pa.Column(pandas_dtype(field), checks=checks, coerce=False,
                                           nullable=not (is_required(field) or field["name"] in primary),
                                           unique=bool(constraints.get("unique")) or [field["name"]] == list(primary),
                                           title=field.get("title"), description=field.get("description"))
    return pa.DataFrameSchema(columns, coerce=False)


def pandera_schema(name: str, path: str | Path | None = None) -> pa.DataFrameSchema:
    """Return the pandera schema of one table, derived from its Table Schema JSON (cached).

    Examples
    --------
    >>> schema = pandera_schema("partnerships")
    >>> "tie_type" in schema.columns
    True
    """
    return _pandera_schema(str(_schema_path(name, path)))


# What a cell must look like before it is converted (RE2 syntax, whole cell)
_SHAPES = {"integer": r"^[+-]?\d{1,18}$", "number": r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$",
           "date": r"^\d{4}-\d{2}-\d{2}$"}
_LAST_NANOSECOND_DAY = dt.datetime(2262, 4, 11)  # datetime64[ns] ends here; later dates are reported, not cast


def cast_column(series: pd.Series, field: dict[str, Any]) -> tuple[pd.Series, pd.Series | None]:
    """Cast a column of raw strings (empty cells already missing, as ``read_raw_table`` gives them) to the
    field's dtype, in pyarrow (pandas would convert cell by cell through Python objects).

    Returns the cast column and a boolean mask of the non-empty cells that could not be cast (``None`` for
    plain text, which always casts, and when every cell casts).

    Examples
    --------
    >>> cells = pd.Series(["2024-02-29", "2023-02-30", None, "29/02/2024"], dtype=STRING)
    >>> cast, bad = cast_column(cells, {"name": "day", "type": "date"})
    >>> int(cast[0].day), bad.tolist()
    (29, [False, True, False, True])
    """
    import pyarrow as arrow
    import pyarrow.compute as compute

    raw = series if series.dtype == STRING else series.astype(STRING)
    if field["type"] == "string" and "enum" not in field.get("constraints", {}):
        return raw, None
    cells = arrow.array(raw.array)
    present = compute.is_valid(cells)
    dtype = pandas_dtype(field)
    if field["type"] in _SHAPES:
        shaped = compute.fill_null(compute.match_substring_regex(cells, _SHAPES[field["type"]]), False)
        cells = compute.if_else(shaped, cells, arrow.scalar(None, arrow.string()))
    if field["type"] == "integer":
        ints = compute.cast(cells, arrow.int64()).to_pandas(types_mapper={arrow.int64(): pd.Int64Dtype()}.get)
        cast = pd.Series(ints.array, index=series.index)
        if dtype == "int64" and not cast.isna().any():
            cast = cast.astype("int64")
    elif field["type"] == "number":
        cast = pd.Series(compute.cast(cells, arrow.float64()).to_numpy(zero_copy_only=False), index=series.index)
    elif field["type"] == "date":
        days = compute.strptime(cells, format="%Y-%m-%d", unit="s", error_is_null=True)
        # strptime rolls 2023-02-30 over into March: a real day prints back as the same text
        real = compute.equal(compute.strftime(days, format="%Y-%m-%d"), cells)
        in_range = compute.and_(real, compute.less(days, arrow.scalar(_LAST_NANOSECOND_DAY, arrow.timestamp("s"))))
        days = compute.if_else(in_range, days, arrow.scalar(None, arrow.timestamp("s")))
        cast = pd.Series(days.cast(arrow.timestamp("ns")).to_numpy(zero_copy_only=False), index=series.index)
    elif isinstance(dtype, pd.CategoricalDtype):
        allowed = arrow.array(list(dtype.categories), type=arrow.string())
        codes = compute.fill_null(compute.index_in(cells, value_set=allowed), -1).to_numpy(zero_copy_only=False)
        cast = pd.Series(pd.Categorical.from_codes(codes, dtype=dtype), index=series.index)
    else:
        return raw, None
    bad = present.to_numpy(zero_copy_only=False) & cast.isna().to_numpy()
    return cast, (pd.Series(bad, index=series.index) if bad.any() else None)
