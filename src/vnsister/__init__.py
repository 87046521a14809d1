"""vnsister: Vietnamese subnational partnerships as a sourced, versioned data package.

>>> import vnsister
>>> ds = vnsister.load()
>>> vnsister.validate().ok
True
"""

from pathlib import Path

from vnsister._resources import shipped_root
from vnsister.errors import ValidationError, VnsisterError
from vnsister.load import Dataset, load
from vnsister.schema import TABLES
from vnsister.validate import ValidationReport, validate


def path(table: str | None = None) -> Path:
    """Return the path of a table's CSV (or of ``datapackage.json``) in the shipped data package.

    Examples
    --------
    >>> path("partnerships").name
    'partnerships.csv'
    >>> path("nope")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: table='nope' is not allowed; choose one of: 'places', 'partnerships', ...
    """
    from vnsister.checks import choice
    from vnsister.schema import table_path

    if table is not None:
        choice("table", table, TABLES)
    root = shipped_root()
    return root / "datapackage.json" if table is None else table_path(table, root)


def __getattr__(name: str) -> str:
    """``__version__``, read from the package metadata on first use: importlib.metadata alone costs about a
    tenth of ``import pandas``, which most sessions never need."""
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("vnsister")
        except PackageNotFoundError:  # running from a source tree without installation
            return "0.0.0"
    raise AttributeError(f"module 'vnsister' has no attribute {name!r}")


__all__ = ["Dataset", "TABLES", "ValidationError", "ValidationReport", "VnsisterError", "__version__", "load",
           "path", "validate"]
