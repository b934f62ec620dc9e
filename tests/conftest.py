"""Shared fixtures: paths to the labelled test data."""

from __future__ import annotations

import importlib.util
import os
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

# Tests keep derived-table caches (mediamon.cache) out of the user's cache directory.
os.environ.setdefault("MEDIAMON_CACHE_DIR", tempfile.mkdtemp(prefix="mediamon-test-cache-"))

DATA = Path(__file__).parent / "data"
DUMPS = DATA / "dumps"
LABELLED = sorted(p.name.removesuffix(".expected.json") for p in DUMPS.glob("*.expected.json"))


@pytest.fixture
def data_dir() -> Path:
    return DATA


def known_failures(names: list[str], known: dict[str, str]) -> list[Any]:
    """``names`` as pytest parameters, those in ``known`` (name -> why) as strict xfails."""
    return [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=known[n])) if n in known else n
        for n in names
    ]


def load_benchmark(name: str) -> ModuleType:
    """A script of ``benchmarks/`` imported as a module (tests reuse its scoring)."""
    return load_script(Path(__file__).resolve().parents[1] / "benchmarks" / f"{name}.py", name)


def load_script(path: Path, name: str) -> ModuleType:
    """A script (of ``benchmarks/`` or ``tools/``) imported as a module named ``name``."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module
