"""Tables written for spreadsheets and other tools: the flat table of ties, with cells that a spreadsheet would
execute neutralised.

A text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by Excel,
LibreOffice and Google Sheets as a formula ("CSV injection"). Following the OWASP recommendation, every
export that writes CSV prefixes such cells with a single quote, which spreadsheets show as text; numbers are
left as they are.
"""

from __future__ import annotations

import pandas as pd

from vnsister.load import Dataset

__all__ = ["FLAT_COLUMNS", "FORMULA_PREFIXES", "flat_table", "spreadsheet_safe", "write_flat"]

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells cannot start a spreadsheet formula.

    Examples
    --------
    >>> safe = spreadsheet_safe(pd.DataFrame({"name": ["Hà Nội", "=1+2", "@SUM(A1)"], "n": [-1, 2, 3]}))
    >>> safe["name"].tolist(), safe["n"].tolist()
    (['Hà Nội', "'=1+2", "'@SUM(A1)"], [-1, 2, 3])
    """
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or isinstance(out[column].dtype, pd.StringDtype):
            text = out[column]
            risky = text.map(lambda v: isinstance(v, str) and v.startswith(FORMULA_PREFIXES))
            out[column] = text.where(~risky, "'" + text.astype(str))
    return out


FLAT_COLUMNS = [
    "tie_id", "vn_name_en", "vn_name_local", "vn_place_id", "vn_level", "vn_party", "vn_agency", "vn_body",
    "vn_province", "vn_province_2025", "partner_name_en", "partner_name_local", "partner_place_id", "partner_level",
    "partner_party", "partner_agency", "partner_body", "partner_province", "partner_country", "partner_country_name", "tie_type",
    "tie_type_wording", "type_basis", "established", "established_from", "start_earliest", "start_latest",
    "attested_by", "start_basis", "last_attested", "status", "ended", "known_from", "purposes", "events", "sources",
]


def flat_table(ds: Dataset) -> pd.DataFrame:
    """One row per tie with everything a spreadsheet user needs, no joins: both parties' names, levels and
    provinces (the Vietnamese one also on the 2025 map), the body that signs for each side (``vn_body``,
    ``partner_body``: ``government``, ``council`` or the agency's kind, :func:`vnsister.agencies.signing_body`),
    the partner country by name, type and what it rests on
    (``type_basis``: ``document`` or ``description``, :func:`vnsister.provenance.type_basis`), dates with their
    bounds as full ISO days (so that tools infer dates, not integers) and what bounds the start (``start_basis``:
    ``established``, ``evidence``, ``page order`` or ``none``, as in :func:`vnsister.timeline.tie_timeline`),
    status, purposes, and counts of events and sources.

    Examples
    --------
    >>> flat = flat_table(load())
    >>> len(flat) == len(load().partnerships), flat.columns[:3].tolist()
    (True, ['tie_id', 'vn_name_en', 'vn_name_local'])
    """
    from vnsister.agencies import signing_body
    from vnsister.provenance import type_basis
    from vnsister.report import country_names
    from vnsister.timeline import tie_timeline

    ties = ds.ties()
    successors = ds.successors()
    timeline = tie_timeline(ds).set_index("tie_id")
    days = timeline[["start_earliest", "start_latest", "attested_by", "last_attested"]].apply(
        lambda column: column.dt.strftime("%Y-%m-%d"))
    purposes = ds.events.dropna(subset=["purposes"]).groupby("tie_id")["purposes"].agg(
        lambda values: ";".join(sorted({tag for value in values for tag in str(value).split(";")})))
    out = ties.assign(
        vn_province=ties["vn_province_name_local"],
        vn_province_2025=ties["vn_province_id"].map(lambda p: successors.get(p, p)).map(
            ds.places.set_index("place_id")["name_local"]),
        partner_province=ties["partner_province_name_en"],
        partner_country_name=ties["partner_country"].map(country_names()),
        purposes=ties["tie_id"].map(purposes).fillna(""),
        events=ties["tie_id"].map(ds.events.groupby("tie_id").size()).fillna(0).astype(int),
        sources=ties["tie_id"].map(ds.evidence.groupby("tie_id")["source_id"].nunique()).fillna(0).astype(int),
        start_basis=ties["tie_id"].map(timeline["basis"]),
        type_basis=ties["tie_id"].map(type_basis(ds)),
        vn_body=signing_body(ties),
        partner_body=signing_body(ties, side="partner"),
    ).join(days, on="tie_id")
    return out[FLAT_COLUMNS].reset_index(drop=True)


def write_flat(ds: Dataset, target: str) -> list[str]:
    """Write :func:`flat_table` as ``<target>.csv`` (UTF-8) and ``<target>.xlsx``, formulas neutralised."""
    table = spreadsheet_safe(flat_table(ds).astype(object).where(lambda t: t.notna(), ""))
    paths = [f"{target}.csv", f"{target}.xlsx"]
    table.to_csv(paths[0], index=False, encoding="utf-8")
    table.to_excel(paths[1], index=False, sheet_name="ties", engine="openpyxl")
    return paths
