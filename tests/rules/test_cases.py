"""Runs every case file in tests/rules/cases/<CODE>.yaml through the engine.

A pass case must give no finding of its rule; a fail case must give exactly the
spans marked ⟦like this⟧ (on either side), and each finding's message must
contain the case's ``message`` when one is given. Document cases hold a whole
.txt document; their marked spans must be exactly the findings' file locations.
Every registered rule must have at least one pass and one fail case.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from qa.config import Config
from qa.datapacks import packs_dir
from qa.engine import Engine
from qa.model import Document, Pair, Segment
from qa.readers import read_text
from qa.rules import all_rules

CASES_DIR = Path(__file__).parent / "cases"
OPEN, CLOSE = "⟦", "⟧"


def strip_marks(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Text without ⟦⟧ marks, and the (start, end) offsets the marks enclosed."""
    plain, spans, start = [], [], None
    for char in text:
        if char == OPEN:
            start = len(plain)
        elif char == CLOSE:
            assert start is not None, f"unbalanced {CLOSE} in {text!r}"
            spans.append((start, len(plain)))
            start = None
        else:
            plain.append(char)
    assert start is None, f"unbalanced {OPEN} in {text!r}"
    return "".join(plain), spans


def load_cases() -> dict[str, dict]:
    cases = {}
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data.get("rule") == path.stem, f"{path.name}: rule must be {path.stem}"
        cases[path.stem] = data
    return cases


CASES = load_cases()


#: The glossary rules' cases use the shipped Beijing pack, which a project enables (off by default).
GLOSSARY_CASES = Config(glossaries=(packs_dir() / "beijing-gov.tsv",))


def engine_for(code: str) -> Engine:
    config = GLOSSARY_CASES if code in ("TERM002", "TERM003", "TERM004") else Config()
    return Engine.from_config(config, select=[code])


def pair_document(zh: str, en: str, direction: str = "zh-en") -> Document:
    """A case's pair; ``direction: en-zh`` makes the English the source (a software catalogue)."""
    source = "en" if direction == "en-zh" else "zh"
    pair = Pair(Segment.from_lines("zh", [(1, 1, zh)]), Segment.from_lines("en", [(2, 1, en)]), source=source)
    return Document("case.txt", (pair,), line_count=2)


def po_document(zh: str, en: str, flags: str) -> Document:
    """A case's pair as an entry of an en→zh PO catalogue with these flags (``flags: c-format``), read
    by the PO reader: its placeholders are what that format's runtime substitutes."""

    def quoted(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'

    header = 'msgid ""\nmsgstr ""\n"Language: zh_CN\\n"\n\n'
    flag_line = f"#, {flags}\n" if flags else ""
    return read_text("case.po", f"{header}{flag_line}msgid {quoted(en)}\nmsgstr {quoted(zh)}\n", ".po")


def document_for(zh: str, en: str, case: dict) -> Document:
    if "flags" in case:
        return po_document(zh, en, str(case["flags"] or ""))
    return pair_document(zh, en, case.get("direction", "zh-en"))


def segment_span(document: Document, side: str, start: int, end: int) -> tuple[int, int]:
    """A span marked in a case's text as an offset of the segment the reader made: each placeholder it
    kept out of the text as a tag is one character there."""
    segment = document.pairs[0].zh if side == "zh" else document.pairs[0].en
    removed = []  # (offset in the case's text, characters fewer in the segment)
    for tag in segment.tags:
        removed.append((tag.offset + sum(n for _, n in removed), len(tag.text) - 1))

    def moved(offset: int) -> int:
        return offset - sum(n for at, n in removed if at < offset)

    return moved(start), moved(end)


def pair_params(kind: str):
    for code, data in CASES.items():
        for number, case in enumerate(data.get(kind) or [], start=1):
            yield pytest.param(code, case, id=f"{code}-{kind}-{number}")


def test_every_rule_has_cases():
    missing = [
        code
        for code in all_rules()
        if not (CASES.get(code, {}).get("pass") and (CASES.get(code, {}).get("fail") or CASES[code].get("documents")))
    ]
    assert not missing, f"rules without a pass and a fail case: {missing}"


@pytest.mark.parametrize(("code", "case"), list(pair_params("pass")))
def test_pass_case(code: str, case: dict):
    zh, zh_spans = strip_marks(str(case["zh"]))
    en, en_spans = strip_marks(str(case["en"]))
    assert not zh_spans and not en_spans, "pass cases carry no marks"
    findings = engine_for(code).check(document_for(zh, en, case))
    assert [(f.code, f.message) for f in findings] == []


@pytest.mark.parametrize(("code", "case"), list(pair_params("fail")))
def test_fail_case(code: str, case: dict):
    zh, zh_spans = strip_marks(str(case["zh"]))
    en, en_spans = strip_marks(str(case["en"]))
    expected = sorted([("zh", *span) for span in zh_spans] + [("en", *span) for span in en_spans])
    assert expected, "a fail case marks at least one span"
    document = document_for(zh, en, case)
    expected = sorted((side, *segment_span(document, side, start, end)) for side, start, end in expected)
    findings = engine_for(code).check(document)
    got = sorted((f.evidence.side, f.evidence.start, f.evidence.end) for f in findings)
    assert got == expected, [f"{f.evidence.text!r}: {f.message}" for f in findings]
    assert all(f.code == code for f in findings)
    if "message" in case:
        for finding in findings:
            assert case["message"] in finding.message


def document_params():
    for code, data in CASES.items():
        for number, case in enumerate(data.get("documents") or [], start=1):
            yield pytest.param(code, case, id=f"{code}-document-{number}")


@pytest.mark.parametrize(("code", "case"), list(document_params()))
def test_document_case(code: str, case: dict):
    expected = []
    lines = []
    for number, marked_line in enumerate(str(case["text"]).splitlines(), start=1):
        line, spans = strip_marks(marked_line)
        lines.append(line)
        expected.extend((number, start + 1, end + 1) for start, end in spans)
    document = read_text("case.txt", "\n".join(lines) + "\n")
    findings = engine_for(code).check(document)
    got = sorted((f.location.line, f.location.column, f.location.end_column) for f in findings)
    assert got == sorted(expected), [f"{f.location.line}:{f.location.column} {f.message}" for f in findings]
    if "findings" in case:
        assert len(findings) == case["findings"]
    if "message" in case:
        for finding in findings:
            assert case["message"] in finding.message
