import pytest

from vnsister import load
from vnsister.event_types import AGREEMENTS
from vnsister.purposes import VOCABULARY, purpose_shares, purposes_by_period, tie_purposes


def test_vocabulary_comes_from_the_schema():
    assert VOCABULARY[:3] == ["general_friendship", "trade_investment", "seasonal_labour"]
    assert len(VOCABULARY) == 14


def test_tie_purposes_derive_from_events(tiny):
    assert tie_purposes(load(tiny)).values.tolist() == [["T0001", "general_friendship"]]


def test_purposes_are_credited_to_the_agreement_date(tiny):
    # T0001's MoU (2008, general_friendship) and its untagged 2013 upgrade; ties without events do not count
    shares = purpose_shares(load(tiny), "general_friendship", partner_country=None)
    assert shares.loc["2008", "share"] == 1.0 and shares.loc["2013", "share"] == 0.0
    assert list(shares.index) == ["2008", "2013"]
    periods = purposes_by_period(load(tiny), partner_country=None)
    assert periods.loc["2000s", "general_friendship"] == 1 and periods.loc["2010s", "untagged"] == 1


def test_a_later_agreement_counts_in_its_own_decade(tiny):
    # a 2024 seasonal-labour agreement of the 1984 tie counts in the 2020s, not in the 1980s
    path = tiny / "dataset" / "events.csv"
    path.write_text(path.read_text(encoding="utf-8") + "E0003,T0003,mou_signed,2024-03-01,,,MoU,seasonal_labour,\n",
                    encoding="utf-8")
    periods = purposes_by_period(load(tiny), partner_country=None)
    assert periods.loc["2020s", "seasonal_labour"] == 1 and "1980s" not in periods.index


def test_undated_agreements_have_their_own_row(tiny):
    path = tiny / "dataset" / "events.csv"
    path.write_text(path.read_text(encoding="utf-8") + "E0003,T0003,mou_signed,,,,MoU,health,\n", encoding="utf-8")
    assert purposes_by_period(load(tiny), partner_country=None).loc["undated", "health"] == 1
    assert purpose_shares(load(tiny), "health", partner_country=None).loc["undated", "with_purpose"] == 1


@pytest.mark.parametrize(("kwargs", "match"), [
    ({"purpose": "tourism"}, "purpose='tourism' is not allowed"),
    ({"partner_country": "Korea"}, "partner_country='Korea'"),
])
def test_bad_arguments_are_refused(tiny, kwargs, match):
    with pytest.raises(ValueError, match=match):
        purpose_shares(load(tiny), **kwargs)


def test_bad_period_is_refused(tiny):
    with pytest.raises(ValueError, match="period"):
        purposes_by_period(load(tiny), period=0)


def test_agreements_are_every_event_type_but_lapses_and_proposals():
    assert {"letter_of_intent", "mou_signed", "established", "upgraded", "renewed", "resigned_after_merger",
            "other"} == set(AGREEMENTS)


def test_a_proposal_carries_no_purpose_into_counts(tiny):
    # a proposed agreement tagged health is not an agreement: no health row appears
    path = tiny / "dataset" / "events.csv"
    path.write_text(path.read_text(encoding="utf-8") + "E0003,T0003,proposed,2024-03-01,,,talks,health,\n",
                    encoding="utf-8")
    periods = purposes_by_period(load(tiny), partner_country=None)
    assert "health" not in periods.columns or periods["health"].sum() == 0


def test_every_purpose_tag_and_untagged_has_one_readable_label():
    from vnsister.purposes import PURPOSE_LABELS, VOCABULARY

    assert set(PURPOSE_LABELS) == {*VOCABULARY, "untagged"}
    assert len(set(PURPOSE_LABELS.values())) == len(PURPOSE_LABELS)  # no two tags read the same
    assert PURPOSE_LABELS["seasonal_labour"] == "Seasonal labour"
    assert all("_" not in label for label in PURPOSE_LABELS.values())
