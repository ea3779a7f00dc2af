"""TERM007 verbatim-string: an address, path, code or protected name of the source changed in the translation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import regex

from qa.datapacks import DataPackError, kind_entries, shown
from qa.lang.verbatim import kept, normalised, verbatim_spans
from qa.model import Hit, Pair, Severity, elide
from qa.rules import Rule, register

_SIDE_NAMES = {"zh": "chinese", "en": "english"}
_KIND_NAMES = {
    "url": "address",
    "email": "e-mail address",
    "path": "path",
    "colour": "colour",
    "handle": "handle",
    "hashtag": "hashtag",
    "version": "version",
    "acronym": "acronym",
    "name": "name",
    "protected": "protected term",
}
#: A broken address is an error; an acronym or hashtag a translation may expand or translate
#: (CDC → "Centers for Disease Control", #get → #入门) is a note.
_SEVERITIES: dict[str, Severity] = {"url": "error", "email": "error", "acronym": "note", "hashtag": "note"}


class VerbatimFileError(DataPackError):
    pass


def load_protected(paths) -> list[tuple[str, str]]:
    """(term, file name) of every ``kind: verbatim`` data file's ``terms``, in file order."""
    terms: dict[str, str] = {}
    for path, entries in kind_entries(paths, "verbatim", "terms", VerbatimFileError, "a list of strings"):
        for number, entry in enumerate(entries, start=1):
            term = entry.get("term") if isinstance(entry, dict) else entry
            if not isinstance(term, str) or not term.strip():
                raise VerbatimFileError(f"{shown(path)}: terms[{number}]: expected a string (or a table with `term`)")
            terms.setdefault(term.strip(), path.name)
    return list(terms.items())


@register
class VerbatimString(Rule):
    """An address, path, code or protected name of the source is not in the translation unchanged.

    Some strings are never translated: a changed web address or e-mail address is a broken link,
    a translated file path or option a command that fails, and a product name or a team's
    do-not-translate term written another way is a different name. Found in the source, in Latin
    script and without splitting on spaces (``打开Excel文件`` holds ``Excel``; full-width ``ＷＴＯ`` is
    ``WTO``), and looked for in the translation exactly: web and e-mail addresses (errors),
    file paths, ``@handles``, hex colours, versions (``v1.2``, ``2.4.1``), CamelCase names
    (``iPhone``, ``GitHub``; spacing and case may change: ``SealWu`` → "Seal Wu"), all-capital
    acronyms of a Chinese source (``WTO``, ``PM2.5``; a note, since a translation may spell one
    out), Latin ``#hashtags`` (a note), and the terms of ``kind: verbatim`` data files.

    **Fails:** 详情请访问www.bjfgw.gov.cn。 / ``For details, visit www.bjfgw.gov.com.``

    **Passes:** 详情请访问www.bjfgw.gov.cn。 / ``For details, visit www.bjfgw.gov.cn.``

    Options: a do-not-translate list is a YAML file in your ``rules/`` folder (or ``rule-paths``)
    with ``kind: verbatim`` and a list ``terms`` of strings (or tables with ``term`` and ``note``);
    each term in the source must be in the translation as written.
    """

    code: ClassVar[str] = "TERM007"
    name: ClassVar[str] = "verbatim-string"
    severity: ClassVar[Severity] = "warning"
    pure: ClassVar[bool] = True

    _protected: regex.Pattern[str] | None = None
    _protected_files: dict[str, str] | None = None

    def prepare(self) -> None:
        self._protected_pattern()

    def _protected_pattern(self) -> regex.Pattern[str] | None:
        if self._protected_files is None:
            terms = load_protected(self.context.data_files("*.yaml", "*.yml"))
            self._protected_files = dict(terms)
            if terms:
                ordered = sorted(self._protected_files, key=len, reverse=True)
                alternation = "|".join(regex.escape(term) for term in ordered)
                self._protected = regex.compile(rf"(?<![A-Za-z0-9])(?:{alternation})(?![A-Za-z0-9])")
        return self._protected

    def check(self, pair: Pair) -> Iterator[Hit]:
        source, target = pair.source, pair.target
        source_text = pair.side(source).text
        found = verbatim_spans(source_text)
        protected = self._protected_pattern()
        if protected is not None:
            found += [
                (match.start(), match.end(), "protected", match.group())
                for match in protected.finditer(normalised(source_text))
            ]
        if not found:
            return
        target_text = normalised(pair.side(target).text)
        folded = "".join(target_text.lower().split())
        reported: set[str] = set()
        for start, end, kind, string in found:
            if kind == "acronym" and source != "zh":
                continue  # English acronyms are translated into Chinese all the time: OK, ID, UI, URL
            if string in reported or kept(kind, string, target_text, folded):
                continue
            reported.add(string)
            where = f" ({self._protected_files[string]})" if kind == "protected" and self._protected_files else ""
            yield Hit(
                source,
                start,
                end,
                f"{_KIND_NAMES[kind]} {elide(string)} is not in the {_SIDE_NAMES[target]} as written",
                suggestion=f"keep {elide(string)} unchanged in the translation{where}",
                key=string,
                severity=_SEVERITIES.get(kind),
            )
