"""Writing the files qa writes (reports with ``-o``, baselines, ``terms extract`` glossaries,
caches) without ever destroying anything.

- A regular file is replaced atomically: the text goes to a temporary file in the same
  folder, which is renamed over the path, so a reader never sees half a file and an
  interrupted or failed write leaves the old file as it was. The new file gets the mode
  (and, where allowed, the owner) of the file it replaces, or for a new file the mode the
  umask gives (0666 less the umask), as any program's output would.
- Anything else is opened and written as it is, never renamed over: a device
  (``/dev/null``, a terminal), a FIFO, ``/dev/stdout`` and ``/proc/self/fd/N`` (whatever
  they point at, even a regular file the shell opened), and a file with several hard links
  (renaming over one name would cut it from the others). These are appended to, not
  truncated: a shell's ``>`` already truncated what it opened.
- A symbolic link is followed: the file it points at is written, the link stays.
- An output path that is one of the inputs (the same file, after following links and
  hard links) is refused before anything is read (``refuse_inputs``): inputs are never
  modified.

Errors are ``OutputError``, one line naming the path as the user gave it.

Only the standard library is imported here: ``qa check`` loads this on its start path.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

__all__ = ["OutputError", "check_output", "open_output", "refuse_inputs", "write_text"]

#: Where paths name things that are not ordinary files whatever ``stat`` says of their target.
_SPECIAL_ROOTS = ("/dev/", "/proc/")


class OutputError(Exception):
    """A path qa cannot or must not write: one line naming the path, exit code 2."""


def _reason(error: OSError) -> str:
    """``permission denied``, ``no space left on device``: the system's words, lower-case as qa's messages are."""
    if error.strerror:
        return error.strerror[:1].lower() + error.strerror[1:]
    return str(error)


def _folder(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def _special(path: Path) -> bool:
    """/dev/stdout, /dev/fd/1, /proc/self/fd/1 …: written where they are, never resolved and renamed over."""
    return os.path.abspath(path).startswith(_SPECIAL_ROOTS) or os.path.realpath(path).startswith(_SPECIAL_ROOTS)


def check_output(path: Path, label: str = "--output") -> None:
    """Fail now, before any work, if ``path`` cannot be written: its folder is missing or
    it is a folder. (Permissions are left to the write itself.)"""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        target = Path(os.path.realpath(path)) if path.is_symlink() else path  # a dangling link: its target is made
        if not _folder(target).is_dir():
            raise OutputError(f"{label} {path}: directory {_folder(target)} does not exist") from None
        return
    except OSError as error:
        raise OutputError(f"{label} {path}: {_reason(error)}") from None
    if stat.S_ISDIR(mode):
        raise OutputError(f"{label} {path}: is a directory")


def refuse_inputs(path: Path, inputs: Iterable[Path | None], label: str = "--output") -> None:
    """Refuse to write ``path`` if it is one of ``inputs`` (the same file after links): inputs are never modified."""
    try:
        output = os.stat(path)
    except OSError:
        return  # nothing there yet: it cannot be an input
    if not stat.S_ISREG(output.st_mode):
        return  # a device or FIFO: reading one input from it and writing to it is the user's plumbing
    same = []
    for candidate in inputs:
        if candidate is None:
            continue
        try:
            if os.path.samestat(output, os.stat(candidate)):
                same.append(candidate)
        except OSError:
            continue
    if same:
        named = [candidate for candidate in same if os.path.normpath(candidate) == os.path.normpath(path)]
        also = "" if named else f" (the same file as {same[0]})"
        raise OutputError(
            f"{label} {path}: is one of the input files{also}; qa never modifies its inputs, "
            "so write the output elsewhere"
        )


@contextmanager
def open_output(path: Path, label: str = "--output") -> Iterator[TextIO]:
    """A text stream (UTF-8, ``\\n`` line ends) that writes ``path`` without destroying anything
    (see the module's docstring). Raises OutputError naming ``path`` as given."""
    check_output(path, label)
    try:
        info: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise OutputError(f"{label} {path}: {_reason(error)}") from None
    if info is not None and (not stat.S_ISREG(info.st_mode) or info.st_nlink > 1 or _special(path)):
        # "a" for what is not a plain file of its own: a device or FIFO ignores it, and a file behind
        # /dev/stdout keeps what the shell (or 2>&1) put there; a hard-linked file is rewritten in place
        mode = "w" if stat.S_ISREG(info.st_mode) and not _special(path) else "a"
        try:
            handle = open(path, mode, encoding="utf-8", newline="\n")  # closed by the with below
        except OSError as error:
            raise OutputError(f"{label} {path}: {_reason(error)}") from None
        try:
            with handle:
                yield handle
        except OSError as error:
            raise OutputError(f"{label} {path}: {_reason(error)}") from None
        return
    target = Path(os.path.realpath(path)) if path.is_symlink() else path  # write through a link, keep the link
    temporary = _folder(target) / f".{target.name}.{os.urandom(4).hex()}.tmp"
    try:
        # O_EXCL: never write through something another process put there; mode 0666 less the umask
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
    except OSError as error:
        raise OutputError(f"{label} {path}: {_reason(error)}") from None
    try:
        with open(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            if info is not None:  # replacing a file: it keeps its mode, and its owner where that is allowed
                os.chmod(descriptor, stat.S_IMODE(info.st_mode))
                if (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
                    try:
                        os.chown(descriptor, info.st_uid, info.st_gid)
                    except OSError:
                        pass  # not ours to give away: the file becomes the writer's, as with an editor
            yield handle
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise OutputError(f"{label} {path}: {_reason(error)}") from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str, label: str = "--output") -> None:
    """Write ``text`` to ``path`` as ``open_output`` does."""
    with open_output(path, label) as handle:
        handle.write(text)
