"""The rule registry.

Built-in rules live one per module in this package and register themselves with
``@register``. Third-party packages add rules through the ``qa.rules`` entry-point
group: each entry point names a Rule subclass (or a module that registers some).
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import re
import sys

from qa.rules.base import Rule, RuleContext

__all__ = ["RegistryError", "Rule", "RuleContext", "all_rules", "register", "use_checks"]

_REGISTRY: dict[str, type[Rule]] = {}
_LOADED = False
#: The project's own checks (``kind: check`` data files, qa.rules.checks), set by use_checks.
_USER: dict[str, type[Rule]] = {}


class RegistryError(Exception):
    """A rule that cannot be registered (duplicate code, bad code, broken plugin)."""


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator: add a rule to the registry under its permanent code."""
    for attribute in ("code", "name"):
        if not isinstance(getattr(cls, attribute, None), str):
            raise RegistryError(f"rule {cls.__qualname__} has no {attribute}")
    if not cls.summary():
        raise RegistryError(f"rule {cls.code} has no docstring")
    existing = _REGISTRY.get(cls.code)
    if existing is not None and existing is not cls:
        raise RegistryError(f"rule code {cls.code} is registered twice ({existing.__module__}, {cls.__module__})")
    _REGISTRY[cls.code] = cls
    return cls


def _load() -> None:
    global _LOADED
    if _LOADED:
        return
    _LOADED = True
    for module in pkgutil.iter_modules(__path__):
        if module.name != "base" and not module.name.startswith("_"):
            importlib.import_module(f"{__name__}.{module.name}")
    for name, value in entry_points("qa.rules"):
        try:
            loaded = _load_entry_point(value)
        except Exception as error:  # a broken plugin must not break the tool
            raise RegistryError(f"plugin rule {name!r} failed to load: {error}") from error
        if isinstance(loaded, type) and issubclass(loaded, Rule):
            register(loaded)


_DISTRIBUTION = re.compile(r"^([^-]+)(?:-.*)?\.(?:dist|egg)-info$", re.IGNORECASE)


def entry_points(group: str) -> list[tuple[str, str]]:
    """(name, value) of every entry point of ``group`` that the installed distributions declare,
    found as importlib.metadata finds them (``*.dist-info`` and ``*.egg-info`` folders on sys.path,
    the first distribution of a name winning) but without importing it: importlib.metadata and the
    email parser it loads are 20 ms of every start, and qa only needs the ``entry_points.txt`` files."""
    found, seen = [], set()
    for folder in sys.path:
        try:
            names = sorted(os.listdir(folder or "."))
        except (OSError, TypeError, ValueError):
            continue  # a zip file, a missing folder
        for name in names:
            match = _DISTRIBUTION.match(name)
            if match is None:
                continue
            distribution = re.sub(r"[-_.]+", "-", match.group(1)).lower()
            if distribution in seen:
                continue
            seen.add(distribution)
            try:
                with open(os.path.join(folder or ".", name, "entry_points.txt"), encoding="utf-8") as handle:
                    text = handle.read()
            except (OSError, UnicodeDecodeError):
                continue
            found += _entry_points_of(text, group)
    return found


def _entry_points_of(text: str, group: str) -> list[tuple[str, str]]:
    """The (name, value) lines of section ``[group]`` of an entry_points.txt (an INI file)."""
    section, entries = None, []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
        elif section == group and "=" in line:
            name, _, value = line.partition("=")
            entries.append((name.strip(), value.strip()))
    return entries


def _load_entry_point(value: str):
    """What an entry point's ``module:attribute.path [extras]`` names, imported."""
    module, _, attributes = value.split("[", 1)[0].strip().partition(":")
    loaded = importlib.import_module(module.strip())
    for attribute in filter(None, attributes.strip().split(".")):
        loaded = getattr(loaded, attribute)
    return loaded


def all_rules(*, user: bool = True) -> dict[str, type[Rule]]:
    """Every registered rule by code, sorted by code; with ``user``, the project's checks too."""
    _load()
    return dict(sorted({**_REGISTRY, **_USER}.items() if user else _REGISTRY.items()))


def use_checks(data_dirs) -> None:
    """Make the ``kind: check`` rules of these data folders the project's checks (none: no folder
    holds any). Raises a DataPackError (a ConfigError) naming the file for a bad check."""
    from qa.rules.checks import load_checks

    _USER.clear()
    _USER.update(load_checks(RuleContext(data_dirs=tuple(data_dirs)).data_files("*.yaml", "*.yml")))
