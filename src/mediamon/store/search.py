"""Search over the store: the normalised form documents and queries share, query parsing,
filters, and where a hit is shown."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from mediamon.match.compile import case_letters
from mediamon.model import Article
from mediamon.store.schema import SPACES, TOKEN, clean
from mediamon.text.dates import as_date

if TYPE_CHECKING:
    from mediamon.text.normalize import NormalizedText

__all__ = ["Hit", "index_form", "search_form"]

#: A search word keeps at least this many letters after its article and proclitics are cut
#: (``الله`` stays whole; ``الانسحاب`` indexes as ``انسحاب``).
MIN_STEM = 3


@functools.cache
def normalizers() -> tuple[Any, Any]:
    from mediamon import lang

    return lang.get("ar").normalizer, lang.get("en").normalizer


#: Characters a search query holds at most (SQLite's LIKE patterns stop at 50,000 bytes).
MAX_QUERY = 2_000


def search_form(text: str) -> str:
    """Text as the index holds it: the Arabic, then the English normaliser (each leaves the other
    script alone), so both scripts are folded by their own rules in one pass over mixed text."""
    arabic, english = normalizers()
    return str(english.normalize(arabic.normalize(text)))


@functools.cache
def prefixes() -> str:
    """A regex group of every language's ``search_prefixes``, longest first."""
    from mediamon import lang

    found = sorted({p for language in lang.languages() for p in language.search_prefixes}, key=len)
    return "(?:" + ("|".join(map(re.escape, reversed(found))) or "(?!)") + ")"


@functools.cache
def prefix_pattern() -> re.Pattern[str]:
    """What a word of the search form loses at its start: the longest prefix that leaves
    ``MIN_STEM`` letters."""
    return re.compile(rf"(?<![^\W_]){prefixes()}(?=[^\W\d_]{{{MIN_STEM},}})")


def stem(word: str) -> str:
    """One normalised word as the index holds it (``بالعراق`` -> ``عراق``)."""
    return prefix_pattern().sub("", word, count=1)


def index_form(text: str) -> str:
    """Text as the full-text index holds it: :func:`search_form`, then each word's article and
    proclitics cut (offsets shift; :func:`first_term` finds a term in the original text)."""
    return prefix_pattern().sub("", search_form(text))


def mapped(text: str) -> tuple[NormalizedText, NormalizedText]:
    """Both normalisation steps with their offset maps (for finding a match's original span)."""
    arabic, english = normalizers()
    first = arabic.normalize_with_map(text)
    return first, english.normalize_with_map(first.text)


def alias_key(text: str) -> str:
    """The alias key of a name or query: normalised words joined by one space; a short
    all-capital name (``US``, ``U.S.``) keeps its capitals, marked ``=``, so "us" stays a pronoun."""
    letters = case_letters(text)
    if letters is not None:
        return "=" + letters
    return " ".join(TOKEN.findall(search_form(text)))


def parse_query(query: str) -> tuple[list[str], list[list[str]]]:
    """Normalised query words outside quotes, and quoted phrases as word lists."""
    words: list[str] = []
    phrases: list[list[str]] = []
    for index, part in enumerate(index_form(query).split('"')):
        tokens = TOKEN.findall(part)
        if index % 2 and len(tokens) > 1:
            phrases.append(tokens)
        else:
            words.extend(tokens)
    return words, phrases


@attrs.frozen
class Hit:
    """A search result: the article, where to look (``field``, ``start``..``end`` in the original
    text, or ``field=None``) and ``by`` -- ``"text"``, ``"entity"`` or both -- saying why it matched."""

    article: Article
    field: str | None
    start: int
    end: int
    by: tuple[str, ...]

    def snippet(self, width: int = 60, mark: tuple[str, str] = ("[", "]")) -> str:
        """The match with up to ``width`` characters either side, on one line, the match marked."""
        if self.field is None:
            text = squash(self.article.body or self.article.title).strip()
            return text[: 2 * width] + ("…" if len(text) > 2 * width else "")
        text = getattr(self.article, self.field)
        start, end = self.start, self.end
        inner = squash(text[max(0, start - width) : start]) + mark[0] + squash(text[start:end]) + mark[1]
        inner += squash(text[end : end + width])
        prefix = "…" if start > width else ""
        suffix = "…" if end + width < len(text) else ""
        return prefix + inner.strip() + suffix


def squash(text: str) -> str:
    """Runs of white space (line breaks included) as one space."""
    return SPACES.sub(" ", text)


