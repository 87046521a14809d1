"""Text hygiene: invisible characters, control characters and mojibake in any text cell.

Spreadsheets, copy-paste from web pages and a wrong encoding on a round trip leave characters that look like
nothing (zero-width spaces, soft hyphens, direction marks), break parsers (NUL and other control characters)
or garble Vietnamese and Korean text (UTF-8 read as cp1252 and saved again: "Ä‘á»“ng" for "đồng"). Each finding names
the character and its position.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["text_problems"]

# Format characters (Unicode category Cf) are invisible; a few others render as nothing as well.
_INVISIBLE_EXTRA = {"\u00a0": "NO-BREAK SPACE", "\u3164": "HANGUL FILLER", "\u115f": "HANGUL CHOSEONG FILLER",
                    "\u1160": "HANGUL JUNGSEONG FILLER", "\u2800": "BRAILLE PATTERN BLANK"}
# A line break inside a quoted cell is allowed (notes may have paragraphs); every other control character is not.
_SUSPECT = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u00a0\u115f\u1160\u3164\u2800\u00ad\u061c\u180e\u200b-\u200f"
                      r"\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]")


_MOJIBAKE_PRONE = re.compile("[\u00a0-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                             "\u2013-\u2026\u2030\u2039\u203a\u20ac\u2122]")


def _name(char: str) -> str:
    return unicodedata.name(char, None) or _INVISIBLE_EXTRA.get(char) or f"control character {ord(char):#04x}"


def text_problems(value: str) -> list[str]:
    """Messages for invisible or control characters and for mojibake in one text cell (empty if clean).

    Examples
    --------
    >>> text_problems("Hà Nội")
    []
    >>> text_problems("Hà\\u200b Nội")
    ['invisible character U+200B (ZERO WIDTH SPACE) at position 3']
    >>> text_problems("hợp Ä‘á»“ng")
    ['mojibake: UTF-8 text decoded as another encoding (would read "hợp đồng")']
    """
    problems = []
    for match in _SUSPECT.finditer(value):
        char = match.group()
        kind = "control character" if unicodedata.category(char) == "Cc" else "invisible character"
        problems.append(f"{kind} U+{ord(char):04X} ({_name(char)}) at position {match.start() + 1}")
    if _MOJIBAKE_PRONE.search(value):  # UTF-8 read as cp1252/Latin-1 always leaves such characters
        from ftfy import fix_encoding
        from ftfy.badness import is_bad

        if is_bad(value):
            fixed = fix_encoding(value)
            hint = f' (would read "{fixed}")' if fixed != value else ""
            problems.append(f"mojibake: UTF-8 text decoded as another encoding{hint}")
    return problems
