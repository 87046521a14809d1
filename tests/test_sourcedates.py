"""Publication dates read from URLs: only where the pattern is unambiguous."""

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnsister import load, validate
from vnsister.sourcedates import EXCLUDED_SITES, date_from_url, page_number, page_order_bounds

AUDITS = Path(__file__).resolve().parents[1] / "curation" / "audits"


@pytest.mark.parametrize(("url", "expected"), [
    ("https://example.vn/2014/12/05/tin.html", "2014-12-05"),
    ("https://example.vn/tin/2014/12/hop-tac", "2014-12"),
    ("https://example.vn/201412/hop-tac-123.htm", "2014-12"),
    ("https://www.newsis.com/view/?id=NISX20230923_0002460123", "2023-09-23"),
    ("https://www.yna.co.kr/view/AKR20170802123400061", "2017-08-02"),
    ("https://www.ots.at/presseaussendung/OTS_20030408_OTS0031/wien-unterstuetzt-hanoi", "2003-04-08"),
    ("https://example.at/OTS_20030408_OTS003/", ""),   # a shorter sequence is not that id
    ("https://www.kyeonggi.com/article/20231122580207", "2023-11-22"),
    ("https://m.ajunews.com/amp/20241022190221344", "2024-10-22"),
    ("https://busan.fnnews.com/news/201912170756526955", "2019-12-17"),  # day, time to the minute, sequence
    ("https://example.kr/news/2019121707765269551", ""),   # one digit more is no longer that id (nor a time: 07:76)
    ("https://kuk.kode.co.kr/article/view/kuk202511250230", "2025-11-25"),
    ("https://imaeil.com/page/view/2024092510203098721", "2024-09-25"),          # day, time to the second, 5 digits
    ("https://pressian.com/pages/articles/2024081413560901285", "2024-08-14"),
    ("https://www.asiae.co.kr/article/2026011508113310475?x=1", "2026-01-15"),
    ("https://example.kr/page/view/2024092525203098721", ""),   # hour 25: not a time of day, so not that id
    ("https://example.kr/page/view/20240925102030987210", ""),  # one digit more is no longer that id
    ("https://www.smartfn.co.kr/article/view/sfn202210040039", "2022-10-04"),
    ("https://78.ru/news/2024-05-21/beglov-v-peterburge", "2024-05-21"),
    ("https://baotintuc.vn/da-nang/ky-bien-ban-ghi-nho-hop-tac-20240523103844938.htm", "2024-05-23"),
    ("https://covid-19.chinadaily.com.cn/dfpd/2009-01/22/content_7422537.htm", "2009-01-22"),
    ("http://sl.china.com.cn/2019/1203/72043.shtml", "2019-12-03"),
    ("https://sports.donga.com/article/all/20250831/132288082/1", "2025-08-31"),  # a folder named by the day
    ("https://example.kr/article/20250831", ""),        # a last segment of eight digits may be an id
    ("http://berlin.de/ba-marzahn-hellersdorf/aktuelles/presse/archiv/20121002.1005.376102.html", "2012-10-02"),
    ("https://example.de/archiv/20121002.2575.376102.html", ""),  # 25:75 is no time of day
    ("https://example.de/archiv/20121002.1005.html", ""),         # a day and a time without an item number
    ("https://www.goodnewsfinland.com/en/articles/breaking-news/2019/south-ostrobothnia-and-hanoi-deepen-ties/", "2019"),
    # numbers that could be read as dates but are ids
    ("https://baodauthau.vn/gap-go-han-quoc-post131005.html", ""),
    ("http://www.gimhaenews.co.kr/news/articleView.html?idxno=49965", ""),
    ("https://en.vietnamplus.vn/quang-binh-boosts-cooperation-with-lao-locality/244552.vnp", ""),
    ("https://example.vn/20230230123456", ""),          # 30 February is no date
    ("https://example.vn/tin-20240523103844.htm", ""),  # a timestamp cut short is not the dated slug
    ("https://example.cn/2019/1332/1.shtml", ""),       # month 13
    ("https://example.vn/view/kuk2025112502301", ""),   # a longer number is not the dated id
    ("https://example.vn/2014/12/05/x/2015/01/02/", ""),  # two dates disagree
])
def test_date_from_url(url, expected):
    assert date_from_url(url) == expected


def test_bad_argument():
    with pytest.raises(ValueError, match="url=None"):
        date_from_url(None)


def test_shipped_url_dates_agree_with_page_dates():
    # where a source has a date from its page, the URL's date (if any) names the same day, month or year,
    # give or take the day a site's clock puts in the address
    sources = load().sources
    dated = sources[sources["published_from"] == "page"]
    checked = disagree = 0
    for url, published in zip(dated["url"], dated["published"], strict=True):
        from_url = date_from_url(url)
        if from_url:
            checked += 1
            disagree += not (published.startswith(from_url[:7]) or from_url.startswith(published))
    assert checked > 100 and disagree <= 3


