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
page's date. It does so only for sites whose dated pages in the dataset (at least ``MIN_ANCHORS``) are numbered
in the order of their dates without a single exception, which is the evidence that the site numbers its pages as
it publishes them, and not for a site that a check against dated pages outside the dataset contradicted
(``EXCLUDED_SITES``). The time rule (:mod:`vnsister.timeline`) uses such a bound only for a tie that has no dated
evidence at all, and says so (basis ``page order``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

import pandas as pd

from vnsister.dates import parse_partial_date, partial_date_bounds

__all__ = ["EXCLUDED_SITES", "MIN_ANCHORS", "date_from_url", "page_number", "page_order_bounds"]

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


# A site's numbering is trusted only when at least this many of its pages cited in the dataset are dated and all of
# them agree with it; a single page out of turn disqualifies the site.
MIN_ANCHORS = 20
# Sites whose numbering a check against dated pages outside the dataset contradicted
# (curation/audits/page_order_check_*.csv): their pages bound nothing, whatever the dataset's pages show.
EXCLUDED_SITES: dict[str, str] = {
    "fr.vietnamplus.vn /N.vnp": "page 161347 carries the date 2022-01 but is numbered below a page of 2021-10 "
                                "(check of 0.34.0)",
}
# The page's number ends the last segment of the path: ``…/235058.vnp``, ``…-post80695.vnp``, ``…-210520.html``.
_PAGE_NUMBER = re.compile(r"(?:^|[^0-9])(post)?([0-9]{4,9})(\.[a-z]{2,5})?$")
_ORDER_COLUMNS = ["source_id", "site", "number", "published_by", "anchor_id"]


def page_number(url: str) -> tuple[str, int] | None:
    """The site (host, and the shape of its page addresses) and the page's number, or ``None`` without one.

    Pages of one host whose addresses have another shape (``-post123.vnp`` beside ``/123.vnp``, another file
    extension) are numbered apart and so count as another site. A number in the query string is not read.

    Examples
    --------
    >>> page_number("https://en.vietnamplus.vn/da-nang-wants-to-beef-up-cooperation/235058.vnp")
    ('en.vietnamplus.vn /N.vnp', 235058)
    >>> page_number("https://www.vietnamplus.vn/hop-tac-post80695.vnp")
    ('vietnamplus.vn postN.vnp', 80695)
    >>> page_number("http://www.gimhaenews.co.kr/news/articleView.html?idxno=49965") is None
    True
    """
    if not isinstance(url, str):
        raise ValueError(f"url={url!r} must be a string")
    parts = urlsplit(url)
    host = re.sub(r"^(?:www\d?|m)\.", "", parts.netloc.lower()).rstrip(".")
    last = unquote(parts.path).rstrip("/").rsplit("/", 1)[-1]
    match = _PAGE_NUMBER.search(last)
    if not host or not match:
        return None
    post, number, extension = match.groups()
    shape = ("post" if post else "/") + "N" + (extension or "")
    return f"{host} {shape}", int(number)


def page_order_bounds(sources: pd.DataFrame, min_anchors: int = MIN_ANCHORS,
                      excluded: Iterable[str] = tuple(EXCLUDED_SITES)) -> pd.DataFrame:
    """For each undated source numbered before a dated page of its site: the last day by which it was published.

    A site qualifies when it is not in ``excluded`` (default: ``EXCLUDED_SITES``, whose numbering a wider check
    contradicted), at least ``min_anchors`` of its pages in ``sources`` are dated and, taken in the order of
    their numbers, no page's latest possible day falls before an earlier-numbered page's earliest possible day.
    Each undated page of such a site gets the last day of the next dated page above it (``published_by``, from
    ``anchor_id``); a page numbered above every dated page gets no bound. Columns: ``source_id``, ``site``,
    ``number``, ``published_by``, ``anchor_id``.

    Examples
    --------
    >>> import pandas as pd
    >>> pages = pd.DataFrame({"source_id": ["S1", "S2", "S3", "S4"],
    ...     "url": [f"https://news.example/a/{n}.html" for n in (1000, 1500, 2000, 3000)],
    ...     "published": ["2020-01", None, "2020-03-05", None]})
    >>> page_order_bounds(pages, min_anchors=2)[["source_id", "published_by", "anchor_id"]].values.tolist()
    [['S2', Timestamp('2020-03-05 00:00:00'), 'S3']]
    """
    if not isinstance(sources, pd.DataFrame) or not {"source_id", "url", "published"} <= set(sources.columns):
        raise ValueError("sources must be a DataFrame with the columns source_id, url and published")
    if isinstance(min_anchors, bool) or not isinstance(min_anchors, int) or min_anchors < 2:
        raise ValueError(f"min_anchors={min_anchors!r} must be an integer of at least 2")
    if isinstance(excluded, str) or not isinstance(excluded, Iterable):
        raise ValueError(f"excluded={excluded!r} must be a collection of site names such as 'example.vn /N.html'")
    excluded = tuple(excluded)  # read once: a generator would be empty by the time the sites are filtered
    if not all(isinstance(site, str) for site in excluded):
        raise ValueError(f"excluded={excluded!r} must be a collection of site names such as 'example.vn /N.html'")
    numbered = sources["url"].map(page_number)
    days = partial_date_bounds(sources["published"])
    pages = pd.DataFrame({"source_id": sources["source_id"], "site": numbered.map(lambda n: n and n[0]),
                          "number": numbered.map(lambda n: n and n[1]), "earliest": days["earliest"],
                          "latest": days["latest"]}).dropna(subset=["site"])
    # only sites with enough dated pages and at least one undated page can bound anything
    has_date = pages["earliest"].notna()
    dated_count = has_date.groupby(pages["site"]).sum()
    undated_count = (~has_date).groupby(pages["site"]).sum()
    candidates = dated_count.index[(dated_count >= min_anchors) & (undated_count > 0)].difference(list(excluded))
    pages = pages[pages["site"].isin(candidates)]
    bounds = [_site_bounds(site_pages, min_anchors) for _, site_pages in pages.groupby("site", sort=True)]
    found = [b for b in bounds if len(b)]
    if not found:
        return pd.DataFrame({c: pd.Series(dtype="datetime64[ns]" if c == "published_by" else object)
                             for c in _ORDER_COLUMNS})
    return pd.concat(found, ignore_index=True)[_ORDER_COLUMNS].sort_values("source_id", ignore_index=True)


def _site_bounds(pages: pd.DataFrame, min_anchors: int) -> pd.DataFrame:
    """:func:`page_order_bounds` for the pages of one site."""
    dated = pages.dropna(subset=["earliest"]).sort_values(["number", "earliest"])
    # in order means no page may have been out before one numbered below it was possibly out
    in_order = bool((dated["latest"] >= dated["earliest"].cummax().shift(fill_value=pd.Timestamp.min)).all())
    undated = pages[pages["earliest"].isna()].sort_values("number")
    if len(dated) < min_anchors or not in_order or undated.empty:
        return undated.iloc[0:0]
    # the next dated page numbered above each undated one (strictly above: one number is one page)
    above = pd.merge_asof(undated.assign(number=undated["number"] + 1).astype({"number": "int64"}),
                          dated[["number", "source_id", "latest"]].astype({"number": "int64"})
                          .rename(columns={"source_id": "anchor_id", "latest": "published_by"}),
                          on="number", direction="forward")
    above["number"] -= 1
    return above.dropna(subset=["anchor_id"])
