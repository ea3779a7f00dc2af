"""gettext PO catalogues (``.po``), parsed with polib.

Each translated entry gives one pair, ``msgid`` with ``msgstr`` (and, for plural
entries, ``msgid_plural`` with ``msgstr[1]`` when there is one). The header's
``Language`` names the target language; the source is ``X-Source-Language`` when
given, else the other of zh and en (gettext catalogues are written from their
source strings). Without a ``Language`` header the scripts decide.
An entry's format flags (``#, c-format``, ``python-format``, ``python-brace-format``,
``qt-format``, ``sh-format``, ``javascript-format``, ``ruby-format`` …) say how its placeholders
are written: they are read as that format's runtime reads them (``Pair.syntaxes``); an entry
without one gets the safe common set (``%s``, ``%1$d``, ``{0}``), and HTML in any string is markup. The msgid is the
source and the msgstr the target (``Pair.source``). Only what gettext uses at run time is
checked: untranslated (empty msgstr), fuzzy (``#, fuzzy``: msgfmt leaves them out of the
compiled catalogue) and obsolete (``#~``) entries are skipped and counted in
``Document.skipped``, which the CLI reports on stderr.

Positions come from the file: polib gives the line an entry starts on, and the
string literals after ``msgid``/``msgstr`` are read from there, every escape
(``\\n``, ``\\"``) a character at its backslash. A translator comment
``# qa: ignore NUM001`` silences those rules for the entry.
"""

from __future__ import annotations

import re
from collections import Counter

import polib
import regex

from qa.lang.placeholders import MARKUP, syntax_of_flag
from qa.model import TAG_MARK, Document, Pair, Segment, Side
from qa.readers.errors import InputError, NotBilingualError
from qa.readers.languages import SUPPORTED_CODES, require_sides, side_of, suppressions
from qa.readers.pieces import SegmentBuilder

_HAN = regex.compile(r"\p{Han}")
_KEYWORD = re.compile(r"^\s*(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+\"")
_LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"\s*$')
_ESCAPE = re.compile(r"\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)")
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


def read_po(path: str, lines: list[str]) -> Document:
    check_syntax(lines)
    try:
        catalogue = polib.pofile("\n".join(lines) + "\n", wrapwidth=0)
    except (OSError, ValueError) as error:
        raise InputError(f"not a valid PO file: {error}") from None
    live = [entry for entry in catalogue if not entry.obsolete and entry.msgid]
    entries = [entry for entry in live if entry.translated()]
    skipped = Counter("fuzzy" if "fuzzy" in entry.flags else "untranslated" for entry in live if not entry.translated())
    skipped["obsolete"] = sum(1 for entry in catalogue if entry.obsolete)
    skipped_counts = tuple(
        (reason, skipped[reason]) for reason in ("untranslated", "fuzzy", "obsolete") if skipped[reason]
    )
    source_side, target_side = _sides(catalogue, entries or live)
    pairs: list[Pair] = []
    for entry in entries:
        literals = _literals(lines, (entry.linenum or 1) - 1)
        suppress = suppressions(entry.tcomment)
        declared = _declared_syntaxes(entry.flags)
        plural = entry.msgid_plural and entry.msgstr_plural
        targets = (
            [("msgstr[0]", entry.msgstr_plural.get(0, "")), ("msgstr[1]", entry.msgstr_plural.get(1, ""))]
            if plural
            else [("msgstr", entry.msgstr)]
        )
        sources = [("msgid", entry.msgid), ("msgid_plural", entry.msgid_plural)]
        if plural and len(entry.msgstr_plural) == 1:
            # one plural form (Chinese: nplurals=1): msgstr[0] serves every count, so it renders the
            # plural msgid, which holds the count's placeholder ("%d files"; the singular may say "a file")
            sources, targets = sources[1:], targets[:1]
        for (source_key, source_text), (target_key, target_text) in zip(sources, targets, strict=False):
            if not source_text.strip() or not target_text.strip():
                continue
            source = _segment(source_side, source_text, literals.get(source_key), entry.linenum or 1, declared)
            target = _segment(target_side, target_text, literals.get(target_key), entry.linenum or 1, declared)
            zh, en = (source, target) if source_side == "zh" else (target, source)
            pairs.append(Pair(zh, en, len(pairs), suppress, source_side, (*declared, MARKUP), entry.msgctxt or ""))
    if not pairs:
        raise NotBilingualError("no translated entries: no msgid has a non-empty msgstr")
    return Document(path, tuple(pairs), (), (), None, len(lines), skipped_counts)


