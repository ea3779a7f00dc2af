"""Paths as code scanning and pull-request annotations place them: relative to the repository root.

Findings carry the path the user sees (relative to the working directory, or as given). GitHub
places a SARIF result or an annotation only by its path from the repository's top folder, so
a run from a subfolder, or on a file named by ``../``, must be re-rooted. The root is the
nearest folder above the working directory that holds ``.git`` (a folder, or the file a
worktree or submodule has), found by looking, not by running git: start-up stays fast. Outside
any repository it is the working directory. A file outside the root keeps an absolute path.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

__all__ = ["repository_path", "repository_root"]


@lru_cache(maxsize=4)
def _root_of(folder: str) -> Path:
    start = Path(folder)
    for candidate in (start, *start.parents):
        if (candidate / ".git").exists():
            return candidate
    return start


def repository_root() -> Path:
    """The git top level above the working directory, else the working directory."""
    return _root_of(os.getcwd())


def repository_path(path: str, root: Path | None = None) -> str:
    """``path`` (as a finding shows it) relative to ``root`` (default: the repository root), with
    POSIX separators; an absolute path if the file is not below the root."""
    root = repository_root() if root is None else root
    absolute = Path(os.path.abspath(path))
    for candidate, base in ((absolute, root), (absolute.resolve(), root.resolve())):
        try:
            return candidate.relative_to(base).as_posix()
        except ValueError:
            continue
    return absolute.as_posix()
