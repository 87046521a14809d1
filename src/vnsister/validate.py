"""Validation: every rule of the data package, reported as one row per problem."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from vnsister import checks
from vnsister import schema as sch
from vnsister._resources import resolve_root
from vnsister.codes import country_problem, language_problem, place_id_problem, subdivision_problem
from vnsister.dates import PARTIAL_DATE, partial_date_bounds
from vnsister.duplicates import canonical_places, check_duplicates, normalise_url
from vnsister.event_types import BEFORE_TIE, FORMAL_AGREEMENTS, MAY_PRECEDE_ESTABLISHED
from vnsister.hygiene import text_problems
from vnsister.load import (
    ERROR_COLUMNS,
    check_descriptor,
    error,
    merged_province_ends,
    read_tables,
    searched_party_column,
    successor_ends,
)
from vnsister.names import agency_key, tie_keys
from vnsister.release import check_integrity
from vnsister.sourcehosts import excluded_host

Errors = list[dict[str, object]]
PARTIAL_DATE_FIELDS = {"partnerships": ["established", "ended"], "events": ["date"], "sources": ["published"]}


@dataclass
class ValidationReport:
    """Result of :func:`validate`: ``ok`` and ``errors`` (columns ``table, row, field, value, message``).

    ``row`` is the line number in the CSV file, the header being line 1 (as in frictionless reports).
    """

    ok: bool
    errors: pd.DataFrame

    def __str__(self) -> str:
        if self.ok:
            return "valid: no errors"
        return f"{len(self.errors)} error(s)\n" + self.errors.to_string(index=False, max_colwidth=60)


def validate(path: str | Path | None = None, today: dt.date | None = None) -> ValidationReport:
    """Check the data package against its schemas and the cross-table rules; collect every error.

    Parameters
    ----------
    path : str or Path, optional (default: the copy shipped with the package)
        A data-package directory or its ``datapackage.json``.
    today : date, optional (default: today)
        Dates after this day are errors ("dated in the future").

    Returns
    -------
    ValidationReport

    Examples
    --------
    >>> report = validate()
    >>> report.ok, list(report.errors.columns)
    (True, ['table', 'row', 'field', 'value', 'message'])

    Notes
    -----
    Rules beyond the Table Schemas, each reported with table, row, field and value: the descriptor (valid JSON,
    every table listed, every path inside the package, checked before reading); files (size and hash, UTF-8,
    parseable CSV, the schema's header, no header-only table); text (NFC, no stray whitespace, no invisible or
    control characters, no mojibake); codes (ISO 3166-1/3166-2, place-id prefixes, BCP 47 languages); places
    (parent cycles, parents abroad, successors alive on the merger day); ties and time (parties' countries and
    lifetimes, real dates none in the future, events consistent with their tie, the status rule); the same thing
    twice (ties, also through duplicated places, as stages of one tie or as a merged province's re-signing;
    places, sources and evidence under another spelling or id; retired ids reused); evidence for every tie and event
    and every source used, none on a betting or unrelated site that copies news stories; each published finding's
    dataset query readable, its places known; each coverage-check row a tie of the province searched (or of one
    merged with it), one verdict per tie and check, and an added tie citing the page it was found on.
    """
    root = resolve_root(path)
    today = today or dt.date.today()
    errors = check_descriptor(root)
    if errors:  # nothing is read from a package whose descriptor is unusable or points outside it
        return _report(errors)
    frames, read_errors = read_tables(root)
    errors += read_errors + check_integrity(root)
    for name, frame in frames.items():
        errors += check_cells(name, frame)
        errors += check_partial_dates(name, frame, today)
        errors += check_pandera(name, frame, root, already=errors)
    errors += check_foreign_keys(frames, root)
    if set(sch.TABLES) <= frames.keys():
        errors += check_places(frames["places"])
        errors += check_codes(frames["places"], frames["sources"])
        canonical = canonical_places(frames["places"])  # computed once: ties and places both use it
        errors += check_ties(frames["partnerships"], frames["places"], canonical)
        errors += check_events(frames["events"], frames["partnerships"])
        errors += check_merger_resignings(frames["events"], frames["partnerships"], frames["places"])
        errors += check_duplicates(frames, canonical)
        errors += check_evidence(frames)
        errors += check_finding_queries(frames)
        errors += check_coverage_checks(frames)
        errors += check_source_dates(frames["sources"])
        errors += check_source_hosts(frames["sources"])
        errors += check_dated_pages(frames["dated_pages"], frames["sources"])
        errors += check_established_from(frames["partnerships"])
        errors += check_status(frames, str(sch.descriptor(root).get("created") or "")[:10])
    return _report(errors)


def _report(errors: Errors) -> ValidationReport:
    report = pd.DataFrame(errors, columns=ERROR_COLUMNS)
    report["row"] = report["row"].astype("Int64")
    report = report.sort_values(["table", "row", "field"], kind="stable", na_position="first")
    return ValidationReport(ok=report.empty, errors=report.reset_index(drop=True))


def _by_key(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    """Index a table by its key; duplicate keys are reported elsewhere, the first row stands for them here."""
    return frame.drop_duplicates(key).set_index(key)


def _string_columns(frame: pd.DataFrame) -> list[str]:
    return [c for c in frame.columns if isinstance(frame[c].dtype, (pd.StringDtype, pd.CategoricalDtype))]


def check_cells(name: str, frame: pd.DataFrame) -> Errors:
    """Text cells must be in Unicode NFC, carry no leading or trailing whitespace, and hold no invisible or
    control characters and no mojibake (:func:`vnsister.hygiene.text_problems`)."""
    errors: Errors = []
    for column in _string_columns(frame):
        values = frame[column].astype(sch.STRING).dropna()
        padded = values[values != values.str.strip()]
        errors += [error(name, int(i), column, v, "leading or trailing whitespace") for i, v in padded.items()]
        suspect = values[values.str.contains(r"[^\x20-\x7e]", regex=True)]
        problems = {v: ([] if unicodedata.is_normalized("NFC", v) else ["text is not in Unicode NFC"]) + text_problems(v)
                    for v in suspect.unique()}  # each distinct text is examined once
        flagged = [v for v, found in problems.items() if found]
        if flagged:  # only rows with a problem are walked one by one
            hits = suspect[sch.member(suspect, flagged)]
            errors += [error(name, int(i), column, v, problem) for i, v in hits.items() for problem in problems[v]]
    return errors


def check_partial_dates(name: str, frame: pd.DataFrame, today: dt.date) -> Errors:
    """Partial dates must exist (no 2023-02-30); no date (partial or date-typed) may lie in the future."""
    errors: Errors = []
    for column in PARTIAL_DATE_FIELDS.get(name, []):
        values = frame[column]
        bounds = partial_date_bounds(values)
        well_formed = values.str.fullmatch(PARTIAL_DATE.pattern).fillna(False).astype(bool)
        for i in frame.index[well_formed & ~bounds["valid"]]:
            errors.append(error(name, int(i), column, values[i], "impossible date: no such month or day"))
        for i in frame.index[bounds["earliest"] > pd.Timestamp(today)]:
            errors.append(error(name, int(i), column, values[i], f"dated in the future (after {today})"))
    for column in [c for c in frame.columns if pd.api.types.is_datetime64_any_dtype(frame[c])]:
        for i in frame.index[(frame[column] > pd.Timestamp(today)).fillna(False)]:
            errors.append(error(name, int(i), column, str(frame.at[i, column].date()),
                                f"dated in the future (after {today})"))
    return errors


def _describe_check(check: str) -> str:
    if check.startswith("str_matches"):
        return "does not match the pattern " + check[len("str_matches(") : -1]
    if check.startswith("isin"):
        return "not an allowed value: " + check[len("isin(") : -1]
    if check.startswith("in_range"):
        return "out of range " + check[len("in_range") :]
    if check in ("not_nullable", "field_uniqueness"):
        return {"not_nullable": "required value is missing", "field_uniqueness": "duplicate value"}[check]
    return f"fails check {check}"


def check_pandera(name: str, frame: pd.DataFrame, root: Path, already: Errors) -> Errors:
    """Run the pandera schema derived from the table's JSON schema, lazily, and translate its failures."""
    import pandera.errors

    seen = {(e["table"], e["row"], e["field"]) for e in already}
    try:
        sch.pandera_schema(name, root).validate(frame, lazy=True)
        return []
    except pandera.errors.SchemaErrors as exc:
        cases = exc.failure_cases
    errors: Errors = []
    for case in cases.itertuples(index=False):
        row = None if pd.isna(case.index) else int(case.index)
        if (name, row, case.column) in seen or str(case.check).startswith("dtype"):
            continue  # already reported more precisely when the cell was cast
        errors.append(error(name, row, case.column, case.failure_case, _describe_check(str(case.check))))
    return errors