# -- syntax: what msgfmt rejects, polib may read silently (an unterminated string loses its last
# character, a bad escape is kept, a second definition of a message shadows the first), so the
# lines are checked first, as msgfmt's grammar has them: [msgctxt] msgid [msgid_plural] msgstr…

_SPACE = "[ \t\f\v]"
_STRING = r'"(?:[^"\\]|\\(?:[ntrbfva\\"]|[0-7]{1,3}|x[0-9a-fA-F]+))*"'
_KEYWORD_NAME = re.compile(r"msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?")
_STATEMENT = re.compile(rf"{_SPACE}*(?:({_KEYWORD_NAME.pattern}){_SPACE}*)?((?:{_STRING}{_SPACE}*)+)$")
_WORD = re.compile(rf"{_SPACE}*([^ \t\f\v\"]*)")
_RAW_STRING = re.compile(r'"(?:[^"\\]|\\.)*("|\\?$)')
_ESCAPE_START = re.compile(r"\\(?:[ntrbfva\\\"0-7]|x[0-9a-fA-F])?")
#: the keywords each keyword may follow within an entry ("msgstr[]": msgstr[0], msgstr[1]…)
_FOLLOWS = {
    "msgctxt": ("",),
    "msgid": ("", "msgctxt"),
    "msgid_plural": ("msgid",),
    "msgstr": ("msgid",),
    "msgstr[]": ("msgid_plural", "msgstr[]"),
}


class _Entry:
    """The entry being read: its last keyword, and its msgctxt and msgid as written."""

    def __init__(self, obsolete: bool = False) -> None:
        self.last = ""  # no keyword yet
        self.obsolete = obsolete
        self.line = 0  # of its msgid, or of its first keyword
        self.keys = {"msgctxt": "", "msgid": ""}
        self.strings_of = ""

    @property
    def open(self) -> bool:
        """Between its first keyword and its msgstr: a comment or an entry of the other kind cannot come here."""
        return self.last in ("msgctxt", "msgid", "msgid_plural")


