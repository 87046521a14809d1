"""Reading the data package into typed pandas DataFrames."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from vnsister import schema as sch
from vnsister._resources import resolve_root
from vnsister.errors import PackageError, ValidationError

ERROR_COLUMNS = ["table", "row", "field", "value", "message"]


def error(table: str, row: int | None, field: str, value: object, message: str) -> dict[str, object]:
    """One row of an error report. ``row`` is the line number in the CSV file (header = 1)."""
    return {"table": table, "row": row, "field": field, "value": value, "message": message}


def read_raw_table(name: str, root: Path,
                   expected: list[str] | None = None) -> tuple[pd.DataFrame | None, list[dict[str, object]]]:
    """Read one CSV as strings, exactly as written (an empty cell, the package's only missing value, is NA),
    with the errors that stop it from being read.

    The frame's index is the CSV line number of each row (the header is line 1; a cell with line breaks
    makes the next row start further down). Returns ``None`` for the frame when the file cannot be parsed
    (missing, not UTF-8, a byte-order mark, a wrong delimiter, missing or extra columns).

    A well-formed file is read by pyarrow's CSV reader in one vectorised pass; anything it refuses or that looks
    odd (a blank or ragged row, an over-long field, a header that differs) is read again by the checking reader
    below, which locates every problem by line. Both give the same frame for the same good file.
    """
    path = sch.table_path(name, root)
    expected = expected or sch.field_names(name, root)
    if not path.is_file():
        return None, [error(name, None, "", str(path), "file is missing")]
    data = path.read_bytes()
    frame = None if data.startswith(b"\xef\xbb\xbf") else _read_fast(data, expected)
    if frame is not None:
        return frame, []
    return _read_checked(name, data, expected)


def _read_fast(data: bytes, expected: list[str]) -> pd.DataFrame | None:
    """The whole table through pyarrow, or None if pyarrow refuses it or it needs the checking reader."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc
    from pyarrow import csv as pacsv

    try:
        table = pacsv.read_csv(
            pa.py_buffer(data),
            parse_options=pacsv.ParseOptions(newlines_in_values=True, ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(column_types={c: pa.string() for c in expected},
                                                 strings_can_be_null=True, quoted_strings_can_be_null=True,
                                                 null_values=[""]))
    except (pa.ArrowInvalid, pa.ArrowTypeError, UnicodeDecodeError):
        return None
    if table.column_names != expected or any(not pa.types.is_string(t) for t in table.schema.types):
        return None
    breaks = np.zeros(table.num_rows, dtype=np.int64)
    newlines = data.count(b"\n")
    embedded = newlines - table.num_rows - (1 if data.endswith(b"\n") else 0)  # line breaks inside cells
    for column in table.columns:
        if len(data) > FIELD_LIMIT and table.num_rows and (pc.max(pc.utf8_length(column)).as_py() or 0) > FIELD_LIMIT:
            return None
        if embedded:
            breaks += pc.fill_null(pc.count_substring(column, "\n"), 0).to_numpy(zero_copy_only=False)
    lines = 2 + np.arange(table.num_rows) + np.concatenate([[0], np.cumsum(breaks)[:-1]]).astype(np.int64)
    frame = table.to_pandas(types_mapper=lambda t: sch.STRING if pa.types.is_string(t) else None)
    frame.index = pd.Index(lines, name="row")
    return frame


def _read_checked(name: str, data: bytes, expected: list[str]) -> tuple[pd.DataFrame | None, list[dict[str, object]]]:
    """The checking reader: the csv module, row by row, every problem with its line."""
    if data.startswith(b"\xef\xbb\xbf"):
        return None, [error(name, 1, "", "BOM", "file starts with a UTF-8 byte-order mark; save it without one")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        shown = data[exc.start : exc.start + 4]
        return None, [error(name, line, "", repr(shown), f"not valid UTF-8 at byte {exc.start}")]
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[list[str]] = []
    try:
        rows.extend(reader)
    except csv.Error as exc:
        # reader.line_num is the physical line where parsing stopped; the record began after the last good one
        start = 1 + sum(1 + sum(cell.count("\n") for cell in row) for row in rows)
        hint = " (an unclosed quote?)" if "unexpected end of data" in str(exc) else ""
        return None, [error(name, start, "", "", f"cannot parse CSV from line {start} (stopped at line "
                                                   f"{reader.line_num}): {exc}{hint}")]
    if not rows:
        return None, [error(name, 1, "", "", "file is empty; expected a header row")]
    starts = _row_lines(rows)
    errors = _long_fields(name, rows, starts)
    if errors:
        return None, errors
    header_errors = check_header(name, rows[0], expected)
    if header_errors:
        return None, header_errors
    good_rows, line_numbers = [], []
    for line, row in zip(starts[1:], rows[1:], strict=True):
        if len(row) == len(expected):
            good_rows.append(row)
            line_numbers.append(line)
        elif not row:
            errors.append(error(name, line, "", "", "blank row"))
        else:
            errors.append(error(name, line, "", ",".join(row)[:80],
                                f"row has {len(row)} fields, the header has {len(expected)}"))
    frame = pd.DataFrame(good_rows, columns=expected, index=pd.Index(line_numbers, name="row", dtype="int64"),
                         dtype=sch.STRING)
    return frame.mask(frame.eq("")), errors


def _row_lines(rows: list[list[str]]) -> list[int]:
    """The line on which each parsed row starts (line breaks inside quoted cells push later rows down)."""
    starts, line = [], 1
    for row in rows:
        starts.append(line)
        line += 1 + sum(cell.count("\n") for cell in row)
    return starts


# The csv module's default limit; other libraries raise it process-wide, so it is enforced here explicitly.
FIELD_LIMIT = 131_072


def _long_fields(name: str, rows: list[list[str]], starts: list[int]) -> list[dict[str, object]]:
    return [error(name, line, "", cell[:40] + "…", f"cannot parse CSV from line {line}: field larger than field "
                  f"limit ({FIELD_LIMIT} characters)")
            for line, row in zip(starts, rows, strict=True) for cell in row if len(cell) > FIELD_LIMIT]


def check_header(name: str, header: list[str], expected: list[str]) -> list[dict[str, object]]:
    """Errors for a header that differs from the schema's field list."""
    if header == expected:
        return []
    if len(header) == 1 and any(sep in header[0] for sep in ";\t|"):
        return [error(name, 1, "", header[0][:60], "wrong delimiter: the header is one column; use commas")]
    errors = [error(name, 1, col, "", "column missing from the header") for col in expected if col not in header]
    errors += [error(name, 1, col, col, "unknown column not in the schema") for col in header if col not in expected]
    if not errors:
        errors.append(error(name, 1, "", ",".join(header)[:80], f"columns out of order; expected {','.join(expected)}"))
    return errors


def cast_table(name: str, raw: pd.DataFrame, root: Path,
               specs: list[dict] | None = None) -> tuple[pd.DataFrame, list[dict[str, object]]]:
    """Cast a raw string table to the dtypes its Table Schema declares (``specs``, its fields, if already read);
    failures become row-level errors."""
    columns, errors = {}, []
    for spec in specs or sch.fields(name, root):
        cast, bad = sch.cast_column(raw[spec["name"]], spec)
        columns[spec["name"]] = cast
        if bad is None or not bad.any():
            continue
        for line in bad[bad].index:
            enum, value = spec.get("constraints", {}).get("enum"), raw.at[line, spec["name"]]
            message = f"not an allowed value; allowed: {', '.join(enum)}" if enum else _cast_message(value, spec)
            errors.append(error(name, int(line), spec["name"], value, message))
    return pd.DataFrame(columns, index=raw.index), errors


def _cast_message(value: str, spec: dict) -> str:
    """Why a cell could not be cast; a real calendar date beyond pandas' range (year 2262) is in the future."""
    if spec["type"] == "date":
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            return "cannot be read as date (use YYYY-MM-DD)"
        if day > dt.date.today():
            return f"dated in the future (after {dt.date.today()})"
    return f"cannot be read as {spec['type']}"


def _chain_ends(pointer: dict[str, str]) -> dict[str, str]:
    """For each key, the end of the chain of ``pointer`` links starting there (a cycle stops the walk; the
    validator reports it)."""
    ends = {}
    for start in pointer:
        current, seen = start, {start}
        while current in pointer and pointer[current] not in seen:
            current = pointer[current]
            seen.add(current)
        ends[start] = current
    return ends


def province_ends(places: pd.DataFrame) -> dict[str, str]:
    """Place id -> the first-level unit it lies in (its ``parent_id`` chain walked up to ``admin_level`` 1), for
    every place (a first-level place, or one without a parent, maps to itself); the one walk that the dataset and
    the validator share."""
    by_id = places.drop_duplicates("place_id").set_index("place_id")
    ends = _chain_ends(by_id["parent_id"].where(by_id["admin_level"] > 1).dropna().astype(str).to_dict())
    return {place: ends.get(place, place) for place in by_id.index}


def successor_ends(places: pd.DataFrame) -> dict[str, str]:
    """Place id -> the place that holds it on the post-2025 map (the end of its ``successor_id`` chain), for every
    place with a successor."""
    by_id = places.drop_duplicates("place_id").set_index("place_id")
    return _chain_ends(by_id["successor_id"].dropna().astype(str).to_dict())


def merged_province_ends(places: pd.DataFrame) -> dict[str, str]:
    """Place id -> the first-level unit that holds its province on the post-2025 map (:func:`province_ends`, then
    :func:`successor_ends`), for every place. Two places lie in one province, or in provinces joined by a merger or
    succession (the 2025 mergers, Huế's becoming a city, Vũng Tàu–Côn Đảo's joining Bà Rịa–Vũng Tàu), when they map
    to the same id: the rule by which a search of a province finds its partners (coverage checks).

    Examples
    --------
    >>> merged = merged_province_ends(load().places)
    >>> merged["vn-thua-thien-hue-hue"] == merged["vn-hue"] == "vn-hue", merged["vn-thai-binh"]
    (True, 'vn-hung-yen')
    """
    heir = successor_ends(places)
    return {place: heir.get(unit, unit) for place, unit in province_ends(places).items()}


def searched_party_column(country: str) -> str:
    """The ``partnerships`` column whose place a coverage check of a first-level unit of ``country`` searches from: a
    Vietnamese province is searched for its own bodies' foreign partners, a foreign unit (a check from the partner's
    side) for its bodies' Vietnamese partners.

    Examples
    --------
    >>> searched_party_column("VN"), searched_party_column("LA")
    ('vn_place_id', 'partner_place_id')
    """
    return "vn_place_id" if country == "VN" else "partner_place_id"


@dataclass
class Dataset:
    """The tables of the data package as typed DataFrames, and the release version.

    Attributes
    ----------
    places, partnerships, events, sources, evidence : pandas.DataFrame
        One frame per table, columns and dtypes as in ``schemas/*.json``; empty cells are missing values.
    published_findings, retired_ids, coordinates, coverage_checks, dated_pages : pandas.DataFrame
        The tables that may be empty, read the same way.
    version : str
        The data package's version (``datapackage.json``).
    released : str
        The release date (``created`` in ``datapackage.json``, ISO ``YYYY-MM-DD``): the default ``as_of`` of
        reports, so that the same release gives the same numbers on any day.
    root : pathlib.Path
        The directory the data were read from.
    """

    places: pd.DataFrame
    partnerships: pd.DataFrame
    events: pd.DataFrame
    sources: pd.DataFrame
    evidence: pd.DataFrame
    published_findings: pd.DataFrame
    retired_ids: pd.DataFrame
    coordinates: pd.DataFrame
    coverage_checks: pd.DataFrame
    dated_pages: pd.DataFrame
    version: str
    root: Path = field(repr=False)
    released: str = ""

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables by name."""
        return {name: getattr(self, name) for name in sch.TABLES}

    def first_level_units(self) -> pd.Series:
        """Place id -> id of the first-level unit (province, municipality, state …) containing it.

        Walks ``parent_id`` up to ``admin_level`` 1, so a commune resolves to its province, not its district.
        A first-level place (or one without a parent) maps to itself.

        Examples
        --------
        >>> units = load().first_level_units()
        >>> units["vn-quang-ninh-mong-cai-tran-phu"], units["vn-quang-ninh"]
        ('vn-quang-ninh', 'vn-quang-ninh')
        """
        return pd.Series(province_ends(self.places), name="first_level_unit", dtype=object)

    def successors(self) -> dict[str, str]:
        """Place id -> the place that holds it on the post-2025 map (the end of its successor chain).

        Examples
        --------
        >>> load().successors()["vn-thai-binh"]
        'vn-hung-yen'
        """
        return successor_ends(self.places)

    def ties(self) -> pd.DataFrame:
        """Partnerships joined with both parties' names, countries, levels and first-level units (ids and names).

        Examples
        --------
        >>> ds = load()
        >>> {"vn_name_en", "partner_country", "vn_province_id", "vn_province_name_local"} <= set(ds.ties().columns)
        True
        """
        places = self.places.set_index("place_id")
        province = self.first_level_units()
        out = self.partnerships.copy()
        for side, column in (("vn", "vn_place_id"), ("partner", "partner_place_id")):
            ids = out[column]
            out[f"{side}_name_en"] = ids.map(places["name_en"])
            out[f"{side}_name_local"] = ids.map(places["name_local"])
            out[f"{side}_country"] = ids.map(places["country"])
            out[f"{side}_level"] = ids.map(places["level"]).astype("string")
            out[f"{side}_province_id"] = ids.map(province)
            out[f"{side}_province_name_en"] = out[f"{side}_province_id"].map(places["name_en"])
            out[f"{side}_province_name_local"] = out[f"{side}_province_id"].map(places["name_local"])
        return out


def check_descriptor(root: Path) -> list[dict[str, object]]:
    """``datapackage.json`` is readable JSON and lists every table, each with a data file and a schema file
    inside the package directory. One error per problem, table ``datapackage``; no data file is opened."""
    try:
        listed = sch.descriptor(root)["resources"]
    except PackageError as exc:
        return [error("datapackage", None, "", "", str(exc))]
    errors: list[dict[str, object]] = []
    names = [entry.get("name") if isinstance(entry, dict) else None for entry in listed]
    for name in [*sch.TABLES, *(n for n in names if n not in sch.TABLES)]:
        try:
            target = sch.table_path(str(name), root)
            sch.table_schema(str(name), root)
        except PackageError as exc:
            errors.append(error("datapackage", None, "resources", name, str(exc)))
            continue
        if not target.is_file():
            errors.append(error("datapackage", None, "resources", name, f"resource {name}: data file "
                                f"{target.relative_to(root).as_posix()} is missing"))
    return errors



def read_tables(path: str | Path | None = None) -> tuple[dict[str, pd.DataFrame], list[dict[str, object]]]:
    """Read and cast every table; return the typed frames (indexed by CSV line) and all reading errors."""
    root = resolve_root(path)
    frames: dict[str, pd.DataFrame] = {}
    errors: list[dict[str, object]] = []
    for name in sch.TABLES:
        specs = sch.fields(name, root)  # resolved and checked once per table, not by every step
        raw, read_errors = read_raw_table(name, root, [spec["name"] for spec in specs])
        errors += read_errors
        if raw is None:
            continue
        if raw.empty and name not in sch.MAY_BE_EMPTY:
            errors.append(error(name, 1, "", "", "table has no rows, only a header"))
            continue
        typed, cast_errors = cast_table(name, raw, root, specs)
        errors += cast_errors
        frames[name] = typed
    return frames, errors


def load(path: str | Path | None = None) -> Dataset:
    """Load the vnsister data package.

    Parameters
    ----------
    path : str or Path, optional (default: the copy shipped with the package)
        A data-package directory or its ``datapackage.json``. Without it, the release installed with
        vnsister is read: no repository or network needed.

    Returns
    -------
    Dataset
        ``.places``, ``.partnerships``, ``.events``, ``.sources``, ``.evidence`` and ``.version``.

    Raises
    ------
    ValidationError
        If a table cannot be read or a cell cannot be cast to its declared type; ``.errors`` lists them.
        (Use :func:`vnsister.validate` for every rule, cross-table ones included.)

    Examples
    --------
    >>> ds = load()
    >>> ds.partnerships.columns[:3].tolist()
    ['tie_id', 'vn_place_id', 'vn_party']
    >>> bool((ds.places["country"] == "KR").any())
    True
    """
    root = resolve_root(path)
    errors = check_descriptor(root)
    if errors:  # nothing is read from a package whose descriptor is unusable or points outside it
        raise ValidationError(f"{root / 'datapackage.json'}: {errors[0]['message']}", pd.DataFrame(errors, columns=ERROR_COLUMNS))
    frames, errors = read_tables(root)
    if errors:
        report = pd.DataFrame(errors, columns=ERROR_COLUMNS)
        raise ValidationError(f"{len(errors)} error(s) reading {root}; first: {errors[0]}", report)
    tables = {name: frame.reset_index(drop=True) for name, frame in frames.items()}
    meta = sch.descriptor(root)
    released = str(meta.get("created") or meta.get("last_updated") or "")[:10]
    return Dataset(**tables, version=str(meta["version"]), root=root, released=released)
