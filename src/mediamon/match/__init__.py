"""Entity matching: gazetteers (``gazetteer``), compiled into per-language tables (``compile``),
and the one annotation interface (``annotate.Annotator``).
"""