def check_syntax(lines: list[str]) -> None:
    """Raise InputError at the first line msgfmt would reject: a string with no closing quote, an
    invalid escape, text after a string, a keyword out of order, a missing section, a message defined twice.

    Obsolete entries (``#~``) follow the same grammar; a message may be both obsolete and live.
    """
    entry = _Entry()
    defined: dict[tuple[str, str], int] = {}
    previous = 0  # the line of previous strings (#| msgid "…") that the next entry's msgid must follow
    for number, line in enumerate(lines, 1):
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:]
        stripped = line.lstrip(" \t\f\v")
        if not stripped:
            continue
        if stripped.startswith("#") or (obsolete and stripped.startswith("|")):
            if entry.open:
                raise _error(entry.line, _out_of_order(entry.last, ""))
            entry.strings_of = ""  # a comment ends the strings of the msgstr before it
            if stripped.startswith(("#|", "|")):  # a previous msgid: strings as in an entry, or a comment
                text = stripped[2:] if stripped.startswith("#|") else stripped[1:]
                start = text.lstrip(" \t\f\v")
                if start.startswith('"') or _KEYWORD_NAME.match(start):
                    match = _STATEMENT.match(text)
                    if match is None:
                        _raise_at(number, text)
                    if match.group(1) is None and not previous:
                        raise _error(number, "a string with no keyword before it")
                    previous = previous or number
            continue
        match = _STATEMENT.match(line)
        if match is None:
            _raise_at(number, line)
        keyword, strings = match.groups()
        if previous and keyword is not None:
            if keyword not in ("msgctxt", "msgid"):
                raise _error(previous, "previous strings (#|) with no msgid after them")
            previous = 0
        if obsolete != entry.obsolete and entry.last:
            if entry.open:
                raise _error(number, "an entry partly obsolete (#~) and partly not")
            _close(entry, defined)
            entry = _Entry(obsolete)
        entry.obsolete = obsolete
        if keyword is None:  # more strings of the last keyword
            if not entry.strings_of:
                raise _error(number, "a string with no keyword before it")
            if entry.strings_of in entry.keys:
                entry.keys[entry.strings_of] += strings
            continue
        state = "msgstr[]" if keyword.startswith("msgstr[") else keyword
        if entry.last in ("msgstr", "msgstr[]") and state in ("msgctxt", "msgid"):
            _close(entry, defined)  # a new entry starts
            entry = _Entry(obsolete)
        if entry.last not in _FOLLOWS[state]:
            raise _error(entry.line if entry.open else number, _out_of_order(entry.last, state))
        if not entry.last or state == "msgid":
            entry.line = number
        entry.last = entry.strings_of = state
        if state in entry.keys:
            entry.keys[state] = strings
    if entry.open:
        raise _error(entry.line, _out_of_order(entry.last, ""))
    if previous:
        raise _error(previous, "previous strings (#|) with no msgid after them")
    _close(entry, defined)


def _close(entry: _Entry, defined: dict[tuple[str, str], int]) -> None:
    """A complete entry: a second definition of its message is an error (msgfmt lets obsolete ones repeat)."""
    if entry.obsolete or not entry.last:
        return
    identity = tuple("".join(s[1:-1] for s in re.findall(_STRING, entry.keys[key])) for key in ("msgctxt", "msgid"))
    if identity in defined:
        raise _error(entry.line, f"a second definition of the message (the first is at line {defined[identity]})")
    defined[identity] = entry.line


def _out_of_order(last: str, keyword: str) -> str:
    """What is missing when ``keyword`` (empty: the end of the file) follows ``last``."""
    shown = keyword.replace("[]", "[N]")
    if last in ("msgid", "msgid_plural") and keyword in ("", "msgctxt", "msgid"):
        return "missing msgstr section"
    if last == "msgctxt" and keyword in ("", "msgctxt"):
        return "missing msgid section"
    if keyword == "msgstr[]" and last == "msgid":
        return "msgstr[N] with no msgid_plural before it"
    if keyword == "msgstr" and last in ("msgid_plural", "msgstr[]"):
        return "msgstr after msgid_plural (a plural entry has msgstr[0], msgstr[1]…)"
    if not last or last.startswith("msgstr"):
        return f"{shown} with no msgid before it"
    return f"{shown} after {last.replace('[]', '[N]')}"


def _raise_at(number: int, line: str) -> None:
    """Say what is wrong with a line that is not a keyword with its strings."""
    word_match = _WORD.match(line)
    word, position = word_match.group(1), word_match.end()
    if word and not _KEYWORD_NAME.fullmatch(word):
        raise _error(number, f"unknown keyword {word[:20]!r}")
    while True:
        quote = line.find('"', position)
        text = line[position : quote if quote >= 0 else len(line)].strip(" \t\f\v")
        if text:
            raise _error(number, f"{text[:20]!r} where a string in double quotes should be")
        if quote < 0:
            raise _error(number, f"{word} with no string after it")
        literal = _RAW_STRING.match(line, quote)
        if literal.group(1) != '"':
            raise _error(number, "a string with no closing quote (end of line within string)")
        for escape in _ESCAPE_START.finditer(line, literal.start() + 1, literal.end() - 1):
            if len(escape.group()) == 1:
                raise _error(number, f"invalid escape {line[escape.start() : escape.start() + 2]!r} in a string")
        position = literal.end()


def _error(line: int, message: str) -> InputError:
    return InputError(f"not a valid PO file at line {line}: {message}")


