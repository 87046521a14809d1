"""Exceptions raised by vnsister."""

from __future__ import annotations

from typing import Any


class VnsisterError(Exception):
    """Base class of vnsister's errors."""


class ValidationError(VnsisterError, ValueError):
    """The dataset does not validate; ``errors`` holds one row per problem (table, row, field, value, message)."""

    def __init__(self, message: str, errors: Any = None) -> None:
        super().__init__(message)
        self.errors = errors


class PackageError(VnsisterError):
    """The data package itself cannot be used: ``datapackage.json`` is missing or not valid JSON, a resource or
    schema is missing, or a path in it points outside the package directory (refused before reading)."""
