"""The glossary index: entries by (folded) Chinese term, every term found at once, and the
renderings a pair's English holds.

Chinese: every term at once by a longest-match scan over a dict of terms: a small glossary
jumps between the characters that start a term, a dense one looks up the two characters at
each position (as fast as Aho-Corasick from pyahocorasick, and six times faster than jieba
with the glossary as a user dictionary; see benchmarks/terms_throughput.py). Each pair's terms
and the renderings its English holds are worked out once (``Glossary.uses``) for TERM002,
TERM003 and TERM004.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from qa.datapacks import pack_name, yaml_kind
from qa.lang.terms.fold import fold_chinese
from qa.lang.terms.glossary import GLOSSARY_PATTERNS, GlossaryEntry, TermMatch, TermUse, read_glossary_file
from qa.lang.terms.matching import _PROBES, _find_rendering, _Probe, _probe, _tolerant, _verbatim

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