def check_foreign_keys(frames: dict[str, pd.DataFrame], root: Path) -> Errors:
    """Every foreign key declared in the Table Schemas must point at an existing row."""
    errors: Errors = []
    for name, frame in frames.items():
        for fk in sch.table_schema(name, root).get("foreignKeys", []):
            target = fk["reference"]["resource"] or name
            if target not in frames:
                continue
            (column,), (target_column,) = fk["fields"], fk["reference"]["fields"]
            values = frame[column].dropna()
            missing = values[~sch.member(values, frames[target][target_column])]
            errors += [error(name, int(i), column, v, f"not found in {target}.{target_column}")
                       for i, v in missing.items()]
    return errors


def check_places(places: pd.DataFrame) -> Errors:
    """Successor chains end in a place that still exists, and a successor existed on the merger day; parents
    form no cycle and lie in the same country; validity is ordered."""
    errors: Errors = _check_parents(places) + _check_successor_lifetimes(places)
    by_id = _by_key(places.reset_index(), "place_id")
    successor = by_id["successor_id"].dropna().to_dict()
    ended = set(by_id.index[by_id["valid_until"].notna()])
    for place, line in zip(places["place_id"], places.index, strict=True):
        if place not in successor:
            continue
        chain, current = [place], successor[place]
        while current in successor and current not in chain:
            chain.append(current)
            current = successor[current]
        if current in chain:
            errors.append(error("places", int(line), "successor_id", successor[place], "successor chain loops"))
        elif current in ended:
            errors.append(error("places", int(line), "successor_id", successor[place],
                                f"successor chain ends at {current}, which no longer exists"))
    has_successor = places["successor_id"].notna() & places["valid_until"].isna()
    errors += [error("places", int(i), "valid_until", "", "a place with a successor needs valid_until")
               for i in places.index[has_successor]]
    backwards = places["valid_until"] < places["valid_from"]
    errors += [error("places", int(i), "valid_until", str(places.at[i, "valid_until"].date()),
                     "valid_until is before valid_from") for i in places.index[backwards.fillna(False)]]
    return errors


