"""Build dataset/published_findings.csv (and their sources) from the curated research notes.

    python scripts/import_findings.py ../shared/research/published_findings.csv [curation/findings/*.csv]

Research notes come from `../shared/research/` and from the figures curators recorded (`curation/findings/`,
same columns).

Only findings that the dataset can be compared with are imported, each with a value read from the published
figure and a counting convention written in the project's own words (FINDINGS below). Their sources are added to
sources.csv (deduplicated by URL); run `vnsister build` afterwards.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# finding id -> (value, as-of day the count refers to, scope, metric, counting convention in our own words)
FINDINGS = {
    "KR-VN-2024": (109, "2024-12-31", "South Korea – Vietnam", "sister and friendship ties of Korean local governments with Vietnamese localities",
                   "Korean count per agreement: every sister (자매결연) or friendship (우호교류) tie of a Korean provincial or basic local government with a Vietnamese locality of any level."),
    "KR-TOTAL-2012-05": (39, "2012-05-31", "South Korea – Vietnam", "exchange agreements of Korean local governments with Vietnamese localities",
                         "Korean count per agreement at the end of May 2012 (16 upper-level and 209 basic governments)."),
    "KR-GYEONGGI-VN-2012": (10, "2012-05-31", "Gyeonggi-do and its cities/counties – Vietnam", "exchange agreements with Vietnamese localities",
                            "Agreements of the Gyeonggi provincial government and of its 31 cities and counties with Vietnamese localities."),
    "GG-VN-2024": (3, "2024-10-21", "Gyeonggi-do (provincial government) – Vietnam", "Vietnamese friendship-cooperation partners",
                   "Vietnamese localities with a tie to the Gyeonggi provincial government itself (Hanoi the third, 21 Oct 2024)."),
    "VN-KR-PAIRS-2023": (70, "2023-12-31", "Vietnam – South Korea", "locality pairs with cooperative relations",
                         "Vietnamese count of pairs of localities, all levels and types; the published figure is approximate ('about 70')."),
    "HCMC-TOTAL-2012": (36, "2012-05-31", "Ho Chi Minh City", "foreign partner localities", "Foreign localities with a tie to the city government."),
    "HCMC-TOTAL-2022-12": (53, "2022-12-04", "Ho Chi Minh City", "foreign localities with friendly cooperative relations", "Foreign localities with a tie to the city government."),
    "HCMC-TOTAL-2025-10": (58, "2025-10-21", "Ho Chi Minh City", "foreign localities with friendly relations", "Foreign localities with a tie to the city government, as reported in the 2020–2025 political report."),
    "HCMC-KR-2019": (7, "2019-04-23", "Ho Chi Minh City – South Korea", "Korean localities with cooperation", "Korean localities with a tie to the city government."),
    "HCMC-KR-2022": (7, "2022-12-20", "Ho Chi Minh City – South Korea", "Korean localities with friendly and cooperative ties", "Korean localities with a tie to the city government."),
    "HCMC-KR-2023-12": (8, "2023-12-20", "Ho Chi Minh City – South Korea", "Korean localities with friendship-cooperation relations", "Korean localities with a tie to the city government, Chungcheongbuk-do the newest."),
    "HCMC-RU-2023-06": (5, "2023-06-10", "Ho Chi Minh City – Russia", "Russian localities with friendly and cooperative relations",
                        "Russian localities with a tie to the city government, as named by its vice chairman in June 2023 (Moscow and the Moscow region counted apart)."),
    "DN-JP-2013-01": (7, "2013-01-31", "Da Nang – Japan", "Japanese prefectures and cities with friendly cooperative relations",
                      "Japanese localities with a tie to the city government at the start of 2013, as listed by name; four more then being approached are not counted."),
    "DN-KR-2018": (5, "2018-06-30", "Da Nang – South Korea", "Korean localities with friendship-cooperation relations", "Korean localities with a tie to the city government."),
    "DN-TOTAL-2024": (48, "2024-04-17", "Da Nang", "foreign localities with cooperative ties", "Foreign localities with a tie to the city government (22 countries and territories)."),
    "BD-TOTAL-2019-12": (10, "2019-12-31", "Binh Duong", "foreign localities with friendship cooperation", "Foreign localities with a tie to the provincial government, as listed by the provincial portal."),
    "BD-TOTAL-2022": (11, "2022-11-11", "Binh Duong", "foreign localities with bilateral cooperation relations", "Foreign localities with a tie to the provincial government (seed article 003)."),
    "HUE-KR-2025": (0, "2025-08-28", "Hue – South Korea", "Korean province- or city-level partners before August 2025", "Korean province-level governments with a tie to Huế (or Thừa Thiên Huế) before the Chungcheongnam-do agreement of 29 Aug 2025."),
    "HN-TOTAL-2018": (100, "2018-12-31", "Hanoi", "capitals and large cities with friendly or cooperative relations",
                      "Foreign localities with a tie to the city government; the published figure is 'more than 100' (a lower bound), stated in 2018."),
    "HN-TOTAL-2025": (100, "2025-04-30", "Hanoi", "capitals and cities with friendly and cooperative relations",
                      "Foreign localities with a tie to the city government; the published figure is 'more than 100' (a lower bound), stated in April 2025 in Vienna."),
    "HN-FRIENDSHIP-2025-12": (58, "2025-12-29", "Hanoi", "capitals, cities and localities with established friendly relations",
                              "Foreign localities with a tie to the city government of Hà Nội, as counted by the city at its 2025 foreign-affairs review."),
    "HP-TOTAL-2025-03": (26, "2025-03-25", "Hai Phong", "foreign localities with friendship-cooperation or twinning relations",
                         "Foreign localities with a tie to the city government of Hải Phòng as it was before the 2025 merger."),
    "HD-TWIN": (5, "2025-06-30", "Hai Duong", "foreign provinces twinned with the province",
                "Foreign localities with a tie to the Hải Dương provincial government; the article is undated, so the count is taken on the province's last day (2025-06-30)."),
    "DN-KR-2025": (8, "2025-08-31", "Da Nang (after the 2025 merger) – South Korea", "Korean localities with friendly cooperative relations",
                   "Korean localities with a tie to the government of Đà Nẵng or of Quảng Nam (merged into it on 2025-07-01); district- and commune-level ties left out, as in the published list."),
    "HCMC-KR-2026-03": (12, "2026-03-10", "Ho Chi Minh City (after the 2025 merger) – South Korea", "Korean localities with friendship-cooperation relations",
                        "Korean localities with a tie to the government of Hồ Chí Minh City, Bình Dương or Bà Rịa - Vũng Tàu (merged into it on 2025-07-01); district-level ties left out."),
    "DL-TOTAL-2024-12": (9, "2024-12-27", "Dak Lak", "foreign localities with relations",
                         "Foreign localities with a tie to the provincial government of Đắk Lắk as it was before the 2025 merger (year-end foreign-affairs review)."),
    "VN-TH-PAIRS-2023": (19, "2023-03-31", "Vietnam – Thailand", "pairs of localities with twinning or cooperation relations",
                         "Pairs of a Vietnamese and a Thai locality, any level and any type of tie."),
    "BY-VN-PROVINCES-2025-05": (9, "2025-05-11", "Vietnam – Belarus", "Vietnamese provincial-level localities with friendship and cooperative relations with Belarusian regions",
                                "Vietnamese provinces and centrally governed cities (map before the 2025 mergers) with a tie to a Belarusian region or to Minsk city; the same sentence counts 6 of Belarus's 7 provincial-level units on the other side."),
    "VN-LAO-KH-2012": (35, "2012-05-31", "Vietnam – Laos", "Vietnamese localities with a Lao local partner", "Vietnamese localities (any level) with at least one Lao partner."),
    "CHAMPASAK-VN-LOCALITIES-2017-08": (19, "2017-08-21", "Champasak (Laos) – Vietnam", "Vietnamese provinces, cities and other units with official cooperation with Champasak",
                                        "Vietnamese parties of any level with a tie to Champasak province or one of its districts; the published figure is 15 provinces, 3 cities and 1 further unit."),
    "BD-TOTAL-2022-01": (10, "2022-01-07", "Binh Duong", "foreign provinces and cities with established ties",
                         "Foreign localities with a tie to the provincial government, as stated by the province in January 2022."),
    "DN-AU-2023-03": (3, "2023-03-31", "Da Nang – Australia", "Australian localities with cooperative relations",
                      "Australian localities with a tie to the city government, as named by the city portal (Queensland, South Australia, Gold Coast)."),
    "DN-JP-2023-11": (20, "2023-11-16", "Da Nang – Japan", "Japanese cities and prefectures with cooperative relations",
                      "Japanese localities with a tie to the city government; the published figure is approximate ('about 20')."),
    "DN-JP-2025-07": (22, "2025-07-07", "Da Nang (after the 2025 merger) – Japan", "Japanese prefectures and cities with friendly relations",
                      "Japanese localities with a tie to the government of Đà Nẵng or of Quảng Nam (merged into it on 2025-07-01); "
                      "the published figure is 'more than 22' (a lower bound), six of them with official memoranda."),
    "SL-LAO-PROVINCES-2024-11": (9, "2024-11-15", "Son La – Laos", "Lao provinces with comprehensive cooperation relations",
                                 "Lao provinces with a tie to the Sơn La provincial government, out of Laos's 18 provinces."),
    "VN-KR-SEASONAL-2025-09": (16, "2025-09-30", "Vietnam – South Korea (seasonal labour)", "Vietnamese provinces/cities with a seasonal-labour agreement with a Korean locality",
                               "Vietnamese provinces or centrally governed cities (post-2025 map) with at least one agreement on seasonal workers at any level (province, district, department)."),
}
# Findings whose research note lacks the URL of a seed article that the dataset already cites.
SEED_URLS = {"BD-TOTAL-2022": "https://baodauthau.vn/gap-go-han-quoc-meet-korea-2022-tang-cuong-hop-tac-giua-tinh-binh-duong-"
                              "va-cac-doi-tac-han-quoc-post131005.html"}
FIELDS = [f["name"] for f in json.loads((ROOT / "schemas" / "published_findings.json").read_text(encoding="utf-8"))["fields"]]
# Figures published as bounds or approximations ("more than 100", "about 70"): compared as such.
VALUE_KINDS = {"HN-TOTAL-2018": "at_least", "HN-TOTAL-2025": "at_least", "VN-KR-PAIRS-2023": "about",
               "DN-JP-2023-11": "about", "DN-JP-2025-07": "at_least"}


def partial(text: str) -> str:
    match = re.match(r"^(\d{4}(-\d{2}(-\d{2})?)?)", text.strip())
    return match.group(1) if match else ""


def read_research(paths: list[str]) -> dict[str, dict[str, str]]:
    research: dict[str, dict[str, str]] = {}
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            research.update({row["finding_id"]: row for row in csv.DictReader(fh)})
    return research


def main(paths: list[str]) -> None:
    research = read_research(paths)
    sources_path = ROOT / "dataset" / "sources.csv"
    with sources_path.open(encoding="utf-8", newline="") as fh:
        sources = list(csv.DictReader(fh))
    by_url = {row["url"]: row["source_id"] for row in sources}
    next_number = max(int(row["source_id"][1:]) for row in sources) + 1
    rows = []
    for finding_id, (value, as_of, scope, metric, convention) in FINDINGS.items():
        item = research[finding_id]
        url = item["source_url"] or SEED_URLS.get(finding_id, "")
        if url not in by_url:
            by_url[url] = f"S{next_number:04d}"
            next_number += 1
            sources.append({"source_id": by_url[url], "url": url, "title": re.sub(r"^\((.*)\)$", r"\1", item["source_title"].strip()),
                            "publisher": item["publisher"], "published": partial(item["published"]),
                            "published_from": "page" if partial(item["published"]) else "",
                            "language": item["language"], "notes": "cited by published_findings.csv"})
        rows.append({"finding_id": finding_id, "scope": scope, "metric": metric, "published_value": item["value"],
                     "value": value, "value_kind": VALUE_KINDS.get(finding_id, "exact"), "as_of": as_of, "counting_convention": convention, "source_id": by_url[url],
                     "notes": ""})
    with sources_path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, list(sources[0].keys()), lineterminator="\n")
        writer.writeheader()
        writer.writerows(sources)
    with (ROOT / "dataset" / "published_findings.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(sorted(rows, key=lambda r: r["finding_id"]))
    print(f"{len(rows)} findings written")


if __name__ == "__main__":
    main(sys.argv[1:] or [str(ROOT.parent / "shared" / "research" / "published_findings.csv"),
                          *map(str, sorted((ROOT / "curation" / "findings").glob("*.csv")))])
