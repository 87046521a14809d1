"""Publication dates read from a source's URL, where the URL's pattern leaves no doubt.

Many news sites put the publication date in the address: ``/2014/12/05/``, ``/201412/``, an article id that
starts with the day (``NISX20230923…``, ``AKR20230923…``, ``OTS_20030408_OTS0031``, ``/article/20231122580207``,
``/kuk202511250230``), a date in the slug (``…-2019-10-21.html``) or a timestamp to the millisecond
(``…-20240523103844938.htm``), the split forms of Chinese sites (``/2009-01/22/``, ``/2019/1203/``), or a folder
named by the day (``/article/all/20250831/132288082/``) or a press archive's day and time of day
(``/archiv/20121002.1005.376102.html``). :func:`date_from_url` returns that date as a partial date
(``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``), or ``""`` when no pattern matches or two patterns disagree.
A bare number that merely could be a date (``post131005``, ``?idxno=49965``) is never read as one.

An undated page is never given a date, but its place in its site's numbering can bound it from above:
:func:`page_order_bounds` says that a page numbered before a dated page of the same site was published by that
page's date. It does so only for sites with at least ``MIN_ANCHORS`` dated pages, the dated sources and the dated
pages outside them (the ``dated_pages`` table) together, which is the evidence that the site numbers its pages as
it publishes them. A site where a dated page came out after one numbered above it (:func:`site_lateness`) is
trusted only if no page came out more than ``MAX_LATENESS`` late, and its bounds are then moved ``LATENESS_SLACK``
later. Hosts that share one numbering (``SHARED_NUMBERING``) count as one site, and the older series of a site
whose main numbering starts at a known page (``NUMBERING_FROM``) as another. The time rule
(:mod:`vnsister.timeline`) uses such a bound only for a tie that has no dated evidence at all, and says so (basis
``page order``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

import pandas as pd

from vnsister.dates import parse_partial_date, partial_date_bounds

__all__ = ["LATENESS_SLACK", "MAX_LATENESS", "MIN_ANCHORS", "NUMBERING_FROM", "SHARED_NUMBERING",
           "date_from_url", "page_number", "page_order_bounds", "site_lateness"]

_YEAR = r"(19[89]\d|20[0-4]\d)"
_MONTH = r"(0[1-9]|1[0-2])"
_DAY = r"(0[1-9]|[12]\d|3[01])"
# Each pattern, tried on the URL's path and query, gives (year, month, day) groups; a month or day may be absent.
_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"/{_YEAR}/{_MONTH}/{_DAY}(?:/|$|[-_.])"),                 # /2014/12/05/
    re.compile(rf"/{_YEAR}-{_MONTH}-{_DAY}(?:/|$|[-_.])"),                 # /2014-12-05/
    re.compile(rf"[-_/]{_YEAR}-{_MONTH}-{_DAY}(?:\.html?|/|$)"),           # …-2019-10-21.html
    re.compile(rf"(?:^|[/=])[A-Z]{{2,5}}{_YEAR}{_MONTH}{_DAY}_?\d{{4,}}"),  # NISX20230923_…, AKR20230923…
    re.compile(rf"/[A-Z]{{2,5}}_{_YEAR}{_MONTH}{_DAY}_[A-Z]{{2,5}}\d{{4}}(?:$|[/&.?#])"),  # /OTS_20030408_OTS0031/
    re.compile(rf"(?:^|[/=]){_YEAR}{_MONTH}{_DAY}\d{{4,10}}(?:$|[/&.?#])"),  # /article/20231122580207, /news/2019…6955
    re.compile(rf"/[a-z]{{2,5}}{_YEAR}{_MONTH}{_DAY}\d{{4}}(?:$|[/&.?#])"),   # /article/view/kuk202511250230
    re.compile(rf"-{_YEAR}{_MONTH}{_DAY}\d{{9}}\.html?$"),                    # …-20240523103844938.htm (to the ms)
    # an article id that is the moment of filing to the second and five more digits: /view/2024092510203098721
    re.compile(rf"(?:^|[/=]){_YEAR}{_MONTH}{_DAY}(?:[01]\d|2[0-3])[0-5]\d[0-5]\d\d{{5}}(?:$|[/&.?#])"),
    re.compile(rf"/{_YEAR}-{_MONTH}/{_DAY}/"),                             # /2009-01/22/content_…
    re.compile(rf"/{_YEAR}{_MONTH}{_DAY}/"),                               # /article/all/20250831/132288082/
    re.compile(rf"/{_YEAR}{_MONTH}{_DAY}\.(?:[01]\d|2[0-3])[0-5]\d\.\d+\.html?$"),  # /archiv/20121002.1005.376102.html
    re.compile(rf"/{_YEAR}/{_MONTH}{_DAY}/"),                              # /2019/1203/72043.shtml
    re.compile(rf"/{_YEAR}/{_MONTH}(?:/|$)"),                              # /2014/12/
    re.compile(rf"/{_YEAR}{_MONTH}/"),                                     # /201412/
    re.compile(rf"/{_YEAR}/(?=[^/]*[a-z][^/]*-)"),                         # /2019/a-slug-with-words
)


def _candidates(text: str) -> list[str]:
    found = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            parts = [g for g in match.groups() if g]
            date = "-".join(parts)
            try:
                parse_partial_date(date)
            except ValueError:  # 2023-02-30 and the like: not a date
                continue
            found.append(date)
    return found


def date_from_url(url: str) -> str:
    """The publication date a URL states unambiguously, as a partial date; ``""`` if it states none.

    Examples
    --------
    >>> date_from_url("https://example.vn/2014/12/05/tin-hop-tac.html")
    '2014-12-05'
    >>> date_from_url("https://www.newsis.com/view/NISX20230923_0002460123")
    '2023-09-23'
    >>> date_from_url("https://www.kyeonggi.com/article/20231122580207")
    '2023-11-22'
    >>> date_from_url("https://busan.fnnews.com/news/200705201442402869")
    '2007-05-20'
    >>> date_from_url("https://baodauthau.vn/hop-tac-post131005.html")
    ''
    """
    if not isinstance(url, str):
        raise ValueError(f"url={url!r} must be a string")
    parts = urlsplit(url)
    text = unquote(parts.path) + ("?" + unquote(parts.query) if parts.query else "")
    found = _candidates(text)
    if not found:
        return ""
    most_precise = max(found, key=len)
    # every other reading must agree with the most precise one (a prefix of it), or the URL is ambiguous
    if all(most_precise.startswith(other) for other in found):
        return most_precise
    return ""


# A site's numbering is trusted only when at least this many of its pages are dated (sources and dated pages).
MIN_ANCHORS = 20
# A page may come out a little after pages numbered above it (an article numbered as a draft, published later).
# A site is trusted only if no dated page came out more than MAX_LATENESS after one numbered above it; where any
# page came out late, every bound of the site is moved LATENESS_SLACK later, over four times the most seen on a
# trusted site (62 days, VietnamPlus's French edition).
MAX_LATENESS = pd.Timedelta(days=92)
LATENESS_SLACK = pd.DateOffset(years=1)
# Sites that share one numbering with another (the same number is the same article on both hosts or address
# shapes, as for thoidai.com.vn/…-184100.html and tacnghiep.thoidai.com.vn/…-184100.html), and the site they count as.
SHARED_NUMBERING: dict[str, str] = {
    "thoidai.com.vn /N": "thoidai.com.vn /N.html",  # the print view, …/print_article&i=218491
    "tacnghiep.thoidai.com.vn /N.html": "thoidai.com.vn /N.html",
    "tacnghiep.thoidai.com.vn /N": "thoidai.com.vn /N.html",
    # Báo Hà Tĩnh's newer addresses keep the article's number: …/chi-so-gia-tieu-dung-quy-i-…/229167.htm is
    # …/ha-tinh-chi-so-gia-tieu-dung-quy-i-…-post229167.html (so too 226462 and 253119)
    "baohatinh.vn postN.html": "baohatinh.vn /N.htm",
    # VietnamPlus's French edition keeps the number too: …/noel-et-nouvel-an-a-da-lat-la-ville-de-lamour/113174.vnp is
    # …/noel-et-nouvel-an-a-da-lat-la-ville-de-lamour-post113174.vnp (so too 31833, 32102, 33377 and 45348)
    "fr.vietnamplus.vn postN.vnp": "fr.vietnamplus.vn /N.vnp",
}
# Sites whose main numbering starts at a known page, with an older series of smaller numbers that went on beside
# it, and that number. Pages numbered below it count as another site, ``"<site> below <number>"``. Thời Đại's pages
# 53,710 to 55,121 came out from August 2016 to January 2019, while page 65,267 came out in November 2016 and its
# dated pages from 65,267 up came out in number order (none more than 19 days late).
NUMBERING_FROM: dict[str, int] = {"thoidai.com.vn /N.html": 65267}
# The page's number ends the last segment of the path: ``…/235058.vnp``, ``…-post80695.vnp``, ``…-210520.html``.
_PAGE_NUMBER = re.compile(r"(?:^|[^0-9])(post)?([0-9]{4,9})(\.[a-z]{2,5})?$")
# A query written into the path after the page's name: ``…-91930.html&mobile=yes&amp=1`` is ``…-91930.html``.
_QUERY_IN_PATH = re.compile(r"(\.[a-z]{2,5})&.*$")
_ORDER_COLUMNS = ["source_id", "site", "number", "published_by", "anchor_id", "lateness_days"]


def page_number(url: str) -> tuple[str, int] | None:
    """The site (host, and the shape of its page addresses) and the page's number, or ``None`` without one.

    Pages of one host whose addresses have another shape (``-post123.vnp`` beside ``/123.vnp``, another file
    extension) are numbered apart and so count as another site. A number in the query string is not read. A
    copy whose address carries a query after ``&`` in the path (a mobile view, ``…-91930.html&mobile=yes&amp=1``)
    is the page itself.

    Examples
    --------
    >>> page_number("https://en.vietnamplus.vn/da-nang-wants-to-beef-up-cooperation/235058.vnp")
    ('en.vietnamplus.vn /N.vnp', 235058)
    >>> page_number("https://www.vietnamplus.vn/hop-tac-post80695.vnp")
    ('vietnamplus.vn postN.vnp', 80695)
    >>> page_number("https://baoquocte.vn/hop-tac-91930.html&mobile=yes&amp=1")
    ('baoquocte.vn /N.html', 91930)
    >>> page_number("http://www.gimhaenews.co.kr/news/articleView.html?idxno=49965") is None
    True
    """
    if not isinstance(url, str):
        raise ValueError(f"url={url!r} must be a string")
    parts = urlsplit(url)
    host = re.sub(r"^(?:www\d?|m)\.", "", parts.netloc.lower()).rstrip(".")
    last = _QUERY_IN_PATH.sub(r"\1", unquote(parts.path).rstrip("/").rsplit("/", 1)[-1])
    match = _PAGE_NUMBER.search(last)
    if not host or not match:
        return None
    post, number, extension = match.groups()
    shape = ("post" if post else "/") + "N" + (extension or "")
    return f"{host} {shape}", int(number)


def page_order_bounds(sources: pd.DataFrame, min_anchors: int = MIN_ANCHORS, excluded: Iterable[str] = (),
                      dated_pages: pd.DataFrame | None = None) -> pd.DataFrame:
    """For each undated source numbered before a dated page of its site: the last day by which it was published.

    The dated pages of a site are its dated sources and its pages in ``dated_pages`` (dated pages outside the
    sources: columns ``page_id``, ``url``, ``published``, as in the ``dated_pages`` table). A site qualifies when it
    is not in ``excluded``, at least ``min_anchors`` of its pages are dated, and no dated page came out more than
    ``MAX_LATENESS`` after a page numbered above it. Each undated source of such a site gets the last day of the next
    dated page above it (``anchor_id``, a source or page id), moved ``LATENESS_SLACK`` later if any page of the site
    came out late (``lateness_days``, the most seen, 0 if none): ``published_by``. A page numbered above every dated
    page gets no bound. Sites named in ``SHARED_NUMBERING`` count as the site they share their numbering with, and
    pages numbered below the start of a site's main numbering (``NUMBERING_FROM``) as its older series.
    Columns: ``source_id``, ``site``, ``number``, ``published_by``, ``anchor_id``, ``lateness_days``.

    Examples
    --------
    >>> import pandas as pd
    >>> pages = pd.DataFrame({"source_id": ["S1", "S2", "S3", "S4"],
    ...     "url": [f"https://news.example/a/{n}.html" for n in (1000, 1500, 2000, 3000)],
    ...     "published": ["2020-01", None, "2020-03-05", None]})
    >>> page_order_bounds(pages, min_anchors=2)[["source_id", "published_by", "anchor_id"]].values.tolist()
    [['S2', Timestamp('2020-03-05 00:00:00'), 'S3']]
    >>> outside = pd.DataFrame({"page_id": ["P1"], "url": ["https://news.example/a/1900.html"],
    ...     "published": ["2020-02-20"]})  # a dated page outside the sources bounds S2 more closely
    >>> page_order_bounds(pages, min_anchors=2, dated_pages=outside)[["published_by", "anchor_id"]].values.tolist()
    [[Timestamp('2020-02-20 00:00:00'), 'P1']]
    """
    _check_sources(sources)
    if isinstance(min_anchors, bool) or not isinstance(min_anchors, int) or min_anchors < 2:
        raise ValueError(f"min_anchors={min_anchors!r} must be an integer of at least 2")
    excluded = _site_names(excluded, "excluded")
    pages = _all_pages(sources, dated_pages)
    # only sites with enough dated pages and at least one undated page can bound anything
    has_date = pages["earliest"].notna()
    dated_count = has_date.groupby(pages["site"]).sum()
    undated_count = (~has_date).groupby(pages["site"]).sum()
    candidates = dated_count.index[(dated_count >= min_anchors) & (undated_count > 0)].difference(list(excluded))
    pages = pages[pages["site"].isin(candidates)]
    bounds = [_site_bounds(site_pages) for _, site_pages in pages.groupby("site", sort=True)]
    found = [b for b in bounds if len(b)]
    if not found:
        empty = {"published_by": "datetime64[ns]", "number": "int64", "lateness_days": "int64"}
        return pd.DataFrame({c: pd.Series(dtype=empty.get(c, object)) for c in _ORDER_COLUMNS})
    return pd.concat(found, ignore_index=True)[_ORDER_COLUMNS].sort_values("source_id", ignore_index=True)


def site_lateness(sources: pd.DataFrame, dated_pages: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per numbered site: its dated pages (in ``sources`` and ``dated_pages``, as for :func:`page_order_bounds`)
    and the most days by which one came out after a page numbered above it (0 if they are in order), as
    :func:`page_order_bounds` reads them.

    Examples
    --------
    >>> import pandas as pd
    >>> pages = pd.DataFrame({"source_id": ["S1", "S2", "S3"],
    ...     "url": [f"https://news.example/a/{n}.html" for n in (1000, 1500, 2000)],
    ...     "published": ["2020-01-20", "2020-02-10", "2020-02-01"]})
    >>> site_lateness(pages).values.tolist()  # page 1500 came out nine days after page 2000
    [['news.example /N.html', 3, 9]]
    """
    _check_sources(sources)
    pages = _all_pages(sources, dated_pages).dropna(subset=["earliest"])
    rows = [(site, len(site_pages), _lateness(_dated_in_order(site_pages)))
            for site, site_pages in pages.groupby("site", sort=True)]
    return pd.DataFrame(rows, columns=["site", "dated_pages", "lateness_days"]).astype(
        {"site": object, "dated_pages": "int64", "lateness_days": "int64"})


