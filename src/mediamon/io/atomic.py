"""Atomic file output: write to a temporary file beside the target, then rename.

An interrupted run (Ctrl-C, a crash, a killed worker, an exception from the data being
written) leaves either the old file or the complete new one, never a half-written
file, and no temporary file behind.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from mediamon.io.compression import FORMATS

__all__ = ["atomic_write", "is_special"]


def _new_file_mode(target: Path) -> int:
    """The permissions the file would get from a plain ``open``: the old file's, or 0o666 less the umask.

    ``mkstemp`` creates files readable by their owner only, which would otherwise stick.
    """
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process umask, read without changing it where the system says it (Linux)."""
    with (
        contextlib.suppress(OSError, ValueError),
        open("/proc/self/status", encoding="ascii", errors="replace") as status,
    ):
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)  # elsewhere: set and restore (briefly process-wide)
    os.umask(mask)
    return mask


def is_special(path: str | os.PathLike[str]) -> bool:
    """An existing target that is not a regular file or a directory (``/dev/null``, a pipe, a tty)."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


@contextlib.contextmanager
def _write_through(
    path: str | os.PathLike[str], *, encoding: str, newline: str | None, errors: str
) -> Iterator[IO[str]]:
    """A device or pipe is written directly: it cannot be replaced by a rename (nor should it be)."""
    with open(path, "w", encoding=encoding, newline=newline, errors=errors) as handle:
        yield handle


@contextlib.contextmanager
def atomic_write(
    path: str | os.PathLike[str],
    *,
    encoding: str = "utf-8",
    newline: str | None = "",
    errors: str = "strict",
    compression: str | None = None,
) -> Iterator[IO[str]]:
    """Open a temporary text file next to ``path``; when the block ends without an error it
    replaces ``path`` (through a symbolic link, the file it points to).

    ``compression`` (``.gz``, ``.bz2``, ``.xz``) compresses what is written. On an error
    the temporary file is removed and the error propagates; ``path`` is untouched.
    A target that exists and is not a regular file (``/dev/null``, a named pipe) is
    written directly, uncompressed.
    """
    if is_special(path):
        with _write_through(path, encoding=encoding, newline=newline, errors=errors) as through:
            yield through
        return
    target = Path(os.path.realpath(path))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:  # a file where a folder of the path should be: say so
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), exc.filename) from exc
    mode = _new_file_mode(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    raw = os.fdopen(fd, "wb")
    stream: IO[bytes] | io.BufferedIOBase = raw
    handle: io.TextIOWrapper | None = None
    try:
        if compression is not None:
            stream = FORMATS[compression].writer(raw)
        handle = io.TextIOWrapper(stream, encoding=encoding, errors=errors, newline=newline)  # type: ignore[arg-type]
        yield handle
        handle.flush()
        handle.detach()
        handle = None
        if stream is not raw:
            stream.close()  # writes the compressed stream's trailer; ``raw`` stays open
        raw.flush()
        os.fsync(raw.fileno())
        raw.close()
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(Exception):
            if handle is not None:
                handle.detach()
        for closable in (stream, raw):
            with contextlib.suppress(Exception):
                closable.close()
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
