"""The same thing twice under another spelling: places, sources, evidence rows, and retired ids used again.

Duplicate ties are found in :mod:`vnsister.validate` with :func:`vnsister.names.tie_keys`, after the places
of both parties are mapped through :func:`canonical_places`, so that a tie duplicated through a duplicated
place is caught too.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit

import pandas as pd

from vnsister.load import error
from vnsister.names import fold_all

__all__ = ["canonical_places", "check_duplicates", "normalise_url"]

Errors = list[dict[str, object]]
# Query parameters that only track a click; two URLs that differ only in them are the same page.
TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|gclsrc|dclid|msclkid|mc_cid|mc_eid|yclid|igshid|_ga|_gl)$", re.I)
KEYS = {"places": "place_id", "partnerships": "tie_id", "events": "event_id", "sources": "source_id",
        "evidence": "evidence_id", "coverage_checks": "check_row_id"}


def normalise_url(url: str) -> str:
    """The URL with what does not change the page removed: scheme, host case, a trailing dot or slash,
    tracking parameters, the fragment.

    Examples
    --------
    >>> normalise_url("HTTP://News.Example.ORG./a/b/?utm_source=x&id=3#top")
    'news.example.org/a/b?id=3'
    """
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").rstrip(".").lower()
    port = f":{parts.port}" if parts.port and parts.port not in (80, 443) else ""
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING.match(k)]
    path = parts.path.rstrip("/")
    return f"{host}{port}{path}" + (f"?{urlencode(sorted(query))}" if query else "")


def canonical_places(places: pd.DataFrame) -> dict[str, str]:
    """Place id -> the id of the first place (in table order) that shares its folded id, or its country, level,
    parent and a folded name (local, English or ASCII); itself if none. Under this map a tie duplicated through a
    duplicated place shows as a duplicate tie."""
    table = places.drop_duplicates("place_id").reset_index(drop=True)
    base = (table["country"].astype(str) + "|" + table["level"].astype(str) + "|"
            + table["parent_id"].astype("string").fillna("").astype(str) + "|")
    unique = "\0" + table["place_id"].astype(str)  # a missing name matches nothing
    keys = [fold_all(table["place_id"])] + [base + fold_all(table[c]).fillna(unique)
                                            for c in ("name_local", "name_en", "name_ascii")]
    order = pd.Series(range(len(table)))
    first = pd.concat([order.groupby(key.to_numpy()).transform("min") for key in keys], axis=1).min(axis=1)
    return dict(zip(table["place_id"].astype(str), table["place_id"].astype(str).to_numpy()[first.to_numpy()], strict=True))


def check_duplicates(frames: dict[str, pd.DataFrame], canonical: dict[str, str] | None = None) -> Errors:
    """Row-level errors for places, sources and evidence rows that repeat an earlier row under another
    spelling or id, and for table rows that carry a retired id."""
    return (_duplicate_places(frames["places"], canonical) + _duplicate_sources(frames["sources"])
            + _duplicate_evidence(frames["evidence"]) + _retired_ids_reused(frames))


def _duplicate_places(places: pd.DataFrame, canonical: dict[str, str] | None = None) -> Errors:
    mapping = canonical if canonical is not None else canonical_places(places)
    line = dict(zip(places["place_id"], places.index, strict=True))
    return [error("places", int(line[place]), "place_id", place,
                  f"duplicate place: same country, level, parent and name as {first} (row {line[first]}), "
                  "apart from diacritics, case or spacing")
            for place, first in mapping.items() if first != place]


def normalise_urls(urls: pd.Series) -> pd.Series:
    """:func:`normalise_url` for a column: plain URLs (no query, fragment, port or user) vectorised, the rest
    one by one."""
    parts = urls.astype("string").str.extract(r"^[A-Za-z][A-Za-z0-9+.-]*://([^/?#:@]*)([^?#]*)$")
    plain = parts[0].notna()
    keys = parts[0].str.lower().str.rstrip(".") + parts[1].str.rstrip("/")
    rest = urls[~plain.to_numpy()]
    keys[~plain] = [normalise_url(str(u)) for u in rest]
    return keys.astype(object)


def _duplicate_sources(sources: pd.DataFrame) -> Errors:
    first: dict[str, tuple[int, str]] = {}
    errors: Errors = []
    normalised = normalise_urls(sources["url"])
    for line, source_id, url, key in zip(sources.index, sources["source_id"], sources["url"], normalised, strict=True):
        if key in first and first[key][1] != source_id:
            errors.append(error("sources", int(line), "url", url,
                                f"duplicate source: same page as {first[key][1]} (row {first[key][0]}) apart from "
                                "scheme, host case, trailing slash or tracking parameters"))
        first.setdefault(key, (int(line), str(source_id)))
    return errors


def _duplicate_evidence(evidence: pd.DataFrame) -> Errors:
    columns = ["source_id", "tie_id", "event_id"]
    repeated = evidence[evidence.duplicated(columns, keep="first")]
    firsts = evidence.drop_duplicates(columns).set_index(columns)["evidence_id"]
    errors: Errors = []
    for line, row in repeated.iterrows():
        earlier = firsts.get((row["source_id"], row["tie_id"], row["event_id"]), "an earlier row")
        errors.append(error("evidence", int(line), "evidence_id", row["evidence_id"],
                            f"duplicate evidence: same source, tie and event as {earlier}"))
    return errors


def _retired_ids_reused(frames: dict[str, pd.DataFrame]) -> Errors:
    retired = frames.get("retired_ids")
    if retired is None or retired.empty:
        return []
    when = retired.set_index("id")["version"].to_dict()
    errors: Errors = []
    for table, key in KEYS.items():
        frame = frames[table]
        for line in frame.index[frame[key].isin(when)]:
            value = frame.at[line, key]
            errors.append(error(table, int(line), key, value,
                                f"id {value} was retired in {when[value]} (dataset/retired_ids.csv); ids are never reused"))
    return errors
