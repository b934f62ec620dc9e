"""Memos of per-word results whose memory stays bounded on any stream.

The support stage, the role rules and the name finders remember what they computed for a
word form (its normalised key, its features, an alias's ambiguity), segmentation what it
made of a short line, the cue patterns which groups a first character opens. A stream's
vocabulary grows without end (names, numbers, typos), so each memo is emptied when it
reaches its limit (:data:`LIMIT` unless the caller names its own); it refills at once with
the words of the text at hand.
"""

from __future__ import annotations

from typing import Any

__all__ = ["LIMIT", "make_room"]

#: Entries a memo holds before it is emptied.
LIMIT = 100_000


def make_room(memo: dict[Any, Any], limit: int | None = None) -> None:
    """Empty ``memo`` when it holds ``limit`` (default :data:`LIMIT`) entries; call before adding one."""
    if len(memo) >= (LIMIT if limit is None else limit):
        memo.clear()
