"""Configuration: ``[tool.qa]`` in pyproject.toml or a ``qa.toml``.

Found from the working directory upwards (the first qa.toml, or pyproject.toml
with a [tool.qa] table, wins), or named with ``--config FILE``. Strict: an
unknown key, a wrong type or an unknown rule is an error naming the file and the
key.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qa.model import SEVERITIES
from qa.report import FORMATS  # the reporters' own list: a new format is accepted everywhere at once

FAIL_ON = (*SEVERITIES, "never")
SOURCES = ("zh", "en")


class ConfigError(Exception):
    """A configuration problem: reported as one line, exit code 2."""


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    fail_on: str = "error"
    format: str = "table"
    encoding: str | None = None
    #: Folders of the user's own data rule packs (units, glossaries, patterns), extending the shipped ones.
    rule_paths: tuple[Path, ...] = ()
    #: Glossary files the project enables: shipped packs (``glossaries = ["beijing-gov"]``) and paths.
    glossaries: tuple[Path, ...] = ()
    #: ``[tool.qa.per-file-ignores]``: (glob, rule selectors) in file order; see qa/ignores.py.
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: ``[tool.qa.rule-options.CODE]``: options of one rule (code or name) as written; checked by the engine.
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: Processes that check a large document's pairs; 0 chooses (every core, for 20,000 pairs or more).
    jobs: int = 0
    #: The language line formats (.txt, .tsv, .csv, --zh/--en) were translated from: "zh" or "en";
    #: None keeps the reader's (the first line or column). Catalogues declare their own.
    source: str | None = None
    #: ``qa corpus``: the Dask scheduler to run on (``tcp://host:8786``); None starts a local cluster.
    scheduler: str | None = None

    @property
    def label(self) -> str:
        if self.path is None:
            return "configuration"
        return f"{self.path.name} [tool.qa]" if self.path.name == "pyproject.toml" else self.path.name


def _string_list(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where}: expected a list of strings")
    return tuple(value)


def _choice(value: Any, choices: tuple[str, ...], where: str) -> str:
    if not isinstance(value, str) or value not in choices:
        raise ConfigError(f"{where}: expected one of {', '.join(choices)}, got {value!r}")
    return value


def _jobs(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigError(f"{where}: expected a number of processes (0 chooses), got {value!r}")
    return value


def parse_config(table: dict[str, Any], path: Path | None) -> Config:
    name = path.name if path else "configuration"
    prefix = f"{name}: [tool.qa]" if path and path.name == "pyproject.toml" else f"{name}:"
    values: dict[str, Any] = {"path": path}
    base = path.parent if path else Path.cwd()
    for key, value in table.items():
        where = f"{prefix} {key}"
        if key == "select":
            values["select"] = _string_list(value, where)
        elif key == "ignore":
            values["ignore"] = _string_list(value, where)
        elif key == "severity":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: expected a table of rule = level")
            values["severity"] = {
                rule: _choice(level, SEVERITIES, f"{where}.{rule}") for rule, level in value.items()
            }
        elif key == "fail-on":
            values["fail_on"] = _choice(value, FAIL_ON, where)
        elif key == "format":
            values["format"] = _choice(value, FORMATS, where)
        elif key == "encoding":
            if not isinstance(value, str):
                raise ConfigError(f"{where}: expected a string")
            values["encoding"] = value
        elif key == "rule-paths":
            folders = tuple(base / item for item in _string_list(value, where))
            for folder in folders:
                if not folder.is_dir():
                    raise ConfigError(f"{where}: {folder} is not a directory")
            values["rule_paths"] = folders
        elif key == "glossaries":
            from qa.datapacks import resolve_glossaries  # datapacks imports this module

            values["glossaries"] = resolve_glossaries(_string_list(value, where), where, base)
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: expected a table of \"glob\" = [rules]")
            values["per_file_ignores"] = tuple(
                (pattern, _string_list(selectors, f"{where}.{pattern!r}")) for pattern, selectors in value.items()
            )
        elif key == "jobs":
            values["jobs"] = _jobs(value, where)
        elif key == "source":
            values["source"] = _choice(value, SOURCES, where)
        elif key == "scheduler":
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(f"{where}: expected a scheduler address such as \"tcp://host:8786\"")
            values["scheduler"] = value.strip()
        elif key == "rule-options":
            if not isinstance(value, dict) or not all(isinstance(options, dict) for options in value.values()):
                raise ConfigError(f"{where}: expected tables of options per rule, e.g. [tool.qa.rule-options.TERM005]")
            values["rule_options"] = value
        else:
            known = (
                "select, ignore, severity, fail-on, format, encoding, rule-paths, glossaries, per-file-ignores, "
                "rule-options, jobs, source, scheduler"
            )
            raise ConfigError(f"{prefix} unknown key {key!r} (known keys: {known})")
    return Config(**values)


def load_config(path: Path) -> Config:
    """Load a config file given by the user (``--config``)."""
    if not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    if path.name == "pyproject.toml" or "tool" in data:
        table = data.get("tool", {}).get("qa")
        if table is None:
            raise ConfigError(f"{path}: no [tool.qa] table")
    else:
        table = data
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.qa] must be a table")
    return parse_config(table, path)


def find_config(start: Path | None = None) -> Path | None:
    """The nearest qa.toml, or pyproject.toml with a [tool.qa] table, from ``start`` upwards."""
    folder = (start or Path.cwd()).resolve()
    for candidate_folder in (folder, *folder.parents):
        qa_toml = candidate_folder / "qa.toml"
        if qa_toml.is_file():
            return qa_toml
        pyproject = candidate_folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                if "qa" in tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}):
                    return pyproject
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
                raise ConfigError(f"{pyproject}: not valid TOML: {error}") from None
    return None


def discover_config(explicit: Path | None = None) -> Config:
    if explicit is not None:
        return load_config(explicit)
    found = find_config()
    return load_config(found) if found else Config()
