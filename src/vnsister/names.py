"""Names: folding for diacritic-insensitive matching, and a gazetteer index that resolves names to place ids."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pandas as pd

__all__ = ["Gazetteer", "agency_key", "fold", "tie_keys", "without_gloss"]

VN_UNIT_WORDS = r"(?:tỉnh|thành phố|tp\.?|thị xã|quận|huyện|thị trấn|xã|phường)"


# The marks of Latin letters (tones, accents, breves). Other scripts keep theirs: a Lao vowel, a Khmer subscript
# sign or a Japanese voicing mark is part of the letter, and dropping it would merge different names. Cyrillic й and
# ё are built from the same combining marks, so they fold to и and е, as Russian pages often write them.
_LATIN_MARKS_CLASS = "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
_LATIN_MARKS = re.compile(_LATIN_MARKS_CLASS)
# Hyphens and dashes join the words of a name as a space does (Île-de-France; Санкт‑Петербург with a no-break hyphen)
_HYPHENS = "-\u2010\u2011\u2012\u2013\u2014"
_SEPARATORS = f"[{re.escape(_HYPHENS)}_.,()]"


# Lao writes ລ under a letter (ຫຼວງ) or beside it (ຫລວງ), and ໜ, ໝ as one letter or as ຫນ, ຫມ: one form for matching
_LAO_VARIANTS = {"\u0ebc": "\u0ea5", "\u0edc": "\u0eab\u0e99", "\u0edd": "\u0eab\u0ea1"}
_LAO_TABLE = str.maketrans(_LAO_VARIANTS)
# Khmer writes the subscript t of ខេត្ត with ត or ដ (ខេត្ដ): one form for matching
_KHMER_VARIANTS = {"\u17d2\u178a": "\u17d2\u178f"}


def fold(text: str) -> str:
    """Lower-case, NFC/NFD-insensitive form of a name without the marks of Latin letters (Hoà and Hòa fold alike).

    Examples
    --------
    >>> fold("Thừa Thiên Huế") == fold("Thừa Thiên Huế") == "thua thien hue"
    True
    >>> fold("Hoà Bình") == fold("Hòa Bình")
    True
    >>> fold("ເມືອງບາຈຽງຈະເລີນສຸກ") == "ເມືອງບາຈຽງຈະເລີນສຸກ"  # a Lao vowel is a letter, not a mark
    True
    >>> fold("ນະຄອນຫຼວງວຽງຈັນ") == fold("ນະຄອນຫລວງວຽງຈັນ")
    True
    >>> fold("Ханой"), fold("Орёл")
    ('ханои', 'орел')
    """
    text = text.replace("Đ", "D").replace("đ", "d").translate(_LAO_TABLE)
    for variant, plain in _KHMER_VARIANTS.items():
        text = text.replace(variant, plain)
    decomposed = unicodedata.normalize("NFD", text)
    stripped = unicodedata.normalize("NFC", _LATIN_MARKS.sub("", decomposed))
    return re.sub(r"\s+", " ", re.sub(_SEPARATORS, " ", stripped.lower())).strip()


def fold_all(texts: pd.Series) -> pd.Series:
    """:func:`fold` for a whole column, vectorised in pyarrow.

    Examples
    --------
    >>> names = ["Thừa Thiên Huế", "Hoà Bình", "Dong-Thap", "빈즈엉"]
    >>> fold_all(pd.Series(names)).tolist() == [fold(n) for n in names]
    True
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    text = pa.array(texts.astype(pd.StringDtype("pyarrow")).array)
    text = pc.replace_substring(pc.replace_substring(text, "Đ", "D"), "đ", "d")
    for variant, plain in (_LAO_VARIANTS | _KHMER_VARIANTS).items():
        text = pc.replace_substring(text, variant, plain)
    text = pc.replace_substring_regex(pc.utf8_normalize(text, "NFD"), _LATIN_MARKS_CLASS, "")
    text = pc.utf8_lower(pc.utf8_normalize(text, "NFC"))
    text = pc.replace_substring_regex(pc.replace_substring_regex(text, _SEPARATORS, " "), r"\s+", " ")
    return pd.Series(pd.arrays.ArrowStringArray(pc.utf8_trim_whitespace(text)), index=texts.index)


@dataclass(frozen=True)
class Match:
    """A place name found in a text: the place ids it may stand for, and where it is."""

    place_ids: tuple[str, ...]
    start: int
    end: int
    text: str


class Gazetteer:
    """Resolve place names (any script, with or without diacritics or unit words) to place ids.

    Keys come from each place's local, English and ASCII names and its aliases; Korean names also without their
    unit suffix (Suwon-si → Suwon, 충청북도 → Chungcheongbuk). Vietnamese districts and communes are matched only
    after a unit word (huyện, thị xã, quận, thành phố …; xã, phường, thị trấn) so that ordinary words are not read
    as places.

    Examples
    --------
    >>> g = Gazetteer(load().places)
    >>> g.lookup("tỉnh Vĩnh Phúc"), g.lookup("Suwon")
    (('vn-vinh-phuc',), ('kr-suwon',))
    """

    def __init__(self, places: pd.DataFrame, min_length: int = 4) -> None:
        self.places = places.set_index("place_id")
        self.keys: dict[str, set[str]] = defaultdict(set)
        # each place's spellings with Vietnamese tone marks, lower-cased: "Việt Trì", so "Việt trị" is not it
        self.toned: dict[str, set[str]] = defaultdict(set)
        for row in places.itertuples(index=False):
            first_level = row.level in ("province", "municipality")
            for key in self._keys(row):
                # Hangul, Han and Lao names are short but distinctive (수원시); Latin ones need min_length, except
                # a first-level division's own name (Huế, Kep)
                wide = any(ord(ch) > 0x0E00 for ch in key)
                if len(key.replace(" ", "")) >= (2 if wide else 3 if first_level else min_length) or " " in key:
                    self.keys[key].add(row.place_id)
            self.toned[row.place_id] = {without_gloss(n).lower() for n in _names(row) if _TONED.search(n)}
        # Vietnamese cities and towns also by their bare name ("Nha Trang", "Hoi An"), unless that name already
        # stands for another place (Thái Nguyên is the province; its city needs "thành phố") other than a namesake
        # that replaced the city (Huế city until 2024, Huế municipality since: the article's date tells them apart)
        starts = self.places["valid_from"]
        for row in places[places["country"].eq("VN") & places["level"].isin(["city", "town"])].itertuples(index=False):
            successor_after = {row.successor_id} if pd.notna(row.valid_until) and pd.notna(
                starts.get(row.successor_id)) and starts[row.successor_id] > row.valid_until else set()
            for name in {row.name_local, row.name_en, row.name_ascii}:
                key = fold(without_gloss(str(name)))
                if len(key) >= 3 and (" " in key or key in self.keys) and self.keys.get(key, set()) <= successor_after:
                    self.keys[key].add(row.place_id)
        longest_first = sorted(self.keys, key=len, reverse=True)
        hangul = "|".join(re.escape(k) for k in longest_first if _is_hangul(k))
        unspaced = "|".join(re.escape(k) for k in longest_first if _is_unspaced(k))
        cyrillic = [k for k in longest_first if _is_cyrillic(k)]
        other = "|".join(re.escape(k) for k in longest_first
                         if not _is_hangul(k) and not _is_unspaced(k) and not _is_cyrillic(k))
        # a Cyrillic name by the stems of its words, each with a case ending ("Иркутской области", "в Ханое")
        self.stems: dict[str, set[str]] = defaultdict(set)
        for key in cyrillic:
            self.stems[_cyrillic_stems(key)] |= self.keys[key]
        inflected = "|".join(r"\s".join(re.escape(w) + r"[^\W\d_]{0,3}" for w in stems.split())
                             for stems in sorted(self.stems, key=len, reverse=True))
        # Korean particles attach to the name (빈즈엉성은, 대전시와): a Hangul name needs no boundary after it;
        # Japanese and Chinese write no spaces (山口県とビンズオン省は), so a kana or Han name needs none at all
        self.pattern = re.compile(r"(?<![\w])(?:(" + hangul + r")|(" + other + r")(?![\w])|(" + inflected + r")(?![\w]))|("
                                  + unspaced + r")")

    def _keys(self, row: Any) -> set[str]:  # a row of places.itertuples()
        names = _names(row)
        keys = {fold(n) for n in names if not (row.country != "VN" and _short_vietnamese_syllable(n))}
        if row.country == "KR":  # "Gyeonggi-do", "North Gyeongsang Province": the bare name too
            for name in (row.name_en, row.name_ascii):
                stem = FOREIGN_UNIT.sub("", re.sub(r"[- ](si|gun|gu|do)$", "", str(name)))
                if stem != name and len(stem) >= 4:
                    keys.add(fold(stem))
            for alias in (row.aliases if isinstance(row.aliases, str) else "").split(";"):
                if alias.endswith("-do"):
                    keys.add(fold(alias[:-3]))
        if row.country not in ("VN", "KR"):  # "Fukuoka City", "Pingxiang (Guangxi)": the bare name too
            for name in names:
                stem = FOREIGN_UNIT.sub("", without_gloss(name)).strip()
                if stem != name and len(stem) >= 4:
                    keys.add(fold(stem))
        keys |= _unit_word_forms(keys, first_level=row.admin_level == 1)
        hangul = {k for k in keys if _is_hangul(k)}
        # Japanese and Chinese names carry their unit (芒街市) or are long enough (ホイアン) to stand alone
        unspaced = {k for k in keys if _is_unspaced(k)}
        cyrillic = {k for k in keys if _is_cyrillic(k)}  # Russian pages name a city alone: в Нячанге, в Вунгтау
        if row.country == "VN" and row.admin_level > 1:  # districts only with their unit word
            latin = keys - hangul - unspaced - cyrillic
            prefixes: tuple[str, ...] = ("xã", "phường", "thị trấn") if row.admin_level > 2 else (
                "huyện", "quận", "thị xã", "thành phố", "tp", "Bezirk", "distrito de", "ciudad de")
            named_with_unit = {k for k in latin if LISTED_UNIT.match(k + " ")}  # "Quận 12" carries its unit word
            keys = named_with_unit | {f"{fold(prefix)} {k}" for k in latin - named_with_unit for prefix in prefixes}
            keys |= {f"{k} {unit}" for k in latin for unit in ("district", "city", "town")}  # English: "Lac Duong district"
            keys |= {k + unit for k in hangul for unit in KOREAN_UNITS_DISTRICT}  # 현, 시, 군 as Korean press writes
            keys |= unspaced | cyrillic
        elif row.country == "VN":  # "thành phố Bắc Ninh" is the city; only a municipality is a thành phố province
            prefixes = ("thành phố", "tp") if row.level == "municipality" else ("tỉnh",)
            keys |= {f"{fold(prefix)} {k}" for k in list(keys - hangul - unspaced - cyrillic) for prefix in prefixes}
            keys |= {k + unit for k in hangul for unit in KOREAN_UNITS_PROVINCE}  # 빈즈엉성, 하이퐁시
        return keys

    def lookup(self, name: str) -> tuple[str, ...]:
        """Place ids a name may stand for (empty if none, several if ambiguous)."""
        return tuple(sorted(self.keys.get(fold(name), ())))

    def find(self, text: str) -> list[Match]:
        """Every place name in ``text`` (longest match first), with character spans in the original text."""
        folded, index = _fold_with_index(text)
        not_places = [n.span() for n in NOT_PLACES.finditer(text)]
        matches, listed = [], []
        pos = 0
        while (m := self.pattern.search(folded, pos)) is not None:
            start, end = index[m.start()], index[m.end() - 1] + 1
            # a rejected name may hide a shorter one after its first word ("la région Île-de-France": not the
            # alias "Région Île-de-France", but "Île-de-France"), so the search goes on from the next word
            pos = m.start() + 1
            if _is_lowercase_words(text[start:end]) or not _capitalised_name(text[start:end]):
                continue  # names are capitalised: "thành viên" (member) is not Viên, "Hòa bình" (peace) not Hòa Bình
            if any(n_start <= start < n_end for n_start, n_end in not_places):
                continue
            stems = _cyrillic_stems(m.group(3)) if m.group(3) else ""
            if stems and stems not in self.stems:
                continue  # "москвич" is not Москва: what follows the stem is no case ending
            pos = m.end()
            ids = tuple(sorted(self.stems[stems] if stems else self.keys[m.group(1) or m.group(2) or m.group(4)]))
            if _TONED.search(text[start:end]):  # written with tone marks: they must be the place's own
                ids = tuple(p for p in ids if self._tones_fit(p, text[start:end]))
            if ids:
                matches.append(Match(ids, start, end, text[start:end]))
                unit = LISTED_UNIT.match(m.group(2) or "")
                if unit:
                    listed += self._listed_after(text, matches[-1], unit.group(0))
        # a listed name stands for the unit, not for whatever shorter name it contains ("Đồng Văn", not "Đồng")
        matches = [m for m in matches if not any(n.start <= m.start < n.end for n in listed)]
        return sorted(matches + listed, key=lambda m: m.start)

    def _tones_fit(self, place_id: str, span: str) -> bool:
        """True unless the place has toned spellings and ``span`` carries none of their tones."""
        return not self.toned[place_id] or any(_same_tones(span, name) for name in self.toned[place_id])

    def _listed_after(self, text: str, first: Match, unit: str) -> list[Match]:
        """Units listed under one unit word: "xã Thượng Phùng, Xín Cái và Sơn Vĩ" names three communes. A listed
        name counts only when, with the same unit word, it is a sibling of the first (same parent)."""
        parents = {self.places.at[p, "parent_id"] for p in first.place_ids}
        listed, pos = [], first.end
        while sep := LIST_SEPARATOR.match(text, pos):
            words = re.match(r"[^\W\d_]+(?:[ \-][^\W\d_]+){0,3}", text[sep.end():])
            if not words:
                break
            names = words.group(0).split(" ")
            for k in range(len(names), 0, -1):
                span = " ".join(names[:k])
                ids = tuple(sorted(p for p in self.keys.get(unit + fold(span), ())
                                   if self.places.at[p, "parent_id"] in parents and self._tones_fit(p, span)))
                if span[0].isupper() and ids:
                    listed.append(Match(ids, sep.end(), sep.end() + len(span), span))
                    pos = sep.end() + len(span)
                    break
            else:
                break
        return listed