def _check_parents(places: pd.DataFrame) -> Errors:
    by_id = _by_key(places, "place_id")
    parent = by_id["parent_id"].dropna().to_dict()
    errors: Errors = []
    for line, place, up in zip(places.index, places["place_id"], places["parent_id"], strict=True):
        if pd.isna(up):
            continue
        if up == place:
            errors.append(error("places", int(line), "parent_id", up, "a place cannot be its own parent"))
            continue
        chain, current = [place], up
        while current in parent and current not in chain:
            chain.append(current)
            current = parent[current]
        if current in chain:
            errors.append(error("places", int(line), "parent_id", up,
                                "parent cycle: " + " -> ".join([*chain, current])))
        if up in by_id.index and by_id.at[up, "country"] != places.at[line, "country"]:
            errors.append(error("places", int(line), "parent_id", up,
                                f"the parent is in {by_id.at[up, 'country']}, the place in {places.at[line, 'country']}"))
    return errors


def _check_successor_lifetimes(places: pd.DataFrame) -> Errors:
    """A successor must exist on the day its predecessor ceased (not have ceased, or begun, after it)."""
    by_id = _by_key(places, "place_id")
    errors: Errors = []
    for line in places.index[places["successor_id"].notna() & places["valid_until"].notna()]:
        successor, merged = places.at[line, "successor_id"], places.at[line, "valid_until"]
        if successor not in by_id.index:
            continue
        until, since = by_id.at[successor, "valid_until"], by_id.at[successor, "valid_from"]
        if pd.notna(until) and until <= merged:
            errors.append(error("places", int(line), "successor_id", successor,
                                f"the successor ceased on {until.date()}, by the day this place ceased "
                                f"({merged.date()})"))
        if pd.notna(since) and since > merged + pd.Timedelta(days=1):
            errors.append(error("places", int(line), "successor_id", successor,
                                f"the successor began on {since.date()}, after this place ceased ({merged.date()})"))
    return errors


def check_codes(places: pd.DataFrame, sources: pd.DataFrame) -> Errors:
    """Country, ISO 3166-2 and place-id prefix agree and exist; source languages are BCP 47 tags."""
    country = places["country"].astype(object)
    prefix_ok = [str(p).startswith(f"{str(c).lower()}-") for p, c in zip(places["place_id"], country, strict=True)]
    checks = [("country", places["country"], country.map({c: country_problem(str(c)) for c in country.dropna().unique()})),
              ("place_id", places["place_id"],
               pd.Series([None if ok else place_id_problem(str(p), str(c))
                          for ok, p, c in zip(prefix_ok, places["place_id"], country, strict=True)], index=places.index)),
              ("iso_3166_2", places["iso_3166_2"],
               pd.Series([subdivision_problem(str(v), str(c)) if pd.notna(v) else None
                          for v, c in zip(places["iso_3166_2"], country, strict=True)], index=places.index))]
    errors = [error("places", int(i), field, values[i], message)
              for field, values, messages in checks for i, message in messages.dropna().items()]
    language = sources["language"].astype(object)
    messages = language.map({tag: language_problem(str(tag)) for tag in language.dropna().unique()})
    return errors + [error("sources", int(i), "language", language[i], message) for i, message in messages.dropna().items()]


def check_ties(ties: pd.DataFrame, places: pd.DataFrame, canonical: dict[str, str] | None = None) -> Errors:
    """Party countries, self-ties, duplicates, agency names, end dates and the parties' lifetimes."""
    errors: Errors = []
    country = _by_key(places, "place_id")["country"]
    valid_until = _by_key(places, "place_id")["valid_until"]
    vn_country, partner_country = sch.lookup(ties["vn_place_id"], country), sch.lookup(ties["partner_place_id"], country)
    for i in ties.index[vn_country.notna() & (vn_country != "VN")]:
        errors.append(error("partnerships", int(i), "vn_place_id", ties.at[i, "vn_place_id"],
                            f"the Vietnamese party is in {vn_country[i]}, not VN"))
    for i in ties.index[partner_country == "VN"]:
        errors.append(error("partnerships", int(i), "partner_place_id", ties.at[i, "partner_place_id"],
                            "the foreign party is in VN"))
    for i in ties.index[ties["vn_place_id"] == ties["partner_place_id"]]:
        errors.append(error("partnerships", int(i), "partner_place_id", ties.at[i, "partner_place_id"],
                            "self-tie: both parties are the same place"))
    canonical = canonical if canonical is not None else canonical_places(places)
    to_canonical = pd.Series(canonical, dtype=sch.STRING)
    to_canonical.index = to_canonical.index.astype(sch.STRING)
    errors += _check_duplicate_ties(ties.assign(**{c: sch.lookup(ties[c], to_canonical).fillna(ties[c])
                                                   for c in ("vn_place_id", "partner_place_id")}))
    for side in ("vn", "partner"):
        party, agency = ties[f"{side}_party"].astype("string"), ties[f"{side}_agency"]
        for i in ties.index[(party != "government") & agency.isna() & party.notna()]:
            errors.append(error("partnerships", int(i), f"{side}_agency", "",
                                f"a {party[i]} party needs the agency's name"))
        for i in ties.index[(party == "government") & agency.notna()]:
            errors.append(error("partnerships", int(i), f"{side}_agency", agency[i],
                                "an agency name is given but the party is the government itself"))
    errors += _check_tie_dates(ties, valid_until, _by_key(places, "place_id")["valid_from"])
    return errors


