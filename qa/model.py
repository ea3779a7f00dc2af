"""The data model: segments, pairs, documents, hits and findings.

Everything here is a frozen dataclass. Readers build Documents, rules turn Pairs
into Hits, the engine turns Hits into Findings.
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

Severity = Literal["error", "warning", "note"]
Side = Literal["zh", "en"]

#: Severities from most to least severe (SARIF's levels).
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "note")


def severity_rank(severity: str) -> int:
    """0 for error, 1 for warning, 2 for note; used for sorting and --fail-on."""
    return SEVERITIES.index(severity)  # type: ignore[arg-type]


#: Stands in a segment's text where an inline tag or placeholder was (U+FFFC OBJECT
#: REPLACEMENT CHARACTER): rules see neither the tag's digits nor a doubled space
#: where "Deleted %d files" would otherwise read "Deleted  files".
TAG_MARK = "\ufffc"


_new = object.__new__


@dataclass(frozen=True)
class InlineTag:
    """An inline tag or placeholder of a segment (<g id="1">, <x id="2"/>, %s, {0}).

    ``text`` is what the file holds, for messages; ``key`` is what must match on
    the other side of the pair (the tag kind and id: 'g#1', '/g#1', 'x#2', '%s');
    ``offset`` is the position of its ``TAG_MARK`` in the segment's text.
    """

    text: str
    key: str
    offset: int


@dataclass(frozen=True)
class Segment:
    """One side of a pair (or a note, or an unpaired run of lines).

    ``text`` is what the rules see. A segment may span several file lines: each
    line is a *piece* that starts at ``starts[i]`` in ``text`` and at
    (``lines[i]``, ``columns[i]``) in the file. Pieces are joined by one "\\n".
    Columns are 1-based and count Unicode code points.

    Readers of structured formats (XLIFF, TMX, PO, CSV) build pieces from
    wherever the text is: text interrupted by an inline tag, an entity or an
    escape continues in a new piece, and pieces need not be joined by "\\n".
    An inline tag or placeholder is not text: it stands in ``text`` as one
    ``TAG_MARK`` character and is described in ``tags`` (for TAG001).
    ``path`` names the segment's file when it is not the document's (the English
    of a ``--zh a.txt --en b.txt`` pair).
    """

    lang: Side
    text: str
    starts: tuple[int, ...] = (0,)
    lines: tuple[int, ...] = (1,)
    columns: tuple[int, ...] = (1,)
    tags: tuple[InlineTag, ...] = ()
    path: str | None = None

    @classmethod
    def from_lines(cls, lang: Side, pieces: list[tuple[int, int, str]]) -> Segment:
        """Build a segment from ``(line, column, text)`` pieces, joined by newlines."""
        starts, lines, columns, texts = [], [], [], []
        offset = 0
        for line, column, text in pieces:
            starts.append(offset)
            lines.append(line)
            columns.append(column)
            texts.append(text)
            offset += len(text) + 1
        return cls(lang, "\n".join(texts), tuple(starts), tuple(lines), tuple(columns))

    @classmethod
    def on_line(cls, lang: Side, text: str, line: int, column: int = 1) -> Segment:
        """A one-piece segment at (``line``, ``column``), as line-based readers build two per pair.

        Equal to ``Segment(lang, text, (0,), (line,), (column,))``; it fills the fields
        directly because a frozen dataclass's ``__init__`` sets each one through
        ``object.__setattr__``, which made building segments a tenth of a large run."""
        segment = _new(cls)
        fields = segment.__dict__
        fields["lang"] = lang
        fields["text"] = text
        fields["starts"] = (0,)
        fields["lines"] = (line,)
        fields["columns"] = (column,)
        fields["tags"] = ()
        fields["path"] = None
        return segment

    def shown(self, start: int = 0, end: int | None = None) -> str:
        """``text[start:end]`` with each inline tag written as the file holds it (``%s``, ``{wait}``),
        for quoting a segment in a message."""
        end = len(self.text) if end is None else end
        text = self.text[start:end]
        if not self.tags or TAG_MARK not in text:
            return text
        parts, position = [], start
        for tag in self.tags:
            if start <= tag.offset < end:
                parts += [self.text[position : tag.offset], tag.text]
                position = tag.offset + 1
        parts.append(self.text[position:end])
        return "".join(parts)

    def locate(self, offset: int) -> tuple[int, int]:
        """File (line, column) of the character at ``offset`` in ``text``."""
        if len(self.starts) == 1:  # one piece, as most segments are
            return self.lines[0], self.columns[0] + offset - self.starts[0]
        index = max(bisect.bisect_right(self.starts, offset) - 1, 0)
        return self.lines[index], self.columns[index] + offset - self.starts[index]

    @property
    def line(self) -> int:
        return self.lines[0]

    @property
    def end_line(self) -> int:
        return self.lines[-1]


@dataclass(frozen=True)
class Pair:
    """A Chinese segment and an English one, one the translation of the other.

    ``source`` says which side was translated from: "zh" (the seeds, official reports) or
    "en" (software catalogues translated from English into Chinese). Readers set it from the
    format's metadata or the user's ``--source``; rules that judge the translation look at
    ``target``, never at the source. ``syntaxes`` says how its strings' placeholders are written.
    """

    zh: Segment
    en: Segment
    index: int = 0  # position of the pair in its document, 0-based
    #: Rule selectors (codes, prefixes, names) silenced for this pair by a note in
    #: the file, e.g. an XLIFF <note> or PO translator comment "qa: ignore NUM001".
    suppress: tuple[str, ...] = ()
    source: Side = "zh"
    #: The placeholder syntaxes the pair's format declares (``qa.lang.placeholders``: "c", "python",
    #: "python-brace", "qt", "sh" … from a PO entry's ``#, c-format`` flags) and "html" where its
    #: text may hold HTML markup (PO and XLIFF strings). Empty: a plain .txt/.tsv pair, read with the
    #: safe common set of placeholders and no markup.
    syntaxes: tuple[str, ...] = ()
    #: What tells two units with the same source apart, where the format says (a PO msgctxt):
    #: "Open" the verb and "Open" the state are translated apart and are not inconsistent.
    context: str = ""

    @classmethod
    def of(cls, zh: Segment, en: Segment, index: int, source: Side = "zh") -> Pair:
        """``Pair(zh, en, index)``, built without the frozen dataclass's slow ``__init__`` (see Segment.on_line)."""
        pair = _new(cls)
        fields = pair.__dict__
        fields["zh"] = zh
        fields["en"] = en
        fields["index"] = index
        fields["suppress"] = ()
        fields["source"] = source
        fields["syntaxes"] = ()
        fields["context"] = ""
        return pair

    def side(self, side: Side) -> Segment:
        return self.zh if side == "zh" else self.en

    def with_source(self, source: Side) -> Pair:
        """This pair translated from ``source`` (``--source``), everything else the same."""
        if source == self.source:
            return self
        pair = _new(type(self))
        pair.__dict__.update(self.__dict__, source=source)
        return pair

    @property
    def target(self) -> Side:
        """The side that is the translation: the one rules judge."""
        return "en" if self.source == "zh" else "zh"


