"""spaCy interop: the ``"mediamon"`` pipeline component, Docs from a Corpus, DocBin export.

Registered through spaCy's entry points (``spacy_factories``), so once mediamon is
installed ``nlp.add_pipe("mediamon", config={...})`` works in any pipeline. Needs the
``[spacy]`` extra; mediamon's core never imports this module at import time.

What a Doc gets (see docs/interop.md):

- ``doc.spans["mediamon"]`` (the ``spans_key``): one Span per mention, ``label_`` the
  entity type, ``kb_id_`` the entity id;
- ``doc.ents``: the same spans where they do not overlap each other (nor, unless
  ``overwrite_ents``, entities already set by an earlier component);
- Span extensions ``span._.mediamon_how``, ``mediamon_name``, ``mediamon_alias``,
  ``mediamon_wikidata`` and ``mediamon_chars``: the mention's exact ``(start, end)``
  character offsets in ``doc.text``;
- ``doc._.mediamon_mentions``: every mention as the dict of ``Mention.to_dict`` with
  offsets into ``doc.text`` (JSON-ready, so it survives a DocBin).

Spans are expanded to token boundaries (``alignment_mode="expand"``): spaCy's ``ar``
tokenizer keeps a proclitic on its word, so the mention ``العراق`` in ``والعراق`` becomes
the Span of the whole token; ``doc.text[slice(*span._.mediamon_chars)]`` is the name alone.
"""

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

from mediamon.interop.spans import text_spans
from mediamon.match.annotate import Annotator
from mediamon.model import Article, Mention

__all__ = [
    "SPAN_EXTENSIONS",
    "MediamonComponent",
    "make_component",
    "place_mentions",
    "to_docbin",
    "to_docs",
    "write_docbin",
]

#: The Span extensions the component sets, each None on spans it did not make.
SPAN_EXTENSIONS = ("mediamon_how", "mediamon_name", "mediamon_alias", "mediamon_wikidata", "mediamon_chars")
#: The Doc extensions: the mentions as dicts, and the article a Doc was made from.
DOC_EXTENSIONS = ("mediamon_mentions", "mediamon_article")


def _register_extensions() -> None:
    for name in SPAN_EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


_register_extensions()


def place_mentions(
    doc: Doc,
    mentions: Iterable[tuple[int, int, Mention]],
    *,
    spans_key: str = "mediamon",
    set_ents: bool = True,
    overwrite_ents: bool = False,
) -> Doc:
    """Put ``(start, end, mention)`` (offsets into ``doc.text``) on ``doc`` as described above."""
    spans: list[Span] = []
    records: list[dict[str, Any]] = []
    for start, end, mention in mentions:
        span = doc.char_span(
            start, end, label=mention.entity_type, kb_id=mention.entity_id, alignment_mode="expand"
        )
        records.append({**mention.to_dict(), "start": start, "end": end})
        if span is None:  # only whitespace; a mention never is, but nothing is lost: it stays in records
            continue
        span._.mediamon_how = mention.how
        span._.mediamon_name = mention.entity_name
        span._.mediamon_alias = mention.alias
        span._.mediamon_wikidata = mention.wikidata
        span._.mediamon_chars = (start, end)
        spans.append(span)
    doc.spans[spans_key] = spans
    doc._.mediamon_mentions = records
    if set_ents:
        doc.ents = _merge_ents(list(doc.ents), filter_spans(spans), overwrite_ents)
    return doc


def _merge_ents(old: Sequence[Span], new: Sequence[Span], overwrite: bool) -> list[Span]:
    """Non-overlapping entities: ``new`` ones where they fit beside ``old`` ones (or, with
    ``overwrite``, ``old`` ones where they fit beside ``new`` ones)."""
    keep, add = (new, old) if overwrite else (old, new)
    taken = {i for span in keep for i in range(span.start, span.end)}
    fits = [span for span in add if not any(i in taken for i in range(span.start, span.end))]
    return sorted([*keep, *fits], key=lambda span: span.start)