def _corrupt_source(tiny, old: str, new: str):
    path = tiny / "dataset" / "sources.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return validate(tiny).errors


def test_published_from_must_accompany_a_date(tiny):
    errors = _corrupt_source(tiny, "Paper A,2023-10,page,", "Paper A,2023-10,,")
    assert ((errors["table"] == "sources") & (errors["field"] == "published_from") & (errors["row"] == 2)).any()


def test_url_date_must_be_the_urls(tiny):
    errors = _corrupt_source(tiny, "Paper A,2023-10,page,", "Paper A,2023-10,url,")
    assert ((errors["field"] == "published") & errors["message"].str.contains("URL states no date")).any()


@pytest.mark.parametrize(("url", "expected"), [
    ("https://en.vietnamplus.vn/da-nang-wants-to-beef-up-cooperation/235058.vnp", ("en.vietnamplus.vn /N.vnp", 235058)),
    ("https://www.vietnamplus.vn/hop-tac-post80695.vnp", ("vietnamplus.vn postN.vnp", 80695)),
    ("https://m.lecourrier.vn/a/210520.html", ("lecourrier.vn /N.html", 210520)),
    ("https://lecourrier.vn/cao-bang-collabore-210520/", ("lecourrier.vn /N", 210520)),
    ("http://www.gimhaenews.co.kr/news/articleView.html?idxno=49965", None),  # a number in the query
    ("https://example.vn/a/123.html", None),                                  # three digits: too short
    ("https://example.kr/article/20231122580207", None),                      # a dated id, not a page number
    ("https://example.vn/hop-tac-viet-lao", None),
])
def test_page_number(url, expected):
    assert page_number(url) == expected


def pages(numbers_dates: list[tuple[int, str | None]], host: str = "news.example") -> pd.DataFrame:
    return pd.DataFrame({"source_id": [f"S{i:04d}" for i in range(len(numbers_dates))],
                         "url": [f"https://{host}/a/{n}.html" for n, _ in numbers_dates],
                         "published": [d for _, d in numbers_dates]})


def in_order(count: int = 20) -> list[tuple[int, str | None]]:
    """``count`` dated pages numbered 1000, 1100, … and published 2001-01-15, 2002-01-15, … in that order."""
    return [(1000 + 100 * i, f"{2001 + i}-01-15") for i in range(count)]


def test_an_undated_page_is_bounded_by_the_next_dated_page_above_it():
    bounds = page_order_bounds(pages([*in_order(), (1050, None), (1100 + 1, None), (9999, None)]))
    got = {row.source_id: (row.published_by, row.anchor_id) for row in bounds.itertuples()}
    # 1050 lies between 1000 (S0000) and 1100 (S0001, 2002-01-15); 1101 between 1100 and 1200 (S0002, 2003-01-15);
    # 9999 is above every dated page, so nothing bounds it
    assert got == {"S0020": (pd.Timestamp("2002-01-15"), "S0001"), "S0021": (pd.Timestamp("2003-01-15"), "S0002")}


def test_a_month_bounds_to_its_last_day():
    dated = in_order()
    dated[5] = (1500, "2006-02")
    bounds = page_order_bounds(pages([*dated, (1450, None)]))
    assert bounds["published_by"].tolist() == [pd.Timestamp("2006-02-28")]


def test_a_site_needs_enough_dated_pages_in_order():
    assert page_order_bounds(pages([*in_order(19), (1050, None)])).empty
    assert len(page_order_bounds(pages([*in_order(19), (1050, None)]), min_anchors=19)) == 1
    out_of_order = in_order()
    out_of_order[10] = (2000, "2001-06-01")  # numbered after pages of 2002-2010, dated before them
    assert page_order_bounds(pages([*out_of_order, (1050, None)])).empty


def test_pages_of_another_site_or_shape_do_not_bound():
    other_host = pages([(1050, None)], host="other.example").assign(source_id="S0100")
    other_shape = pd.DataFrame({"source_id": ["S0101"], "url": ["https://news.example/a/x-post1050.html"],
                                "published": [None]})
    bounds = page_order_bounds(pd.concat([pages(in_order()), other_host, other_shape], ignore_index=True))
    assert bounds.empty


@pytest.mark.parametrize("bad", [None, pd.DataFrame({"source_id": ["S1"], "url": ["https://a.example/1000.html"]})])
def test_page_order_bounds_bad_sources(bad):
    with pytest.raises(ValueError, match="sources must be a DataFrame"):
        page_order_bounds(bad)


