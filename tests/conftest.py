"""Shared fixtures: paths to the labelled test data."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
DUMPS = DATA / "dumps"
LABELLED = sorted(p.name.removesuffix(".expected.json") for p in DUMPS.glob("*.expected.json"))


@pytest.fixture
def data_dir() -> Path:
    return DATA
