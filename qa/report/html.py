"""The HTML reporter: one self-contained page to share with a reviewer.

``qa check … --format html -o report.html`` writes a single file that opens in any browser
without a network: the styles and the small script are inline, there are no fonts, images
or other files to fetch. The page holds

- a summary: files checked, pairs with findings, findings by severity and by rule;
- per file, each pair that has findings, the Chinese and the English side by side with the
  findings' spans highlighted, then its findings: line and column (a link to
  ``path#Lline``), severity, rule, message and suggestion;
- the selected rules' documentation (their docstrings), which a finding's rule code opens;
- filters by severity, rule and file.

A pair is a run of consecutive findings in one file with the same Chinese and English (the
engine sorts findings by position, so a pair's findings are next to each other). Rows are
rendered once; the filters only toggle a class on them, and pairs off screen are not laid
out until scrolled to (``content-visibility``), so a page with 10,000 findings opens fast.

Everything that comes from the input or from a rule (texts, messages, paths, docstrings) is
escaped; the script holds no data. The output has no timestamps: the same run writes the
same page. Links to the files are relative to the folder the report is written to (the
``-o`` file's folder, else the working directory), so they work when the report sits in the
checkout.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from html import escape
from typing import TYPE_CHECKING, TextIO
from urllib.parse import quote

from qa.model import SEVERITIES, TAG_MARK, Finding
from qa.report import Reporter, plural, rule_name, summarise, summary_line

if TYPE_CHECKING:
    from qa.rules.base import Rule

#: What the page shows where an inline tag or placeholder was (``TAG_MARK``): one character, so offsets hold.
TAG_SHOWN = "\u25ab"  # ▫ WHITE SMALL SQUARE
#: Characters a URI path may hold unescaped (RFC 3986 pchar and "/").
_URI_PATH_SAFE = "/!$&'()*+,;=:@-._~"
#: Characters that would not show, or would not survive in an HTML document: C0 and C1
#: controls but tab and line feed, lone surrogates, and the inline-tag mark.
_UNSHOWABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffc]")
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:/")
#: Folders whose files are devices or processes' streams, never a report's folder.
_SPECIAL_ROOTS = ("/dev/", "/proc/")


class HtmlReporter(Reporter):
    """``link_folder`` is where the report will be read from, for the links to the files;
    by default the folder of the file ``stream`` writes (``-o``), else the working directory."""

    def __init__(self, *, link_folder: str | None = None, **options) -> None:
        super().__init__(**options)
        self.link_folder = link_folder

    def emit(self, findings: Sequence[Finding], rules: Mapping[str, type[Rule]], stream: TextIO) -> None:
        folder = self.link_folder if self.link_folder is not None else report_folder(stream)
        stream.write("".join(self.page(findings, rules, folder)))

    def page(self, findings: Sequence[Finding], rules: Mapping[str, type[Rule]], folder: str) -> Iterator[str]:
        summary = summarise(findings, self.files, self.suppressed)
        files = group_by_file(findings)
        pair_count = sum(len(pairs) for _, pairs in files)
        by_rule: dict[str, dict[str, int]] = {}
        for finding in findings:
            counts = by_rule.setdefault(finding.code, dict.fromkeys(SEVERITIES, 0))
            counts[finding.severity] = counts.get(finding.severity, 0) + 1
        names = {finding.code: rule_name(finding, rules) for finding in findings}
        names.update((code, rule.name) for code, rule in rules.items() if code not in names)

        yield (
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">\n'
            f"<title>qa report: {escape(summary_line(summary))}</title>\n"
            f"<style>{STYLE}</style>\n</head>\n<body>\n"
        )
        yield (
            f'<header><h1>qa report</h1><p class="tool">qa {escape(self.version)}</p>'
            f'<p class="line">{escape(summary_line(summary))}</p></header>\n'
        )

        # -- summary
        yield '<section id="summary"><h2>Summary</h2>\n<div class="overview"><dl class="totals">'
        totals = (
            ("files", "files checked", summary.files),
            ("files-with-findings", "files with findings", summary.files_with_findings),
            ("pairs", "pairs with findings", pair_count),
            ("findings", "findings", summary.findings),
            ("error", "errors", summary.error),
            ("warning", "warnings", summary.warning),
            ("note", "notes", summary.note),
            ("suppressed", "suppressed", summary.suppressed),
        )
        for key, label, count in totals:
            yield f'<div class="total {key}"><dt>{label}</dt><dd data-count="{key}">{count:,}</dd></div>'
        yield "</dl>\n"
        if by_rule:
            yield (
                '<table class="by-rule"><thead><tr><th>rule</th><th>name</th><th>error</th><th>warning</th>'
                "<th>note</th><th>total</th></tr></thead><tbody>\n"
            )
            for code in sorted(by_rule):
                counts = by_rule[code]
                cells = "".join(f'<td class="n">{counts[severity] or ""}</td>' for severity in SEVERITIES)
                yield (
                    f'<tr data-rule="{escape(code)}"><td><a class="rule" href="#rule-{escape(code)}">'
                    f"{escape(code)}</a></td><td>{escape(names.get(code, ''))}</td>{cells}"
                    f'<td class="n">{sum(counts.values())}</td></tr>\n'
                )
            yield "</tbody></table>\n"
        yield "</div></section>\n"

        # -- filters: hidden until the script runs, since they do nothing without it
        if findings:
            yield '<form id="filters" hidden><h2>Filters</h2>'
            yield f'<p class="shown">showing <b id="shown">{len(findings):,}</b> of {len(findings):,} findings</p>'
            yield filter_group(
                "severity",
                "severity",
                [(severity, severity, count) for severity in SEVERITIES if (count := getattr(summary, severity))],
            )
            yield filter_group(
                "rule",
                "rule",
                [
                    (code, f"{code} {names.get(code, '')}".strip(), sum(counts.values()))
                    for code, counts in sorted(by_rule.items())
                ],
            )
            yield filter_group(
                "file",
                "file",
                [(str(index), path, sum(len(pair) for pair in pairs)) for index, (path, pairs) in enumerate(files)],
            )
            yield "</form>\n"

        # -- findings, per file and pair
        yield '<main id="findings">\n'
        if not findings:
            yield '<p class="none">No findings.</p>\n'
        number = 0
        for file_index, (path, pairs) in enumerate(files):
            count = sum(len(pair) for pair in pairs)
            yield (
                f'<section class="file" data-file="{file_index}"><h2 class="path">{escape(path)} '
                f'<span class="count">{plural(count, "finding")}</span></h2>\n'
            )
            href = file_href(path, folder)
            for pair in pairs:
                yield pair_block(pair, number, href, names)
                number += len(pair)
            yield "</section>\n"
        yield "</main>\n"

        # -- rule documentation
        yield '<section id="rules"><h2>Rules</h2>\n'
        for code in sorted(set(rules) | set(by_rule)):
            rule = rules.get(code)
            summary_text = (rule.summary() if rule is not None else "") or names.get(code, "")
            documentation = rule.description() if rule is not None else ""
            severity = rule.severity if rule is not None else ""
            yield (
                f'<details id="rule-{escape(code)}"><summary><b>{escape(code)}</b> '
                f"<code>{escape(names.get(code, ''))}</code> {escape(summary_text)}"
                + (f' <span class="default">default: {escape(severity)}</span>' if severity else "")
                + f'</summary><div class="doc">{render_doc(documentation) or "<p>No documentation.</p>"}</div>'
                "</details>\n"
            )
        yield "</section>\n"
        yield (
            '<dialog id="doc"><form method="dialog"><button class="close" aria-label="close">×</button></form>'
            '<div class="body"></div></dialog>\n'
        )
        yield f"<script>{SCRIPT}</script>\n</body>\n</html>\n"


def report_folder(stream: TextIO) -> str:
    """The folder of the file ``stream`` writes (with ``-o``, the temporary file beside the
    report; with ``> report.html``, stdout's file), else the working directory (a terminal,
    a pipe, a device)."""
    path = getattr(stream, "name", None)
    if not isinstance(path, str) or path.startswith("<"):  # a descriptor, "<stdout>", a StringIO
        try:  # where the descriptor leads (Linux): elsewhere the links are relative to the working directory
            path = os.readlink(f"/proc/self/fd/{stream.fileno()}")
        except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
            path = None
    if path:
        absolute = os.path.abspath(path)
        if not absolute.startswith(_SPECIAL_ROOTS) and os.path.isfile(absolute):
            return os.path.dirname(absolute)
    return os.getcwd()


def file_href(path: str, folder: str) -> str:
    """The link to a checked file from a report in ``folder``: a relative URL for a path
    relative to the working directory, a file: URL for an absolute one."""
    posix_path = path.replace("\\", "/")
    if posix_path.startswith("/"):
        return "file://" + quote(posix_path, safe=_URI_PATH_SAFE)
    if _WINDOWS_DRIVE.match(posix_path):
        return "file:///" + posix_path[:2] + quote(posix_path[2:], safe=_URI_PATH_SAFE)
    relative = os.path.relpath(os.path.join(os.getcwd(), path), folder).replace("\\", "/")
    href = quote(relative, safe=_URI_PATH_SAFE)
    return "./" + href if ":" in href.split("/", 1)[0] else href  # "a:b.txt" would read as a scheme


def group_by_file(findings: Sequence[Finding]) -> list[tuple[str, list[list[Finding]]]]:
    """Findings by file, in order, and within a file by pair: runs of consecutive findings
    with the same Chinese and English."""
    files: list[tuple[str, list[list[Finding]]]] = []
    for finding in findings:
        path, evidence = finding.location.path, finding.evidence
        if not files or files[-1][0] != path:
            files.append((path, [[finding]]))
            continue
        pairs = files[-1][1]
        last = pairs[-1][0].evidence
        if last.zh == evidence.zh and last.en == evidence.en:
            pairs[-1].append(finding)
        else:
            pairs.append([finding])
    return files


def filter_group(key: str, title: str, items: list[tuple[str, str, int]]) -> str:
    """A fieldset of checkboxes (all checked), each with an "only" button."""
    rows = "".join(
        f'<li><label><input type="checkbox" name="{key}" value="{escape(value)}" checked> '
        f'{escape(label)} <span class="n">{count:,}</span></label>'
        f'<button type="button" class="only" data-only="{escape(value)}">only</button></li>'
        for value, label, count in items
    )
    return (
        f'<fieldset class="group" data-group="{key}"><legend>{title} '
        f'<button type="button" class="all">all</button></legend><ul>{rows}</ul></fieldset>'
    )


def pair_block(findings: list[Finding], first_number: int, href: str, names: Mapping[str, str]) -> str:
    """One pair: both texts with every finding's span highlighted, then the findings."""
    evidence = findings[0].evidence
    numbered = list(enumerate(findings, first_number))
    zh_tags = {tag.offset: tag.text for tag in evidence.zh_tags}
    en_tags = {tag.offset: tag.text for tag in evidence.en_tags}
    zh = highlighted(evidence.zh, [(n, f) for n, f in numbered if f.evidence.side == "zh"], zh_tags)
    en = highlighted(evidence.en, [(n, f) for n, f in numbered if f.evidence.side == "en"], en_tags)
    rows = "".join(finding_row(number, finding, href, names) for number, finding in numbered)
    return (
        f'<div class="pair"><div class="texts"><div class="zh" lang="zh">{zh}</div>'
        f'<div class="en" lang="en">{en}</div></div><ol class="fs">{rows}</ol></div>\n'
    )