def _check_sources(sources: pd.DataFrame) -> None:
    if not isinstance(sources, pd.DataFrame) or not {"source_id", "url", "published"} <= set(sources.columns):
        raise ValueError("sources must be a DataFrame with the columns source_id, url and published")


def _site_names(names: Iterable[str], argument: str) -> tuple[str, ...]:
    if isinstance(names, str) or not isinstance(names, Iterable):
        raise ValueError(f"{argument}={names!r} must be a collection of site names such as 'example.vn /N.html'")
    names = tuple(names)  # read once: a generator would be empty by the time the sites are filtered
    if not all(isinstance(site, str) for site in names):
        raise ValueError(f"{argument}={names!r} must be a collection of site names such as 'example.vn /N.html'")
    return names


def _all_pages(sources: pd.DataFrame, dated_pages: pd.DataFrame | None) -> pd.DataFrame:
    """The numbered pages of ``sources`` and of ``dated_pages`` (ids in ``source_id``), checked."""
    if dated_pages is None:
        return _numbered_pages(sources)
    if not isinstance(dated_pages, pd.DataFrame) or not {"page_id", "url", "published"} <= set(dated_pages.columns):
        raise ValueError("dated_pages must be a DataFrame with the columns page_id, url and published")
    if dated_pages["published"].isna().any():
        raise ValueError("dated_pages must all be dated: page "
                         f"{dated_pages.loc[dated_pages['published'].isna(), 'page_id'].iloc[0]} has no published date")
    clash = set(dated_pages["page_id"]) & set(sources["source_id"])
    if clash:
        raise ValueError(f"dated_pages ids must differ from source ids: {sorted(clash)[:3]}")
    outside = _numbered_pages(dated_pages.rename(columns={"page_id": "source_id"}))
    if outside.empty:  # nothing to add (and concatenating an empty frame would blur the column types)
        return _numbered_pages(sources)
    return pd.concat([_numbered_pages(sources), outside], ignore_index=True)


