"""Doctest names for the examples in src/vnsister (``load`` and ``vnsister`` are always at hand)."""

import pytest

import vnsister


@pytest.fixture(autouse=True)
def _doctest_names(doctest_namespace: dict) -> None:
    doctest_namespace["vnsister"] = vnsister
    doctest_namespace["load"] = vnsister.load