def finding_row(number: int, finding: Finding, href: str, names: Mapping[str, str]) -> str:
    location = finding.location
    code = escape(finding.code)
    name = escape(names.get(finding.code, ""))
    suggestion = (
        f'<div class="sug"><span>suggestion:</span> {shown(finding.suggestion)}</div>' if finding.suggestion else ""
    )
    title = escape(f"{location.path}:{location.line}:{location.column}")
    return (
        f'<li class="f {finding.severity}" data-f="{number}" data-r="{code}">'
        f'<a class="loc" href="{escape(href)}#L{location.line}" title="{title}">{location.line}:{location.column}</a>'
        f'<span class="sev">{escape(finding.severity)}</span>'
        f'<a class="rule" href="#rule-{code}">{code}</a><span class="name">{name}</span>'
        f'<div class="msg">{shown(finding.message)}</div>{suggestion}{related_list(finding, names)}</li>'
    )


def related_list(finding: Finding, names: Mapping[str, str]) -> str:
    """The findings this one explains (qa/fold.py), folded into an expandable list."""
    if not finding.related:
        return ""
    items = "".join(
        f'<li class="{item.severity}"><span class="loc">{item.location.line}:{item.location.column}</span> '
        f'<span class="sev">{escape(item.severity)}</span> <b>{escape(item.code)}</b> '
        f'<span class="name">{escape(names.get(item.code, item.name))}</span> {shown(item.message)}</li>'
        for item in finding.related
    )
    count = len(finding.related)
    label = f"explains {count} more finding{'' if count == 1 else 's'}"
    return f'<details class="rel"><summary>{label}</summary><ul>{items}</ul></details>'


