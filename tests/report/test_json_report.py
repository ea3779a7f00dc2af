"""The JSON reporter: the documented, versioned schema (docs/json-format.md)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest

import qa.report
from qa.report import get_reporter

SCHEMA = json.loads((Path(qa.report.__file__).parent / "json-schema.json").read_text(encoding="utf-8"))
FILES = ["seeds/000_cfa7fe55d91506c5.txt", "seeds/001_b861343cc44b4dc6.txt", "seeds/003_69f7e5b1796ec52c.txt"]


def render(findings, rules, **options) -> str:
    stream = io.StringIO()
    get_reporter("json", files=FILES, version="0.1.0", **options).emit(findings, rules, stream)
    return stream.getvalue()


def validated(output: str) -> dict:
    document = json.loads(output)
    jsonschema.Draft202012Validator(SCHEMA).validate(document)
    return document


def test_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_top_level_and_summary(findings, rules):
    document = validated(render(findings, rules, suppressed=2))
    assert list(document) == ["version", "tool", "summary", "findings", "pairs"]
    assert document["version"] == 2
    assert document["tool"] == {"name": "qa", "version": "0.1.0"}
    assert document["summary"] == {
        "files": 3,
        "findings": 3,
        "error": 1,
        "warning": 1,
        "note": 1,
        "suppressed": 2,
        "folded": 0,
    }


def test_a_finding_has_every_documented_field(findings, rules):
    document = validated(render(findings, rules))
    number = next(record for record in document["findings"] if record["code"] == "NUM001")
    assert number == {
        "code": "NUM001",
        "name": "number-missing",
        "severity": "error",
        "message": "6.1万 (= 61,000) has no match in English; English has 16,000",
        "suggestion": "write 61,000",
        "path": "seeds/000_cfa7fe55d91506c5.txt",
        "line": 20,
        "column": 4,
        "end_line": 20,
        "end_column": 8,
        "fingerprint": findings[1].fingerprint,
        "evidence": {
            "side": "zh",
            "start": 3,
            "end": 7,
            "text": "6.1万",
            "before": "再解决",
            "after": "套房产证办理历史遗留难题。",
            "pair": number["evidence"]["pair"],
        },
    }
    assert document["pairs"][number["evidence"]["pair"]] == {
        "zh": "再解决6.1万套房产证办理历史遗留难题。",
        "en": findings[1].evidence.en,
    }
    space = next(record for record in document["findings"] if record["code"] == "TXT002")
    assert space["suggestion"] is None
    assert space["evidence"]["side"] == "en" and space["evidence"]["text"] == "renewal.We"
    assert document["pairs"][space["evidence"]["pair"]]["en"] == findings[0].evidence.en


def test_each_pair_is_written_once_and_context_is_bounded(make_finding, rules):
    """A long pair with many findings: its texts once, each finding with at most 40 characters each side."""
    en = "word " * 20_000 + "One.Two" + " word" * 20_000
    many = [
        make_finding("TXT002", "", "warning", "missing space", zh="中文。", en=en, side="en", span="One.Two")
        for _ in range(500)
    ]
    output = render(many, rules)
    document = validated(output)
    assert document["pairs"] == [{"zh": "中文。", "en": en}]
    evidence = document["findings"][0]["evidence"]
    assert (evidence["before"], evidence["text"], evidence["after"]) == ("word " * 8, "One.Two", " word" * 8)
    assert {record["evidence"]["pair"] for record in document["findings"]} == {0}
    assert len(output) < len(en) + 500 * 1000  # not 500 copies of the text


def test_findings_keep_the_given_order(findings, rules):
    document = validated(render(findings, rules))
    assert [record["code"] for record in document["findings"]] == [finding.code for finding in findings]


def test_output_is_deterministic_readable_utf8_with_a_trailing_newline(findings, rules):
    output = render(findings, rules)
    assert output == render(findings, rules)
    assert output.endswith("}\n") and not output.endswith("\n\n")
    assert "6.1万" in output and "\\u" not in output  # not ASCII-escaped
    assert output.startswith('{\n  "version": 2,')


def test_no_findings(rules):
    document = validated(render([], rules))
    assert document["findings"] == [] and document["pairs"] == []
    assert document["summary"] == {
        "files": 3,
        "findings": 0,
        "error": 0,
        "warning": 0,
        "note": 0,
        "suppressed": 0,
        "folded": 0,
    }


def test_name_falls_back_to_the_rule_and_paths_use_forward_slashes(make_finding, rules):
    finding = make_finding(
        "TXT002",
        "",
        "warning",
        "missing space",
        zh="中文。",
        en="One.Two",
        side="en",
        span=".T",
        path="docs\\报告 2023.txt",
    )
    record = validated(render([finding], rules))["findings"][0]
    assert record["name"] == "missing-space"
    assert record["path"] == "docs/报告 2023.txt"


def test_each_finding_is_the_line_json_dumps_writes(findings, make_finding, rules):
    """The reporter writes finding (and pair) lines itself (for speed); they must be what json.dumps writes."""
    from qa.report.json_report import PairNumbers, finding_record

    awkward = make_finding(
        "TXT002",
        "",
        "warning",
        'a "quoted"\tmessage with a line break\nand \x01, \u2028, \\ and 😠',
        zh="中文。\t“引号”",
        en='One.Two "three"\\ \u2028😠',
        side="en",
        span=".T",
        path="docs\\报告 2023.txt",
        line=1_000_000,
        suggestion='write "One. Two"',
    )
    # one pair's findings in a row share its texts; then another pair's, then the first pair's again
    ordered = [*findings, awkward, awkward, findings[0], *findings]
    output = render(ordered, rules)
    lines = output.split("\n")
    first = lines.index('  "findings": [') + 1
    written = [line.removeprefix("    ").removesuffix(",") for line in lines[first : first + len(ordered)]]
    numbers = PairNumbers()
    records = [finding_record(finding, rules, numbers.of(finding)) for finding in ordered]
    expected = [json.dumps(record, ensure_ascii=False) for record in records]
    assert written == expected
    first = lines.index('  "pairs": [') + 1
    written = [line.removeprefix("    ").removesuffix(",") for line in lines[first : first + len(numbers.pairs)]]
    assert written == [json.dumps({"zh": zh, "en": en}, ensure_ascii=False) for zh, en in numbers.pairs]
    document = validated(output)
    assert document["findings"][len(findings)]["path"] == "docs/报告 2023.txt"
    assert len(document["pairs"]) == len(findings) + 1  # each pair once, however often its findings come


def test_more_than_a_thousand_findings_are_all_written(findings, rules):
    many = findings * 700  # written a thousand lines at a time
    document = validated(render(many, rules))
    assert [record["code"] for record in document["findings"]] == [finding.code for finding in many]


@pytest.mark.parametrize("broken", [{"version": 1}, {"summary": {"files": -1}}, {"findings": [{"code": "NUM001"}]}])
def test_the_schema_rejects_what_it_should(findings, rules, broken):
    document = json.loads(render(findings, rules))
    for key, value in broken.items():
        document[key] = {**document[key], **value} if isinstance(value, dict) else value
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(SCHEMA).validate(document)