@dataclass(frozen=True)
class Note:
    """A footnote definition from a document's notes section.

    ``label`` is the marker it defines ("16", "①", "*"), or "" for a line of the
    notes section that defines nothing (a credit line such as 英文:北京外办).
    ``segment`` is the definition's text without the label.
    """

    label: str
    segment: Segment


@dataclass(frozen=True)
class Document:
    """A file's content: its pairs, its notes and its unpaired text."""

    path: str  # as the user should see it: relative to the working directory if below it
    pairs: tuple[Pair, ...]
    notes: tuple[Note, ...] = ()
    #: Runs of lines with no counterpart in the other language (ALN001 / ALN002).
    unpaired: tuple[Segment, ...] = ()
    #: 1-based line numbers of the notes heading, if any.
    notes_heading_line: int | None = None
    line_count: int = 0
    #: Units a catalogue holds but qa does not check, by reason, e.g. (("untranslated", 475),
    #: ("fuzzy", 12)): the CLI tells the user on stderr (docs/formats.md, "Catalogue states").
    skipped: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class Hit:
    """What a rule says: where (offsets inside one segment) and why.

    Rules checking one pair set ``side`` and offsets into that side's text.
    Document-level rules (``finish``) also name the ``pair`` they point at, or a
    ``segment`` (a note or an unpaired run) outside any pair.
    ``key`` identifies the finding within its pair for fingerprints (for example
    the value of a number); it defaults to the text of the span.
    ``other`` is the (start, end) of the span on the other side that the hit names, if
    any (NUM003: the Chinese number the English one mistranslates), so that reports
    can show both.
    ``severity`` overrides the rule's default severity for this hit (NUM004: two paragraph
    numbers that differ are an error, a missing one a warning); a configured severity wins.
    ``fix`` is the text that replaces the span when the change cannot alter the meaning (a
    space after "conduct.", ASCII punctuation in Chinese): ``qa check --fix`` applies it.
    """

    side: Side
    start: int
    end: int
    message: str
    suggestion: str | None = None
    key: str | None = None
    pair: Pair | None = None
    segment: Segment | None = None
    other: tuple[int, int] | None = None
    severity: Severity | None = None
    fix: str | None = None

    def __init__(
        self,
        side: Side,
        start: int,
        end: int,
        message: str,
        suggestion: str | None = None,
        key: str | None = None,
        pair: Pair | None = None,
        segment: Segment | None = None,
        other: tuple[int, int] | None = None,
        severity: Severity | None = None,
        fix: str | None = None,
    ) -> None:
        # the dataclass's own __init__ sets each field through object.__setattr__ (frozen): a large
        # glossary makes hundreds of thousands of hits, and filling the fields directly costs a third
        fields = self.__dict__
        fields["side"] = side
        fields["start"] = start
        fields["end"] = end
        fields["message"] = message
        fields["suggestion"] = suggestion
        fields["key"] = key
        fields["pair"] = pair
        fields["segment"] = segment
        fields["other"] = other
        fields["severity"] = severity
        fields["fix"] = fix