def highlighted(text: str, spans: list[tuple[int, Finding]], tags: Mapping[int, str] | None = None) -> str:
    """``text`` escaped, with a <mark> over each part that findings' spans cover (spans may
    overlap: each part names every finding covering it and takes the most severe one's
    colour) and a thin mark where a span is empty (something missing at that point). ``tags`` are the
    inline tags' texts by their place in ``text``: each shows as its own text (``%s``), not as ▫."""
    tags = {offset: tag for offset, tag in (tags or {}).items() if 0 <= offset < len(text) and text[offset] == TAG_MARK}
    if not spans and not tags:
        return shown(text)
    starting: dict[int, list[tuple[int, Finding]]] = {}
    points: dict[int, list[tuple[int, Finding]]] = {}  # empty spans, by where they are
    bounds = {0, len(text), *tags, *(offset + 1 for offset in tags)}
    for number, finding in spans:
        start = min(max(finding.evidence.start, 0), len(text))
        end = min(max(finding.evidence.end, start), len(text))
        (points if start == end else starting).setdefault(start, []).append((number, finding))
        bounds.update((start, end))
    edges = sorted(bounds)
    active: dict[int, tuple[int, Finding]] = {}  # the spans covering the current part, by number
    ends: dict[int, list[int]] = {}
    out: list[str] = []
    for left, right in zip(edges, [*edges[1:], None], strict=True):
        for number in ends.pop(left, ()):
            del active[number]
        for number, finding in points.get(left, ()):
            out.append(f'<mark class="at {finding.severity}" data-m="{number}" title="{escape(finding.code)}"></mark>')
        if right is None:
            break
        for number, finding in starting.get(left, ()):
            active[number] = (number, finding)
            ends.setdefault(min(finding.evidence.end, len(text)), []).append(number)
        part = shown(text[left:right])
        if left in tags and right == left + 1:
            part = f'<span class="tag" title="inline tag">{shown(tags[left])}</span>'
        if active:
            covering = sorted(active.values(), key=lambda item: item[0])
            severity = min((finding.severity for _, finding in covering), key=SEVERITIES.index)
            numbers = " ".join(str(number) for number, _ in covering)
            codes = escape(" ".join(dict.fromkeys(finding.code for _, finding in covering)))
            out.append(f'<mark class="{severity}" data-m="{numbers}" title="{codes}">{part}</mark>')
        else:
            out.append(part)
    return "".join(out)


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    if char == TAG_MARK:
        return f'<span class="tag" title="inline tag">{TAG_SHOWN}</span>'
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟, the control pictures
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def shown(text: str) -> str:
    """``text`` escaped for HTML, with characters that would not show made visible."""
    escaped = escape(text, quote=True)
    return _UNSHOWABLE.sub(_visible, escaped) if _UNSHOWABLE.search(escaped) else escaped