class MediamonComponent:
    """The ``"mediamon"`` pipe: runs an :class:`~mediamon.Annotator` on ``doc.text``."""

    def __init__(
        self,
        annotator: Annotator,
        *,
        lang: str | None = None,
        spans_key: str = "mediamon",
        set_ents: bool = True,
        overwrite_ents: bool = False,
    ):
        self.annotator = annotator
        self.lang = lang
        self.spans_key = spans_key
        self.set_ents = set_ents
        self.overwrite_ents = overwrite_ents

    def __call__(self, doc: Doc) -> Doc:
        mentions = self.annotator.annotate_text(doc.text, self.lang)
        return place_mentions(
            doc,
            ((m.start, m.end, m) for m in mentions),
            spans_key=self.spans_key,
            set_ents=self.set_ents,
            overwrite_ents=self.overwrite_ents,
        )


@Language.factory(
    "mediamon",
    default_config={
        "gazetteers": [],
        "default": True,
        "discover": False,
        "lang": None,
        "spans_key": "mediamon",
        "set_ents": True,
        "overwrite_ents": False,
    },
    assigns=["doc.spans", "doc.ents", "doc._.mediamon_mentions", *(f"span._.{n}" for n in SPAN_EXTENSIONS)],
)
def make_component(
    nlp: Language,
    name: str,
    gazetteers: list[str],
    default: bool,
    discover: bool,
    lang: str | None,
    spans_key: str,
    set_ents: bool,
    overwrite_ents: bool,
) -> MediamonComponent:
    """The factory behind ``nlp.add_pipe("mediamon", config={...})``.

    ``gazetteers``: paths of gazetteer files (first wins alias clashes); ``default``: add the
    bundled ones; ``discover``: add names no gazetteer lists (``how="discovered"``);
    ``lang``: match one side only (``"ar"``/``"en"``; None routes by script, as mediamon does).
    """
    annotator = Annotator(list(gazetteers), default=default, discover=discover)
    return MediamonComponent(
        annotator, lang=lang, spans_key=spans_key, set_ents=set_ents, overwrite_ents=overwrite_ents
    )


Nlp = Language | Mapping[str, Language] | None


class _Pipelines:
    """The pipeline for each article: the one given, one per language, or blank ones by language."""

    def __init__(self, nlp: Nlp):
        self.given = nlp
        self.made: dict[str, Language] = {}

    def __call__(self, lang: str) -> Language:
        if isinstance(self.given, Language):
            return self.given
        if self.given is not None and lang in self.given:
            return self.given[lang]
        if lang not in self.made:
            try:
                self.made[lang] = spacy.blank(lang)
            except ImportError:  # spaCy has no language class for it
                self.made[lang] = spacy.blank("xx")
        return self.made[lang]


def to_docs(
    articles: Iterable[Article], nlp: Nlp = None, *, spans_key: str = "mediamon", set_ents: bool = True
) -> Iterator[Doc]:
    """A Doc of ``article.text`` per article, carrying the article's *own* mentions (as placed above).

    ``nlp``: one pipeline, a mapping of language code to pipeline, or None for
    ``spacy.blank(article.lang)`` (``xx`` where spaCy has no such language). The pipeline's
    components run first, except any ``"mediamon"`` one (the mentions are the corpus's);
    ``doc._.mediamon_article`` holds the article's id, lang, source, date and url.
    """
    pick = _Pipelines(nlp)
    for article in articles:
        pipeline = pick(article.lang)
        skip = [name for name, pipe in pipeline.pipeline if isinstance(pipe, MediamonComponent)]
        doc = pipeline(article.text, disable=skip)
        doc._.mediamon_article = {
            "id": article.id,
            "lang": article.lang,
            "source": article.source,
            "date": article.date.isoformat() if article.date else None,
            "url": article.url,
        }
        yield place_mentions(doc, text_spans(article), spans_key=spans_key, set_ents=set_ents)


def to_docbin(articles: Iterable[Article], nlp: Nlp = None) -> DocBin:
    """The Docs of :func:`to_docs` in a DocBin (user data kept, so the extensions come back)."""
    out = DocBin(store_user_data=True)
    for doc in to_docs(articles, nlp):
        out.add(doc)
    return out


def write_docbin(articles: Iterable[Article], path: str | os.PathLike[str], nlp: Nlp = None) -> int:
    """Write :func:`to_docbin` to ``path`` (a ``.spacy`` file, as ``spacy train`` reads) atomically;
    return how many Docs."""
    from mediamon.io.atomic import atomic_write

    docbin = to_docbin(articles, nlp)
    # atomic_write is a text writer: Latin-1 maps each byte to one code point and back exactly.
    with atomic_write(path, encoding="latin-1") as handle:
        handle.write(docbin.to_bytes().decode("latin-1"))
    return len(docbin)
