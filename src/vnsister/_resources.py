"""Where the data package lives: the only module that knows the file layout.

In a repository checkout the package sits at the repository root (``datapackage.json``, ``schemas/``,
``dataset/``); in an installed wheel the same tree is shipped as package data under ``vnsister/_data``.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

DESCRIPTOR = "datapackage.json"


def shipped_root() -> Path:
    """Return the directory holding the data package shipped with this installation."""
    bundled = Path(str(files("vnsister"))) / "_data"
    if (bundled / DESCRIPTOR).is_file():
        return bundled
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / DESCRIPTOR).is_file():
        return checkout
    raise FileNotFoundError("no data package found: neither vnsister/_data nor a repository checkout")


def resolve_root(path: str | Path | None) -> Path:
    """Return the data-package directory for ``path`` (a directory or a ``datapackage.json``)."""
    if path is None:
        return shipped_root()
    candidate = Path(path)
    if candidate.is_file() and candidate.name.endswith(".json"):
        return candidate.parent
    return candidate
