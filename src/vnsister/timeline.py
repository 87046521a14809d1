"""One rule for time: when each tie began (with bounds), when it was last attested, and which ties count on a day.

Every function of vnsister that takes ``as_of`` selects ties through :func:`ties_on`, so they all follow the
same rule. A tie's start is bounded as follows:

* ``start_earliest`` / ``start_latest``: the first and last day its ``established`` date can stand for
  ("2013" spans 2013-01-01 to 2013-12-31); empty when the tie is undated.
* ``attested_by``: the earliest day by which dated evidence shows the tie existing: the last day of its
  earliest dated event (letters of intent and proposals excepted: they precede a tie, except that a tie recorded
  from a letter of intent alone, type ``other``, is dated by its letter) or of the publication date
  of the earliest dated source cited for it in support (a source the row does not follow, ``stance =
  conflicts``, may predate the tie or name another party, and a source cited for one step only is dated by that
  step: by its date if it has one, not at all if the step precedes the tie). For an undated
  tie this is the only bound on its start. A tie with no dated evidence at all is bounded, failing everything
  else, by the position of an undated source cited in support among its site's dated pages
  (:func:`vnsister.sourcedates.page_order_bounds`: published by the date of the next dated page of a site that
  numbers its pages in the order it publishes them); ``ordered_by`` holds that bound, ``basis`` says
  ``page order``, and ``attested_by`` takes it (so the default rule counts the tie from it), but ``began_by``
  does not: a bound that rests on a site's numbering is not certain.
* ``stepped_by``: the same bound from its dated events alone (a memorandum, renewal or visit a page dates),
  empty when only dated pages mention the tie.
* ``began_by = min(start_latest, attested_by)`` from printed dates alone (not ``ordered_by``): by this day the
  tie certainly existed.
* ``last_attested``: the first day of its latest dated event or cited source (the status rule uses it).

The status rule: a tie may be ``active`` only if dated evidence shows it within ``STATUS_WINDOW_YEARS`` years
before the release date (``last_attested`` on or after :func:`status_cutoff`); otherwise it is ``unknown``
(or ``lapsed`` where a source says it ended). The validator enforces it.

How undated ties are treated on a day (``undated=``):

* ``"attested"`` (default): a dated tie counts from the first day of its date; an undated tie from its
  ``attested_by`` day; an undated tie without any dated evidence (or page-order bound) never counts in an as-of
  analysis. (Evidence dated before a tie's established date, such as an earlier MoU, also starts it.)
* ``"exclude"``: only dated ties count.
* ``"include"``: undated ties count on every date (the 0.4.0 behaviour; an upper bound).

Counts that cannot be exact come with bounds (:func:`count_bounds`): the lower bound counts the ties that
certainly existed (begun by their ``began_by`` day, not possibly ended), the upper bound every tie that may have
existed (a dated tie from the first day of its date, an undated tie on every day, an ended tie until the last
day of its end date).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Literal

import pandas as pd

from vnsister.checks import as_of_day, choice
from vnsister.dates import partial_date_bounds
from vnsister.event_types import BEFORE_TIE, LETTER_OF_INTENT
from vnsister.load import Dataset
from vnsister.schema import member
from vnsister.sourcedates import page_order_bounds

__all__ = ["STATUS_WINDOW_YEARS", "UNDATED", "Rule", "count_bounds", "count_series", "evidence_days", "page_order",
           "release_day", "start_bounded", "start_shares", "status_cutoff", "tie_timeline", "ties_on"]

Rule = Literal["attested", "exclude", "include", "certain", "possible"]
UNDATED: tuple[str, ...] = ("attested", "exclude", "include")
_RULES: tuple[str, ...] = (*UNDATED, "certain", "possible")
# The rule behind each figure of a count with its bounds (count_bounds, findings.count_range)
BOUND_RULES: dict[str, str] = {"lower": "certain", "count": "attested", "upper": "possible"}
# Steps before a tie (``event_types.BEFORE_TIE``) do not date it, except the letter of intent of a tie recorded from
# the letter alone (type ``other``, codebook §2): that relation is the letter's, so the letter dates it (as
# evidence, never as ``established``).
LETTER_TIE_TYPE = "other"
# Only sources the row follows date it: a conflicting page may be a wish before the tie, or name another party.
ATTESTING_STANCE = "supports"
# Sister-city ties are long-lived and often reported only at five- or ten-year anniversaries.
STATUS_WINDOW_YEARS = 10


# (id(ds), what) -> (a weak reference to ds, the fingerprint of the tables read, the result); an entry leaves with
# its dataset
_CACHE: dict[tuple[int, str], tuple[weakref.ref[Dataset], int, pd.DataFrame]] = {}
# The tables each cached reading depends on: a change to any of them, even in place, computes it afresh.
_TIMELINE_TABLES = ("partnerships", "events", "sources", "evidence", "dated_pages")
_PAGE_ORDER_TABLES = ("sources", "dated_pages")


def tie_timeline(ds: Dataset) -> pd.DataFrame:
    """One row per tie: bounds of its start, the evidence that attests it, and its end.

    Every as-of function reads it, and a report calls several, so it is computed once per state of the tables it
    reads: a fingerprint of their contents is taken at each call, and a frame changed in place is computed afresh.
    Each call returns its own copy.

    Examples
    --------
    >>> t = tie_timeline(load()).set_index("tie_id")
    >>> dated = t.dropna(subset=["start_latest"])
    >>> bool((dated["began_by"] <= dated["start_latest"]).all())
    True
    """
    return _cached(ds, "timeline", _TIMELINE_TABLES, _compute_tie_timeline)


def _cached(ds: Dataset, what: str, tables: tuple[str, ...], compute: Callable[[Dataset], pd.DataFrame]
            ) -> pd.DataFrame:
    """A copy of ``compute(ds)``, computed again only when the contents of ``tables`` have changed."""
    fingerprint = _fingerprint(ds, tables)
    key = (id(ds), what)
    cached = _CACHE.get(key)
    if cached is None or cached[0]() is not ds or cached[1] != fingerprint:
        cached = (weakref.ref(ds), fingerprint, compute(ds))
        if key not in _CACHE:
            weakref.finalize(ds, _CACHE.pop, key, None)
        _CACHE[key] = cached
    return cached[2].copy()


def _fingerprint(ds: Dataset, tables: tuple[str, ...]) -> int:
    """A hash of the contents of the named tables of ``ds``."""
    return hash(tuple(int(pd.util.hash_pandas_object(getattr(ds, name), index=True).sum()) for name in tables))


def _compute_tie_timeline(ds: Dataset) -> pd.DataFrame:
    """:func:`tie_timeline` computed afresh, without the cache (for benchmarks and tests)."""
    ties = ds.partnerships
    start = partial_date_bounds(ties["established"])
    end = partial_date_bounds(ties["ended"])
    steps, first_seen, last_seen, attesting = _dated_evidence(ties, ds.events, ds.sources, ds.evidence)
    dated_evidence = pd.to_datetime(ties["tie_id"].map(first_seen))
    ordered = pd.to_datetime(ties["tie_id"].map(_page_order_days(attesting, page_order(ds))))
    # the page-order bound rests on a site's numbering, so it serves only a tie with no dated bound at all
    ordered = ordered.where(dated_evidence.isna() & ties["established"].isna())
    attested = dated_evidence.fillna(ordered)
    first_step = steps.groupby("tie_id")["first"].min()
    began_by = pd.concat([start["latest"], dated_evidence], axis=1).min(axis=1)
    table = pd.DataFrame({
        "tie_id": ties["tie_id"], "established": ties["established"], "precision": start["precision"],
        "start_earliest": start["earliest"], "start_latest": start["latest"],
        "attested_by": attested, "ordered_by": ordered,
        "stepped_by": pd.to_datetime(ties["tie_id"].map(first_step)), "began_by": began_by,
        "last_attested": pd.to_datetime(ties["tie_id"].map(last_seen)),
        "end_earliest": end["earliest"], "end_latest": end["latest"],
        "status": ties["status"].astype("string"),
    })
    table["dated"] = table["start_earliest"].notna()
    table["basis"] = "established"
    table.loc[~table["dated"], "basis"] = "evidence"
    table.loc[table["ordered_by"].notna(), "basis"] = "page order"
    table.loc[~table["dated"] & table["attested_by"].isna(), "basis"] = "none"
    return table


def page_order(ds: Dataset) -> pd.DataFrame:
    """The page-order bounds of the dataset's undated sources, their sites read with the ``dated_pages`` table
    (:func:`vnsister.sourcedates.page_order_bounds`): the one reading the time rule, the report and ``show`` use.
    Like :func:`tie_timeline`, it is computed once per state of the tables it reads (``sources``, ``dated_pages``),
    and each call returns its own copy.

    Examples
    --------
    >>> from vnsister import load
    >>> page_order(load()).set_index("source_id").loc["S0875", ["published_by", "anchor_id"]].tolist()
    [Timestamp('2013-07-03 00:00:00'), 'P0146']
    """
    return _cached(ds, "page order", _PAGE_ORDER_TABLES,
                   lambda d: page_order_bounds(d.sources, dated_pages=d.dated_pages))


def _page_order_days(attesting: pd.DataFrame, order: pd.DataFrame) -> pd.Series:
    """Per tie id: the earliest ``published_by`` day of the sources that ``attesting`` cites (the citations that would
    date their ties if dated) that page order bounds (``order``, :func:`page_order`)."""
    bounded = attesting[["tie_id", "source_id"]].merge(order[["source_id", "published_by"]], on="source_id")
    return bounded.groupby("tie_id")["published_by"].min()


def evidence_days(ties: pd.DataFrame, events: pd.DataFrame, sources: pd.DataFrame,
                  evidence: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Per tie id: the last day of its earliest dated evidence (``attested_by``) and the first day of its latest
    (``last_attested``), from the partnerships, events, sources and evidence tables."""
    _, first_seen, last_seen, _ = _dated_evidence(ties, events, sources, evidence)
    return first_seen, last_seen


