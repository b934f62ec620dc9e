from collections.abc import Callable, Collection, Iterable
from typing import Any, TypeVar

_C = TypeVar("_C", bound=tuple[Any, ...])
_M = TypeVar("_M")

class CharTable:
    def __init__(
        self,
        one: dict[int, str | int | None],
        other: dict[str, str],
        spacing: Iterable[str],
        tail: Iterable[str],
        soft: Iterable[str],
    ) -> None: ...
    def map(self, char: str) -> str: ...

class Mapped:
    original: str
    @property
    def text(self) -> str: ...
    def __len__(self) -> int: ...
    def to_original_start(self, pos: int) -> int: ...
    def to_original_end(self, end: int) -> int: ...
    def span(self, start: int, end: int) -> tuple[int, int]: ...

def normalize(table: CharTable, text: str, edits: list[tuple[int, int, str | None]]) -> Mapped: ...

class Trie:
    size: int
    nbytes: int
    def __init__(self) -> None: ...
    def __len__(self) -> int: ...
    def add(self, key: str, value: int) -> None: ...
    def get(self, key: str, default: int | None = None) -> int | None: ...
    def configure(
        self,
        prefixes: Trie | None,
        kinds: bytes,
        allowed: bytes,
        width: int,
        entities: list[int],
        aliases: list[tuple[tuple[str, str], ...]],
        letters: list[str | None],
        ambiguous: bytes,
        side: str,
        make: type,
        same_letters: Callable[[str, str], bool],
    ) -> None: ...
    def scan(self, text: Mapped) -> list[tuple[int, int, int, int]]: ...
    def candidates(self, text: Mapped) -> list[Any]: ...
    def scan_tokens(self, stream: str) -> list[tuple[int, int, int]]: ...

class CharSet:
    def __init__(self, chars: Iterable[str]) -> None: ...
    def __contains__(self, char: str) -> bool: ...
    def any_in(self, text: str) -> bool: ...
    def pair_in(self, text: str, second: CharSet) -> bool: ...

def words(text: str, first: CharSet, joiners: CharSet) -> list[tuple[int, int, str]]: ...
def resolve(candidates: list[_C], length: int, rank: dict[str, int]) -> list[_C]: ...
def mentions(
    cls: type[_M],
    names: tuple[str, ...],
    candidates: list[Any],
    labels: list[tuple[str, str, str]],
    text: str,
    field: str,
    offset: int,
) -> list[_M]: ...
def name_hits(
    trie: Trie,
    text: str,
    first: CharSet,
    joiners: CharSet,
    cache: dict[str, tuple[str, ...]],
    compute: Callable[[str], tuple[str, ...]],
    joined: Callable[[str, int, int], object],
    endings: Collection[str],
) -> list[tuple[int, int, int]]: ...
