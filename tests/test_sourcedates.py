"""Publication dates read from URLs: only where the pattern is unambiguous."""

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnsister import load, sourcedates, validate
from vnsister.sourcedates import (
    MAX_LATENESS,
    NUMBERING_FROM,
    SHARED_NUMBERING,
    date_from_url,
    page_number,
    page_order_bounds,
    site_lateness,
)

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


@pytest.fixture(scope="module")
def shipped():
    return load()


@pytest.fixture(scope="module")
def shipped_bounds(shipped):
    return page_order_bounds(shipped.sources, dated_pages=shipped.dated_pages).set_index("source_id")


def test_shipped_url_dates_agree_with_page_dates(shipped):
    # where a source has a date from its page, the URL's date (if any) names the same day, month or year,
    # give or take the day a site's clock puts in the address
    sources = shipped.sources
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
    # a mobile copy is the page; a print view's number is its last number, as before
    ("https://baoquocte.vn/hop-tac-91930.html&mobile=yes&amp=1", ("baoquocte.vn /N.html", 91930)),
    ("https://thoidai.com.vn/detail-article-79780.html&dm=d4c0&utime=MjAxOTA4", ("thoidai.com.vn /N.html", 79780)),
    ("https://thoidai.com.vn/apicenter@/print_article&i=218491", ("thoidai.com.vn /N", 218491)),
    # an id of ten or more digits is not a page number (Quảng Trị's portals give articles moved onto a new
    # platform in 2022 ids of that year: a page printed 11/02/2019 has id 1648002910023, March 2022)
    ("https://sotp.quangtri.gov.vn/chi-tiet/-/view-article/1/1648130461788/1693389854907", None),
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


def test_shipped_page_order_bound(shipped):
    # S0961 (en.vietnamplus.vn no. 235058, undated): the next dated page of that site above it is S2504
    # (no. 235537, published 2022-08-12); S0071 (no. 234932, 2022-08-04) is below it. Read from sources.csv.
    bounds = page_order_bounds(shipped.sources).set_index("source_id")
    assert bounds.loc["S0961", "published_by"] == pd.Timestamp("2022-08-12")
    assert bounds.loc["S0961", "anchor_id"] == "S2504"
    assert "S0071" not in bounds.index  # a dated page gets no bound


def test_shipped_sites_that_bound_are_the_codebooks(shipped_bounds):
    # docs/codebook.md §5 names the sites whose numbering bounds undated pages, with the dated pages outside the
    # sources; another must be named there too
    lateness = shipped_bounds.groupby("site")["lateness_days"].max().to_dict()
    assert lateness == {"en.vietnamplus.vn /N.vnp": 0, "lecourrier.vn /N.html": 0, "en.sggp.org.vn postN.html": 0,
                        "fr.vietnamplus.vn /N.vnp": 62, "vovworld.vn /N.vov": 0, "vietnamplus.vn postN.vnp": 0,
                        "baogialai.com.vn postN.html": 1, "baohatinh.vn /N.htm": 0,
                        "baophutho.vn /N.htm": 4, "cadn.com.vn postN.html": 0,
                        "newsdig.tbs.co.jp /N": 0, "baonghean.vn postN.html": 0, "thoidai.com.vn /N.html": 19,
                        "huengaynay.vn /N.html": 12}


def test_shipped_dated_pages_bound_the_sources_of_their_site(shipped, shipped_bounds):
    # S0875 (vovworld.vn no. 156476, undated; Hà Nội–Lazio): the next dated page of the site above it is P0146, the
    # Letter Box of Wednesday 3 July 2013 (no. 164996); S2013 (no. 340851) is bounded by P0151 (no. 344376,
    # 17 June 2015). Read from sources.csv and dated_pages.csv.
    assert shipped_bounds.loc["S0875", ["published_by", "anchor_id"]].tolist() == [pd.Timestamp("2013-07-03"), "P0146"]
    assert shipped_bounds.loc["S2013", ["published_by", "anchor_id"]].tolist() == [pd.Timestamp("2015-06-17"), "P0151"]
    # the site has one dated source, so without the dated pages it bounds nothing
    assert "S0875" not in page_order_bounds(shipped.sources).index


