import pytest

from vnsister import load
from vnsister.purposes import VOCABULARY, purpose_shares, purposes_by_cohort, tie_purposes


def test_vocabulary_comes_from_the_schema():
    assert VOCABULARY[:3] == ["general_friendship", "trade_investment", "seasonal_labour"]
    assert len(VOCABULARY) == 14


def test_tie_purposes_derive_from_events(tiny):
    assert tie_purposes(load(tiny)).values.tolist() == [["T0001", "general_friendship"]]


def test_shares_and_cohorts(tiny):
    shares = purpose_shares(load(tiny), "general_friendship", partner_country=None)
    assert shares.loc[2008, "share"] == 1.0 and shares.loc[1984, "share"] == 0.0
    cohorts = purposes_by_cohort(load(tiny), partner_country=None)
    assert cohorts.loc[2000, "general_friendship"] == 1 and cohorts.loc[1980, "untagged"] == 1


def test_unknown_purpose_is_refused(tiny):
    with pytest.raises(ValueError, match="unknown purpose"):
        purpose_shares(load(tiny), "tourism")
