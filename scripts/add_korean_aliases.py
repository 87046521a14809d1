"""Add the Korean standard transcription (vnsister.hangul) of every Vietnamese province and district-level unit
to its aliases in dataset/places.csv. Idempotent; spellings met in sources are added by hand beside it. Names
that are not Vietnamese syllables (Central Highlands names such as Krông Pắc) get none rather than a guess.

    python scripts/add_korean_aliases.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))
from ingest import read, write  # noqa: E402  (the one CSV writer of curation)

from vnsister.hangul import korean_transcription  # noqa: E402


def main() -> int:
    rows = read("places")
    added, skipped = 0, []
    for row in rows:
        if row["country"] != "VN" or int(row["admin_level"]) > 2:
            continue
        try:
            hangul = korean_transcription(row["name_local"])
        except ValueError:  # names from Central Highlands languages (Krông Pắc, Pleiku) fall outside the rule
            skipped.append(row["name_local"])
            continue
        aliases = [a for a in row["aliases"].split(";") if a]
        if hangul not in aliases:
            row["aliases"] = ";".join([*aliases, hangul])
            added += 1
    write("places", rows)
    print(f"{added} Korean transcriptions added; outside the rule, left without one: {', '.join(skipped)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