def test_shipped_late_sites_bound_a_year_after_their_anchor(shipped, shipped_bounds):
    # S2214 (fr.vietnamplus.vn no. 14531, undated): the French edition's lowest dated page is S2562 (no. 84011,
    # 2016-12), and a page of the edition came out 62 days late, so the bound is 2017-12-31.
    assert shipped_bounds.loc["S2214", ["published_by", "anchor_id"]].tolist() == [pd.Timestamp("2017-12-31"), "S2562"]
    # Thời Đại's older, smaller numbers are another site with five dated pages, which bounds nothing: S1509
    # (no. 53453); its main series bounds its pages a year late (test_shipped_sites_bound_their_pages)
    assert "S1509" not in shipped_bounds.index
    assert NUMBERING_FROM == {"thoidai.com.vn /N.html": 65267}
    # S2060 (tacnghiep.thoidai.com.vn no. 184100) shares its number with S2412 (thoidai.com.vn, 2023-04-01), the
    # same article: from the sources alone it is bounded as a page of thoidai.com.vn
    alone = page_order_bounds(shipped.sources).set_index("source_id")
    assert alone.loc["S2060", "site"] == "thoidai.com.vn /N.html"
    assert alone.loc["S1073", ["published_by", "anchor_id"]].tolist() == [pd.Timestamp("2024-12-01"), "S1317"]


def test_shipped_bao_ha_tinh_addresses_share_one_numbering(shipped_bounds):
    # Báo Hà Tĩnh's -postN.html addresses keep the numbers of its /N.htm pages: S2517 (post256565, undated) is
    # bounded by P0220 (/N.htm no. 258513, 2023-12), the next dated page above it in either shape; S2113
    # (post154281) by S1825 (/N.htm no. 185517, 2020-01)
    assert shipped_bounds.loc["S2517", ["site", "published_by", "anchor_id"]].tolist() == [
        "baohatinh.vn /N.htm", pd.Timestamp("2023-12-31"), "P0220"]
    assert shipped_bounds.loc["S2113", ["published_by", "anchor_id"]].tolist() == [pd.Timestamp("2020-01-31"), "S1825"]
    assert SHARED_NUMBERING["baohatinh.vn postN.html"] == "baohatinh.vn /N.htm"


@pytest.mark.parametrize(("source_id", "expected"), [
    # VietnamPlus's French -postN.vnp addresses keep the numbers of its /N.vnp pages, so S2692 (post31779,
    # undated) is bounded by S2562 (/N.vnp no. 84011, 2016-12, the edition's lowest dated page), a year later as
    # the edition's pages came out up to 62 days late
    pytest.param("S2692", ["fr.vietnamplus.vn /N.vnp", pd.Timestamp("2017-12-31"), "S2562", 62], id="fr-vietnamplus"),
    # Công an Đà Nẵng has 21 dated pages (two sources and eight dated pages to 0.47.0; ten dated pages and S2829
    # at 0.48.0), none late: S0556 (no. 255877, undated; Đà Nẵng–Qingdao) is below P0278 (no. 256023, 2022-01-21)
    pytest.param("S0556", ["cadn.com.vn postN.html", pd.Timestamp("2022-01-21"), "P0278", 0], id="cadn"),
    # TBS NEWS DIG numbers the articles of all its stations in one series (…/articles/mro/1160289 is
    # …/articles/-/1160289): its 20 dated pages (2022-12 to 2026-02, all dated_pages of 0.48.0) are in order, and
    # S1993 (no. 1142567, undated; Hội An–Niihama) is below P0288 (no. 1160289, 2024-05-09)
    pytest.param("S1993", ["newsdig.tbs.co.jp /N", pd.Timestamp("2024-05-09"), "P0288", 0], id="tbs"),
    # Báo Nghệ An's -postN.html pages (its /en/ and /fr/ editions use the same numbers) have 21 dated pages, none
    # late (13 sources, eight dated pages of 0.48.0). S2830 (/fr/ no. 276301, undated; the second justice
    # memorandum of Nghệ An–Xiengkhouang) is below S2192 (no. 278637, 2023-10-20)
    pytest.param("S2830", ["baonghean.vn postN.html", pd.Timestamp("2023-10-20"), "S2192", 0], id="baonghean"),
    # 0.49.0: Thời Đại's main series (from no. 65267) came out at most 19 days late (S2691, no. 174901,
    # 2022-09-05, after S0766, no. 175398, 2022-08-17), so its bounds are a year after the next dated page:
    # S1073 (no. 193735, undated; Hoàn Kiếm–Chanthabouly) is below S1317 (no. 193817, 2023-12-01), S1679
    # (no. 186736, undated; the three Nậm Pồ–Phongsaly district ties) below S1512 (no. 188023, 2023-06-30) until
    # 0.53.0, and since then below S2934 (no. 186950, 2023-06-07; Đồng Tháp–Yeoncheon)
    pytest.param("S1073", ["thoidai.com.vn /N.html", pd.Timestamp("2024-12-01"), "S1317", 19], id="hoan-kiem"),
    pytest.param("S1679", ["thoidai.com.vn /N.html", pd.Timestamp("2024-06-07"), "S2934", 19], id="nam-po"),
    # S2682 (tacnghiep.thoidai.com.vn no. 209514, undated; Hải Dương–Shandong) shares the numbering and is below
    # S1843 (no. 210016, 2025-02-08)
    pytest.param("S2682", ["thoidai.com.vn /N.html", pd.Timestamp("2026-02-08"), "S1843", 19], id="shandong"),
    # 0.50.0: Huế Ngày Nay (huengaynay.vn, not its news. host) has 27 dated pages (11 sources, 16 dated pages of
    # 0.50.0); S1855 (no. 161890, 2025-12-31) came out before S2199 (no. 161707, 2026-01-08), and since 0.51.0
    # before S2865 (no. 161837, 2026-01-12, a review cited by a published finding), 12 days late, so its bounds are
    # a year after the next dated page: S2859 (no. 155545, undated; the Huế and Shandong police) is below P0315
    # (no. 156112, 2025-08, so 2025-08-31)
    pytest.param("S2859", ["huengaynay.vn /N.html", pd.Timestamp("2026-08-31"), "P0315", 12], id="hue-police"),
])
def test_shipped_sites_bound_their_pages(shipped_bounds, source_id, expected):
    columns = ["site", "published_by", "anchor_id", "lateness_days"]
    assert shipped_bounds.loc[source_id, columns].tolist() == expected