def _dated_evidence(ties: pd.DataFrame, events: pd.DataFrame, sources: pd.DataFrame,
                    evidence: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series, pd.Series, pd.DataFrame]:
    """The days of the events that attest their ties (:func:`_event_days`), then :func:`evidence_days`, and the
    evidence rows whose sources would date their ties (:func:`_attesting`)."""
    precedes = _precedes_tie(events, ties)
    steps = _event_days(events[~precedes])
    attesting = _attesting(evidence, events, precedes)
    first_seen, last_seen = _first_and_last(steps, sources, attesting)
    return steps, first_seen, last_seen, attesting


def _precedes_tie(events: pd.DataFrame, ties: pd.DataFrame) -> pd.Series:
    """Which events come before their tie and so do not date it: proposals, and letters of intent except those
    of ties recorded from a letter alone."""
    kind = events["event_type"].astype("string")
    letter_ties = ties.loc[ties["tie_type"].astype("string") == LETTER_TIE_TYPE, "tie_id"]
    own_letter = (kind == LETTER_OF_INTENT) & member(events["tie_id"], letter_ties)
    return kind.isin(BEFORE_TIE) & ~own_letter


def _attesting(evidence: pd.DataFrame, events: pd.DataFrame, precedes: pd.Series) -> pd.DataFrame:
    """The evidence rows whose page's date dates its tie: cited in support, and not for one step only when that
    step precedes its tie (``precedes``, aligned with ``events``) or carries its own date (the step's date then
    speaks; a page announcing a dated signing before it happened does not)."""
    step_speaks = events.loc[precedes | events["date"].notna(), "event_id"]
    supports = evidence["stance"].astype("string") == ATTESTING_STANCE
    return evidence[supports & ~evidence["event_id"].isin(step_speaks)]


