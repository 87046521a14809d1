"""The dated_pages table: dated pages outside the sources, read only for their sites' numbering. The validator
refuses a page without a number, a page that is a source's, a date its URL contradicts and an incomplete row."""

from __future__ import annotations

import pytest

import vnsister
from tests.test_corruptions import append_row, assert_reported_at, replace_in
from vnsister.provenance import format_record, tie_record

PAGE = "P0001,https://example.org/news/ha-noi-12345.html,2023-11-02,date header,0.1.0"


def test_a_valid_dated_page_loads(tiny):
    ds = vnsister.load(tiny)
    assert ds.dated_pages[["page_id", "published", "shown"]].values.tolist() == [["P0001", "2023-11-02",
                                                                                  "date header"]]
    assert vnsister.validate(tiny).ok


@pytest.mark.parametrize(("corrupt", "field", "words"), [
    (lambda r: replace_in(r, "dated_pages", "ha-noi-12345.html", "ha-noi.html"), "url", "carries no page number"),
    (lambda r: replace_in(r, "dated_pages", "https://example.org/news/ha-noi-12345.html",
                          "https://example.org/2023/11/05/ha-noi-12345.html"), "published", "the URL states 2023-11-05"),
    (lambda r: replace_in(r, "dated_pages", "2023-11-02,date header", ",date header"), "published", "required"),
    (lambda r: replace_in(r, "dated_pages", "date header", "copy"), "shown", "not an allowed value"),
    (lambda r: replace_in(r, "dated_pages", "P0001,", "X0001,"), "page_id", "pattern"),
])
def test_bad_dated_pages_are_reported_at_their_row(tiny, corrupt, field, words):
    assert_reported_at(tiny, corrupt, "dated_pages", 2, field, words)


def test_a_cited_page_is_not_a_dated_page(tiny):
    # the page of source S0001 belongs in sources, where it is dated; here it would count twice
    replace_in(tiny, "sources", "S0001,https://example.org/a,", "S0001,https://example.org/news/ha-noi-12345.html,")
    report = vnsister.validate(tiny)
    hits = report.errors[(report.errors["table"] == "dated_pages") & (report.errors["field"] == "url")]
    assert hits["message"].str.contains("is the page of source S0001").any(), report.errors.to_string()


def test_a_repeated_address_is_reported(tiny):
    append_row(tiny, "dated_pages", PAGE.replace("P0001", "P0002"))
    assert_reported_at(tiny, lambda r: None, "dated_pages", 3, "url", "duplicate")


def test_a_tie_bounded_by_a_dated_page_names_it():
    # Hà Nội–Lazio (T0371) rests on an undated VOV World page (S0875, no. 156476); the next dated page of the site
    # is P0146 in dated_pages (no. 164996, 3 July 2013)
    ds = vnsister.load()
    record = tie_record(ds, "T0371")
    assert record.timeline["basis"] == "page order"
    assert "numbered before P0146 in dated_pages of its site" in format_record(record)
