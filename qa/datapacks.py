"""Where data rule packs live: the shipped ``rules/`` folder and the user's own.

The top-level ``rules/`` folder of the repository is installed inside the package
as ``qa/_rules`` (see pyproject.toml); in a source checkout or an editable
install it is read from the repository directly.
"""

from __future__ import annotations

from pathlib import Path

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