_BOLD = re.compile(r"\*\*(.+?)\*\*")
_CODE = re.compile(r"``(.+?)``|`([^`]+)`")  # docstrings write code as ``x`` (reST) or `x`


def render_doc(documentation: str) -> str:
    """A rule's docstring after its summary line, as HTML: paragraphs, "- " lists,
    ``**bold**`` and ```code```, everything else escaped."""
    blocks: list[str] = []
    for paragraph in re.split(r"\n\s*\n", documentation.strip()):
        lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
        if not lines:
            continue
        if all(line.startswith(("- ", "* ")) for line in lines):
            items = "".join(f"<li>{_inline(line[2:])}</li>" for line in lines)
            blocks.append(f"<ul>{items}</ul>")
        else:
            blocks.append(f"<p>{_inline(' '.join(lines))}</p>")
    return "".join(blocks)


def _inline(text: str) -> str:
    escaped = shown(text)
    bold = _BOLD.sub(r"<strong>\1</strong>", escaped)
    return _CODE.sub(lambda match: f"<code>{match.group(1) or match.group(2)}</code>", bold)


STYLE = """
:root{--error:#c62828;--error-bg:#ffd7d5;--warning:#a15c00;--warning-bg:#ffe9a8;--note:#00697a;
--note-bg:#c9eef4;--line:#d8dde3;--muted:#5c6670;--bg:#f6f7f9}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC",
"PingFang SC","Microsoft YaHei",sans-serif;color:#1d232a;background:var(--bg)}
header,#summary,#filters,main,#rules{max-width:1400px;margin:0 auto;padding:0 20px}
header{padding-top:16px}
h1{font-size:22px;margin:0}
h2{font-size:17px;margin:18px 0 8px}
.tool{margin:0;color:var(--muted);font-size:13px}
.line{margin:4px 0 0;font-weight:600}
.overview{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
.totals{display:grid;grid-template-columns:repeat(4,104px);gap:8px;margin:0}
.total{background:#fff;border:1px solid var(--line);border-radius:6px;padding:6px 12px}
.total dt{font-size:12px;color:var(--muted)}
.total dd{margin:0;font-size:20px;font-weight:600}
.total.error dd{color:var(--error)}.total.warning dd{color:var(--warning)}.total.note dd{color:var(--note)}
table.by-rule{border-collapse:collapse;background:#fff;border:1px solid var(--line);font-size:14px}
.by-rule th,.by-rule td{padding:3px 10px;border-bottom:1px solid var(--line);text-align:left}
.by-rule th{font-size:12px;color:var(--muted);font-weight:600}
.by-rule td.n{text-align:right;font-variant-numeric:tabular-nums}
#filters{display:flex;flex-wrap:wrap;align-items:flex-start;gap:10px}
#filters[hidden]{display:none}
#filters h2{flex-basis:100%;margin:18px 0 0}
#filters .shown{flex-basis:100%;margin:0}
.group{background:#fff;border:1px solid var(--line);border-radius:6px;margin:0;padding:4px 10px 8px;
max-height:220px;overflow:auto;font-size:14px}
.group legend{font-weight:600;padding:0 4px}
.group ul{list-style:none;margin:0;padding:0}
.group li{display:flex;align-items:center;gap:6px;white-space:nowrap}
.group .n{color:var(--muted);font-size:12px}
button{font:inherit;font-size:12px;border:1px solid var(--line);background:#f0f2f5;border-radius:4px;
padding:0 6px;cursor:pointer}
button:hover{background:#e2e6eb}
.file{margin-top:8px}
.file.hidden,.pair.hidden,.f.hidden{display:none}
.path{position:sticky;top:0;z-index:1;background:var(--bg);padding:6px 0;margin:12px 0 4px;
border-bottom:2px solid var(--line);font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:15px}
.path .count{font-family:system-ui,sans-serif;font-weight:400;color:var(--muted);font-size:13px}
.pair{background:#fff;border:1px solid var(--line);border-radius:6px;margin:8px 0;padding:10px 12px;
content-visibility:auto;contain-intrinsic-size:auto 160px}
.texts{display:grid;grid-template-columns:1fr 1fr;gap:16px}
.texts>div{white-space:pre-wrap;overflow-wrap:anywhere}
.zh{font-size:16px}
@media (max-width:800px){.texts{grid-template-columns:1fr}}
mark{border-radius:2px;padding:0 1px;color:inherit}
mark.error{background:var(--error-bg);box-shadow:inset 0 -2px var(--error)}
mark.warning{background:var(--warning-bg);box-shadow:inset 0 -2px var(--warning)}
mark.note{background:var(--note-bg);box-shadow:inset 0 -2px var(--note)}
mark.at{display:inline-block;width:3px;height:1.1em;vertical-align:text-bottom;padding:0;margin:0 1px}
mark.at.error{background:var(--error)}mark.at.warning{background:var(--warning)}mark.at.note{background:var(--note)}
mark.off{background:none;box-shadow:none}
mark.at.off{background:#bbb}
mark.hot{outline:2px solid #1d232a}
.tag{color:var(--muted)}
.fs{list-style:none;margin:10px 0 0;padding:8px 0 0;border-top:1px dashed var(--line)}
.f{padding:3px 0 3px 10px;border-left:3px solid transparent;margin:2px 0}
.f.error{border-left-color:var(--error)}.f.warning{border-left-color:var(--warning)}
.f.note{border-left-color:var(--note)}
.f>a,.f>span{margin-right:8px}
.loc{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px;color:var(--muted)}
.sev{font-size:12px;font-weight:700;text-transform:uppercase;letter-spacing:.03em}
.error .sev{color:var(--error)}.warning .sev{color:var(--warning)}.note .sev{color:var(--note)}
.rule{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-weight:600;color:#1f4fa0}
.name{color:var(--muted);font-size:13px}
.msg{margin-top:1px}
.sug{color:#1b6b2f}.sug span{color:var(--muted)}
.rel{color:var(--muted);margin-top:2px}.rel ul{margin:2px 0;padding-left:18px}.rel li{list-style:disc}
.none{color:var(--muted)}
#rules{padding-bottom:40px}
#rules details{background:#fff;border:1px solid var(--line);border-radius:6px;margin:4px 0;padding:4px 10px}
#rules summary{cursor:pointer}
#rules .default{color:var(--muted);font-size:12px}
.doc{font-size:14px}.doc p{margin:6px 0}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em}
dialog{max-width:min(760px,92vw);border:1px solid var(--line);border-radius:8px;padding:12px 18px}
dialog::backdrop{background:rgba(20,24,28,.35)}
dialog .close{float:right;font-size:16px;line-height:1.2}
dialog .body summary{list-style:none;font-size:16px;margin-bottom:6px}
""".replace("\n", "")