def _check_duplicate_ties(ties: pd.DataFrame) -> Errors:
    """One row per tie: rows sharing any of ``names.tie_keys`` (parties compared by place and body, not by
    how a source spelled them) describe the same tie, unless one had ended before the other began (a new
    agreement signed after a lapse is a new tie; codebook §2)."""
    columns = ["vn_place_id", "vn_party", "vn_agency", "partner_place_id", "partner_party", "partner_agency",
               "tie_type", "established"]
    parties = _party_keys(ties)
    agency_dated = ties["established"].notna() & ((ties["vn_party"] == "agency") | (ties["partner_party"] == "agency"))
    # only rows whose parties-and-type key repeats, or that carry an agency key, can collide: check just those
    candidates = parties.assign(tie_type=ties["tie_type"].astype(object)).duplicated(keep=False) | agency_dated
    subset = ties.loc[candidates.to_numpy()]
    rows = subset[columns].astype(object).where(subset[columns].notna(), None)
    ended = partial_date_bounds(ties["ended"])["latest"]
    began = partial_date_bounds(ties["established"])["earliest"]
    seen: dict[tuple[str, ...], list[int]] = {}
    errors: Errors = []
    for line, row in zip(subset.index, rows.to_dict("records"), strict=True):
        keys = tie_keys(row)
        for key in keys:
            earlier = [e for e in seen.get(key, []) if not _succeeds(line, e, ended, began)]
            if earlier:
                reason = ("same parties and type" if key[0] == "parties"
                          else f"same places, type and date, and the same {key[0]}")
                errors.append(error("partnerships", int(line), "tie_id", ties.at[line, "tie_id"],
                                    f"duplicate tie: {reason} as row {earlier[0]}"))
                break
        for key in keys:
            seen.setdefault(key, []).append(int(line))
    return errors + _check_stage_ties(ties, parties, ended, began)


def _party_keys(ties: pd.DataFrame) -> pd.DataFrame:
    """Both parties of each tie as place and body (``names.agency_key``), computed once per distinct body."""
    out = {}
    for side in ("vn", "partner"):
        body = pd.DataFrame({"party": ties[f"{side}_party"].astype(object), "agency": ties[f"{side}_agency"].astype(object)})
        body = body.where(body.notna(), None)
        keys = {(p, a): agency_key(p or "", a) for p, a in body.drop_duplicates().itertuples(index=False, name=None)}
        out[f"{side}_place"] = ties[f"{side}_place_id"].astype(object)
        out[f"{side}_body"] = [keys[(p, a)] for p, a in body.itertuples(index=False, name=None)]
    return pd.DataFrame(out, index=ties.index)


def _check_stage_ties(ties: pd.DataFrame, parties: pd.DataFrame, ended: pd.Series, began: pd.Series) -> Errors:
    """Two rows for the same parties with different types are stages of one tie (an upgrade is an event),
    unless one had ended before the other began."""
    shared = parties[parties.duplicated(keep=False)]
    first_of: dict[tuple[str, ...], list[int]] = {}
    errors: Errors = []
    for line, key in zip(shared.index, shared.itertuples(index=False, name=None), strict=True):
        other_types = [e for e in first_of.get(key, []) if ties.at[e, "tie_type"] != ties.at[line, "tie_type"]
                       and not _succeeds(line, e, ended, began)]
        if other_types:
            first = other_types[0]
            errors.append(error("partnerships", int(line), "tie_type", ties.at[line, "tie_type"],
                                f"the same parties already have a {ties.at[first, 'tie_type']} tie ({ties.at[first, 'tie_id']}, "
                                f"row {first}): record a change of type as an upgraded event of one tie"))
        first_of.setdefault(key, []).append(int(line))
    return errors


def _succeeds(a: int, b: int, ended: pd.Series, began: pd.Series) -> bool:
    """Whether one of two rows ended before the other began (both dates known)."""
    return bool((ended[a] < began[b]) or (ended[b] < began[a]))


def _check_tie_dates(ties: pd.DataFrame, valid_until: pd.Series, valid_from: pd.Series) -> Errors:
    errors: Errors = []
    start, end = partial_date_bounds(ties["established"])["earliest"], partial_date_bounds(ties["ended"])["earliest"]
    start_latest = partial_date_bounds(ties["established"])["latest"]
    for column in ("vn_place_id", "partner_place_id"):
        since = sch.lookup(ties[column], valid_from)
        for i in ties.index[(start_latest < since).fillna(False)]:
            errors.append(error("partnerships", int(i), column, ties.at[i, column],
                                f"tie established {ties.at[i, 'established']}, before this place existed "
                                f"({since[i].date()}); use its predecessor"))
    for i in ties.index[(end < start).fillna(False)]:
        errors.append(error("partnerships", int(i), "ended", ties.at[i, "ended"], "ended before established"))
    for i in ties.index[ties["ended"].notna() & (ties["status"].astype("string") != "lapsed")]:
        errors.append(error("partnerships", int(i), "status", ties.at[i, "status"], "an end date needs status lapsed"))
    for column in ("vn_place_id", "partner_place_id"):
        until = sch.lookup(ties[column], valid_until)
        for i in ties.index[(start > until).fillna(False)]:
            errors.append(error("partnerships", int(i), column, ties.at[i, column],
                                f"tie established {ties.at[i, 'established']}, after this place ceased to exist "
                                f"({until[i].date()}); use its successor"))
    return errors


