import json
from pathlib import Path

import pytest

from vnsister import event_types

SCHEMA = Path(__file__).resolve().parents[1] / "schemas" / "events.json"


def schema_event_types() -> set[str]:
    field = next(f for f in json.loads(SCHEMA.read_text(encoding="utf-8"))["fields"] if f["name"] == "event_type")
    return set(field["constraints"]["enum"])


def test_the_vocabulary_is_the_schemas():
    assert set(event_types.EVENT_TYPES) == schema_event_types()


def test_steps_before_a_tie_are_the_letter_and_the_proposal_and_never_formal_agreements():
    assert set(event_types.BEFORE_TIE) == {"letter_of_intent", "proposed"}
    assert not set(event_types.BEFORE_TIE) & set(event_types.FORMAL_AGREEMENTS)


def test_only_steps_before_a_tie_and_other_steps_may_predate_the_establishment():
    assert set(event_types.MAY_PRECEDE_ESTABLISHED) == {"letter_of_intent", "proposed", "other"}
    assert not set(event_types.MAY_PRECEDE_ESTABLISHED) & set(event_types.FORMAL_AGREEMENTS)


def test_formal_agreements_are_the_signings():
    assert set(event_types.FORMAL_AGREEMENTS) == {"mou_signed", "established", "upgraded", "renewed",
                                                  "resigned_after_merger"}


def test_a_group_naming_a_type_the_schema_lacks_fails(monkeypatch):
    monkeypatch.setattr(event_types, "EVENT_TYPES", tuple(t for t in event_types.EVENT_TYPES if t != "renewed"))
    with pytest.raises(ImportError, match="renewed"):
        event_types._check_groups()
