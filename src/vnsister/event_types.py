"""What each kind of step in a tie's history means: the groups of event types, in one place.

The vocabulary is the events schema's (``schemas/events.json``, field ``event_type``). Every group below names
types of that vocabulary, and importing this module fails if a group names a type the schema does not have, so a
renamed type cannot silently drop out of a rule. The time rule (:mod:`vnsister.timeline`), the validator, the
purpose counts (:mod:`vnsister.purposes`) and the intake tool read their groups from here.

Examples
--------
>>> "letter_of_intent" in BEFORE_TIE and "letter_of_intent" not in FORMAL_AGREEMENTS
True
>>> "proposed" in AGREEMENTS
False
"""

from __future__ import annotations

from vnsister import schema as sch

__all__ = ["AGREEMENTS", "BEFORE_TIE", "EVENT_TYPES", "FORMAL_AGREEMENTS", "LETTER_OF_INTENT", "MAY_PRECEDE_ESTABLISHED",
           "NOT_AGREEMENTS", "SIGNINGS"]

EVENT_TYPES: tuple[str, ...] = tuple(sch.enum_values("events", "event_type"))

LETTER_OF_INTENT = "letter_of_intent"
# Steps before a tie exists (a letter of intent; a proposal, talks, an approval to sign, a draft): they are not
# evidence that the tie existed and never give its ``established`` date (codebook §2, §5).
BEFORE_TIE: tuple[str, ...] = (LETTER_OF_INTENT, "proposed")
# Steps that may be dated before the tie's ``established`` date: the steps before a tie, and ``other`` steps
# (cooperation "since" a year, a visit), since relations often predate the first signed agreement (codebook §5).
MAY_PRECEDE_ESTABLISHED: tuple[str, ...] = (*BEFORE_TIE, "other")
# Signings that found, upgrade, renew or re-sign a tie.
FORMAL_AGREEMENTS: tuple[str, ...] = ("mou_signed", "established", "upgraded", "renewed", "resigned_after_merger")
# Steps that sign a document, the formal agreements and a letter of intent: the document's name sets a tie's type;
# a tie with none of them is typed from the words its pages use for the relation (codebook §3).
SIGNINGS: tuple[str, ...] = (*FORMAL_AGREEMENTS, LETTER_OF_INTENT)
# Agreements whose purposes are counted: every type but a lapse and a proposal (derived, so that a type added to
# the schema is counted unless it is listed here). Purposes are credited to the agreement's own date.
NOT_AGREEMENTS: tuple[str, ...] = ("lapsed", "proposed")
AGREEMENTS: tuple[str, ...] = tuple(t for t in EVENT_TYPES if t not in NOT_AGREEMENTS)


def _check_groups() -> None:
    """Fail on import if a group (every public name but the vocabulary itself) names an event type the schema does
    not define."""
    for name in sorted(set(__all__) - {"EVENT_TYPES"}):
        group = globals()[name]
        unknown = sorted({group} - set(EVENT_TYPES) if isinstance(group, str) else set(group) - set(EVENT_TYPES))
        if unknown:
            raise ImportError(f"{name} names event types that schemas/events.json does not define: {unknown}")


_check_groups()
