"""Build the optional native core (``mediamon.engine._native``, Cython); everything else is in pyproject.toml.

Without a C compiler the build still succeeds, with a warning, and mediamon runs on its
pure-Python engine (same results, slower); ``MEDIAMON_PURE_PYTHON=1`` skips the core.
"""

from __future__ import annotations

import os
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext


class OptionalBuildExt(build_ext):
    """build_ext that warns instead of failing when the compiler is missing or fails."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # any build failure leaves the pure-Python engine
            self._warn(exc)

    def build_extension(self, ext: Extension) -> None:
        try:
            super().build_extension(ext)
        except Exception as exc:
            self._warn(exc)

    @staticmethod
    def _warn(exc: Exception) -> None:
        print(f"mediamon: native core not built ({exc}); using the pure-Python engine", file=sys.stderr)


def extensions() -> list[Extension]:
    if os.environ.get("MEDIAMON_PURE_PYTHON"):
        return []
    try:
        from Cython.Build import cythonize
    except ImportError:
        print("mediamon: Cython not found; using the pure-Python engine", file=sys.stderr)
        return []
    # No fused multiply-add: language ID's trials must round each step as Python does.
    args = ["-O2", "-ffp-contract=off"]
    ext = Extension("mediamon.engine._native", ["src/mediamon/engine/_native.pyx"], extra_compile_args=args)
    return list(cythonize([ext], compiler_directives={"language_level": "3"}, quiet=True))


setup(ext_modules=extensions(), cmdclass={"build_ext": OptionalBuildExt})
