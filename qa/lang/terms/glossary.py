"""Glossary files: approved and forbidden English renderings of Chinese terms, read from TSV, CSV, TBX and YAML.

Language knowledge only; rules TERM002-TERM004 decide what to report.

Files (in the data folders, shipped ``rules/`` first, then the user's):

- ``glossary*.tsv`` or ``*.glossary.tsv``: ``zh<TAB>approved renderings separated by |<TAB>optional note``. A rendering
  written ``forbidden: X`` is a forbidden one. ``#`` starts a comment line.
- ``glossary*.csv`` or ``*.glossary.csv``: the same three columns (an optional header row naming zh/en/note is skipped).
- ``*.tbx``: TermBase eXchange (TBX 2 ``termEntry``/``langSet``/``tig`` or TBX 3
  ``conceptEntry``/``langSec``/``termSec``); a term whose administrativeStatus is
  deprecated, superseded or not recommended is forbidden. Parsed with a hardened lxml parser.
- ``*.yaml``: ``kind: glossary`` with ``terms:`` entries ``{zh, en, forbidden, note}``.

Within one file, lines with the same Chinese add up; a later file's entry for a term
replaces an earlier file's, so a team's glossary overrides the shipped one.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from qa.datapacks import DataPackError, pack_name, shown

#: File patterns a glossary may come from, in the data folders. TSV and CSV files must say
#: "glossary" in their name, so other tabular data packs are not mistaken for glossaries.
GLOSSARY_PATTERNS = ("glossary*.tsv", "*.glossary.tsv", "glossary*.csv", "*.glossary.csv", "*.tbx", "*.yaml", "*.yml")

FORBIDDEN_PREFIX = "forbidden:"


class GlossaryError(DataPackError):
    """A glossary file that cannot be read: names the file (and line) and the problem."""


@dataclass(frozen=True)
class GlossaryEntry:
    zh: str  # the term as the glossary writes it
    renderings: tuple[str, ...] = ()  # approved English renderings
    forbidden: tuple[str, ...] = ()  # renderings that must not be used
    note: str = ""
    source: str = ""  # where the user finds the entry: pack:line (beijing-gov:142) or path:line

    def merged(self, other: GlossaryEntry) -> GlossaryEntry:
        """This entry with another line's renderings added (same file, same term)."""
        return GlossaryEntry(
            self.zh,
            tuple(dict.fromkeys(self.renderings + other.renderings)),
            tuple(dict.fromkeys(self.forbidden + other.forbidden)),
            "; ".join(note for note in (self.note, other.note) if note),
            self.source,
        )


class TermMatch(NamedTuple):
    """A glossary term found in a Chinese text, at [start, end) of the original text.

    A named tuple rather than a frozen dataclass: a scan creates many, and tuples are
    several times cheaper to create.
    """

    entry: GlossaryEntry
    start: int
    end: int


class TermUse(NamedTuple):
    """A glossary term of a pair's Chinese (its first occurrence) and the renderings its English holds.

    Worked out once per pair by ``Glossary.uses`` and shared by TERM002, TERM003 and TERM004.
    """

    entry: GlossaryEntry
    start: int  # of the term's first occurrence in the Chinese
    end: int
    found: tuple[tuple[int, int, str], ...]  # approved renderings in the English: (start, end, rendering)
    forbidden: tuple[tuple[int, int, str], ...]  # forbidden renderings in the English, the same way


# -- reading files ---------------------------------------------------------------------


