"""Shared fixtures: paths to the labelled test data."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Tests keep derived-table caches (mediamon.cache) out of the user's cache directory.
os.environ.setdefault("MEDIAMON_CACHE_DIR", tempfile.mkdtemp(prefix="mediamon-test-cache-"))

DATA = Path(__file__).parent / "data"
DUMPS = DATA / "dumps"
LABELLED = sorted(p.name.removesuffix(".expected.json") for p in DUMPS.glob("*.expected.json"))


@pytest.fixture
def data_dir() -> Path:
    return DATA
