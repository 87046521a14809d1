"""Where a tie's facts come from: the tie with both parties' names, how its start is bounded and its status
(by the one time rule of :mod:`vnsister.timeline`), its steps, and every source cited for it with the note that
says what that source states. A number in a paper rests on ties; this module lets a reader check each one.

>>> record = tie_record(load(), "T0001")
>>> record.tie["tie_id"], len(record.evidence) > 0
('T0001', True)
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

import pandas as pd

from vnsister.event_types import SIGNINGS
from vnsister.load import Dataset

__all__ = ["TYPE_BASES", "TieRecord", "format_record", "is_tie_id", "place_ties", "record_dict", "tie_record",
           "type_basis"]

# the evidence columns a reader needs, each citation with its source
EVIDENCE_COLUMNS = ["evidence_id", "event_id", "stance", "note", "source_id", "url", "title", "publisher", "published",
                    "published_from", "published_by", "anchor_id", "lateness_days", "language"]
# What a tie's type rests on (:func:`type_basis`)
TYPE_BASES: tuple[str, ...] = ("document", "description")
PLACE_TIE_COLUMNS = ["tie_id", "vn_name_local", "vn_level", "vn_party", "partner_name_en", "partner_name_local",
                     "partner_country", "partner_party", "tie_type", "established", "began_by", "status", "sources"]


@dataclass(frozen=True)
class TieRecord:
    """One tie and everything cited for it."""

    tie: pd.Series  # the tie with both parties' names and provinces (``Dataset.ties()``)
    timeline: pd.Series  # start bounds, earliest and latest dated evidence, basis and status (``tie_timeline``)
    events: pd.DataFrame  # its steps, dated ones first in date order
    evidence: pd.DataFrame  # each citation (of the tie or of one step) with its source and page-order bound


def tie_record(ds: Dataset, tie_id: str) -> TieRecord:
    """The record of one tie; an unknown id raises ``ValueError`` with the closest ids, a retired one says what
    replaced it and why (ids are never reused).

    Examples
    --------
    >>> ds = load()
    >>> record = tie_record(ds, "T0434")
    >>> record.tie["partner_place_id"], sorted(set(record.evidence["stance"]))
    ('jp-mimasaka', ['conflicts', 'supports'])
    >>> tie_record(ds, "T0071")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: tie_id='T0071' was retired in release 0.3.0 (duplicate of T0016 ...); see T0016
    """
    from vnsister.timeline import page_order, tie_timeline

    _check_tie_id(ds, tie_id)
    tie = ds.ties().set_index("tie_id", drop=False).loc[tie_id]
    timeline = tie_timeline(ds).set_index("tie_id").loc[tie_id]
    events = ds.events[ds.events["tie_id"].eq(tie_id)].copy()
    events = events.assign(_undated=events["date"].isna()).sort_values(["_undated", "date", "event_id"])
    evidence = ds.evidence[ds.evidence["tie_id"].eq(tie_id)].merge(ds.sources, on="source_id", how="left")
    order = page_order(ds)[["source_id", "published_by", "anchor_id", "lateness_days"]]
    evidence = evidence.merge(order, on="source_id", how="left")
    return TieRecord(tie, timeline, events.drop(columns="_undated").reset_index(drop=True),
                     evidence[EVIDENCE_COLUMNS].reset_index(drop=True))


def record_dict(record: TieRecord) -> dict[str, object]:
    """A tie's record as plain values for JSON: days as ISO dates, anything missing as None.

    Examples
    --------
    >>> record = record_dict(tie_record(load(), "T0434"))
    >>> record["timeline"]["attested_by"], record["timeline"]["basis"], record["tie"]["partner_place_id"]
    ('2022-08-12', 'page order', 'jp-mimasaka')
    >>> record_dict(tie_record(load(), "T0064"))["timeline"]["began_by"] is None
    True
    """
    return {"tie": _plain(record.tie.to_dict()), "timeline": _plain(record.timeline.to_dict()),
            "events": [_plain(row) for row in record.events.to_dict(orient="records")],
            "evidence": [_plain(row) for row in record.evidence.to_dict(orient="records")]}


def _plain(row: dict) -> dict[str, object]:
    """Values JSON can hold: a timestamp as its ISO day, a missing value (NaT, NA, NaN) as None."""
    return {str(key): None if _missing(value) else _day(value) if isinstance(value, pd.Timestamp) else
            value.item() if hasattr(value, "item") else value for key, value in row.items()}


def _missing(value: object) -> bool:
    return not isinstance(value, (list, tuple, dict)) and bool(pd.isna(value))


def is_tie_id(text: object) -> bool:
    """True if ``text`` has the form the schema gives tie ids (``schemas/partnerships.json``).

    >>> is_tie_id("T0434"), is_tie_id("Hà Nội"), is_tie_id("t0434")
    (True, False, False)
    """
    from vnsister.schema import fields

    pattern = next(f for f in fields("partnerships") if f["name"] == "tie_id")["constraints"]["pattern"]
    return isinstance(text, str) and re.fullmatch(pattern, text) is not None


def _check_tie_id(ds: Dataset, tie_id: object) -> None:
    if not is_tie_id(tie_id):
        raise ValueError(f"tie_id={tie_id!r} is not a tie id: use T followed by digits, e.g. 'T0001'")
    known = set(ds.partnerships["tie_id"])
    if tie_id in known:
        return
    retired = ds.retired_ids[ds.retired_ids["id"].eq(tie_id)]
    if len(retired):
        row = retired.iloc[0]
        see = f"; see {row['replaced_by']}" if pd.notna(row["replaced_by"]) else ""
        raise ValueError(f"tie_id={tie_id!r} was retired in release {row['version']} ({row['reason']}){see}")
    close = difflib.get_close_matches(tie_id, sorted(known), n=3, cutoff=0.75)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise ValueError(f"tie_id={tie_id!r} is not in release {ds.version}{hint}")


def place_ties(ds: Dataset, place: str) -> pd.DataFrame:
    """The ties of a place, given by its id or by any of its names (diacritics and case do not matter), with the
    ties of the places inside a province; each with both names, who signs on each side (government, council or
    agency: several ties of one pair are different bodies' relations), type, established date, the day by which it
    certainly existed (``began_by``), status and the number of sources cited.

    Examples
    --------
    >>> ds = load()
    >>> place_ties(ds, "mimasaka")["tie_id"].tolist() == place_ties(ds, "jp-mimasaka")["tie_id"].tolist()
    True
    >>> place_ties(ds, "Victoria")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: place='Victoria' may stand for several places: 'au-victoria', 'sc-victoria'; give the place id
    """
    from vnsister.timeline import tie_timeline

    place_id = _place_id(ds, place)
    ties = ds.ties()
    inside = ties[["vn_place_id", "partner_place_id", "vn_province_id", "partner_province_id"]].eq(place_id).any(axis=1)
    chosen = ties[inside].merge(tie_timeline(ds)[["tie_id", "began_by"]], on="tie_id", how="left")
    counts = ds.evidence.groupby("tie_id")["source_id"].nunique()
    chosen = chosen.assign(sources=chosen["tie_id"].map(counts).fillna(0).astype(int))
    return chosen[PLACE_TIE_COLUMNS].sort_values("tie_id").reset_index(drop=True)


def _place_id(ds: Dataset, place: object) -> str:
    from vnsister.names import Gazetteer

    if not isinstance(place, str) or not place.strip():
        raise ValueError(f"place={place!r} must be a place id or a place name")
    ids = set(ds.places["place_id"])
    if place in ids:
        return place
    found = Gazetteer(ds.places).lookup(place)
    if len(found) == 1:
        return found[0]
    if found:
        raise ValueError(f"place={place!r} may stand for several places: {', '.join(repr(p) for p in found)}; "
                         f"give the place id")
    names = ds.places.set_index("place_id")["name_en"]
    close = difflib.get_close_matches(place, sorted(ids | set(names)), n=3, cutoff=0.7)
    by_name = {name: place_id for place_id, name in names.items()}
    hint = f"; did you mean {', '.join(repr(by_name.get(c, c)) for c in close)}?" if close else ""
    raise ValueError(f"place={place!r} is neither a place id nor a name in the gazetteer{hint}")


def type_basis(ds: Dataset) -> pd.Series:
    """Per tie id, what its type rests on: ``document`` when a recorded step signs a document (an agreement, a
    memorandum, an upgrade, renewal or re-signing, or a letter of intent: ``event_types.SIGNINGS``), whose name
    sets the type, or ``description`` when none does and the type follows the words the pages use for the
    relation ("kết nghĩa", "friendly relations", "cooperative relations"; codebook §3). An ``established`` step
    whose date a page gives for the setting-up of the relation without naming a document
    (``established_from == "statement"``) signs nothing. An analysis by type can set the second group apart.

    Examples
    --------
    >>> basis = type_basis(load())
    >>> basis["T0001"], sorted(basis.unique()) == sorted(TYPE_BASES)
    ('document', True)
    """
    statements = ds.partnerships.loc[ds.partnerships["established_from"] == "statement", "tie_id"]
    signed = _signings(ds.events, statements)["tie_id"]
    ties = ds.partnerships["tie_id"]
    basis = ties.isin(signed).map({True: TYPE_BASES[0], False: TYPE_BASES[1]})
    return pd.Series(basis.to_numpy(), index=pd.Index(ties.to_numpy(), name="tie_id"), name="type_basis")


def _signings(events: pd.DataFrame, statements: pd.Series) -> pd.DataFrame:
    """The steps that sign a document (``event_types.SIGNINGS``), whose name sets a tie's type. The ``established``
    step of a tie in ``statements`` (ids whose established date a page gives for the setting-up of the relation,
    naming no document) signs nothing."""
    kind = events["event_type"].astype("string")
    stated = (kind == "established") & events["tie_id"].isin(statements)
    return events[kind.isin(SIGNINGS) & ~stated]


def format_record(record: TieRecord) -> str:
    """A tie's record as text: parties, type, how its start is known, status, notes, steps and sources.

    Examples
    --------
    >>> print(format_record(tie_record(load(), "T0434")))  # doctest: +ELLIPSIS
    T0434  Đà Nẵng (Da Nang, VN) — 美作市 (Mimasaka, JP)
    type: cooperation (cooperative relations); from a description: no signing recorded, so the type follows ...
    start: not stated, and no dated evidence; by page order existed by 2022-08-12 (an upper bound if the site ...
    ...
      S0961 VietnamPlus (VNA), en, undated (published by 2022-08-12: numbered before S2504 of its site) — ...
    ...
        conflicts: Mimasaka City's page ...
    """
    tie, time = record.tie, record.timeline
    lines = [f"{tie['tie_id']}  {_party(tie, 'vn')} — {_party(tie, 'partner')}",
             f"type: {tie['tie_type']}" + (f" ({tie['tie_type_wording']})" if pd.notna(tie["tie_type_wording"]) else "")
             + f"; {_type_rests_on(record.events, tie)}"
             + ("; known only from multilateral documents" if tie["known_from"] == "multilateral" else ""),
             f"start: {_start(time, tie)}",
             f"status: {tie['status']}" + (f", ended {tie['ended']}" if pd.notna(tie["ended"]) else "")
             + (f"; latest dated evidence {_day(time['last_attested'])}" if pd.notna(time["last_attested"]) else
                "; no dated evidence")]
    if pd.notna(tie["notes"]):
        lines.append(f"notes: {tie['notes']}")
    lines.append(f"steps ({len(record.events)}):" if len(record.events) else "steps: none recorded")
    for event in record.events.itertuples():
        wording = f" — {event.wording}" if pd.notna(event.wording) else ""
        lines.append(f"  {event.event_id} {event.event_type} {event.date if pd.notna(event.date) else '(undated)'}"
                     f"{wording}")
    lines.append(f"sources ({record.evidence['source_id'].nunique()}):")
    for source_id, cited in record.evidence.groupby("source_id", sort=True):
        first = cited.iloc[0]
        published = first["published"] if pd.notna(first["published"]) else "undated"
        if pd.notna(first["published_by"]):
            anchor = first["anchor_id"] + (" in dated_pages" if first["anchor_id"].startswith("P") else "")
            published += f" (published by {_day(first['published_by'])}: numbered before {anchor} of its site"
            if first["lateness_days"] > 0:
                published += f", a year later as pages of the site came out up to {int(first['lateness_days'])} days late"
            published += ")"
        lines.append(f"  {source_id} {first['publisher']}, {first['language']}, {published} — {first['url']}")
        for row in cited.itertuples():
            step = f" [{row.event_id}]" if pd.notna(row.event_id) else ""
            lines.append(f"    {row.stance}{step}: {row.note}")
    return "\n".join(lines)


def _type_rests_on(events: pd.DataFrame, tie: pd.Series) -> str:
    statement = [tie["tie_id"]] if tie["established_from"] == "statement" else []
    signings = _signings(events, pd.Series(statement, dtype="string"))["event_id"].tolist()
    if signings:
        return "from a document signed (" + ", ".join(signings) + ")"
    return "from a description: no signing recorded, so the type follows the pages' words for the relation"


def _party(tie: pd.Series, side: str) -> str:
    agency = tie[f"{side}_agency"]
    names = f"{tie[f'{side}_name_local']} ({tie[f'{side}_name_en']}, {tie[f'{side}_country']})"
    return names + (f" [{agency}]" if pd.notna(agency) else f" [{tie[f'{side}_party']}]"
                    if tie[f"{side}_party"] != "government" else "")


def _start(time: pd.Series, tie: pd.Series) -> str:
    if time["basis"] == "established":
        if tie["established_from"] == "statement":
            return (f"established {time['established']} (a source dates the setting-up of the relation and names no "
                    "document)")
        return f"established {time['established']} (a source dates the signing)"
    if time["basis"] == "page order":
        return (f"not stated, and no dated evidence; by page order existed by {_day(time['ordered_by'])} (an upper "
                f"bound if the site numbers its pages as it publishes them, or within the lateness allowed)")
    if pd.notna(time["began_by"]):
        return f"not stated; existed by {_day(time['began_by'])} (its earliest dated evidence, an upper bound)"
    return "not stated, and no dated evidence: left out of as-of counts by default"


def _day(value: pd.Timestamp) -> str:
    return pd.Timestamp(value).date().isoformat()