def check_events(events: pd.DataFrame, ties: pd.DataFrame) -> Errors:
    """Events agree with their tie: upgrades change the type, one establishment per tie, dates are ordered, the
    last type is current."""
    errors: Errors = []
    kind, from_type, to_type = (events[c].astype("string") for c in ("event_type", "from_type", "to_type"))
    upgrade = kind == "upgraded"
    for i in events.index[upgrade & (from_type.isna() | to_type.isna())]:
        errors.append(error("events", int(i), "from_type", events.at[i, "from_type"], "an upgrade needs from_type and to_type"))
    for i in events.index[(upgrade & (from_type == to_type)).fillna(False)]:
        errors.append(error("events", int(i), "to_type", events.at[i, "to_type"], "an upgrade must change the tie type"))
    for i in events.index[~upgrade & from_type.notna()]:
        errors.append(error("events", int(i), "from_type", events.at[i, "from_type"], "from_type is only for upgrades"))
    tie_by_id = _by_key(ties, "tie_id")
    established = partial_date_bounds(sch.lookup(events["tie_id"], tie_by_id["established"]))["earliest"]
    when = partial_date_bounds(events["date"])["latest"]
    early = (when < established).fillna(False) & ~kind.isin(MAY_PRECEDE_ESTABLISHED)
    for i in events.index[early]:
        errors.append(error("events", int(i), "date", events.at[i, "date"],
                            f"before the tie's establishment ({tie_by_id.at[events.at[i, 'tie_id'], 'established']})"))
    ended = partial_date_bounds(sch.lookup(events["tie_id"], tie_by_id["ended"]))["latest"]
    after_end = (partial_date_bounds(events["date"])["earliest"] > ended).fillna(False) & kind.isin(FORMAL_AGREEMENTS)
    for i in events.index[after_end]:
        errors.append(error("events", int(i), "date", events.at[i, "date"],
                            f"a formal agreement after the tie ended ({tie_by_id.at[events.at[i, 'tie_id'], 'ended']}); "
                            "a new agreement after a lapse is a new tie"))
    founding = events[kind == "established"]
    for i in founding.index[founding["tie_id"].duplicated()]:
        first = founding.loc[founding["tie_id"] == events.at[i, "tie_id"], "event_id"].iloc[0]
        errors.append(error("events", int(i), "event_type", "established",
                            f"a tie is established once: {first} is already its establishment; a later agreement is "
                            "mou_signed, renewed or upgraded, and two pages dating one signing are one event"))
    errors += _check_current_type(events, tie_by_id)
    errors += _check_type_named_by_agreement(events, ties)
    errors += _check_established_not_intent(events, ties)
    errors += _check_established_is_first_agreement(events, ties)
    errors += _check_establishment_carries_the_date(founding, tie_by_id)
    return errors


def check_merger_resignings(events: pd.DataFrame, ties: pd.DataFrame, places: pd.DataFrame) -> Errors:
    """A re-signing by a province merged on 2025-07-01 is an event of the old tie, never a second row (codebook
    §1): a tie of the merged province with the same partner body, carrying a formal agreement on the day of a
    recorded ``resigned_after_merger``, records that signing twice."""
    kind = events["event_type"].astype("string")
    resigned = events[(kind == "resigned_after_merger") & events["date"].notna()]
    if resigned.empty:
        return []
    heir = successor_ends(places)
    # both parties of each tie as place and body, the validator's notion of "same parties"
    parties = _party_keys(ties).assign(tie_id=ties["tie_id"].astype(object), row=ties.index)
    parties = parties.drop_duplicates("tie_id").set_index("tie_id")
    formal = events[kind.isin(FORMAL_AGREEMENTS) & events["date"].notna()]

    errors: Errors = []
    for old_id, day, event_id in resigned[["tie_id", "date", "event_id"]].itertuples(index=False):
        if old_id not in parties.index:
            continue  # a dangling tie id is reported by the foreign-key check
        old = parties.loc[old_id]
        # the old tie's parties, its Vietnamese place replaced by the province that absorbed it
        expected = (heir.get(old["vn_place"], old["vn_place"]), old["vn_body"], old["partner_place"], old["partner_body"])
        for other_id in formal.loc[(formal["date"] == day) & (formal["tie_id"] != old_id), "tie_id"].unique():
            if other_id not in parties.index:
                continue
            other = parties.loc[other_id]
            if (other["vn_place"], other["vn_body"], other["partner_place"], other["partner_body"]) == expected:
                errors.append(error("partnerships", int(other["row"]), "tie_id", other_id,
                                    f"the signing of {day} is already recorded as {event_id}, the re-signing of "
                                    f"{old_id} by the merged province: record it once, as an event of {old_id}"))
    return errors


