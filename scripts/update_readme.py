"""Refresh the README's coverage, completeness, breakdown and compare tables (between their markers) from the shipped data.

    python scripts/update_readme.py
"""

from __future__ import annotations

import re
from pathlib import Path

import vnsister
from vnsister.coverage import breakdown_markdown, completeness_markdown, coverage_markdown
from vnsister.findings import compare_markdown

README = Path(__file__).resolve().parents[1] / "README.md"


def main() -> None:
    text = new = README.read_text(encoding="utf-8")
    ds = vnsister.load()
    for name, markdown in (("coverage", coverage_markdown(ds)), ("completeness", completeness_markdown(ds)),
                           ("compare", compare_markdown(ds)), ("breakdown", breakdown_markdown(ds))):
        block = f"<!-- {name}:start -->\n{markdown}\n<!-- {name}:end -->"
        new = re.sub(rf"<!-- {name}:start -->.*?<!-- {name}:end -->", lambda _, block=block: block, new, flags=re.S)
    README.write_text(new, encoding="utf-8")
    print("README coverage, completeness and compare tables", "updated" if new != text else "already current")


if __name__ == "__main__":
    main()
