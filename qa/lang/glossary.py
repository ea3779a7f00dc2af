"""Glossaries: approved and forbidden English renderings of Chinese terms, and matching them.

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

Matching. Chinese: every term at once by a longest-match scan over a dict of terms: a
small glossary jumps between the characters that start a term, a dense one looks up the
two characters at each position (as fast as Aho-Corasick from pyahocorasick, and six times
faster than jieba with the glossary as a user dictionary; see benchmarks/terms_throughput.py).
Traditional text is folded to Simplified characters
with a character table built from OpenCC's t2s on first use, so a Simplified glossary
matches a Traditional document and the other way round; offsets are unchanged because
the folding is one character for one. English: case-insensitive, on word boundaries,
tolerant of plurals, -ing/-ed forms, possessives, hyphen/space/no-space variants (sub-center, sub center,
subcenter) and British spellings (centre, organise, labour): ``rendering_pattern`` says what
matches, and ``find_rendering`` finds the same word by word, without compiling a pattern per rendering.
Each pair's terms and the renderings its English holds are worked out once (``Glossary.uses``)
for TERM002, TERM003 and TERM004.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import regex

from qa.datapacks import DataPackError, pack_name, shown, yaml_kind

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


@lru_cache(maxsize=1)
def traditional_to_simplified_table() -> dict[int, str]:
    """One-character Traditional→Simplified mappings of OpenCC t2s, for str.translate.

    Built once from the CJK blocks, one character per line so that OpenCC's phrase
    tables cannot change the length: folding keeps every offset.
    """
    cached = _read_fold_cache()
    if cached is not None:
        return cached
    import opencc

    converter = opencc.OpenCC("t2s")
    ranges = (range(0x3400, 0x4DC0), range(0x4E00, 0xA000), range(0xF900, 0xFB00))
    characters = [chr(code) for block in ranges for code in block]
    converted = converter.convert("\n".join(characters)).split("\n")
    if len(converted) != len(characters):  # should not happen; fall back to no folding
        return {}
    table = {ord(old): new for old, new in zip(characters, converted, strict=True) if old != new and len(new) == 1}
    _write_fold_cache(table)
    return table


def _fold_cache_path() -> Path | None:
    """Where the table is kept between runs (it takes OpenCC ~50 ms to build): per OpenCC version."""
    import os
    from importlib.metadata import PackageNotFoundError, version

    try:
        opencc_version = version("opencc")
    except PackageNotFoundError:
        return None
    try:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    except RuntimeError:  # no HOME and no account (a container's --user): no cache
        return None
    if not base.is_absolute():  # a relative XDG_CACHE_HOME is to be ignored, and "~" was not known
        return None
    return base / "qa" / f"opencc-t2s-{opencc_version}.json"


def _read_fold_cache() -> dict[int, str] | None:
    import json

    path = _fold_cache_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path else None
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not data:
        return None
    return {int(code): new for code, new in data.items()}


def _write_fold_cache(table: dict[int, str]) -> None:
    """As every file qa writes (qa/output.py: atomically, with the umask's mode, never renaming
    over a device or link), and silently not at all where the cache folder is not writable."""
    import json

    from qa.output import OutputError, write_text

    path = _fold_cache_path()
    if path is None or not table:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text(path, json.dumps({str(code): new for code, new in table.items()}, ensure_ascii=False), "cache")
    except (OSError, OutputError):
        return


@lru_cache(maxsize=1)
def _traditional_characters() -> re.Pattern:
    # the standard library's re, not regex: it matches a large character set with a bitmap, far faster
    table = traditional_to_simplified_table()
    return re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(table)) + "]")


def fold_chinese(text: str) -> str:
    """Text with Traditional characters replaced by Simplified ones, same length."""
    # most texts are Simplified: a search in C is cheaper than translating every text
    if _traditional_characters().search(text) is None:
        return text
    return text.translate(traditional_to_simplified_table())


# -- English renderings --------------------------------------------------------------------

#: What may stand between two words of a rendering: nothing (subcenter), spaces, hyphens,
#: dashes, a comma, a slash or an apostrophe (Xiong'an, Xiongan, Xiong’an).
_SEPARATOR = r"[\s\-\u2010\u2011\u2013,/'\u2019]*"
_WORD = regex.compile(r"[^\W_]+")


def _word_parts(word: str, last: bool) -> tuple[str, str]:
    """(stem, variant) of one word of a rendering: the lower-case letters every spelling the
    pattern accepts starts with, and the pattern of the spelling variants of its ending."""
    lower = word.lower()
    if len(lower) > 3 and lower.endswith("re") and lower[-3] not in "aeiou":
        stem, variant = lower[:-2], "(?:re|er)"  # centre / center
    elif len(lower) > 3 and lower.endswith("er") and lower[-3] not in "aeiou":
        stem, variant = lower[:-2], "(?:er|re)"
    elif lower.endswith(("ize", "ise")) and len(lower) > 4:
        stem, variant = lower[:-3], "i[sz]e"
    elif lower.endswith(("ization", "isation")):
        stem, variant = lower[:-7], "i[sz]ation"
    elif len(lower) > 4 and lower.endswith("our"):
        stem, variant = lower[:-3], "ou?r"  # labour / labor
    elif len(lower) > 4 and lower.endswith("or") and lower[-3] not in "aeiou":
        stem, variant = lower[:-2], "ou?r"
    else:
        stem, variant = lower, ""
    if last and len(lower) > 2 and lower.endswith("y") and lower[-2] not in "aeiou":
        stem, variant = lower[:-1], "(?:y|ies)"  # city / cities
    return stem, variant


#: After the last word: a plural, -ing/-ed form, possessive.
_LAST_SUFFIX = r"(?:e?s|ing|e?d)?(?:['\u2019]s?)?"


def _end(words: list[str]) -> str:
    # A footnote marker may be glued to the last word ("seven aspects16"): after a final
    # letter only another letter ends the match; after a final digit, any word character.
    return r"(?![^\W\d_])" if words[-1][-1].isalpha() else r"(?![^\W_])"


@lru_cache(maxsize=65536)
def rendering_pattern(rendering: str) -> re.Pattern | None:
    """The tolerant, case-insensitive pattern of an English rendering (None if it has no words).

    What ``find_rendering`` accepts; it runs this pattern itself only on the rare text whose
    lower-case form has another length (it matches word by word on the lower-case text).
    """
    words = _WORD.findall(rendering)
    if not words:
        return None
    parts = [_word_parts(word, index == len(words) - 1) for index, word in enumerate(words)]
    body = _SEPARATOR.join(regex.escape(stem) + variant for stem, variant in parts) + _LAST_SUFFIX
    # the standard library's re: compiling is several times faster than the regex module's
    return re.compile(rf"(?<![^\W_]){body}{_end(words)}", re.IGNORECASE)


class _Probe(NamedTuple):
    """What finding one rendering in a lower-case English text takes, worked out once per rendering."""

    #: Lower-case letters every match contains, the stem of each word: spelling variants only
    #: change a word's ending (centre / center, city / cities), so a text without them has no match.
    stems: tuple[str, ...]
    #: The rendering in lower case, when it can be found verbatim (starts and ends with a letter or digit).
    plain: str
    #: Per word: its stem and the matcher of what may follow the stem (the spelling variants of
    #: the word's ending; after the last word also the plural, possessive and the word's end), or None.
    words: tuple[tuple[str, re.Pattern | None], ...]
    #: The first word has a stem to look for (not all ending, as "ization" is).
    anchored: bool


_PROBES: dict[str, _Probe] = {}
_SEPARATOR_RUN = re.compile(_SEPARATOR)
_TAILS: dict[str, re.Pattern] = {}


def _tail(pattern: str) -> re.Pattern:
    compiled = _TAILS.get(pattern)
    if compiled is None:
        compiled = _TAILS[pattern] = re.compile(pattern)
    return compiled


def _probe(rendering: str) -> _Probe:
    words = _WORD.findall(rendering)
    parts = [_word_parts(word, index == len(words) - 1) for index, word in enumerate(words)]
    plain = rendering.lower()
    if not plain or not plain[0].isalnum() or not plain[-1].isalnum():
        plain = ""
    matchers = []
    for index, (stem, variant) in enumerate(parts):
        if index == len(parts) - 1:
            # a few dozen distinct tails in any glossary: compiled once each, shared by all renderings
            matchers.append((stem, _tail(variant + _LAST_SUFFIX + _end(words))))
        else:
            matchers.append((stem, _tail(variant) if variant else None))
    stems = tuple(stem for stem, _ in parts if stem)
    probe = _PROBES[rendering] = _Probe(stems, plain, tuple(matchers), bool(parts and parts[0][0]))
    return probe


#: The last English text looked at, its lower-case form, and the renderings already looked for in it:
#: TERM002, TERM003 and TERM004 ask about the same renderings in the same pair, one after another.
_last_english: tuple[str, str, dict[str, tuple[int, int] | None]] = ("", "", {})


def find_rendering(rendering: str, english: str) -> tuple[int, int] | None:
    """Where a rendering occurs in the English, or None."""
    global _last_english
    if _last_english[0] is not english:
        _last_english = (english, english.lower(), {})
    _, lower, known = _last_english
    if rendering in known:
        return known[rendering]
    span = known[rendering] = _find_rendering(rendering, english, lower)
    return span


def _find_rendering(rendering: str, english: str, lower: str) -> tuple[int, int] | None:
    probe = _PROBES.get(rendering) or _probe(rendering)
    if not probe.words:
        return None
    if len(lower) == len(english):
        if probe.words[0][0]:
            return _locate(probe, lower)
        exact = _verbatim(probe.plain, lower) if probe.plain else None
        if exact is not None:
            return exact
    # lower-casing changed offsets (rare letters), or the first word is all ending ("ization"):
    # the case-insensitive pattern, where the text holds every stem
    for stem in probe.stems:
        if stem not in lower:
            return None
    match = rendering_pattern(rendering).search(english)  # type: ignore[union-attr]
    return (match.start(), match.end()) if match else None


def _locate(probe: _Probe, lower: str) -> tuple[int, int] | None:
    """Where the rendering occurs in a lower-case text of the original's length: written as in the
    glossary if it is, else the first tolerant match."""
    if probe.plain:
        exact = _verbatim(probe.plain, lower)
        if exact is not None:
            return exact
    # substring tests in C rule out most renderings: a match holds the stem of every word
    for stem in probe.stems:
        if stem not in lower:
            return None
    return _tolerant(probe.words, lower)


def _verbatim(plain: str, lower: str) -> tuple[int, int] | None:
    """The rendering written as in the glossary (any case), as whole words, with nothing glued
    after it that the tolerant match would take in (a plural, a possessive): else None."""
    position = lower.find(plain)
    while position >= 0:
        end = position + len(plain)
        before = lower[position - 1] if position else " "
        after = lower[end] if end < len(lower) else " "
        if not before.isalnum() and before != "_" and not after.isalnum() and after not in "'’-‐‑":
            return position, end
        position = lower.find(plain, position + 1)
    return None


def _tolerant(words: tuple[tuple[str, re.Pattern | None], ...], lower: str) -> tuple[int, int] | None:
    """The first match of the rendering's words in the lower-case text, as ``rendering_pattern`` finds it.

    Word by word, without a pattern of its own to compile (compiling costs ~0.3 ms a rendering, and a
    large glossary meets tens of thousands): each match starts where the first word's stem does, after
    no letter or digit; separators and word stems never share a character, so no step has to be undone.
    """
    first = words[0][0]
    position = lower.find(first)
    while position >= 0:
        if not position or not lower[position - 1].isalnum():
            at = position
            for index, (stem, tail) in enumerate(words):
                if index:
                    at = _SEPARATOR_RUN.match(lower, at).end()  # type: ignore[union-attr]
                    if not lower.startswith(stem, at):
                        break
                at += len(stem)
                if tail is not None:
                    ending = tail.match(lower, at)
                    if ending is None:
                        break
                    at = ending.end()
            else:
                return position, at
        position = lower.find(first, position + 1)
    return None


# -- the glossary ---------------------------------------------------------------------------

#: From this many distinct first characters on, most Chinese characters start some term and
#: jumping between candidates costs more than looking at every position (measured); the scan
#: then looks up the two characters at each position (half the time of looking up one and
#: trying every length of term it starts).
_DENSE_GLOSSARY = 300


@dataclass
class Glossary:
    """Glossary entries by (folded) Chinese term, with a lazily built longest-match index."""

    entries: dict[str, GlossaryEntry] = field(default_factory=dict)
    _lengths_by_first: dict[str, tuple[int, ...]] | None = field(default=None, repr=False)
    _first_characters: re.Pattern | None = field(default=None, repr=False)
    _lengths_by_pair: dict[str, tuple[int, ...]] | None = field(default=None, repr=False)
    _single_characters: frozenset[str] = field(default=frozenset(), repr=False)
    #: Recent results: TERM002-TERM004 ask about the same pair, and corpora repeat sources.
    _recent: dict[str, list[TermMatch]] = field(default_factory=dict, repr=False)
    _uses: dict[tuple[str, str], tuple[TermUse, ...]] = field(default_factory=dict, repr=False)
    #: Each term's approved renderings with their probes, made on the term's first match.
    _entry_probes: dict[str, tuple[tuple[str, _Probe], ...]] = field(default_factory=dict, repr=False)
    #: The renderings of a term that an English text holds, by (term, English): a source translated
    #: into Chinese many ways (MT test sets, translation memories) pairs one English with many Chinese.
    _renderings_held: dict[tuple[str, str], tuple[tuple, tuple]] = field(default_factory=dict, repr=False)

    @classmethod
    def from_entries(cls, files: Iterable[list[GlossaryEntry]]) -> Glossary:
        """Entries file by file: same term within a file adds up, a later file replaces."""
        entries: dict[str, GlossaryEntry] = {}
        folded_cache: dict[str, str] = {}
        for file_entries in files:
            this_file: dict[str, GlossaryEntry] = {}
            for entry in file_entries:
                key = folded_cache.get(entry.zh)
                if key is None:
                    key = folded_cache[entry.zh] = fold_chinese(entry.zh) if not entry.zh.isascii() else entry.zh
                this_file[key] = this_file[key].merged(entry) if key in this_file else entry
            entries.update(this_file)
        return cls(entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __bool__(self) -> bool:
        return bool(self.entries)

    def _index(self) -> dict[str, tuple[int, ...]]:
        if self._lengths_by_first is None:
            lengths: dict[str, set[int]] = {}
            for term in self.entries:
                if term:
                    lengths.setdefault(term[0], set()).add(len(term))
            self._lengths_by_first = {first: tuple(sorted(ls, reverse=True)) for first, ls in lengths.items()}
            # the scan jumps from one possible first character to the next in C
            self._first_characters = re.compile("[" + "".join(re.escape(c) for c in sorted(lengths)) + "]")
        return self._lengths_by_first

    def _scan(self, text: str, lengths_by_first: dict[str, tuple[int, ...]], next_first) -> list[TermMatch]:
        entries = self.entries
        found: list[TermMatch] = []
        size = len(text)
        candidate = next_first(text)
        while candidate is not None:
            position = candidate.start()
            for length in lengths_by_first[text[position]]:
                if position + length <= size:
                    entry = entries.get(text[position : position + length])
                    if entry is not None:
                        found.append(TermMatch(entry, position, position + length))
                        position += length
                        break
            else:
                position += 1
            candidate = next_first(text, position)
        return found

    def _scan_every_position(self, text: str) -> list[TermMatch]:
        """The scan of a dense glossary: at each position, the terms that start with its two characters."""
        if self._lengths_by_pair is None:
            by_pair: dict[str, set[int]] = {}
            for term in self.entries:
                if len(term) > 1:
                    by_pair.setdefault(term[:2], set()).add(len(term))
            self._lengths_by_pair = {pair: tuple(sorted(ls, reverse=True)) for pair, ls in by_pair.items()}
            self._single_characters = frozenset(term for term in self.entries if len(term) == 1)
        entries = self.entries
        singles = self._single_characters
        get_lengths = self._lengths_by_pair.get
        found: list[TermMatch] = []
        size = len(text)
        position = 0
        while position < size:
            # one dict look-up a position: a pair of characters starts few terms, a character many
            lengths = get_lengths(text[position : position + 2])
            if lengths is not None:
                for length in lengths:
                    if position + length <= size:
                        entry = entries.get(text[position : position + length])
                        if entry is not None:
                            found.append(TermMatch(entry, position, position + length))
                            position += length
                            break
                else:
                    if singles and text[position] in singles:
                        found.append(TermMatch(entries[text[position]], position, position + 1))
                    position += 1
            else:
                if singles and text[position] in singles:
                    found.append(TermMatch(entries[text[position]], position, position + 1))
                position += 1
        return found

    def find(self, chinese: str) -> list[TermMatch]:
        """Glossary terms in a Chinese text, left to right, longest match first, no overlaps.

        Recent results are remembered: TERM002, TERM003 and TERM004 ask about the same pair,
        and translation memories and MT test sets repeat a source once per target.
        """
        if not self.entries:
            return []
        remembered = self._recent.get(chinese)
        if remembered is not None:
            return remembered
        lengths_by_first = self._index()
        text = fold_chinese(chinese)
        if len(lengths_by_first) < _DENSE_GLOSSARY:
            # few first characters: jump from one to the next in C
            found = self._scan(text, lengths_by_first, self._first_characters.search)  # type: ignore[union-attr]
        else:
            found = self._scan_every_position(text)
        if len(self._recent) >= 1 << 17:
            self._recent.clear()
        self._recent[chinese] = found
        return found

    def uses(self, chinese: str, english: str) -> tuple[TermUse, ...]:
        """Each glossary term of the Chinese, once, with the approved and forbidden renderings the
        English holds. Remembered per pair: the three TERM rules ask about each pair, TERM004 again
        for every repeat of a pair (translation memories and MT test sets repeat pairs).
        """
        key = (chinese, english)
        known = self._uses.get(key)
        if known is not None:
            return known
        result: list[TermUse] = []
        matches = self.find(chinese)
        if matches:
            lower = english.lower()
            # the usual case, a lower-case form of the same length: _locate written out below, with
            # the tests in C (``in``) first, as a large glossary probes millions of renderings
            fast = len(lower) == len(english)
            entry_probes = self._entry_probes
            renderings_held = self._renderings_held
            if len(renderings_held) >= 1 << 18:
                renderings_held.clear()
            seen: set[str] = set()
            for entry, start, end in matches:
                if entry.zh in seen:
                    continue
                seen.add(entry.zh)
                term_key = (entry.zh, english)
                held = renderings_held.get(term_key)
                if held is not None:  # the same English with another Chinese (a source translated many ways)
                    result.append(TermUse(entry, start, end, held[0], held[1]))
                    continue
                probes = entry_probes.get(entry.zh)
                if probes is None:
                    probes = entry_probes[entry.zh] = tuple(
                        (rendering, _PROBES.get(rendering) or _probe(rendering)) for rendering in entry.renderings
                    )
                found = []
                for rendering, probe in probes:
                    if fast and probe.anchored:
                        span = None
                        plain = probe.plain
                        if plain and plain in lower:
                            span = _verbatim(plain, lower)
                        if span is None:
                            for stem in probe.stems:
                                if stem not in lower:
                                    break
                            else:
                                span = _tolerant(probe.words, lower)
                    else:
                        span = _find_rendering(rendering, english, lower)
                    if span is not None:
                        found.append((span[0], span[1], rendering))
                forbidden = []
                for rendering in entry.forbidden:
                    span = _find_rendering(rendering, english, lower)
                    if span is not None:
                        forbidden.append((span[0], span[1], rendering))
                held = renderings_held[term_key] = (tuple(found), tuple(forbidden))
                result.append(TermUse(entry, start, end, held[0], held[1]))
        if len(self._uses) >= 1 << 18:
            self._uses.clear()
        known = self._uses[key] = tuple(result) if result else ()
        return known


def load_glossary(paths: Iterable[Path]) -> Glossary:
    """A glossary from files in order (shipped first, then the user's)."""
    return Glossary.from_entries(read_glossary_file(path) for path in paths)


def glossary_files(context) -> list[Path]:
    """Glossary files of a rule context, in the order later entries replace earlier ones: the
    enabled shipped packs, then the data folders' glossaries (a ``rules/`` folder of the user's,
    ``rule-paths``; YAML files only if ``kind: glossary``), then files named in the config or
    with ``--glossary``."""
    enabled = tuple(getattr(context, "glossaries", ()))
    files = [path for path in enabled if pack_name(path)]
    for path in dict.fromkeys(context.data_files(*GLOSSARY_PATTERNS)):
        if path.suffix.lower() in (".yaml", ".yml") and not _is_glossary_yaml(path):
            continue
        files.append(path)
    files.extend(path for path in enabled if not pack_name(path))
    return list(dict.fromkeys(files))


def _is_glossary_yaml(path: Path) -> bool:
    return yaml_kind(path) == "glossary"  # a look at the head: other packs are not parsed twice


_GLOSSARIES: dict[tuple, Glossary] = {}


def glossary_for(context) -> Glossary:
    """The glossary of a rule context, loaded once per run and shared by the TERM rules."""
    files = glossary_files(context)
    key = (str(Path.cwd()), *((str(path), path.stat().st_mtime_ns) for path in files))  # sources are cwd-relative
    glossary = _GLOSSARIES.get(key)
    if glossary is None:
        glossary = _GLOSSARIES[key] = load_glossary(files)
    return glossary
