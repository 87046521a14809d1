"""The data dictionary (docs/data-dictionary.md), generated from the Table Schemas."""

from __future__ import annotations

from pathlib import Path

from vnsister import schema as sch


def data_dictionary(path: str | Path | None = None) -> str:
    """Markdown tables of every field of every table, straight from ``schemas/*.json``.

    Examples
    --------
    >>> "| tie_type | string |" in data_dictionary()
    True
    """
    lines = ["# Data dictionary", "", "Generated from `schemas/*.json` by `python -m vnsister.docs`; do not edit.", ""]
    for name in sch.TABLES:
        entry, table = sch.resource(name, path), sch.table_schema(name, path)
        lines += [f"## {name} (`{entry['path']}`)", "", entry.get("description", ""), "",
                  f"Primary key: `{', '.join(table['primaryKey'])}`."]
        for fk in table.get("foreignKeys", []):
            target = fk["reference"]["resource"] or name
            lines.append(f"Foreign key: `{fk['fields'][0]}` → `{target}.{fk['reference']['fields'][0]}`.")
        lines += ["", "| field | type | required | allowed | description |", "|---|---|---|---|---|"]
        for field in table["fields"]:
            constraints = field.get("constraints", {})
            pattern = f"`{constraints['pattern']}`" if "pattern" in constraints else ""
            allowed = ", ".join(constraints.get("enum", [])) or pattern
            lines.append(f"| {field['name']} | {field['type']} | {'yes' if constraints.get('required') else ''} "
                         f"| {allowed.replace('|', chr(92) + '|')} | {field['description']} |")  # GFM: \| inside code
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    target = Path(__file__).resolve().parents[2] / "docs" / "data-dictionary.md"
    target.write_text(data_dictionary(), encoding="utf-8")
    print(f"wrote {target}")