# The script holds no data: it reads the page. Rows are indexed once; a filter change walks
# them and toggles one class, then hides the pairs and files left without a visible finding.
SCRIPT = """
(function(){
var form=document.getElementById('filters');if(!form)return;form.hidden=false;
var rows=document.querySelectorAll('li.f'),n=rows.length,sev=new Array(n),rule=new Array(n),file=new Array(n),
pairOf=new Array(n),pairs=document.querySelectorAll('.pair'),files=document.querySelectorAll('section.file'),
shown=document.getElementById('shown');
for(var i=0;i<n;i++){var r=rows[i];sev[i]=r.classList[1];rule[i]=r.getAttribute('data-r');
var p=r.parentNode.parentNode;pairOf[i]=p;file[i]=p.parentNode.getAttribute('data-file');}
function checked(group){var s={};form.querySelectorAll('input[name='+group+']').forEach(function(c){
if(c.checked)s[c.value]=1;});return s;}
function apply(){var S=checked('severity'),R=checked('rule'),F=checked('file'),count=0,vis=new Uint8Array(n);
pairs.forEach(function(p){p.v=0;});files.forEach(function(f){f.v=0;});
for(var i=0;i<n;i++){var v=S[sev[i]]&&R[rule[i]]&&F[file[i]];if(v){vis[i]=1;count++;pairOf[i].v=1;
pairOf[i].parentNode.v=1;}rows[i].classList.toggle('hidden',!v);}
pairs.forEach(function(p){p.classList.toggle('hidden',!p.v);if(p.v)p.querySelectorAll('mark').forEach(function(m){
m.classList.toggle('off',!m.getAttribute('data-m').split(' ').some(function(k){return vis[k];}));});});
files.forEach(function(f){f.classList.toggle('hidden',!f.v);});
shown.textContent=count.toLocaleString('en');}
form.addEventListener('change',apply);
form.addEventListener('click',function(e){var b=e.target.closest('button');if(!b)return;
var group=b.closest('fieldset').querySelectorAll('input');
if(b.classList.contains('all'))group.forEach(function(c){c.checked=true;});
else group.forEach(function(c){c.checked=c.value===b.getAttribute('data-only');});apply();});
var dialog=document.getElementById('doc');
document.addEventListener('click',function(e){var a=e.target.closest('a.rule');
if(!a||!dialog.showModal)return;var d=document.getElementById(a.getAttribute('href').slice(1));if(!d)return;
e.preventDefault();var body=dialog.querySelector('.body');body.innerHTML='';
var c=d.cloneNode(true);c.removeAttribute('id');c.open=true;body.appendChild(c);dialog.showModal();});
dialog.addEventListener('click',function(e){if(e.target===dialog)dialog.close();});
var hot=[];function light(row,on){var p=row.parentNode.parentNode,k=row.getAttribute('data-f');
p.querySelectorAll('mark').forEach(function(m){if(m.getAttribute('data-m').split(' ').indexOf(k)>=0)
m.classList.toggle('hot',on);});}
document.addEventListener('mouseover',function(e){var row=e.target.closest&&e.target.closest('li.f');
if(hot[0]===row)return;if(hot[0])light(hot[0],false);hot=row?[row]:[];if(row)light(row,true);});
})();
""".strip()


def _digest(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


#: Nothing may be fetched (no network: no external scripts, styles, fonts or images), and only
#: the page's own style and script may run: were a text ever left unescaped, a script in it
#: would still not run.
CONTENT_SECURITY_POLICY = (
    f"default-src 'none'; style-src {_digest(STYLE)}; script-src {_digest(SCRIPT)}; form-action 'none'; base-uri 'none'"
)