def check_coverage_checks(frames: dict[str, pd.DataFrame]) -> Errors:
    """Each coverage-check row names a first-level unit searched (a Vietnamese province, or a foreign one in a check
    from the partner's side), a tie whose party on that side lies in it or in a unit joined to it by a merger or
    succession (a search of a province finds the merged province's partners;
    :func:`vnsister.load.merged_province_ends`), the same verdict for
    a tie listed twice in one check, and, for a tie the check added, the page it was found on among its sources."""
    rows = frames["coverage_checks"]
    if rows.empty:
        return []
    places = _by_key(frames["places"], "place_id")
    first_level = places[places["admin_level"].eq(1)].index
    merged = merged_province_ends(frames["places"])
    ties = _by_key(frames["partnerships"], "tie_id")
    errors: Errors = []
    for row, unit, tie_id in rows[["searched_province_id", "tie_id"]].itertuples():
        if unit not in first_level:
            if unit in places.index:  # an unknown id is reported by the foreign-key check
                errors.append(error("coverage_checks", int(row), "searched_province_id", unit,
                                    "not a first-level unit (admin_level 1): a Vietnamese province or a foreign "
                                    "province, region or prefecture"))
            continue
        if tie_id not in ties.index:
            continue
        column = searched_party_column(places.at[unit, "country"])
        party_place = ties.at[tie_id, column]
        if merged.get(party_place) != merged[unit]:
            side = "Vietnamese party" if column == "vn_place_id" else "partner"
            errors.append(error("coverage_checks", int(row), "tie_id", tie_id,
                                f"the tie's {side} ({party_place}) is not in {unit}, the unit searched, nor in a "
                                "unit joined to it by a merger or succession"))
    errors += _check_added_ties_cite_their_page(rows, frames)
    verdicts = rows.groupby(["check_name", "tie_id"], observed=True)["found_as"].nunique()
    for check, tie_id in verdicts[verdicts > 1].index:
        line = rows.index[(rows["check_name"] == check) & (rows["tie_id"] == tie_id)][-1]
        errors.append(error("coverage_checks", int(line), "found_as", tie_id,
                            f"{tie_id} is marked both already_recorded and added in check {check}"))
    return errors


def _check_added_ties_cite_their_page(rows: pd.DataFrame, frames: dict[str, pd.DataFrame]) -> Errors:
    """A tie a check added rests on the page the check found it on: that page is among the tie's sources."""
    added = rows[rows["found_as"] == "added"]
    if added.empty:
        return []
    url = _by_key(frames["sources"], "source_id")["url"]
    evidence = frames["evidence"].assign(page=frames["evidence"]["source_id"].map(url)).dropna(subset=["page"])
    cited = set(zip(evidence["tie_id"], evidence["page"].map(normalise_url), strict=True))
    return [error("coverage_checks", int(row), "url", page,
                  f"{tie_id} was added from this page, but no evidence of {tie_id} cites it")
            for row, tie_id, page in added[["tie_id", "url"]].itertuples() if (tie_id, normalise_url(page)) not in cited]


def _check_established_not_intent(events: pd.DataFrame, ties: pd.DataFrame) -> Errors:
    """``established`` is the first formal agreement: not a date that only a letter of intent or a proposal carries."""
    kind = events["event_type"].astype("string")
    on_day = pd.DataFrame({"tie_id": events["tie_id"].astype(object), "date": events["date"].astype(object),
                           "intent": kind.isin(BEFORE_TIE), "formal": kind.isin(FORMAL_AGREEMENTS)})
    on_day = on_day.dropna(subset=["date"]).groupby(["tie_id", "date"])[["intent", "formal"]].any()
    dated = ties[ties["established"].notna()]
    keys = pd.MultiIndex.from_arrays([dated["tie_id"].astype(object), dated["established"].astype(object)])
    found = on_day.reindex(keys, fill_value=False)
    only_intent = found["intent"].to_numpy(dtype=bool) & ~found["formal"].to_numpy(dtype=bool)
    return [error("partnerships", int(i), "established", ties.at[i, "established"],
                  "only a letter of intent or a proposal carries this date; established is the first formal "
                  "agreement (leave it empty if none is known)") for i in dated.index[only_intent]]


def _check_established_is_first_agreement(events: pd.DataFrame, ties: pd.DataFrame) -> Errors:
    """``established`` is the date of the first formal agreement: where a tie's events include dated formal
    agreements, it cannot lie before all of them (the founding agreement would be missing from the events)."""
    formal = events[events["event_type"].astype("string").isin(FORMAL_AGREEMENTS) & events["date"].notna()]
    first = (formal.assign(_day=partial_date_bounds(formal["date"])["earliest"]).dropna(subset=["_day"])
             .sort_values("_day").drop_duplicates("tie_id").set_index("tie_id"))
    start = partial_date_bounds(ties["established"])["latest"]
    first_day = sch.lookup(ties["tie_id"], first["_day"])
    errors: Errors = []
    for i in ties.index[(start < first_day).fillna(False)]:
        event = first.loc[ties.at[i, "tie_id"]]
        errors.append(error("partnerships", int(i), "established", ties.at[i, "established"],
                            f"earlier than the first formal agreement among its events ({event['event_id']}, "
                            f"{event['date']}); add the founding agreement as an event or correct the date"))
    return errors


