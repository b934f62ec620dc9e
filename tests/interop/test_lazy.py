"""mediamon's core imports no optional package: spaCy, pandas, Datasette load only when used."""

from __future__ import annotations

import json
import subprocess
import sys


def test_core_and_notebook_views_import_no_optional_package() -> None:
    code = (
        "import json, sys, mediamon\n"
        "c = mediamon.Corpus([mediamon.Article(id='1', title='Iraq', body='العراق', lang='ar')])\n"
        "c = c.annotate(mediamon.Annotator())\n"
        "parts = [c._repr_html_(), c[0]._repr_html_(), c.entity_table()._repr_html_(),\n"
        "         c.timeline()._repr_html_(), str(c[0].to_displacy())]\n"
        "optional = ('spacy', 'pandas', 'datasette', 'pyarrow')\n"
        "print(json.dumps(sorted(m for m in optional if m in sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == []
