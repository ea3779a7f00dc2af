"""The rule registry.

Built-in rules live one per module in this package and register themselves with
``@register``. Third-party packages add rules through the ``qa.rules`` entry-point
group: each entry point names a Rule subclass (or a module that registers some).
"""

from __future__ import annotations

import importlib
import pkgutil
from importlib.metadata import entry_points

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
    for entry_point in entry_points(group="qa.rules"):
        try:
            loaded = entry_point.load()
        except Exception as error:  # a broken plugin must not break the tool
            raise RegistryError(f"plugin rule {entry_point.name!r} failed to load: {error}") from error
        if isinstance(loaded, type) and issubclass(loaded, Rule):
            register(loaded)


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
