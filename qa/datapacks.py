"""Where data rule packs live: the shipped ``rules/`` folder and the user's own.

The top-level ``rules/`` folder of the repository is installed inside the package
as ``qa/_rules`` (see pyproject.toml); in a source checkout or an editable
install it is read from the repository directly. Domain glossaries ship in its
``glossaries/`` folder as named packs (``beijing-gov``) that apply only when a
project enables them (``glossaries = [...]`` in the config, ``--glossary``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
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


#: Suffixes of glossary files: a ``glossaries`` value ending so (or holding a ``/``) is a path, not a pack.
GLOSSARY_SUFFIXES = (".tsv", ".csv", ".tbx", ".yaml", ".yml")


def packs_dir() -> Path:
    """The shipped glossary packs, one file each, named by its stem (``beijing-gov.tsv``)."""
    return shipped_dir() / "glossaries"


def glossary_packs() -> dict[str, Path]:
    """The shipped glossary packs by name, sorted."""
    folder = packs_dir()
    if not folder.is_dir():
        return {}
    files = sorted(path for path in folder.iterdir() if path.is_file() and path.suffix.lower() in GLOSSARY_SUFFIXES)
    return {path.stem: path for path in files}


def pack_name(path: Path) -> str | None:
    """The pack a glossary file is, when it is one of the shipped packs."""
    try:
        if path.resolve().parent == packs_dir().resolve():
            return path.stem
    except OSError:
        return None
    return None


def pack_description(path: Path) -> str:
    """A pack's one-line description: its first comment line."""
    try:
        with path.open(encoding="utf-8-sig", errors="replace") as handle:
            for line in handle:
                if line.startswith("#"):
                    return line.lstrip("#").strip()
                if line.strip():
                    break
    except OSError:
        pass
    return ""


def resolve_glossaries(values: tuple[str, ...], where: str, base: Path) -> tuple[Path, ...]:
    """The glossary files that pack names and paths name; ``where`` (the config key or option) in errors."""
    packs = glossary_packs()
    files: list[Path] = []
    for value in values:
        if value in packs:
            files.append(packs[value])
            continue
        if "/" in value or "\\" in value or value.lower().endswith(GLOSSARY_SUFFIXES):
            path = base / value
            if not path.is_file():
                raise ConfigError(f"{where}: {value}: no such glossary file")
            files.append(path)
            continue
        known = ", ".join(packs) or "none"
        raise ConfigError(
            f"{where}: unknown glossary pack {value!r} (known packs: {known}; or a glossary file's path)"
        )
    return tuple(dict.fromkeys(files))


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


def kind_entries(
    paths: Iterable[Path], kind: str, key: str, error: type[Exception], expected: str = "a list"
) -> Iterator[tuple[Path, list]]:
    """(path, the list under ``key``) of each data file of ``kind:`` ``kind`` (other packs are not
    parsed); a file whose ``key`` is not a list raises ``error`` naming it."""
    for path in paths:
        if yaml_kind(path) != kind:
            continue
        data = load_yaml(path)
        if not isinstance(data, dict) or data.get("kind") != kind:
            continue
        entries = data.get(key)
        if not isinstance(entries, list):
            raise error(f"{shown(path)}: `{key}` must be {expected}")
        yield path, entries


def load_yaml(path: Path):
    """Parse a YAML data file (with libyaml's C loader when present: much faster on big packs).

    What a file parses to is kept as JSON in the user's cache folder, under the file's path with
    a digest of its bytes: a run whose packs did not change reads them back without importing
    PyYAML (about 25 ms of every start), and a changed file is parsed again."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DataPackError(f"{shown(path)}: {error.strerror or error}") from None
    cached = _read_parsed(path, data)
    if cached is not _NOT_CACHED:
        return cached
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        parsed = yaml.load(data.decode("utf-8"), Loader=loader)  # a safe loader, C or Python
        _write_parsed(path, data, parsed)
        return parsed
    except UnicodeDecodeError:
        raise DataPackError(f"{shown(path)}: not UTF-8") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{shown(path)}:{mark.line + 1}" if mark is not None else shown(path)
        problem = getattr(error, "problem", None) or str(error)
        raise DataPackError(f"{where}: not valid YAML: {' '.join(str(problem).split())}") from None


_NOT_CACHED = object()


def _parsed_cache(path: Path, data: bytes) -> tuple[Path, str] | None:
    """The cache file of a data file and the digest its content must have, or None (no cache folder)."""
    import hashlib

    from qa.lang.terms.fold import cache_folder

    folder = cache_folder()
    if folder is None:
        return None
    name = hashlib.blake2b(str(path.resolve()).encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()
    return folder / "packs" / f"{name}.json", hashlib.blake2b(data, digest_size=16).hexdigest()


def _read_parsed(path: Path, data: bytes):
    import json

    cache = _parsed_cache(path, data)
    if cache is None:
        return _NOT_CACHED
    try:
        stored = json.loads(cache[0].read_bytes())
    except (OSError, ValueError):
        return _NOT_CACHED
    if not isinstance(stored, dict) or stored.get("digest") != cache[1] or "data" not in stored:
        return _NOT_CACHED
    return stored["data"]


def _json_exact(value) -> bool:
    """Whether JSON gives ``value`` back as it is (YAML may also give dates, bytes, non-string keys)."""
    if value is None or isinstance(value, bool | int | float | str):
        return True
    if isinstance(value, list):
        return all(_json_exact(item) for item in value)
    if isinstance(value, dict):
        return all(isinstance(key, str) and _json_exact(item) for key, item in value.items())
    return False


def _write_parsed(path: Path, data: bytes, parsed) -> None:
    """As every file qa writes (qa/output.py), and silently not at all where it cannot be written."""
    import json

    from qa.output import OutputError, write_text

    cache = _parsed_cache(path, data)
    if cache is None or not _json_exact(parsed):
        return
    try:
        cache[0].parent.mkdir(parents=True, exist_ok=True)
        write_text(cache[0], json.dumps({"digest": cache[1], "data": parsed}, ensure_ascii=False), "cache")
    except (OSError, OutputError, ValueError):
        return


def shown(path: Path) -> str:
    """A data file's path as the user should see it: relative to the working directory when below it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