def test_shipped_numberings_added_at_0_48(shipped, shipped_bounds):
    assert SHARED_NUMBERING["fr.vietnamplus.vn postN.vnp"] == "fr.vietnamplus.vn /N.vnp"
    # Công an Đà Nẵng with one dated page fewer (20) bounds nothing
    fewer = shipped.dated_pages[shipped.dated_pages["page_id"] != "P0269"]
    assert "S0556" not in page_order_bounds(shipped.sources, dated_pages=fewer).index
    # Báo Nghệ An's …/N.html pages are another site, which bounds nothing: …/so-tu-phap-…-10144706.html
    assert "S1693" not in shipped_bounds.index


def test_shipped_bao_phu_tho_bounds_a_year_after_its_anchor(shipped_bounds):
    # Báo Phú Thọ's page 247731 (P0261, 2026-02-16) came out four days after page 247737 (P0262, 2026-02-12),
    # numbered above it, so its bounds are a year after the next dated page: S2261 (no. 213941, undated) is below
    # P0226 (no. 236048, 2025-07-13), hence 2026-07-13
    assert shipped_bounds.loc["S2261", ["published_by", "anchor_id", "lateness_days"]].tolist() == [
        pd.Timestamp("2026-07-13"), "P0226", 4]


def test_the_check_pages_are_dated_pages(shipped, monkeypatch):
    # the dated pages of the checks of 0.34.0 and 0.41.0 (curation/audits/page_order_check_*.csv) are all in the
    # dated_pages table, with their dates; they show what the sources alone do not: VietnamPlus's French page
    # 161347 is dated 2022-01 below a page of 2021-10 (62 days late), and Thời Đại's pages 54832-55121 (2018) lie
    # below page 65267 (November 2016; 801 days), so they are read as an older series (NUMBERING_FROM)
    checks = pd.concat([pd.read_csv(path, dtype=str) for path in sorted(AUDITS.glob("page_order_check_*.csv"))])
    checks = checks[checks["published"].notna()]
    ds = shipped
    kept = ds.dated_pages.set_index("url")["published"]
    assert checks.set_index("url")["published"].to_dict().items() <= kept.to_dict().items()
    alone = site_lateness(ds.sources).set_index("site")["lateness_days"]
    both = site_lateness(ds.sources, ds.dated_pages).set_index("site")["lateness_days"]
    assert alone["fr.vietnamplus.vn /N.vnp"] == 0 and both["fr.vietnamplus.vn /N.vnp"] == 62
    assert alone["thoidai.com.vn /N.html"] == 19 and both["thoidai.com.vn /N.html"] == 19
    assert both["thoidai.com.vn /N.html below 65267"] == 0
    monkeypatch.setattr(sourcedates, "NUMBERING_FROM", {})
    one_series = site_lateness(ds.sources, ds.dated_pages).set_index("site")["lateness_days"]
    assert one_series["thoidai.com.vn /N.html"] == 801