def _check_current_type(events: pd.DataFrame, tie_by_id: pd.DataFrame) -> Errors:
    """The latest event that sets a type gives the tie's current type (any such event, if some are undated)."""
    errors: Errors = []
    typed = events[events["to_type"].notna() & ~events["event_type"].astype("string").isin(BEFORE_TIE)
                   & sch.member(events["tie_id"], tie_by_id.index)].copy()
    typed["_order"] = partial_date_bounds(typed["date"])["earliest"]
    typed["_current"] = sch.lookup(typed["tie_id"], tie_by_id["tie_type"]).astype("string")
    typed["_to"] = typed["to_type"].astype("string")
    undated_ties = set(typed.loc[typed["_order"].isna(), "tie_id"])
    undated = typed[sch.member(typed["tie_id"], undated_ties)]
    matched = set(undated.loc[undated["_to"] == undated["_current"], "tie_id"])
    for tie_id, group in undated[~sch.member(undated["tie_id"], matched)].groupby("tie_id", sort=True):
        errors.append(error("events", int(group.index[-1]), "to_type", group["_to"].iloc[-1],
                            f"no event makes {tie_id} {group['_current'].iloc[0]}"))
    dated = typed[~sch.member(typed["tie_id"], undated_ties)].sort_values("_order", kind="stable")
    last = dated[~dated.duplicated("tie_id", keep="last")]
    for i in last.index[last["_to"] != last["_current"]]:
        errors.append(error("events", int(i), "to_type", last.at[i, "_to"],
                            f"the latest event makes the tie {last.at[i, '_to']} but {last.at[i, 'tie_id']} "
                            f"is {last.at[i, '_current']}"))
    return errors


def _check_type_named_by_agreement(events: pd.DataFrame, ties: pd.DataFrame) -> Errors:
    """A tie whose formal agreements name a type has one of those types: a step that signs nothing (a visit,
    talks, a page's words for the relation) records those words in ``to_type`` but cannot retype a tie whose
    documents say what it is (codebook §3)."""
    agreed = events[events["event_type"].astype("string").isin(FORMAL_AGREEMENTS) & events["to_type"].notna()]
    named = agreed.groupby("tie_id", sort=True)["to_type"].agg(lambda types: sorted(set(types.astype("string"))))
    errors: Errors = []
    for i, tie_id, current in zip(ties.index, ties["tie_id"], ties["tie_type"].astype("string"), strict=True):
        types = named.get(tie_id)
        if types is not None and pd.notna(current) and current not in types:
            errors.append(error("partnerships", int(i), "tie_type", current,
                                f"{tie_id}'s formal agreements name it {' or '.join(types)}; a step that signs "
                                "nothing cannot retype it (record the document that did, or follow the agreements)"))
    return errors


def _check_establishment_carries_the_date(founding: pd.DataFrame, tie_by_id: pd.DataFrame) -> Errors:
    """A tie's ``established`` event (``founding``: the events of that type) is the signing its ``established``
    date names, so the two carry the same date, as precise as the page states it; a later founding-like signing is
    an upgrade or renewal (codebook §5). Events of unknown ties are left to the foreign-key check."""
    founding = founding[sch.member(founding["tie_id"], tie_by_id.index)]
    stated = sch.lookup(founding["tie_id"], tie_by_id["established"]).astype("string").fillna("")
    dates = founding["date"].astype("string").fillna("")
    return [error("events", int(i), "date", founding.at[i, "date"],
                  f"the establishment of {founding.at[i, 'tie_id']} must carry the tie's established date "
                  f"({stated.at[i] or 'empty'})") for i in founding.index[(dates != stated).to_numpy(dtype=bool)]]


def check_status(frames: dict[str, pd.DataFrame], released: str) -> Errors:
    """The status rule (``vnsister.timeline``): ``active`` needs dated evidence within the window before the
    release date; status ``lapsed`` exactly when the tie has a ``lapsed`` event."""
    from vnsister.timeline import STATUS_WINDOW_YEARS, evidence_days, status_cutoff

    ties = frames["partnerships"]
    if not released:
        return [error("datapackage", None, "created", "", "the release date (created) is missing; the status "
                      "rule needs it")]
    cutoff = status_cutoff(released)
    _, last_seen = evidence_days(ties, frames["events"], frames["sources"], frames["evidence"])
    last = sch.lookup(ties["tie_id"], last_seen)
    status = ties["status"].astype("string")
    errors: Errors = []
    for i in ties.index[(status == "active") & ~(last >= cutoff).fillna(False)]:
        seen = "no dated evidence" if pd.isna(last[i]) else f"latest dated evidence {last[i].date()}"
        errors.append(error("partnerships", int(i), "status", "active",
                            f"active needs dated evidence within {STATUS_WINDOW_YEARS} years of the release "
                            f"(since {cutoff.date()}); {seen}: use unknown"))
    lapse_events = frames["events"].loc[frames["events"]["event_type"].astype("string") == "lapsed", "tie_id"]
    has_lapse = sch.member(ties["tie_id"], lapse_events)
    for i in ties.index[has_lapse & (status != "lapsed")]:
        errors.append(error("partnerships", int(i), "status", status[i], "the tie has a lapsed event, so its status "
                            "must be lapsed"))
    for i in ties.index[~has_lapse & (status == "lapsed")]:
        errors.append(error("partnerships", int(i), "status", "lapsed", "status lapsed needs a lapsed event with "
                            "its source"))
    return errors


