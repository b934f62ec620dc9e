"""Meeting the tools analysts already use: spaCy, displaCy, notebooks, Label Studio.

Nothing here is imported by mediamon's core at import time: each module is loaded on
first use, and the modules that need an optional package (spaCy) import it themselves,
so ``import mediamon`` works without them.

- :mod:`mediamon.interop.spans`: mention offsets in ``Article.text``, displaCy dicts;
- :mod:`mediamon.interop.spacy_pipe`: the ``"mediamon"`` spaCy component, Docs, DocBin;
- :mod:`mediamon.interop.notebook`: the HTML that notebooks show (``_repr_html_``);
- :mod:`mediamon.interop.labels`: Label Studio export and the gazetteer patch import.
"""