def test_an_older_series_below_the_main_numbering_is_another_site():
    # 20 pages of the main series from 65267 up, in order, and three of an older series below it that came out
    # years later: the main series still bounds its undated page; the older one (three dated pages) bounds nothing
    main = [(65267 + 100 * i, f"{2001 + i}-01-15") for i in range(20)]
    older = [(54000, "2010-01-01"), (54100, "2011-01-01"), (54200, "2012-01-01"), (54150, None)]
    bounds = page_order_bounds(pages([*main, *older, (65300, None)], host="thoidai.com.vn"))
    assert bounds[["source_id", "site", "published_by", "lateness_days"]].values.tolist() == [
        ["S0024", "thoidai.com.vn /N.html", pd.Timestamp("2002-01-15"), 0]]
    lateness = site_lateness(pages([*main, *older], host="thoidai.com.vn")).set_index("site")["lateness_days"]
    assert lateness.to_dict() == {"thoidai.com.vn /N.html": 0, "thoidai.com.vn /N.html below 65267": 0}


def test_a_site_seen_late_bounds_a_year_later():
    late = in_order()
    late[3] = (1300, "2005-02-10")  # numbered below page 1400 (2005-01-15), out 26 days after it
    bounds = page_order_bounds(pages([*late, (1050, None)]))
    assert bounds[["published_by", "anchor_id", "lateness_days"]].values.tolist() == [
        [pd.Timestamp("2003-01-15"), "S0001", 26]]  # S0001 is 2002-01-15, moved a year


def test_a_site_seen_too_late_bounds_nothing():
    days_late = MAX_LATENESS.days + 1
    late = in_order()
    late[3] = (1300, (pd.Timestamp("2005-01-15") + pd.Timedelta(days=days_late)).strftime("%Y-%m-%d"))
    assert site_lateness(pages(late))["lateness_days"].tolist() == [days_late]
    assert page_order_bounds(pages([*late, (1050, None)])).empty
    # the same site within the limit bounds
    late[3] = (1300, (pd.Timestamp("2005-01-15") + MAX_LATENESS).strftime("%Y-%m-%d"))
    assert len(page_order_bounds(pages([*late, (1050, None)]))) == 1


def outside(numbers_dates: list[tuple[int, str]], host: str = "news.example") -> pd.DataFrame:
    """Dated pages outside the sources, as in the dated_pages table."""
    return pd.DataFrame({"page_id": [f"P{i:04d}" for i in range(len(numbers_dates))],
                         "url": [f"https://{host}/a/{n}.html" for n, _ in numbers_dates],
                         "published": [d for _, d in numbers_dates]})


def test_dated_pages_count_as_the_sites_own():
    # ten dated sources are too few to trust the site; ten dated pages outside them make twenty
    sources = pages([*in_order(10), (1050, None)])
    assert page_order_bounds(sources).empty
    more = outside([(3000 + 100 * i, f"{2011 + i}-01-15") for i in range(10)])
    bounds = page_order_bounds(sources, dated_pages=more)
    assert bounds[["source_id", "published_by", "anchor_id"]].values.tolist() == [
        ["S0010", pd.Timestamp("2002-01-15"), "S0001"]]
    # a dated page outside the sources numbered just above the undated one bounds it more closely
    closer = outside([(1060, "2001-03-01")])
    bounds = page_order_bounds(pages([*in_order(), (1050, None)]), dated_pages=closer)
    assert bounds[["published_by", "anchor_id", "lateness_days"]].values.tolist() == [
        [pd.Timestamp("2001-03-01"), "P0000", 0]]
    # a dated page outside the sources that came out after page 1200 (2003-01-15) makes the site late, or untrusted
    assert page_order_bounds(pages([*in_order(), (1050, None)]), dated_pages=outside([(1150, "2003-04-18")])).empty
    late = page_order_bounds(pages([*in_order(), (1050, None)]), dated_pages=outside([(1150, "2003-01-20")]))
    assert late[["published_by", "lateness_days"]].values.tolist() == [[pd.Timestamp("2003-01-15"), 5]]
    # site_lateness reads them the same way
    assert site_lateness(pages(in_order()), outside([(1150, "2003-01-20")])).values.tolist() == [
        ["news.example /N.html", 21, 5]]


