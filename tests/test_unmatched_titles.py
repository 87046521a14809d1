"""scripts/unmatched_titles.py: titles of cited pages in which the gazetteer misses a party of the tie."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import vnsister

REPO = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("unmatched_titles", REPO / "scripts" / "unmatched_titles.py")
unmatched_titles = importlib.util.module_from_spec(spec)
spec.loader.exec_module(unmatched_titles)


@pytest.fixture(scope="module")
def ds():
    return vnsister.load()


def test_a_title_naming_the_partner_is_not_listed_and_one_naming_neither_is(ds):
    found = unmatched_titles.unmatched(ds, "partner", "vi")
    pairs = set(zip(found["tie_id"], found["source_id"], strict=True))
    # "Tỉnh Bình Dương và TP Daejeon (Hàn Quốc) …" names Daejeon; "Gặp gỡ Hàn Quốc - Meet Korea 2022 …", cited for
    # Bình Dương's tie with Gangnam-gu, names no Korean place
    assert ("T0001", "S0001") not in pairs
    assert ("T0002", "S0002") in pairs
    assert list(found.columns) == ["place_id", "tie_id", "source_id", "title"]


def test_the_korean_spellings_added_from_titles_are_now_found(ds):
    found = unmatched_titles.unmatched(ds, "vn", "ko")
    assert not found["title"].str.contains("탱화성|퀴논시|쾅남성|껀더시").any()


def test_a_wrong_side_is_refused(ds):
    with pytest.raises(ValueError, match="side must be"):
        unmatched_titles.unmatched(ds, "foreign", "vi")