def _split_renderings(cell: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    approved: list[str] = []
    forbidden: list[str] = []
    for item in cell.split("|"):
        item = item.strip()
        if item.lower().startswith(FORBIDDEN_PREFIX):
            item = item[len(FORBIDDEN_PREFIX) :].strip()
            if item:
                forbidden.append(item)
        elif item:
            approved.append(item)
    return tuple(approved), tuple(forbidden)


def _entry_from_cells(cells: list[str], where: str) -> GlossaryEntry | None:
    cells = [cell.strip() for cell in cells]
    if not cells or not cells[0] or cells[0].startswith("#"):
        return None
    if len(cells) < 2 or not cells[1]:
        raise GlossaryError(f"{where}: expected zh<TAB>renderings[<TAB>note], got {cells[0]!r} alone")
    approved, forbidden = _split_renderings(cells[1])
    if not approved and not forbidden:
        raise GlossaryError(f"{where}: no rendering for {cells[0]!r}")
    return GlossaryEntry(cells[0], approved, forbidden, cells[2] if len(cells) > 2 else "", where)


_HEADER_CELLS = {"zh", "chinese", "source", "term", "中文", "en", "english", "target", "renderings", "note"}


def _rows_to_entries(rows: Iterable[tuple[int, list[str]]], name: str) -> list[GlossaryEntry]:
    entries: list[GlossaryEntry] = []
    for number, cells in rows:
        if number == 1 and cells and {cell.strip().lower() for cell in cells[:2]} <= _HEADER_CELLS:
            continue
        entry = _entry_from_cells(cells, f"{name}:{number}")
        if entry is not None:
            entries.append(entry)
    return entries


def parse_tsv(text: str, name: str = "glossary.tsv") -> list[GlossaryEntry]:
    rows = ((number, line.split("\t")) for number, line in enumerate(text.splitlines(), start=1) if line.strip())
    return _rows_to_entries(rows, name)


def parse_csv(text: str, name: str = "glossary.csv") -> list[GlossaryEntry]:
    reader = csv.reader(io.StringIO(text))
    try:
        rows = [(reader.line_num, row) for row in reader if any(cell.strip() for cell in row)]
    except csv.Error as error:
        raise GlossaryError(f"{name}:{reader.line_num}: not valid CSV: {error}") from None
    return _rows_to_entries(rows, name)


_FORBIDDEN_STATUS = ("deprecated", "superseded", "notrecommended", "not recommended", "forbidden")


def _local(tag) -> str:
    # lxml gives entity references a function as their tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def parse_tbx(data: bytes, name: str = "glossary.tbx") -> list[GlossaryEntry]:
    """Entries of a TBX file (v2 or v3).

    Parsed with a hardened lxml parser: no DTD loading, no network, entities never expanded,
    and a document that declares entities is refused (billion laughs, external entities).
    """
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True, remove_pis=True
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise GlossaryError(f"{name}: not valid TBX: {error}") from None
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise GlossaryError(f"{name}: not valid TBX: entity declarations are not allowed")
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    entries: list[GlossaryEntry] = []
    for concept in root.iter():
        if _local(concept.tag) not in ("termEntry", "conceptEntry"):
            continue
        chinese: list[str] = []
        approved: list[str] = []
        forbidden: list[str] = []
        notes: list[str] = []
        for lang_set in concept:
            if _local(lang_set.tag) not in ("langSet", "langSec"):
                if _local(lang_set.tag) in ("descrip", "note") and (lang_set.text or "").strip():
                    notes.append(lang_set.text.strip())
                continue
            language = (lang_set.get(xml_lang) or lang_set.get("lang") or "").lower()
            for term_group in lang_set.iter():
                if _local(term_group.tag) not in ("tig", "ntig", "termSec"):
                    continue
                term = next((e for e in term_group.iter() if _local(e.tag) == "term"), None)
                if term is None or not "".join(term.itertext()).strip():
                    continue
                text = " ".join("".join(term.itertext()).split())
                status = " ".join(
                    (e.text or "").lower()
                    for e in term_group.iter()
                    if _local(e.tag) in ("termNote", "admin") and "status" in (e.get("type") or "").lower()
                )
                if language.startswith("zh"):
                    chinese.append(text)
                elif language.startswith("en"):
                    (forbidden if any(word in status for word in _FORBIDDEN_STATUS) else approved).append(text)
        for term in chinese:
            if approved or forbidden:
                entries.append(GlossaryEntry(term, tuple(approved), tuple(forbidden), "; ".join(notes), name))
    return entries


def parse_yaml(text: str, name: str = "glossary.yaml") -> list[GlossaryEntry]:
    """Entries of a ``kind: glossary`` YAML file; other kinds give no entries."""
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise GlossaryError(f"{name}: not valid YAML: {error}") from None
    if not isinstance(data, dict) or data.get("kind") != "glossary":
        return []
    terms = data.get("terms")
    if not isinstance(terms, list):
        raise GlossaryError(f"{name}: `terms` must be a list")
    entries = []
    for number, item in enumerate(terms, start=1):
        where = f"{name}: terms[{number}]"
        if not isinstance(item, dict) or not item.get("zh"):
            raise GlossaryError(f"{where}: needs zh")
        unknown = set(item) - {"zh", "en", "forbidden", "note"}
        if unknown:
            raise GlossaryError(f"{where}: unknown key {sorted(unknown)[0]!r}")
        approved = _as_strings(item.get("en"), where)
        forbidden = _as_strings(item.get("forbidden"), where)
        if not approved and not forbidden:
            raise GlossaryError(f"{where}: needs en or forbidden")
        entries.append(GlossaryEntry(str(item["zh"]).strip(), approved, forbidden, str(item.get("note", "")), where))
    return entries


def _as_strings(value: object, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split("|") if part.strip())
    if isinstance(value, list):
        return tuple(str(part).strip() for part in value if str(part).strip())
    raise GlossaryError(f"{where}: renderings must be a string or a list")


def read_glossary_file(path: Path) -> list[GlossaryEntry]:
    """Entries of one glossary file, by suffix. Raises GlossaryError naming the file.

    Entries cite a shipped pack by its name (``beijing-gov:142``: the user has no such
    file) and the user's own file by its path from the working directory.
    """
    name = pack_name(path) or shown(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise GlossaryError(f"{path}: {error.strerror or error}") from None
    suffix = path.suffix.lower()
    if suffix == ".tbx":
        return parse_tbx(data, name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise GlossaryError(f"{path}: not UTF-8") from None
    if suffix == ".tsv":
        return parse_tsv(text, name)
    if suffix == ".csv":
        return parse_csv(text, name)
    if suffix in (".yaml", ".yml"):
        return parse_yaml(text, name)
    raise GlossaryError(f"{path}: unsupported glossary type {suffix!r}")


# -- Traditional / Simplified ------------------------------------------------------------
