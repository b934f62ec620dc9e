"""Issue 18: the one CSV/TSV row reader (record files and gazetteers) never lets a broken quote
swallow later rows: the row is a problem naming its line, and every later line is still read."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mediamon
from mediamon.errors import Problem
from mediamon.io.record_files import table_rows
from mediamon.match import gazetteer

#: (text, the line of the problem or None, the rows as (first line, cells))
CASES = {
    "unclosed at the end": (
        'a,b\nc,"never closed\nd,e\nf,g\n',
        2,
        [(1, ["a", "b"]), (2, ["c", '"never closed']), (3, ["d", "e"]), (4, ["f", "g"])],
    ),
    "closed by a later quote": (
        'a,"Abu Ali\nb,c\nd,"x"\n',
        1,
        [(1, ["a", '"Abu Ali']), (2, ["b", "c"]), (3, ["d", "x"])],
    ),
    "text after a closing quote": ('a,"b"c\nd,e\n', 1, [(1, ["a", '"b"c']), (2, ["d", "e"])]),
    "a quoted newline is fine": ('a,"b\nc"\nd,e\n', None, [(1, ["a", "b\nc"]), (3, ["d", "e"])]),
    "a quote inside a field is text": ('a,say "hi" now\n', None, [(1, ["a", 'say "hi" now'])]),
    "doubled quotes": ('a,"say ""hi"""\n', None, [(1, ["a", 'say "hi"'])]),
    "CRLF and lone CR": (
        'a,b\r\nc,"d\r\ne"\re,f\n',
        None,
        [(1, ["a", "b"]), (2, ["c", "d\r\ne"]), (4, ["e", "f"])],
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_table_rows(name: str) -> None:
    text, bad_line, rows = CASES[name]
    items = list(table_rows(text, "t.csv"))
    problems = [i for i in items if isinstance(i, Problem)]
    assert [p.line for p in problems] == ([bad_line] if bad_line else [])
    assert all(str(p).startswith(f"t.csv:{p.line}: unpaired quote") for p in problems)
    assert [
        (first, cells) for first, cells in ((i[1], i[0]) for i in items if not isinstance(i, Problem))
    ] == rows


@settings(max_examples=150, deadline=None)
@given(
    aliases=st.lists(st.text(st.sampled_from('ab ,"'), min_size=1, max_size=8), min_size=1, max_size=10),
    broken=st.integers(min_value=0, max_value=9),
    sep=st.sampled_from([",", "\t"]),
)
def test_a_stray_quote_in_a_gazetteer_is_always_reported_at_its_line(
    tmp_path_factory: pytest.TempPathFactory, aliases: list[str], broken: int, sep: str
) -> None:
    """Rows written properly (quoted where needed), then one alias given a stray opening quote:
    the problems name that row's line, and no other row is lost (the rest read as written)."""
    broken %= len(aliases)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=sep, lineterminator="\n")
    writer.writerow(["id", "type", "lang", "alias"])
    lines = [out.getvalue()]
    for index, alias in enumerate(aliases):
        out = io.StringIO()
        csv.writer(out, delimiter=sep, lineterminator="\n").writerow([f"q:{index}", "PER", "en", "x" + alias])
        line = out.getvalue()
        if index == broken:
            line = line.replace('"', "")
            cut = line.rindex(sep) + 1
            line = line[:cut] + '"' + line[cut:]
        lines.append(line)
    path = tmp_path_factory.mktemp("gaz") / ("g.csv" if sep == "," else "g.tsv")
    path.write_text("".join(lines), encoding="utf-8")
    problems = gazetteer.check_file(path)
    assert problems and {p.line for p in problems} == {broken + 2}


def test_records_csv_unclosed_quote_keeps_the_later_rows(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text('title,body\na,fine\nb,"never closed\nc,d\n', encoding="utf-8")
    corpus = mediamon.read(path)
    assert [a.title for a in corpus] == ["a", "b", "c"]
    assert corpus[1].body == '"never closed'
    assert [(p.line, p.reason.split(":")[0]) for p in corpus.problems] == [(3, "unpaired quote")]


@pytest.mark.parametrize("suffix", [".csv", ".tsv"])
@pytest.mark.parametrize("where", [0, 1, 3])
def test_gazetteer_alias_with_an_unpaired_quote_is_reported(
    tmp_path: Path, suffix: str, where: int, capsys: pytest.CaptureFixture[str]
) -> None:
    sep = "," if suffix == ".csv" else "\t"
    rows = [["q:1", "PER", "en", "Abu Ali"], ["q:2", "PER", "en", "Smith"], ["q:3", "LOC", "en", "Basra"]]
    rows.append(["q:4", "LOC", "en", "Mosul"])
    rows[where][3] = '"' + rows[where][3]
    text = sep.join(["id", "type", "lang", "alias"]) + "\n" + "".join(sep.join(r) + "\n" for r in rows)
    path = tmp_path / f"g{suffix}"
    path.write_text(text, encoding="utf-8")
    problems = gazetteer.check_file(path)
    assert [p.line for p in problems] == [where + 2]
    with pytest.raises(mediamon.errors.GazetteerError):
        gazetteer.Gazetteer.load(path)
    from mediamon.cli import main

    assert main(["gazetteer", "check", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"g{suffix}:{where + 2}:" in err and "quote" in err and "ok" not in err


def test_gazetteer_quoted_comma_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text('id,type,lang,alias\nq:1,LOC,en,"Basra, Iraq"\nq:2,LOC,en,Mosul\n', encoding="utf-8")
    loaded = gazetteer.Gazetteer.load(path)
    assert [list(e.aliases()) for e in loaded] == [[("en", "Basra, Iraq")], [("en", "Mosul")]]