# A Vietnamese unit word that may head a list of names ("xã A, B và C"), as folded keys begin with it.
LISTED_UNIT = re.compile(r"^(?:xa|phuong|thi tran|huyen|quan|thi xa) ")
LIST_SEPARATOR = re.compile(r"\s*(?:,|\bvà\b|\band\b)\s*")

# Unit words after a foreign place's name in English ("Tochigi Prefecture", "Irkutsk Oblast").
FOREIGN_UNIT = re.compile(r"\s+(prefecture|city|province|region|oblast|krai|county|state|district|municipality|town)$",
                          re.I)
# Unit words Korean news puts after a Vietnamese name written in Hangul (성 = tỉnh, 시 = thành phố, 현 = huyện,
# 군 = quận); the bare name also matches.
KOREAN_UNITS_PROVINCE = ("", "성", "시")
KOREAN_UNITS_DISTRICT = ("현", "시", "군")


# Vietnamese tone marks (grave, hook, tilde, acute, dot below) on any vowel, in NFC text
_TONED = re.compile("[àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
                    "ÀẢÃÁẠẰẲẴẮẶẦẨẪẤẬÈẺẼÉẸỀỂỄẾỆÌỈĨÍỊÒỎÕÓỌỒỔỖỐỘỜỞỠỚỢÙỦŨÚỤỪỬỮỨỰỲỶỸÝỴ]")


