"""Where data rule packs live: the shipped ``rules/`` folder and the user's own.

The top-level ``rules/`` folder of the repository is installed inside the package
as ``qa/_rules`` (see pyproject.toml); in a source checkout or an editable
install it is read from the repository directly.
"""

from __future__ import annotations

import re
from pathlib import Path

from qa.config import ConfigError

_PACKAGE = Path(__file__).resolve().parent


def shipped_dir() -> Path:
    installed = _PACKAGE / "_rules"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / "rules"


def data_dirs(configured: tuple[Path, ...] = (), config_path: Path | None = None) -> tuple[Path, ...]:
    """Shipped pack first, then a ``rules/`` folder beside the config file, then configured paths."""
    folders = [shipped_dir()]
    if config_path is not None and (config_path.parent / "rules").is_dir():
        folders.append(config_path.parent / "rules")
    folders.extend(configured)
    unique: list[Path] = []
    for folder in folders:
        if folder.is_dir() and folder.resolve() not in {known.resolve() for known in unique}:
            unique.append(folder)
    return tuple(unique)


class DataPackError(ConfigError):
    """A data rule file that cannot be used: one line naming the file (and line), exit code 2."""


_KIND = re.compile(r"(?m)^kind:\s*['\"]?([\w-]+)")


def yaml_kind(path: Path) -> str | None:
    """The ``kind:`` of a YAML data file, read from its head without parsing the whole file."""
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            head = handle.read(4096)
    except OSError:
        return None
    match = _KIND.search(head)
    return match.group(1) if match else None


def load_yaml(path: Path):
    """Parse a YAML data file (with libyaml's C loader when present: much faster on big packs)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # a safe loader, C or Python
    except UnicodeDecodeError:
        raise DataPackError(f"{shown(path)}: not UTF-8") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{shown(path)}:{mark.line + 1}" if mark is not None else shown(path)
        problem = getattr(error, "problem", None) or str(error)
        raise DataPackError(f"{where}: not valid YAML: {' '.join(str(problem).split())}") from None


def shown(path: Path) -> str:
    """A data file's path as the user should see it: relative to the working directory when below it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
