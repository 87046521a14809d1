"""Where the data package lives: the only module that knows the file layout.

In a repository checkout the package sits at the repository root (``datapackage.json``, ``schemas/``,
``dataset/``); in an installed wheel the same tree is shipped as package data under ``vnsister/_data``.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path, PurePosixPath, PureWindowsPath

from vnsister.errors import PackageError

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


def package_file(root: Path, relative: object, what: str) -> Path:
    """The file a descriptor path names, refused unless it stays inside the package directory ``root``.

    Checked before anything is opened: the path must be a relative POSIX path without ``..`` or a URL scheme,
    and must not resolve (through symlinks) to a place outside ``root``.

    Examples
    --------
    >>> package_file(Path("pkg"), "dataset/places.csv", "resource places").as_posix()
    'pkg/dataset/places.csv'
    >>> package_file(Path("pkg"), "../secret.csv", "resource places")
    Traceback (most recent call last):
    ...
    vnsister.errors.PackageError: resource places: path '../secret.csv' leaves the package directory; refused
    """
    if not isinstance(relative, str) or not relative.strip():
        raise PackageError(f"{what}: path {relative!r} is not a file path")
    posix, windows = PurePosixPath(relative), PureWindowsPath(relative)
    if (posix.is_absolute() or windows.is_absolute() or windows.drive or ".." in posix.parts or ".." in windows.parts
            or "://" in relative or "\\" in relative):
        raise PackageError(f"{what}: path {relative!r} leaves the package directory; refused")
    candidate = root / posix
    if not candidate.resolve().is_relative_to(root.resolve()):
        raise PackageError(f"{what}: path {relative!r} resolves outside the package directory (a symlink?); refused")
    return candidate
