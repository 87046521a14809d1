"""Publication dates read from a source's URL, where the URL's pattern leaves no doubt.

Many news sites put the publication date in the address: ``/2014/12/05/``, ``/201412/``, an article id that
starts with the day (``NISX20230923…``, ``AKR20230923…``, ``OTS_20030408_OTS0031``, ``/article/20231122580207``,
``/kuk202511250230``), a date in the slug (``…-2019-10-21.html``) or a timestamp to the millisecond
(``…-20240523103844938.htm``), the split forms of Chinese sites (``/2009-01/22/``, ``/2019/1203/``), or a folder
named by the day (``/article/all/20250831/132288082/``) or a press archive's day and time of day
(``/archiv/20121002.1005.376102.html``). :func:`date_from_url` returns that date as a partial date
(``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``), or ``""`` when no pattern matches or two patterns disagree.
A bare number that merely could be a date (``post131005``, ``?idxno=49965``) is never read as one.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from vnsister.dates import parse_partial_date

__all__ = ["date_from_url"]

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