def test_shared_numbering_joins_hosts():
    # a page of a host that shares its numbering with a trusted site is bounded by that site's dated pages
    dated = pd.DataFrame({"source_id": [f"S{i:04d}" for i in range(20)],
                          "url": [f"https://thoidai.com.vn/tin-{71000 + 100 * i}.html" for i in range(20)],
                          "published": [f"{2001 + i}-01-15" for i in range(20)]})
    other = pd.DataFrame({"source_id": ["S0100"], "url": ["https://tacnghiep.thoidai.com.vn/tin-71050.html"],
                          "published": [None]})
    bounds = page_order_bounds(pd.concat([dated, other], ignore_index=True))
    assert bounds[["source_id", "site", "published_by"]].values.tolist() == [
        ["S0100", "thoidai.com.vn /N.html", pd.Timestamp("2002-01-15")]]
    assert SHARED_NUMBERING["tacnghiep.thoidai.com.vn /N.html"] == "thoidai.com.vn /N.html"


@pytest.mark.parametrize(("bad", "words"), [
    ("x", "dated_pages must be a DataFrame"),
    (pd.DataFrame({"url": ["https://news.example/a/1050.html"], "published": ["2001"]}), "columns page_id"),
    (pd.DataFrame({"page_id": ["P0001"], "url": ["https://news.example/a/1050.html"], "published": [None]}),
     "page P0001 has no published date"),
    (pd.DataFrame({"page_id": ["S0001"], "url": ["https://news.example/a/1050.html"], "published": ["2001"]}),
     "ids must differ from source ids"),
])
def test_page_order_bounds_bad_dated_pages(bad, words):
    with pytest.raises(ValueError, match=words):
        page_order_bounds(pages(in_order()), dated_pages=bad)
    with pytest.raises(ValueError, match=words):
        site_lateness(pages(in_order()), bad)


@pytest.mark.parametrize("bad", [None, pd.DataFrame({"url": ["https://a.example/1000.html"]})])
def test_site_lateness_bad_sources(bad):
    with pytest.raises(ValueError, match="sources must be a DataFrame"):
        site_lateness(bad)


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


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=40), min_size=25, max_size=60),
       st.lists(st.integers(min_value=0, max_value=MAX_LATENESS.days), min_size=60, max_size=60),
       st.lists(st.booleans(), min_size=60, max_size=60))
def test_a_bound_never_precedes_the_true_date_on_a_site_seen_late(day_steps, delays, hidden):
    # page i is numbered when drafted (day_steps[:i + 1] days after 2010-01-01) and comes out up to MAX_LATENESS
    # later; some pages lose their date. Pages 0 and 1, drafted the same day, keep theirs, and page 0 comes out
    # MAX_LATENESS after page 1, so the site is seen late. Every bound must still be on or after the hidden page's
    # true day. (A site whose late pages all lost their dates is seen in order: that is the assumption the
    # bound of such a site rests on, not something a test can check.)
    day_steps, delays, hidden = list(day_steps), list(delays), list(hidden)
    day_steps[1], delays[0], delays[1], hidden[0], hidden[1] = 0, MAX_LATENESS.days, 0, False, False
    drafted = pd.Timestamp("2010-01-01") + pd.to_timedelta(pd.Series(day_steps).cumsum(), unit="D")
    days = drafted + pd.to_timedelta(pd.Series(delays[:len(drafted)]), unit="D")
    frame = pd.DataFrame({"source_id": [f"S{i:04d}" for i in range(len(days))],
                          "url": [f"https://news.example/a/{1000 + 10 * i}.html" for i in range(len(days))],
                          "published": [None if hidden[i] else d.strftime("%Y-%m-%d") for i, d in enumerate(days)]})
    bounds = page_order_bounds(frame, min_anchors=2).set_index("source_id")
    true_day = dict(zip(frame["source_id"], days, strict=True))
    for source_id, row in bounds.iterrows():
        assert row["published_by"] >= true_day[source_id]
