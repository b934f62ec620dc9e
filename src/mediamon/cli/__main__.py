"""``python -m mediamon.cli``: the same as the ``mediamon`` command."""

from __future__ import annotations

import sys

from mediamon.cli import main

if __name__ == "__main__":
    sys.exit(main())