@pytest.mark.parametrize("bad", [1, True, "20", 2.5])
def test_page_order_bounds_bad_min_anchors(bad):
    with pytest.raises(ValueError, match="min_anchors="):
        page_order_bounds(pages(in_order()), min_anchors=bad)


def test_page_number_bad_argument():
    with pytest.raises(ValueError, match="url=None"):
        page_number(None)


def test_shipped_page_order_bound():
    # S0961 (en.vietnamplus.vn no. 235058, undated): the next dated page of that site above it is S2504
    # (no. 235537, published 2022-08-12); S0071 (no. 234932, 2022-08-04) is below it. Read from sources.csv.
    bounds = page_order_bounds(load().sources).set_index("source_id")
    assert bounds.loc["S0961", "published_by"] == pd.Timestamp("2022-08-12")
    assert bounds.loc["S0961", "anchor_id"] == "S2504"
    assert "S0071" not in bounds.index  # a dated page gets no bound


def test_shipped_sites_that_bound_are_the_codebooks():
    # docs/codebook.md §5 names the three sites whose numbering bounds undated pages; a fourth must be named there too
    sites = set(page_order_bounds(load().sources)["site"])
    assert sites == {"en.vietnamplus.vn /N.vnp", "lecourrier.vn /N.html", "en.sggp.org.vn postN.html"}


def test_the_check_pages_contradict_exactly_the_excluded_sites():
    # dated pages of the same sites outside the dataset (curation/audits/page_order_check_*.csv), added to the
    # dataset's pages: a site they put out of order must be excluded, and no other site may be
    checks = pd.concat([pd.read_csv(path, dtype=str) for path in sorted(AUDITS.glob("page_order_check_*.csv"))])
    sources = load().sources[["source_id", "url", "published"]]
    assert not set(checks["url"]) & set(sources["url"])
    extra = pd.DataFrame({"source_id": [f"X{i}" for i in range(len(checks))], "url": checks["url"].to_numpy(),
                          "published": checks["published"].to_numpy()})
    alone = set(page_order_bounds(sources, excluded=())["site"])
    with_checks = set(page_order_bounds(pd.concat([sources, extra], ignore_index=True), excluded=())["site"])
    assert alone - with_checks == set(EXCLUDED_SITES) == {"fr.vietnamplus.vn /N.vnp"}


def test_an_excluded_site_bounds_nothing():
    assert page_order_bounds(pages([*in_order(), (1050, None)]), excluded=["news.example /N.html"]).empty
    assert len(page_order_bounds(pages([*in_order(), (1050, None)]), excluded=["other.example /N.html"])) == 1
    # a generator is read once, before the sites are filtered
    assert page_order_bounds(pages([*in_order(), (1050, None)]), excluded=(s for s in ["news.example /N.html"])).empty


@pytest.mark.parametrize("bad", ["news.example /N.html", [1], 5])
def test_page_order_bounds_bad_excluded(bad):
    with pytest.raises(ValueError, match="excluded="):
        page_order_bounds(pages(in_order()), excluded=bad)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=40), min_size=25, max_size=60),
       st.lists(st.booleans(), min_size=60, max_size=60))
def test_a_bound_never_precedes_the_true_date_on_a_site_in_order(day_steps, hidden):
    # a site that publishes in number order: page i (number 1000 + 10 i) comes out day_steps[:i + 1] days after
    # 2010-01-01; some pages lose their date. Every bound must be on or after the hidden page's true day and
    # equal the next dated page's day.
    days = pd.Timestamp("2010-01-01") + pd.to_timedelta(pd.Series(day_steps).cumsum(), unit="D")
    frame = pd.DataFrame({"source_id": [f"S{i:04d}" for i in range(len(days))],
                          "url": [f"https://news.example/a/{1000 + 10 * i}.html" for i in range(len(days))],
                          "published": [None if hidden[i] else d.strftime("%Y-%m-%d") for i, d in enumerate(days)]})
    bounds = page_order_bounds(frame, min_anchors=2).set_index("source_id")
    true_day = dict(zip(frame["source_id"], days, strict=True))
    dated = frame.dropna(subset=["published"])
    for source_id, row in bounds.iterrows():
        assert row["published_by"] >= true_day[source_id]
        later = dated[dated["url"].map(lambda u: page_number(u)[1]) > row["number"]]
        assert row["published_by"] == true_day[later.iloc[0]["source_id"]]
    if len(dated) >= 2:  # every hidden page below the last dated one is bounded
        last = dated["url"].map(lambda u: page_number(u)[1]).max()
        below = frame[frame["published"].isna() & (frame["url"].map(lambda u: page_number(u)[1]) < last)]
        assert set(below["source_id"]) == set(bounds.index)