def _sides(catalogue: polib.POFile, entries: list[polib.POEntry]) -> tuple[Side, Side]:
    target = catalogue.metadata.get("Language", "").strip()
    source = catalogue.metadata.get("X-Source-Language", "").strip()
    if target and side_of(target) is None:
        raise NotBilingualError(
            f"the catalogue's Language is {target}; qa checks Chinese/English pairs ({SUPPORTED_CODES})"
        )
    if target and not source:
        source = "en" if side_of(target) == "zh" else "zh"
    if not target:  # no header: the entries' scripts decide
        sample = entries[:200]
        han_targets = sum(1 for entry in sample if _HAN.search(entry.msgstr or ""))
        han_sources = sum(1 for entry in sample if _HAN.search(entry.msgid))
        if han_targets > len(sample) / 2:
            source, target = source or "en", "zh"
        elif han_sources > len(sample) / 2:
            source, target = source or "zh", "en"
        else:
            raise NotBilingualError("the PO header names no Language and the entries are not Chinese/English")
    return require_sides(source, target, what="the catalogue's")


def _literals(lines: list[str], start: int) -> dict[str, list[tuple[int, int, str]]]:
    """The string literals of an entry from its first line: keyword → [(line, column, raw content)]."""
    found: dict[str, list[tuple[int, int, str]]] = {}
    current: list[tuple[int, int, str]] | None = None
    for index in range(start, len(lines)):
        line = lines[index]
        stripped = line.strip()
        keyword = _KEYWORD.match(line)
        if keyword:
            current = found.setdefault(keyword.group(1), [])
        elif stripped.startswith('"') and current is not None:
            pass
        elif stripped.startswith("#") and current is None:
            continue
        elif found:
            break  # a blank line, a comment or the next entry
        else:
            continue
        literal = _LITERAL.search(line, keyword.end() - 1 if keyword else line.index('"'))
        if literal and current is not None:
            current.append((index + 1, literal.start(1) + 1, literal.group(1)))
    return found


def _declared_syntaxes(flags: list[str]) -> tuple[str, ...]:
    """The placeholder syntaxes an entry's flags declare (``#, c-format, python-brace-format``), in order."""
    return tuple(dict.fromkeys(syntax for syntax in map(syntax_of_flag, flags) if syntax and syntax != MARKUP))


def _segment(
    side: Side, text: str, literals: list[tuple[int, int, str]] | None, entry_line: int, syntaxes: tuple[str, ...]
) -> Segment:
    """The string's segment with positions; at the entry's line if its literals cannot be matched.
    Its placeholders are those of the syntaxes its entry declares (else the safe common set)."""
    if literals:
        builder = SegmentBuilder(side, literals[0][0], literals[0][1], syntaxes=syntaxes)
        for line, column, content in literals:
            position = 0
            for escape in _ESCAPE.finditer(content):
                builder.add_text(content[position : escape.start()], line, column + position)
                builder.add_char(_unescape(escape.group(1)), line, column + escape.start())
                position = escape.end()
            builder.add_text(content[position:], line, column + position)
        if _restored(builder) == text:
            return builder.build()
    builder = SegmentBuilder(side, entry_line, 1, syntaxes=syntaxes)
    builder.add_unmapped(text.replace("\n", " "), entry_line, 1)
    return builder.build()


def _restored(builder: SegmentBuilder) -> str:
    """The builder's text with its placeholders back in place of their marks."""
    first, *rest = builder.text.split(TAG_MARK)
    return first + "".join(tag.text + part for tag, part in zip(builder.tags, rest, strict=False))


def _unescape(escape: str) -> str:
    if escape in _SIMPLE_ESCAPES:
        return _SIMPLE_ESCAPES[escape]
    if escape.startswith("x"):
        return chr(int(escape[1:], 16))
    if "0" <= escape[0] <= "7":  # \8 and \٣ are no octal escapes (check_syntax rejects them)
        return chr(int(escape, 8))
    return escape