def _numbered_pages(sources: pd.DataFrame) -> pd.DataFrame:
    """The numbered pages of ``sources``: site (shared numberings joined), number, earliest and latest day."""
    numbered = sources["url"].map(page_number)
    days = partial_date_bounds(sources["published"])
    site = numbered.map(lambda n: n and _series(SHARED_NUMBERING.get(n[0], n[0]), n[1]))
    return pd.DataFrame({"source_id": sources["source_id"], "site": site,
                         "number": numbered.map(lambda n: n and n[1]), "earliest": days["earliest"],
                         "latest": days["latest"]}).dropna(subset=["site"])


def _series(site: str, number: int) -> str:
    """The site a page counts for: ``site``, or its older series when numbered below ``NUMBERING_FROM[site]``."""
    start = NUMBERING_FROM.get(site)
    return f"{site} below {start}" if start is not None and number < start else site


def _dated_in_order(pages: pd.DataFrame) -> pd.DataFrame:
    """The dated pages of one site, in the order of their numbers."""
    return pages.dropna(subset=["earliest"]).sort_values(["number", "earliest"])


def _lateness(dated: pd.DataFrame) -> int:
    """The most days by which a page of ``dated`` (one site's dated pages, :func:`_dated_in_order`) came out after
    a page numbered above it (0 if none)."""
    # a page numbered below another may have come out as late as its earliest day; the other as early as its latest
    late = dated["earliest"].cummax().shift() - dated["latest"]
    return max(int(late.max().days), 0) if late.notna().any() else 0


def _site_bounds(pages: pd.DataFrame) -> pd.DataFrame:
    """:func:`page_order_bounds` for the pages of one candidate site, whose pages come out up to the most days late
    seen on them."""
    dated = _dated_in_order(pages)
    lateness = _lateness(dated)
    undated = pages[pages["earliest"].isna()].sort_values("number")
    if lateness > MAX_LATENESS.days or undated.empty:
        return undated.iloc[0:0]
    # the next dated page numbered above each undated one (strictly above: one number is one page)
    above = pd.merge_asof(undated.assign(number=undated["number"] + 1).astype({"number": "int64"}),
                          dated[["number", "source_id", "latest"]].astype({"number": "int64"})
                          .rename(columns={"source_id": "anchor_id", "latest": "published_by"}),
                          on="number", direction="forward")
    above["number"] -= 1
    above = above.dropna(subset=["anchor_id"])
    if lateness:
        above["published_by"] = above["published_by"] + LATENESS_SLACK
    return above.assign(lateness_days=lateness)