_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền, sắc, ngã, hỏi, nặng


def _tones(words: list[str]) -> list[str]:
    """Each word's tone mark, wherever it sits on the vowels (Hoà and Hòa carry the same)."""
    return ["".join(ch for ch in unicodedata.normalize("NFD", w) if ch in _TONE_MARKS) for w in words]


def _same_tones(span: str, name: str) -> bool:
    """True when the words of ``name`` occur in ``span`` with the same tones ("Việt trị" is not "Việt Trì")."""
    words = f"[\\s{re.escape(_HYPHENS)}]+"
    span_words, name_words = re.split(words, span.strip()), re.split(words, name.strip())
    folded, wanted = [fold(w) for w in span_words], [fold(w) for w in name_words]
    return any(folded[i:i + len(wanted)] == wanted
               and _tones(span_words[i:i + len(wanted)]) == _tones(name_words)
               for i in range(len(folded) - len(wanted) + 1))


def _names(row: Any) -> set[str]:  # a row of places.itertuples()
    """A place's local, English and ASCII names and its aliases."""
    names = {row.name_local, row.name_en, row.name_ascii}
    if isinstance(row.aliases, str):
        names |= set(row.aliases.split(";"))
    return {n for n in names if isinstance(n, str) and n}


def _is_hangul(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


# Scripts by their code-point ranges (the extractor detects languages by them), and those written without spaces
# between words
SCRIPT_RANGES = {"th": "\u0e00-\u0e7f", "lo": "\u0e80-\u0eff", "km": "\u1780-\u17ff", "kana": "\u3040-\u30ff",
                 "han": "\u4e00-\u9fff", "cyrillic": "\u0400-\u04ff"}
UNSPACED_SCRIPT = re.compile("[" + "".join(SCRIPT_RANGES[s] for s in ("th", "lo", "km", "kana", "han")) + "]")

# Lao, Khmer and Thai unit words, folded, longest first: capital, city, province, district, commune (ນະຄອນຫຼວງ,
# ນະຄອນ, ແຂວງ, ເມືອງ, ຕາແສງ; រាជធានី, ទីក្រុង, ក្រុង, ខេត្ត, ស្រុក, ខណ្ឌ, ឃុំ, សង្កាត់; กรุง, นคร, เมือง, จังหวัด, อำเภอ, ตำบล)
SCRIPT_UNITS = tuple(sorted((fold(word) for word in (
    "ນະຄອນຫຼວງ", "ນະຄອນ", "ແຂວງ", "ເມືອງ", "ຕາແສງ",
    "រាជធានី", "ទីក្រុង", "ក្រុង", "ខេត្ត", "ស្រុក", "ខណ្ឌ", "ឃុំ", "សង្កាត់",
    "กรุง", "นคร", "เมือง", "จังหวัด", "อำเภอ", "ตำบล")), key=len, reverse=True))


def _unit_word_forms(keys: set[str], first_level: bool) -> set[str]:
    """Lao, Khmer and Thai names are printed with their unit word joined or apart ("ແຂວງຈຳປາສັກ", "ແຂວງ ຈຳປາສັກ"); a
    province's name also stands alone ("ໄຊສົມບູນ-ເຊີນລາ", "ស្វាយរៀង"), a district's only after its unit, as
    Vietnamese districts.

    Examples
    --------
    >>> sorted(_unit_word_forms({"ແຂວງຈຳປາສັກ"}, first_level=True))
    ['ຈຳປາສັກ', 'ແຂວງ ຈຳປາສັກ']
    >>> sorted(_unit_word_forms({"ស្រុកកំពង់ត្រាច"}, first_level=False))
    ['ស្រុក កំពង់ត្រាច']
    """
    forms = set()
    for key in keys:
        unit = next((u for u in SCRIPT_UNITS if key.startswith(u)), None)
        stem = key[len(unit):].strip() if unit else ""
        if len(stem) >= 3:
            forms.add(f"{unit} {stem}")
            if first_level:
                forms.add(stem)
    return forms


_CYRILLIC = re.compile(f"[{SCRIPT_RANGES['cyrillic']}]")
# Case endings of Russian (and Ukrainian, Bulgarian) names, folded (й as и), longest first
_CASE_ENDINGS = tuple(sorted((fold(ending) for ending in (
    "ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "ой", "ей", "ий", "ый", "ая", "яя", "ое", "ее", "ую", "юю",
    "ью", "ом", "ем", "им", "ым", "ам", "ям", "ах", "ях", "ов", "ев", "а", "я", "у", "ю", "е", "и", "ы", "о", "ь", "й")),
    key=len, reverse=True))


def _is_cyrillic(text: str) -> bool:
    return _CYRILLIC.search(text) is not None


def _cyrillic_stems(name: str) -> str:
    """A folded Cyrillic name with each word's case ending cut off (keeping at least four letters), so that the
    cases of a name read alike.

    Examples
    --------
    >>> _cyrillic_stems("ханои") == _cyrillic_stems("ханоя") == _cyrillic_stems("ханоем")
    True
    >>> _cyrillic_stems(fold("Иркутская область")) == _cyrillic_stems(fold("Иркутской области"))
    True
    """
    stems = []
    for word in name.split():
        ending = next((e for e in _CASE_ENDINGS if word.endswith(e) and len(word) - len(e) >= 4), "")
        stems.append(word[:len(word) - len(ending)])
    return " ".join(stems)


def _is_unspaced(text: str) -> bool:
    """A name in Thai, Lao, Khmer, kana or Han characters, scripts written without spaces between words."""
    return UNSPACED_SCRIPT.search(text) is not None


def _short_vietnamese_syllable(name: str) -> bool:
    """A one-syllable exonym with diacritics (Viên = Vienna): folded, it is a common word (viện, viên)."""
    return " " not in name and not name.isascii() and len(fold(name)) <= 5 and all(
        ord(ch) < 0x0250 or 0x1E00 <= ord(ch) <= 0x1EFF for ch in name)


# Phrases in which a place's name stands for something else: an ocean, a person, the places named after him
NOT_PLACES = re.compile(r"Thái Bình Dương|(?:Chủ tịch|Bác|[Tt]ư tưởng|Lăng|[Đđ]ường mòn|Huân chương|Bảo tàng|"
                        r"Giải thưởng|President|Uncle) Hồ Chí Minh")
# Unit words and particles that stay lower case inside a name ("tỉnh Vĩnh Phúc", "Santiago de Cuba")
_LOWER_IN_NAMES = {"tỉnh", "thành", "phố", "tp", "tp.", "huyện", "quận", "thị", "xã", "phường", "trấn", "thủ", "đô", "bang",
                   "province", "district", "city", "town", "prefecture", "county", "region", "state", "oblast", "krai",
                   "capital", "municipality", "commune", "township", "de", "du", "des", "la", "le", "del", "am", "an",
                   "ciudad", "distrito", "provincia",
                   "der", "sur", "upon", "on", "of", "the", "and", "y", "i", "e"}


# Russian unit words, in any case: область, края, провинции, городской округ, автономного округа
_RUSSIAN_UNITS = re.compile(r"^(?:област|кра[йяюе]|провинци|город|район|республик|округ|автономн|муниципал|уезд)", re.I)


def _capitalised_name(span: str) -> bool:
    """True unless a word of a Latin-script name other than a unit word or particle starts in lower case: Vietnamese
    names capitalise every syllable ("Hòa Bình"), so "Hòa bình" (peace) is not the province."""
    words = [w for w in span.split() if w[0].isalpha()]  # "Gyeongsangbuk-do", "Saint-Laurent-du-Var": one word
    return all(w[0].isupper() or w.lower() in _LOWER_IN_NAMES or _RUSSIAN_UNITS.match(w)
               or not w[0].isascii() and not w[0].islower() for w in words)


def without_gloss(name: str) -> str:
    """A name without the gloss in brackets at its end.

    >>> without_gloss("Công an tỉnh Bình Dương (Binh Duong provincial police)")
    'Công an tỉnh Bình Dương'
    """
    return re.sub(r"\s*\(.*\)\s*$", "", name)


def _is_lowercase_words(span: str) -> bool:
    """True for a span of cased letters none of which is a capital (scripts without case never are)."""
    return any(ch.islower() for ch in span) and not any(ch.isupper() for ch in span)


def agency_key(party: str, agency: str | None) -> str:
    """What tells one party of a place from another, for deciding whether two rows are the same tie.

    A place has one government and one council, so their names (written in several languages and spellings)
    do not matter; agencies are told apart by their folded name without a parenthesised gloss.

    Examples
    --------
    >>> agency_key("council", "Hội đồng nhân dân TP. Hồ Chí Minh") == agency_key("council", "HĐND TPHCM")
    True
    >>> agency_key("agency", "Công an tỉnh Bình Dương (Binh Duong provincial police)")
    'agency:cong an tinh binh duong'
    """
    if party in ("government", "council"):
        return party
    name = without_gloss(agency or "")
    return f"{party}:{fold(name)}"


def tie_keys(tie: Mapping[str, str | None]) -> list[tuple[str, ...]]:
    """The keys that identify a tie: two rows sharing any of them describe the same tie.

    The first key is the parties (place and body, ``agency_key``) and the type. Agency ties with a date get one
    more key per agency side: the same places, type and date with the same agency on that side (the other
    side's agency is often named in another language). The validator and the intake tool both use these.

    Examples
    --------
    >>> row = {"vn_place_id": "vn-a", "vn_party": "agency", "vn_agency": "Công an tỉnh A", "partner_place_id": "kr-b",
    ...        "partner_party": "agency", "partner_agency": "B경찰청", "tie_type": "cooperation", "established": "2005"}
    >>> other = {**row, "partner_agency": "Cảnh sát B"}
    >>> bool(set(tie_keys(row)) & set(tie_keys(other)))
    True
    """
    vn = agency_key(tie["vn_party"] or "", tie["vn_agency"])
    partner = agency_key(tie["partner_party"] or "", tie["partner_agency"])
    places_type = (tie["vn_place_id"] or "", tie["partner_place_id"] or "", tie["tie_type"] or "")
    keys: list[tuple[str, ...]] = [("parties", places_type[0], vn, places_type[1], partner, places_type[2])]
    if tie["established"]:
        keys += [(f"{side} agency", *places_type, tie["established"], key)
                 for side, key in (("Vietnamese", vn), ("foreign", partner)) if key.startswith("agency:")]
    return keys


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """fold() of one character, remembered: an article has few distinct characters and many repeats."""
    return fold(ch)


def _fold_with_index(text: str) -> tuple[str, list[int]]:
    """Fold character by character, keeping for each folded character the position it came from."""
    out: list[str] = []
    index: list[int] = []
    text = unicodedata.normalize("NFC", text)
    for position, ch in enumerate(text):
        piece = _fold_char(ch) if ch.strip() else " "
        if position and text[position - 1:position + 1] in _KHMER_VARIANTS:  # ្ដ folds as ្ត, as in fold()
            piece = _KHMER_VARIANTS[text[position - 1:position + 1]][1:]
        if ch in _HYPHENS + "_":  # a hyphen joins words as a space does (Île-de-France), as fold() reads it
            piece = " "
        if not piece and ch.strip():
            continue
        piece = piece or " "
        if piece == " " and out and out[-1] == " ":
            continue  # runs of spaces collapse, as in fold(): "Bà Rịa - Vũng Tàu"
        out.append(piece)
        index.extend([position] * len(piece))
    return "".join(out), index