@dataclass(frozen=True)
class Location:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int  # exclusive, like SARIF's endColumn


@dataclass(frozen=True)
class Evidence:
    """The pair a finding is about and the offending span inside it.

    ``other_start``/``other_end`` are the span the finding names on the other side (-1 when it
    names none); ``pair`` is the pair's index in its document (-1 for a note or unpaired text).
    ``zh_tags``/``en_tags`` are the inline tags of each side (``Segment.tags``), for showing
    their own text where ``TAG_MARK`` stands.
    """

    zh: str
    en: str
    side: Side
    start: int
    end: int
    other_start: int = -1
    other_end: int = -1
    pair: int = -1
    zh_tags: tuple[InlineTag, ...] = ()
    en_tags: tuple[InlineTag, ...] = ()
    source: Side = "zh"  # the pair's source side (Pair.source): reports show it first

    @property
    def text(self) -> str:
        return (self.zh if self.side == "zh" else self.en)[self.start : self.end]


@dataclass(frozen=True)
class Finding:
    code: str
    name: str
    severity: Severity
    message: str
    location: Location
    evidence: Evidence
    suggestion: str | None = None
    fingerprint: str = field(default="", compare=False)
    #: Findings on the same pair that this one explains (qa/fold.py), reported inside it.
    related: tuple[Finding, ...] = field(default=(), compare=False)
    #: The safe replacement of the span (Hit.fix), for ``qa check --fix``; not reported.
    fix: str | None = field(default=None, compare=False)

    def sort_key(self) -> tuple:
        loc = self.location
        return (loc.path, loc.line, loc.column, self.code, self.message)


def elide(text: str, limit: int = 40) -> str:
    """Input quoted in a message, at most about ``limit`` characters: a longer text keeps its
    start and end around "…" (a 5,000-digit number, a run of 30,000 spaces, a whole Chinese
    document in the English column). Messages stay short and linear to write whatever the input."""
    if len(text) <= limit:
        return text
    half = limit // 2
    return f"{text[:half]}…{text[-half:]}"


@lru_cache(maxsize=4096)  # several findings of one pair normalise the same texts
def normalise_text(text: str) -> str:
    """Whitespace-insensitive form of a text, so reflowing a line keeps fingerprints."""
    return " ".join(text.split())


def fingerprint(code: str, zh: str, en: str, key: str, occurrence: int = 0) -> str:
    """A finding's identity that survives lines moving and whitespace reformatting."""
    digest = _pair_digest(code, zh, en).copy()
    digest.update(f"{normalise_text(key)}\x1f{occurrence}".encode())
    return digest.hexdigest()[:32]


@lru_cache(maxsize=1024)  # a pair's findings of one rule share the start of their material
def _pair_digest(code: str, zh: str, en: str):
    """SHA-256 of the first part of a fingerprint's material: rule code, normalised zh and en."""
    return hashlib.sha256("\x1f".join((code, normalise_text(zh), normalise_text(en), "")).encode())
