"""Publication dates read from URLs: only where the pattern is unambiguous."""

import pytest

from vnsister import load, validate
from vnsister.sourcedates import date_from_url


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
    ("https://example.kr/news/2019121707565269551", ""),                 # one digit more is no longer that id
    ("https://kuk.kode.co.kr/article/view/kuk202511250230", "2025-11-25"),
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
