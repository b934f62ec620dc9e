"""atomic_write: the target is replaced whole or not at all, and no temporary file is left."""

from __future__ import annotations

import errno
import gzip
import lzma
import os
import stat
from pathlib import Path

import pytest

from mediamon.io.atomic import atomic_write


def test_writes_a_new_file_and_creates_parent_directories(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "out.txt"
    with atomic_write(target) as handle:
        handle.write("سلام\nhello\n")
    assert target.read_text(encoding="utf-8") == "سلام\nhello\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["out.txt"]


def test_newlines_are_written_as_given(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    with atomic_write(target) as handle:
        handle.write("a\nb\r\n")
    assert target.read_bytes() == b"a\nb\r\n"


@pytest.mark.parametrize("error", [RuntimeError("boom"), KeyboardInterrupt()])
def test_an_error_leaves_the_old_file_and_no_temporary(tmp_path: Path, error: BaseException) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(type(error)), atomic_write(target) as handle:
        handle.write("new partial line")
        handle.flush()
        raise error
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_an_error_without_an_old_file_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(ValueError), atomic_write(tmp_path / "out.txt") as handle:
        handle.write("x")
        raise ValueError
    assert list(tmp_path.iterdir()) == []


def test_encoding_errors_abort_cleanly(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    with pytest.raises(UnicodeEncodeError), atomic_write(target, encoding="ascii") as handle:
        handle.write("ok\n" + "عربي")
        handle.flush()
    assert list(tmp_path.iterdir()) == []


def test_new_file_gets_ordinary_permissions(tmp_path: Path) -> None:
    """mkstemp makes owner-only files; the result must look like a plain open() made it."""
    old = os.umask(0o022)
    try:
        with atomic_write(tmp_path / "out.txt") as handle:
            handle.write("x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "out.txt").stat().st_mode) == 0o644


def test_existing_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    with atomic_write(target) as handle:
        handle.write("new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_symbolic_link_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    with atomic_write(link) as handle:
        handle.write("new")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new"


@pytest.mark.parametrize(("suffix", "decompress"), [(".gz", gzip.decompress), (".xz", lzma.decompress)])
def test_compression(tmp_path: Path, suffix: str, decompress: object) -> None:
    target = tmp_path / f"out{suffix}"
    with atomic_write(target, compression=suffix) as handle:
        handle.write("نص\n" * 1000)
    assert callable(decompress)
    assert decompress(target.read_bytes()) == ("نص\n" * 1000).encode("utf-8")


def test_a_directory_in_the_way_raises_and_leaves_no_temporary(tmp_path: Path) -> None:
    (tmp_path / "out.txt").mkdir()
    with pytest.raises(OSError), atomic_write(tmp_path / "out.txt") as handle:
        handle.write("x")
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_a_file_where_a_folder_of_the_path_should_be_is_not_a_directory(tmp_path: Path) -> None:
    """``-o in.txt/out.jsonl`` said ``cannot write: File exists``."""
    (tmp_path / "in.txt").write_text("x", encoding="utf-8")
    with (
        pytest.raises(NotADirectoryError) as caught,
        atomic_write(tmp_path / "in.txt" / "deeper" / "out.jsonl"),
    ):
        pass
    assert caught.value.strerror == os.strerror(errno.ENOTDIR)
    assert os.listdir(tmp_path) == ["in.txt"]