def _basis_set_with_date(frame: pd.DataFrame, table: str, date: str, basis: str, values: str) -> Errors:
    """A column that says what a date rests on is set exactly when the date is."""
    has_date, said = frame[date].notna(), frame[basis]
    return [error(table, int(i), basis, said[i], f"{basis} must be set ({values}) exactly when {date} is")
            for i in frame.index[has_date != said.notna()]]


def check_established_from(ties: pd.DataFrame) -> Errors:
    """``established_from`` says what an established date rests on (a dated signing or a dated statement of the
    setting-up, codebook §5): set exactly when ``established`` is."""
    return _basis_set_with_date(ties, "partnerships", "established", "established_from", "signing or statement")


def check_source_dates(sources: pd.DataFrame) -> Errors:
    """``published_from`` says where a publication date came from: set exactly when ``published`` is, and a date
    read from the URL must be the one the URL states."""
    from vnsister.sourcedates import date_from_url

    has_date, basis = sources["published"].notna(), sources["published_from"]
    errors = _basis_set_with_date(sources, "sources", "published", "published_from", "page or url")
    for i in sources.index[(basis.astype("string") == "url").fillna(False) & has_date]:
        stated = date_from_url(sources.at[i, "url"])
        if stated != sources.at[i, "published"]:
            errors.append(error("sources", int(i), "published", sources.at[i, "published"],
                                f"published_from is url, but the URL states {stated or 'no date'}"))
    return errors


def check_source_hosts(sources: pd.DataFrame) -> Errors:
    """No source is a copy on a betting, gambling or unrelated business site (:mod:`vnsister.sourcehosts`)."""
    return [error("sources", int(i), "url", url, f"a copy on {what}, whose pages are never cited: cite the original "
                  "story or another report of the same event (codebook §7)")
            for i, url in sources["url"].dropna().items() if (what := excluded_host(str(url)))]


def check_dated_pages(pages: pd.DataFrame, sources: pd.DataFrame) -> Errors:
    """A dated page outside the sources has a number in its site's numbering, is no source's page (a cited page is a
    source), and, where its URL states a date, is dated as the URL states (page order reads the two together)."""
    from vnsister.sourcedates import date_from_url, page_number

    cited = dict(zip(sources["url"].map(normalise_url), sources["source_id"], strict=True))
    errors: Errors = []
    for i, url, published in pages[["url", "published"]].itertuples():
        if page_number(url) is None:
            errors.append(error("dated_pages", int(i), "url", url,
                                "the address carries no page number, so the page says nothing of its site's numbering"))
        source_id = cited.get(normalise_url(url))
        if source_id is not None:
            errors.append(error("dated_pages", int(i), "url", url,
                                f"is the page of source {source_id}: a cited page is dated in sources"))
        stated = date_from_url(url)
        if stated and pd.notna(published) and not (stated.startswith(published) or published.startswith(stated)):
            errors.append(error("dated_pages", int(i), "published", published, f"the URL states {stated}"))
    return errors


def check_finding_queries(frames: dict[str, pd.DataFrame]) -> Errors:
    """Every published finding's ``dataset_query`` reads as a query whose place ids exist."""
    from vnsister.findings import Query  # the findings module counts with the tables; imported only when checking

    findings = frames.get("published_findings")
    if findings is None or "dataset_query" not in findings:
        return []
    places = set(frames["places"]["place_id"])
    errors: Errors = []
    for i, text in findings["dataset_query"].dropna().items():
        try:
            query = Query.parse(str(text))
            checks.place_ids("vn_places", query.vn_places, places)  # the findings' own check, with suggestions
            checks.place_ids("partner_places", query.partner_places, places)
        except ValueError as exc:
            errors.append(error("published_findings", int(i), "dataset_query", text, str(exc)))
    return errors


def check_evidence(frames: dict[str, pd.DataFrame]) -> Errors:
    """Every tie and event has evidence, evidence for an event names the event's tie, every source is used."""
    ties, events, sources, evidence = (frames[n] for n in ("partnerships", "events", "sources", "evidence"))
    errors: Errors = []
    for i in ties.index[~sch.member(ties["tie_id"], evidence["tie_id"])]:
        errors.append(error("partnerships", int(i), "tie_id", ties.at[i, "tie_id"], "tie has no evidence"))
    for i in events.index[~sch.member(events["event_id"], evidence["event_id"])]:
        errors.append(error("events", int(i), "event_id", events.at[i, "event_id"], "event has no evidence"))
    findings = frames.get("published_findings", pd.DataFrame({"source_id": pd.Series([], dtype=sch.STRING)}))
    cited = pd.concat([evidence["source_id"], findings["source_id"]], ignore_index=True)
    for i in sources.index[~sch.member(sources["source_id"], cited)]:
        errors.append(error("sources", int(i), "source_id", sources.at[i, "source_id"], "source is not used by any evidence"))
    event_tie = _by_key(events, "event_id")["tie_id"]
    linked = evidence[evidence["event_id"].notna()]
    mismatch = sch.lookup(linked["event_id"], event_tie)
    for i in linked.index[mismatch.notna() & (mismatch != linked["tie_id"])]:
        errors.append(error("evidence", int(i), "tie_id", evidence.at[i, "tie_id"],
                            f"event {evidence.at[i, 'event_id']} belongs to {mismatch[i]}"))
    return errors


