"""The ``mediamon`` command line: one thin module per command over the public API (see ``main``)."""

from mediamon.cli.main import main

__all__ = ["main"]
