from collections.abc import Callable, Collection, Iterable
from typing import Any, TypeVar

_C = TypeVar("_C", bound=tuple[Any, ...])
_T = TypeVar("_T")

NAME: str

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
    def configure(self, prefixes: Trie | None, kinds: bytes, allowed: bytes, width: int) -> None: ...
    def scan(self, text: Mapped) -> list[tuple[int, int, int, int]]: ...
    def scan_tokens(self, stream: str) -> list[tuple[int, int, int]]: ...

class CharSet:
    def __init__(self, chars: Iterable[str]) -> None: ...
    def __contains__(self, char: str) -> bool: ...
    def any_in(self, text: str) -> bool: ...
    def pair_in(self, text: str, second: CharSet) -> bool: ...

def words(text: str, first: CharSet, joiners: CharSet) -> list[tuple[int, int, str]]: ...
def resolve(candidates: list[_C], length: int, rank: dict[str, int]) -> list[_C]: ...
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
def nb_grams(text: str, index: dict[str, int]) -> list[int]: ...
def nb_trials(
    probs: Any,
    width: int,
    rows: list[int],
    seed: int,
    trials: int,
    alpha: float,
    alpha_width: float,
    limit: int,
    converged: float,
    base_freq: float,
) -> list[float]: ...
def nb_column(
    probs: Any, width: int, column: int, index: dict[str, int], freq: dict[str, int], totals: list[int]
) -> None: ...
def script_tally(text: str, table: bytes, slots: int) -> tuple[list[int], list[int]]: ...
def word_tally(
    text: str, window: int, letters: CharSet, vocabulary: dict[str, int], languages: int
) -> tuple[int, int, list[int]]: ...
def crf_viterbi(
    weights: memoryview | Any, trans: memoryview | Any, labels: int, ids: list[int], ends: list[int]
) -> list[int]: ...
def feature_rows(
    feats: dict[str, str],
    table: dict[str, dict[str, tuple[bytes, ...]]],
    slots: tuple[tuple[int, tuple[str, ...]], ...],
) -> tuple[bytes, tuple[bytes, ...]]: ...
def crf_window(
    weights: memoryview | Any,
    trans: memoryview | Any,
    labels: int,
    words: list[Any],
    keep: list[int],
    extra: dict[int, bytes],
    fixed: tuple[int, int, int, int],
) -> list[int]: ...
def marked_words(
    text: str,
    marks: CharSet,
    cache: dict[str, Any],
    compute: Callable[[str], Any],
    make: Callable[[tuple[int, int, int, str]], _T],
) -> list[_T] | None: ...
def latin_words(text: str, make: Callable[[tuple[int, int, int, str]], _T]) -> list[_T]: ...
def token_words(
    tokens: list[Any],
    spans: list[tuple[int, int, str]],
    cache: dict[str, Any],
    kind_at: int,
    kind: Callable[[str], int],
    word: Callable[[str], Any],
) -> tuple[list[Any], list[str], list[int]]: ...
def label_hits(
    trie: Trie,
    mapped: Mapped,
    text: str,
    columns: tuple[Any, ...],
    code: str,
    kind: type[_C],
    same_letters: Callable[[str, str], bool],
) -> list[_C]: ...
