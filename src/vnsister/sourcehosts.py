"""Hosts whose pages are never cited: copies of news stories on betting, gambling and unrelated business sites.

Such a site republishes agency and newspaper stories to draw visitors. Its copy may be altered, names no one who
answers for it, and sends a reader who checks a citation to a betting page; a tie cites the original story or
another report of the same event instead (codebook §7, "Not used as sources"). The validator reports a source on
one of these hosts, and intake refuses a record that cites one.

>>> excluded_host("https://m.tylebongdanews.net/lai-chau-day-manh-cong-tac-doi-ngoai-99324.html")
'a football-odds site'
>>> excluded_host("https://baolaichau.vn/doi-ngoai/99324") is None
True
"""

from __future__ import annotations

from urllib.parse import urlsplit

__all__ = ["EXCLUDED_HOSTS", "excluded_host"]

# host -> what the site is; a subdomain (m., www.) is the same site
EXCLUDED_HOSTS: dict[str, str] = {
    "88tysobongda.com": "a football-odds site",
    "tylebongdanews.net": "a football-odds site",
    "tinbong247.org": "a football-betting news site",
    "tinbong247news.net": "a football-betting news site",
    "xemdabongnet.net": "a football-streaming site",
    "tinthethaonews.org": "a sports-betting news site",
    "ufabetindo.in": "a betting site",
    "koreatotonews.com": "a sports-toto (betting) news site",
    "thegioigoicuoc.com": "a mobile-plan shop",
    "sacdephoanmy.com": "a beauty shop",
    "escort-ygo.com": "an unrelated company's site",
}


def excluded_host(url: str) -> str | None:
    """What the site at ``url`` is, if its pages are never cited; ``None`` for any other host.

    >>> excluded_host("http://tinbong247.org/lanh-dao-ubnd-thanh-pho-lang-son-1607582.html")
    'a football-betting news site'
    >>> excluded_host(None)
    Traceback (most recent call last):
    ...
    TypeError: url must be a string, not NoneType
    """
    if not isinstance(url, str):
        raise TypeError(f"url must be a string, not {type(url).__name__}")
    host = (urlsplit(url.strip()).hostname or "").lower()
    for excluded, what in EXCLUDED_HOSTS.items():
        if host == excluded or host.endswith(f".{excluded}"):
            return what
    return None
