"""Refresh the README's coverage table (between the coverage markers) from the shipped data.

    python scripts/update_readme.py
"""

from __future__ import annotations

import re
from pathlib import Path

import vnsister
from vnsister.coverage import coverage_markdown

README = Path(__file__).resolve().parents[1] / "README.md"


def main() -> None:
    text = README.read_text(encoding="utf-8")
    block = f"<!-- coverage:start -->\n{coverage_markdown(vnsister.load())}\n<!-- coverage:end -->"
    new = re.sub(r"<!-- coverage:start -->.*?<!-- coverage:end -->", lambda _: block, text, flags=re.S)
    README.write_text(new, encoding="utf-8")
    print("README coverage table", "updated" if new != text else "already current")


if __name__ == "__main__":
    main()
