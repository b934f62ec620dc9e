"""Text stages that know no gazetteer: segmenting dumps into articles, dates, language ID,
and the normalisation engine the language normalisers are built on.
"""
