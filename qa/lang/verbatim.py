"""Strings a translation keeps exactly as the source writes them: addresses, paths, handles, codes, names.

Language knowledge for TERM007: where such strings are in a text and what kind each is. They are
found in Latin script only and without splitting on spaces, so a Chinese text that glues them to
hanzi (``打开Excel文件``, ``访问www.gov.cn了解``) gives the same strings as English does. Full-width
forms are read as ASCII (``ＷＴＯ`` is ``WTO``). Kinds:

- ``url`` (``https://…``, ``www.…``) and ``e-mail`` (``name@example.org``): must match exactly;
- ``path`` (``/usr/bin/git``, ``~/.gitconfig``, ``C:\\Windows``, ``config.yaml``): a file or folder;
- ``handle`` (``@qa_bot``) and ``hashtag`` (``#OpenSource``, Latin only: Chinese ``#话题#`` is translated);
- ``colour`` (``#ff8800``, ``#fff``) and ``version`` (``v1.2``, ``2.4.1``);
- ``acronym`` (``WTO``, ``APEC``, ``PM2.5``, ``H1N1``): all capitals, two or more;
- ``name`` (CamelCase product and brand names: ``iPhone``, ``PowerPoint``, ``GitHub``, ``macOS``).

Linear in the text: one pass of one pattern.
"""

from __future__ import annotations

import re
from functools import cache

#: Full-width ASCII to ASCII (one character each, so offsets hold).
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_HAS_FULL_WIDTH = re.compile("[\uff01-\uff5e]")
#: Endings that make a dotted word a file name (config.yaml, report.pdf), lower-cased.
_FILE_ENDINGS = frozenset(
    "txt md json yaml yml toml ini cfg conf xml html htm css csv tsv po pot mo xlf xliff py js ts rb go rs java c "
    "h cpp sh bat ps1 exe dll so zip gz tar 7z rar pdf doc docx xls xlsx ppt pptx png jpg jpeg gif svg mp3 mp4 log "
    "lock db sqlite".split()
)
#: ASCII only: a hanzi is never part of an address, a path or a name (访问www.gov.cn了解).
_URL_CHARS = r"[A-Za-z0-9\-._~:/?#\[\]@!$&*+,;=%]"
_W = "[A-Za-z0-9_]"


@cache  # compiled on first use: most texts fail the pre-check
def _verbatim() -> re.Pattern[str]:
    return re.compile(  # re, not regex: four times faster on this pattern, the same matches
        rf"""
        (?P<url>(?:https?|ftp)://{_URL_CHARS}+|(?<![A-Za-z0-9_.@/])www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:/{_URL_CHARS}*)?)
      | (?P<email>(?<![A-Za-z0-9_.+-])[A-Za-z0-9][A-Za-z0-9_.+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{{2,}})
      | (?P<path>(?<![A-Za-z0-9_.~/\\:-])(?:[A-Za-z]:\\(?:[A-Za-z0-9_.-]+\\)*[A-Za-z0-9_.-]+
            |(?:~|\.{{1,2}})/(?:[A-Za-z0-9_.-]+/)*[A-Za-z0-9_.-]*{_W}
            |/[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)+))
      | (?P<colour>(?<![A-Za-z0-9_&\#])\#(?:[0-9a-fA-F]{{6}}|[0-9a-fA-F]{{3}})(?!{_W}))
      | (?P<handle>(?<![A-Za-z0-9_@.])@[A-Za-z_][A-Za-z0-9_]{{1,30}}(?![A-Za-z0-9_@]))
      | (?P<hashtag>(?<![A-Za-z0-9_&\#])\#[A-Za-z][A-Za-z0-9_]{{1,40}}(?!{_W}))
      | (?P<version>(?<![A-Za-z0-9_.])(?:[vV]\d+(?:\.\d+)+|\d+\.\d+\.\d+(?:\.\d+)*)(?![A-Za-z0-9_.]|\.\d))
      | (?P<acronym>(?<![A-Za-z0-9.&/-])[A-Z]{{2,}}(?:[0-9]+(?:\.[0-9]+)?)?(?:[A-Z][0-9]+)*(?![A-Za-z0-9/-]))
      | (?P<name>(?<![A-Za-z0-9%])(?:[a-z]+[A-Z]|[A-Z][a-z]+[A-Z])[A-Za-z0-9]*(?![A-Za-z0-9]))
      | (?P<file>(?<![A-Za-z0-9_.~/\\:<-])[A-Za-z0-9_-]++(?:\.[A-Za-z0-9_-]++)++(?!\.?[A-Za-z0-9_]))
        """,
        re.VERBOSE,
    )


#: Units and symbols written in mixed case, not names: 5 mL, 3 kWh, 40 dB.
_UNITS = frozenset("mL dL kWh mAh MWh GWh dB dBm kHz MHz GHz mmHg pH kW MW GW kB MB GB TB KiB MiB GiB".split())
#: Cheap pre-check: no Latin letter, no slash, no @ or #, no verbatim string.
_PRECHECK = re.compile("[A-Za-z/@#\\\\\uff21-\uff3a\uff41-\uff5a]")
#: What a URL or path may end with that belongs to the sentence instead: "see www.gov.cn."
_TRAILING = ".,;:!?)]}'\""


def verbatim_spans(text: str) -> list[tuple[int, int, str, str]]:
    """``(start, end, kind, string)`` of each string of ``text`` a translation must keep, in order."""
    if _PRECHECK.search(text) is None:
        return []
    if _HAS_FULL_WIDTH.search(text) is not None:
        text = text.translate(_FULL_WIDTH)
    spans = []
    for match in _verbatim().finditer(text):
        kind = match.lastgroup or ""
        found = match.group()
        if kind == "file":
            if found.rpartition(".")[2].lower() not in _FILE_ENDINGS:
                continue  # "e.g", "2.5", "U.S": dotted, but not a file name
            kind = "path"
        if kind in ("url", "path"):
            found = found.rstrip(_TRAILING)
            if kind == "path" and found.count("/") + found.count("\\") < 2 and not found.startswith(("/", "~", ".")):
                if "/" in found or "\\" in found:
                    continue  # "and/or", "km/h": one slash between words is not a path
        if not found or (kind == "name" and found in _UNITS):
            continue
        spans.append((match.start(), match.start() + len(found), kind, found))
    return spans


def normalised(text: str) -> str:
    """``text`` with full-width forms as ASCII, for finding a string in it."""
    return text.translate(_FULL_WIDTH) if _HAS_FULL_WIDTH.search(text) is not None else text


def kept(kind: str, string: str, target: str, folded: str) -> bool:
    """Whether ``target`` (``folded``: its normalised text lower-cased without spaces) keeps ``string``.

    Addresses, paths and codes must be there exactly; an acronym may change case or take a plural
    (APP → "apps"); a name may be spaced or recased (SealWu → "Seal Wu", JabalMukaber →
    "Jabal Mukaber")."""
    if string in target:
        return True
    if kind == "acronym":
        return string.lower() in folded
    if kind == "name":
        return string.lower() in folded
    return False