def _first_and_last(steps: pd.DataFrame, sources: pd.DataFrame, evidence: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """:func:`evidence_days` from the events' days already computed by :func:`_event_days`."""
    published = partial_date_bounds(sources["published"])
    source_days = pd.DataFrame({"source_id": sources["source_id"], "first": published["latest"],
                                "last": published["earliest"]})
    evidence = evidence[["tie_id", "source_id"]].merge(source_days, on="source_id")[["tie_id", "first", "last"]]
    days = pd.concat([steps, evidence], ignore_index=True).dropna(subset=["first"])
    grouped = days.groupby("tie_id")
    return grouped["first"].min(), grouped["last"].max()


def _event_days(events: pd.DataFrame) -> pd.DataFrame:
    """Per event (those that attest their ties, not those that precede them): the tie id, the last day its date
    can stand for (``first``: by then the step had happened) and the first (``last``)."""
    days = partial_date_bounds(events["date"])
    return pd.DataFrame({"tie_id": events["tie_id"], "first": days["latest"], "last": days["earliest"]})


def _mask(timeline: pd.DataFrame, day: pd.Timestamp, rule: str, include_ended: bool = False) -> pd.Series:
    """Which ties count on ``day`` under ``rule`` (see the module notes)."""
    if rule == "certain":
        begun = timeline["began_by"] <= day
        return begun if include_ended else begun & (timeline["end_earliest"].isna() | (timeline["end_earliest"] > day))
    attested = timeline["attested_by"] <= day
    dated_begun = timeline["start_earliest"] <= day
    undated = ~timeline["dated"]
    if rule == "attested":
        begun = dated_begun | attested
    elif rule == "exclude":
        begun = dated_begun | (attested & ~undated)
    else:  # "include" and "possible": an undated tie may have begun on any day
        begun = dated_begun | attested | undated
    return begun if include_ended else begun & (timeline["end_latest"].isna() | (timeline["end_latest"] >= day))


def start_bounded(ds: Dataset) -> pd.Series:
    """Per tie id: whether its start is dated or bounded, as the as-of counts read it: an established date, or an
    upper bound from dated evidence or page order (every ``basis`` of :func:`tie_timeline` but ``none``).

    Examples
    --------
    >>> bounded = start_bounded(load())
    >>> bounded.index.name, bounded.dtype.name, bool(bounded.any())
    ('tie_id', 'bool', True)
    """
    timeline = tie_timeline(ds)
    return pd.Series(timeline["basis"].ne("none").to_numpy(), index=pd.Index(timeline["tie_id"], name="tie_id"),
                     name="bounded")


def start_shares(ds: Dataset, ties: pd.DataFrame, by: str) -> pd.DataFrame:
    """Per value of column ``by`` of ``ties`` (rows of :meth:`Dataset.ties`): the share with an established date
    (``dated_share``) and the share whose start is dated or bounded (``bounded_share``, :func:`start_bounded`), the
    two shares every coverage table prints.

    Examples
    --------
    >>> ds = load()
    >>> shares = start_shares(ds, ds.ties(), "partner_country")
    >>> list(shares.columns), bool((shares["dated_share"] <= shares["bounded_share"]).all())
    (['dated_share', 'bounded_share'], True)
    >>> start_shares(ds, ds.ties(), "country")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: by='country' is not allowed; choose one of: ...
    """
    choice("by", by, tuple(ties.columns))
    flags = pd.DataFrame({"dated_share": ties["established"].notna(),
                          "bounded_share": ties["tie_id"].map(start_bounded(ds))}, index=ties.index)
    return flags.groupby(ties[by]).mean()


def ties_on(ds: Dataset, as_of: str | None, undated: str = "attested", ties: pd.DataFrame | None = None,
            include_ended: bool = False) -> pd.DataFrame:
    """The ties (rows of ``ties``, default ``ds.partnerships``) that count on ``as_of`` under the time rule.

    ``as_of=None`` keeps every tie (no time filter). ``undated`` is one of ``UNDATED`` (or ``"certain"`` /
    ``"possible"`` for the bounds). ``include_ended`` keeps ties begun by ``as_of`` that had ended by then
    (ages and survival need them).

    Examples
    --------
    >>> ds = load()
    >>> len(ties_on(ds, "1950")) <= int((tie_timeline(ds)["began_by"] <= "1950-12-31").sum())
    True
    >>> ties_on(ds, "2012", undated="never")
    Traceback (most recent call last):
    ...
    ValueError: undated='never' is not allowed; choose one of: 'attested', 'exclude', 'include', 'certain', 'possible'
    """
    choice("undated", undated, _RULES)
    frame = ds.partnerships if ties is None else ties
    if as_of is None:
        return frame
    return _on_day(frame, tie_timeline(ds), as_of_day("as_of", as_of), undated, include_ended)


def _on_day(frame: pd.DataFrame, timeline: pd.DataFrame, day: pd.Timestamp, rule: str,
            include_ended: bool = False) -> pd.DataFrame:
    """The rows of ``frame`` whose tie counts on ``day`` under ``rule``, given the dataset's :func:`tie_timeline`
    (callers that count many days compute the timeline once and pass it here; arguments are not checked)."""
    keep = set(timeline.loc[_mask(timeline, day, rule, include_ended), "tie_id"])
    return frame[member(frame["tie_id"], keep)]


def count_bounds(ds: Dataset, as_of: str, ties: pd.DataFrame | None = None) -> dict[str, int]:
    """How many of ``ties`` existed on ``as_of``: ``lower`` (certain), ``count`` (default rule), ``upper`` (possible).

    Examples
    --------
    >>> b = count_bounds(load(), "2012")
    >>> b["lower"] <= b["count"] <= b["upper"]
    True
    """
    frame = ds.partnerships if ties is None else ties
    timeline, day = tie_timeline(ds), as_of_day("as_of", as_of)
    return {bound: len(_on_day(frame, timeline, day, rule)) for bound, rule in BOUND_RULES.items()}


def count_series(ds: Dataset, first_year: int | None = None, as_of: str | None = None,
                 ties: pd.DataFrame | None = None) -> pd.DataFrame:
    """How many of ``ties`` (default: all) existed at the end of each year, with bounds, up to ``as_of``.

    One row per 31 December from ``first_year`` (default: the first year in which any tie counts under the default
    rule) to the year before ``as_of`` (default: the release date), then ``as_of`` itself (``partial`` True unless it
    is a 31 December): ``lower`` (certain), ``count`` (default rule) and ``upper`` (possible), as
    :func:`count_bounds` gives them for one day.

    Examples
    --------
    >>> series = count_series(load(), first_year=2000)
    >>> series.columns.tolist()
    ['as_of', 'lower', 'count', 'upper', 'partial']
    >>> bool((series["lower"] <= series["count"]).all() and (series["count"] <= series["upper"]).all())
    True
    >>> count_series(load(), first_year=2020, as_of="2012")
    Traceback (most recent call last):
    ...
    ValueError: first_year=2020 must be an integer year from 1000 to the year of as_of (2012)
    """
    frame = ds.partnerships if ties is None else ties
    last = as_of_day("as_of", release_day(ds) if as_of is None else as_of)
    timeline = tie_timeline(ds)
    if first_year is None:
        starts = pd.concat([timeline["start_earliest"], timeline["attested_by"]]).dropna()
        first_year = min(int(starts.min().year), last.year) if len(starts) else last.year
    if isinstance(first_year, bool) or not isinstance(first_year, int) or not 1000 <= first_year <= last.year:
        raise ValueError(f"first_year={first_year!r} must be an integer year from 1000 to the year of as_of "
                         f"({last.year})")
    days = [pd.Timestamp(year=year, month=12, day=31) for year in range(first_year, last.year)] + [last]
    return pd.DataFrame([{"as_of": day.date().isoformat(),
                          **{bound: len(_on_day(frame, timeline, day, rule)) for bound, rule in BOUND_RULES.items()},
                          "partial": (day.month, day.day) != (12, 31)} for day in days])


def status_cutoff(released: str) -> pd.Timestamp:
    """The earliest day of evidence that lets a tie be ``active`` in a release of date ``released``.

    Examples
    --------
    >>> status_cutoff("2026-12-02")
    Timestamp('2016-12-02 00:00:00')
    """
    return as_of_day("released", released) - pd.DateOffset(years=STATUS_WINDOW_YEARS)


def release_day(ds: Dataset) -> str:
    """The release date of the data (``created`` in ``datapackage.json``): the default ``as_of`` of reports.

    Examples
    --------
    >>> len(release_day(load())) == 10
    True
    """
    return ds.released
