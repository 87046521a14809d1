"""Coverage: the dataset's counts next to the totals that governments and the press have published."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from vnsister.load import Dataset


@dataclass(frozen=True)
class PublishedTotal:
    """A published count of one locality's foreign partners (or of a country pair's ties)."""

    label: str
    published: int
    as_of: str
    vn_place_ids: tuple[str, ...]
    counting: str
    source: str
    korean_side: bool = False


# Published totals the coverage hunt aims at (see ../shared/research/published_findings.csv for the quotes).
TARGETS: tuple[PublishedTotal, ...] = (
    PublishedTotal("Vietnam–Korea ties of Korean local governments", 109, "2024-12-31", (), "Korean local governments'"
                   " sister (자매결연) and friendship (우호교류) ties with Vietnamese localities, all levels",
                   "https://cc.newdaily.co.kr/site/data/html/2025/10/31/2025103100082.html", korean_side=True),
    PublishedTotal("Hồ Chí Minh City", 58, "2025-10-31", ("vn-ho-chi-minh",), "foreign localities with friendship relations",
                   "https://vietnamnews.vn/society/1727687/hcm-city-strengthens-global-outlook-to-boost-internal-capacity.html"),
    PublishedTotal("Đà Nẵng", 48, "2024-04-30", ("vn-da-nang",), "foreign localities with cooperative ties",
                   "https://en.vietnamplus.vn/da-nang-fosters-cooperation-with-korean-localities/284710.vnp"),
    PublishedTotal("Bình Dương", 11, "2022-11-11", ("vn-binh-duong",), "foreign localities with bilateral cooperation",
                   "https://baodauthau.vn/gap-go-han-quoc-meet-korea-2022-tang-cuong-hop-tac-giua-tinh-binh-duong-va-cac-doi-tac-han-quoc-post131005.html"),
    PublishedTotal("Hồ Chí Minh City – Korea", 8, "2023-12-20", ("vn-ho-chi-minh",), "Korean localities with friendship-"
                   "cooperation relations", "https://zh.vietnamplus.vn/%E4%BF%83%E8%BF%9B%E8%83%A1%E5%BF%97%E6%98%8E%E5%B8%82%E5%92%8C"
                   "%E9%9F%A9%E5%9B%BD%E9%A6%96%E5%B0%94%E4%B8%A4%E4%B8%AA%E6%B0%91%E9%80%89%E6%9C%BA%E6%9E%84%E4%B9%8B"
                   "%E9%97%B4%E7%9A%84%E5%90%88%E4%BD%9C/206848.vnp"),
)


def _partners_as_of(ties: pd.DataFrame, as_of: str) -> pd.DataFrame:
    year = ties["established"].fillna("").str.slice(0, 10)
    started = (year == "") | (year <= as_of)
    ended = ties["ended"].fillna("9999") < as_of
    return ties[started & ~ended]


def coverage_table(ds: Dataset) -> pd.DataFrame:
    """Published totals, the dataset's figure counted the same way, and their ratio.

    A Vietnamese locality's figure counts distinct foreign places tied to its government (not its council or
    agencies), established by the as-of date or undated. The Korean figure counts ties whose Korean party is a
    local government, of type twinning or friendship, at any level on both sides.

    Examples
    --------
    >>> table = coverage_table(load())
    >>> list(table.columns)
    ['published total', 'as of', 'published', 'dataset', 'ratio', 'counting', 'source']
    """
    ties = ds.ties()
    rows = []
    for target in TARGETS:
        current = _partners_as_of(ties, target.as_of)
        if target.korean_side:
            hits = current[(current["partner_country"] == "KR") & (current["partner_party"] == "government")
                           & current["tie_type"].isin(["twinning", "friendship"])]
            value = len(hits)
        else:
            hits = current[current["vn_place_id"].isin(target.vn_place_ids) & (current["vn_party"] == "government")]
            if "Korea" in target.label:
                hits = hits[hits["partner_country"] == "KR"]
            value = hits["partner_place_id"].nunique()
        rows.append({"published total": target.label, "as of": target.as_of, "published": target.published,
                     "dataset": value, "ratio": round(value / target.published, 2), "counting": target.counting,
                     "source": target.source})
    return pd.DataFrame(rows)


def coverage_markdown(ds: Dataset) -> str:
    """The coverage table as Markdown (the README shows it; a test keeps the two in step)."""
    table = coverage_table(ds)
    lines = ["| published total | as of | published | dataset | ratio |", "|---|---|---|---|---|"]
    lines += [f"| [{r['published total']}]({r['source']}) | {r['as of']} | {r['published']} | {r['dataset']} | {r['ratio']:.2f} |"
              for _, r in table.iterrows()]
    return "\n".join(lines)
