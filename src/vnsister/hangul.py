"""Korean spellings of Vietnamese place names, by the Korean standard transcription of Vietnamese.

The National Institute of Korean Language's rule (외래어 표기법, Vietnamese table, 2004) maps Vietnamese letters
to Hangul: d and gi → ㅈ, đ → ㄷ, c, k and q → ㄲ, ch and tr → ㅉ, t → ㄸ (ㅅ at the end), x → ㅆ, ph → ㅍ,
th → ㅌ, kh → ㅋ, â and ơ → 어, ư → 으, e → 애, ê → 에; a final nh is ㄴ but "anh" is 아인; and
four detailed rules: nh joins the next vowel (Nha Trang → 냐짱), qu + a → 꽈 (Quảng → 꽝), y joins the next
vowel (Yên → 옌), and an l between vowels is written ㄹㄹ, also across words (My Lay → 밀라이, Hạ Long → 할롱).
Tones are not written.

The press often departs from the rule (빈증 beside 빈즈엉 for Bình Dương); such spellings met in sources are kept
as aliases in the gazetteer beside the rule's form.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["korean_transcription"]

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # grave, acute, tilde, hook above, dot below
_INITIALS = ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
             "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x"]
_FINALS = ["ng", "nh", "ch", "c", "k", "m", "n", "p", "t"]
# Hangul jamo indices (initial, medial, final) for composing syllables
_CHO = {"ㄱ": 0, "ㄲ": 1, "ㄴ": 2, "ㄷ": 3, "ㄸ": 4, "ㄹ": 5, "ㅁ": 6, "ㅂ": 7, "ㅃ": 8, "ㅅ": 9, "ㅆ": 10,
        "ㅇ": 11, "ㅈ": 12, "ㅉ": 13, "ㅊ": 14, "ㅋ": 15, "ㅌ": 16, "ㅍ": 17, "ㅎ": 18}
_JUNG = {"ㅏ": 0, "ㅐ": 1, "ㅑ": 2, "ㅒ": 3, "ㅓ": 4, "ㅔ": 5, "ㅕ": 6, "ㅖ": 7, "ㅗ": 8, "ㅘ": 9, "ㅙ": 10,
         "ㅚ": 11, "ㅛ": 12, "ㅜ": 13, "ㅝ": 14, "ㅞ": 15, "ㅟ": 16, "ㅠ": 17, "ㅡ": 18, "ㅢ": 19, "ㅣ": 20}
_JONG = {"": 0, "ㄱ": 1, "ㄴ": 4, "ㄹ": 8, "ㅁ": 16, "ㅂ": 17, "ㅅ": 19, "ㅇ": 21}
_INITIAL_JAMO = {"b": "ㅂ", "c": "ㄲ", "ch": "ㅉ", "d": "ㅈ", "đ": "ㄷ", "g": "ㄱ", "gh": "ㄱ", "gi": "ㅈ", "h": "ㅎ",
                 "k": "ㄲ", "kh": "ㅋ", "l": "ㄹ", "m": "ㅁ", "n": "ㄴ", "p": "ㅃ", "ph": "ㅍ", "qu": "ㄲ", "r": "ㄹ",
                 "s": "ㅅ", "t": "ㄸ", "th": "ㅌ", "tr": "ㅉ", "v": "ㅂ", "x": "ㅆ", "": "ㅇ", "ng": "ㅇ", "ngh": "ㅇ",
                 "nh": "ㄴ"}
_FINAL_JAMO = {"c": "ㄱ", "ch": "ㄱ", "k": "ㄱ", "m": "ㅁ", "n": "ㄴ", "ng": "ㅇ", "nh": "ㄴ", "p": "ㅂ", "t": "ㅅ"}
_VOWEL = {"a": "ㅏ", "ă": "ㅏ", "â": "ㅓ", "e": "ㅐ", "ê": "ㅔ", "i": "ㅣ", "o": "ㅗ", "ô": "ㅗ", "ơ": "ㅓ",
          "u": "ㅜ", "ư": "ㅡ", "y": "ㅣ"}
# Vowel groups whose second letter is read otherwise than alone (ia → 이어, ua → 우어, ưa → 으어)
_GROUPS = {"ia": ["ㅣ", "ㅓ"], "ua": ["ㅜ", "ㅓ"], "ưa": ["ㅡ", "ㅓ"], "ươ": ["ㅡ", "ㅓ"], "iê": ["ㅣ", "ㅔ"],
           "uô": ["ㅜ", "ㅗ"], "uâ": ["ㅜ", "ㅓ"], "uơ": ["ㅜ", "ㅓ"],
           "yê": ["ㅖ"]}  # y joins the following vowel (detailed rule 3): yên → 옌, Nguyên → 응우옌
# nh or y joined with the following vowel (detailed rules 1 and 3)
_PALATAL = {"ㅏ": "ㅑ", "ㅓ": "ㅕ", "ㅗ": "ㅛ", "ㅜ": "ㅠ", "ㅐ": "ㅒ", "ㅔ": "ㅖ", "ㅣ": "ㅣ"}


def _strip_tones(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.lower())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))


def _compose(initial: str, vowel: str, final: str = "") -> str:
    return chr(0xAC00 + (_CHO[initial] * 21 + _JUNG[vowel]) * 28 + _JONG[final])


def _vowels(nucleus: str) -> list[str]:
    out, i = [], 0
    while i < len(nucleus):
        pair = nucleus[i:i + 2]
        if pair in _GROUPS:
            out += _GROUPS[pair]
            i += 2
        else:
            out.append(_VOWEL[nucleus[i]])
            i += 1
    return out


def _syllable(word: str) -> list[list[str]]:
    """One Vietnamese syllable as Hangul syllables, each [initial, medial, final] in jamo."""
    initial = next((c for c in _INITIALS if word.startswith(c)), "")
    rest = word[len(initial):]
    if initial == "gi" and (not rest or rest[0] not in _VOWEL):
        rest = "i" + rest  # "gì", "gìn": the i is the vowel
    final = next((f for f in _FINALS if rest.endswith(f) and len(rest) > len(f)), "")
    nucleus = rest[: len(rest) - len(final)]
    if not nucleus or any(c not in _VOWEL for c in nucleus):
        raise ValueError(f"not a Vietnamese syllable: {word!r}")
    if nucleus == "a" and final == "nh":  # anh → 아인 (but ach → 악: bach 박)
        vowels, final_jamo = ["ㅏ", "ㅣ"], "ㄴ"
    else:
        vowels, final_jamo = _vowels(nucleus), _FINAL_JAMO.get(final, "")
    if initial == "qu":
        if vowels[0] == "ㅏ":  # qu + a → 꽈
            vowels[0] = "ㅘ"
        else:
            vowels.insert(0, "ㅜ")
    if initial == "nh":  # nh joins the next vowel: nha → 냐
        vowels[0] = _PALATAL.get(vowels[0], vowels[0])
    syllables = [[_INITIAL_JAMO[initial] if i == 0 else "ㅇ", v, ""] for i, v in enumerate(vowels)]
    syllables[-1][2] = final_jamo
    if initial in ("ng", "ngh"):
        syllables.insert(0, ["ㅇ", "ㅡ", "ㅇ"])  # ng before a vowel is 응: Nghệ → 응에
    return syllables


def korean_transcription(name: str) -> str:
    """The Korean standard transcription of a Vietnamese name (tones and unit words are not written).

    Examples
    --------
    >>> [korean_transcription(n) for n in ["Bình Dương", "Hải Phòng", "Thanh Hóa", "Quảng Ninh", "Hạ Long"]]
    ['빈즈엉', '하이퐁', '타인호아', '꽝닌', '할롱']
    >>> korean_transcription("Hưng Yên"), korean_transcription("Nha Trang"), korean_transcription("Nghệ An")
    ('흥옌', '냐짱', '응에안')
    """
    syllables: list[list[str]] = []
    for word in re.findall(r"[^\W\d_]+", _strip_tones(unicodedata.normalize("NFC", name))):
        parts = _syllable(word)
        if syllables and word.startswith("l") and not syllables[-1][2]:  # l (not r) between vowels → ㄹㄹ
            syllables[-1][2] = "ㄹ"
        syllables += parts
    return "".join(_compose(*s) for s in syllables)