def filters(
    *,
    entity: str | Iterable[str] | None,
    since: dt.date | str | None,
    until: dt.date | str | None,
    lang: str | Iterable[str] | None,
    source: str | Iterable[str] | None,
    table: str = "",
) -> tuple[list[str], list[Any]]:
    """WHERE conditions (and parameters) shared by :meth:`Store.articles` and :meth:`Store.search`."""

    where: list[str] = []
    params: list[Any] = []

    def one_of(column: str, values: Iterable[str]) -> None:
        listed = sorted({clean(v) for v in values})
        where.append(f"{column} IN ({', '.join('?' * len(listed))})")
        params.extend(listed)

    if entity is not None:
        ids = {entity} if isinstance(entity, str) else set(entity)
        listed = sorted({clean(i) for i in ids})  # as stored: lone surrogates as U+FFFD
        marks = ", ".join("?" * len(listed))
        where.append(f"{table}pk IN (SELECT article_pk FROM mentions WHERE entity_id IN ({marks}))")
        params.extend(listed)
    start, end = as_date(since, "since"), as_date(until, "until")
    if start is not None:
        where.append(f"{table}date >= ?")
        params.append(start.isoformat())
    if end is not None:
        where.append(f"{table}date <= ?")
        params.append(end.isoformat())
    if lang is not None:
        one_of(
            f"lower({table}lang)",
            {lang.casefold()} if isinstance(lang, str) else {v.casefold() for v in lang},
        )
    if source is not None:
        values = {source} if isinstance(source, str) else set(source)
        # An outlet is named by its source string or by its MEDIA id (meta.source_id).
        keys = sorted({v.strip().casefold() for v in values})
        outlet_ids = sorted(values)
        marks, id_marks = ", ".join("?" * len(keys)), ", ".join("?" * len(outlet_ids))
        where.append(
            f"({table}source_key IN ({marks}) OR json_extract({table}meta, '$.source_id') IN ({id_marks}))"
        )
        params.extend([*keys, *outlet_ids])
    return where, params


def make_hit(article: Article, by: tuple[str, ...], terms: list[list[str]], entities: list[str]) -> Hit:
    """Where to show a hit: the first query term in the title, else the body; else the first mention."""
    if "text" in by:
        for field in ("title", "body"):
            span = first_term(getattr(article, field), terms)
            if span is not None:
                return Hit(article, field, span[0], span[1], by)
    wanted = set(entities)
    ranked = sorted(
        (m for m in article.mentions if m.entity_id in wanted),
        key=lambda m: (m.field != "title", m.start),
    )
    if ranked:
        return Hit(article, ranked[0].field, ranked[0].start, ranked[0].end, by)
    return Hit(article, None, 0, 0, by)


def first_term(text: str, terms: list[list[str]]) -> tuple[int, int] | None:
    """The original span of the earliest whole-word occurrence of a term (a word, or a phrase
    as its words) in ``text``, found in the normalised text and mapped back."""
    if not text or not terms:
        return None
    first, second = mapped(text)
    words = (r"[\W_]+".join(f"{prefixes()}?{re.escape(word)}" for word in term) for term in terms if term)
    patterns = sorted(set(words), key=len, reverse=True)
    match = re.search(rf"(?<![^\W_])(?:{'|'.join(patterns)})(?![^\W_])", second.text)
    if match is None:
        return None
    start, end = second.span(*match.span())
    return first.span(start, end)


def alias_entities(conn: Any, query: str) -> list[str]:
    """Ids of stored entities the query names: the whole query is one of their aliases (after
    normalisation) or their id, or it is the end of a longer alias -- a surname the alias's
    language accepts as one (``سليماني`` for ``قاسم سليماني``), or its last words."""
    from mediamon import lang

    keys = {alias_key(query), " ".join(TOKEN.findall(search_form(query)))} - {""}
    marks = ", ".join("?" * len(keys))
    rows = conn.execute(
        f"SELECT entity_id FROM aliases WHERE key IN ({marks}) UNION SELECT id FROM entities WHERE id = ?",
        [*keys, query.strip()],
    ).fetchall()
    found = {str(r[0]) for r in rows}
    wanted = [stem(w) for w in TOKEN.findall(search_form(query))]
    if wanted:
        last = wanted[-1].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        for entity_id, alias, key in conn.execute(
            "SELECT entity_id, alias, key FROM aliases WHERE key LIKE ? ESCAPE '\\'", ["%" + last]
        ):
            words = [stem(w) for w in TOKEN.findall(key)]
            if len(words) <= len(wanted) or words[-len(wanted) :] != wanted:
                continue
            if len(wanted) == 1:
                owner = next((x for x in lang.languages() if x.owns(alias)), None)
                if owner is None or owner.surname_key(alias) is None:
                    continue
            found.add(str(entity_id))
    return sorted(found)
