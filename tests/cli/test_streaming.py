"""``qa check`` on corpus files a chunk at a time (qa/streaming.py): the same report, byte for byte,
as reading the file whole, whatever the chunk size, with document rules across chunk boundaries."""

from __future__ import annotations

import gzip
import io
import json
import re
from pathlib import Path

import pytest

import qa.streaming
from qa.cli import run_check
from qa.readers import read_path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = (ROOT / "seeds" / "000_cfa7fe55d91506c5.txt", ROOT / "seeds" / "003_69f7e5b1796ec52c.txt",
           ROOT / "examples" / "defects.txt")


def real_rows() -> list[tuple[str, str]]:
    """The real pairs of two seeds and of the defects example, one line each and five times over (the
    fingerprints of repeated findings count their occurrences across chunks), with what makes document
    rules fire far apart: a source translated twice one way and, a few hundred lines on, once another
    (CON001), a Chinese line without its English (ALN001), and a footnote marker on one side only
    while the other language has markers elsewhere (FN001)."""
    rows = [
        (pair.zh.text.replace("\n", " "), pair.en.text.replace("\n", " "))
        for source in SOURCES
        for pair in read_path(source).pairs
    ] * 5
    rows.insert(3, ("各位代表!", "Fellow Deputies,"))
    rows.insert(40, ("各位代表!", "Fellow Deputies,"))
    rows.append(("各位代表!", "Dear deputies,"))
    rows.insert(100, ("新开工300个", ""))
    rows.insert(7, ("见附件[1]。", "See annex [1]."))
    rows.append(("见附件[2]。", "See the annex."))
    return rows


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "corpus.tsv.gz"
    rows = real_rows()
    assert len(rows) > 200
    path.write_bytes(gzip.compress("".join(f"{zh}\t{en}\n" for zh, en in rows).encode()))
    return path


def check(paths, fmt: str, *, whole: bool = False, monkeypatch=None, **options) -> tuple[int, str]:
    out = io.StringIO()
    if whole:  # the file read whole, as qa did before it streamed
        monkeypatch.setattr(qa.streaming, "fallback_reason", lambda *args, **kwargs: "test")
    try:
        code = run_check(
            [Path(path) for path in paths], output_format=fmt, output=None, select=options.pop("select", []),
            ignore=[], fail_on=options.pop("fail_on", None), config_path=None, encoding=None, stream=out, **options
        )
    finally:
        if whole:
            monkeypatch.undo()
    return code, out.getvalue()


@pytest.mark.parametrize("fmt", ["json", "sarif", "table"])
def test_chunks_give_the_report_of_the_whole_file(corpus, fmt, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    expected = check([corpus], fmt, whole=True, monkeypatch=monkeypatch)
    for chunk_pairs in (1, 37, 100_000):
        assert check([corpus], fmt, chunk_pairs=chunk_pairs) == expected, chunk_pairs
    assert expected[0] == 1
    # the counts and pair numbers moved to disk every few entries, as on a file of millions of findings
    monkeypatch.setattr(qa.streaming, "_IN_MEMORY", 3)
    assert check([corpus], fmt, chunk_pairs=37) == expected


def test_document_rules_across_chunk_boundaries(corpus):
    code, text = check([corpus], "json", chunk_pairs=20)
    assert code == 1
    findings = json.loads(text)["findings"]
    (inconsistent,) = [f for f in findings if f["code"] == "CON001" and "各位代表" in f["message"]]
    lines = [number for number, line in enumerate(gzip.decompress(corpus.read_bytes()).decode().splitlines(), 1)
             if line.startswith("各位代表!\t")]
    assert len(lines) == 3 and lines[-1] - lines[0] > 150  # many chunks apart
    assert inconsistent["line"] == lines[-1]
    assert inconsistent["message"] == (
        f'"各位代表!" is translated 2 ways: "Fellow Deputies," (lines {lines[0]}, {lines[1]}), '
        f'"Dear deputies," (line {lines[-1]})'
    )
    assert [f["code"] for f in findings if "新开工300个" in f["message"]] == ["ALN001"]
    assert any(f["code"] == "FN001" and f["evidence"]["text"] == "[2]" for f in findings)


def test_several_files_jobs_and_selection(tmp_path, corpus, monkeypatch):
    other = tmp_path / "a.jsonl"
    other.write_text("".join(json.dumps({"zh": zh, "en": en}, ensure_ascii=False) + "\n"
                             for zh, en in real_rows()[:120]), encoding="utf-8")
    expected = check([corpus, other], "json", whole=True, monkeypatch=monkeypatch)
    assert check([corpus, other], "json", chunk_pairs=50) == expected
    assert check([corpus, other], "json", chunk_pairs=50, jobs=2) == expected
    selected = check([corpus], "sarif", chunk_pairs=50, select=["CON", "NUM"], fail_on="never")
    assert selected == check([corpus], "sarif", whole=True, monkeypatch=monkeypatch, select=["CON", "NUM"],
                             fail_on="never")
    assert selected[0] == 0


def test_baseline_and_stale_entries(tmp_path, corpus, capsys):
    baseline = tmp_path / "baseline.json"
    run_check([corpus], output_format="json", output=None, select=[], ignore=[], fail_on="never",
              config_path=None, encoding=None, record_baseline=baseline)
    code, text = check([corpus], "json", chunk_pairs=40, baseline=baseline)
    summary = json.loads(text)["summary"]
    assert (code, summary["findings"]) == (0, 0)
    assert summary["suppressed"] == len(json.loads(baseline.read_text())["findings"]) > 10
    recorded = json.loads(baseline.read_text())
    recorded["findings"].append({**recorded["findings"][0], "fingerprint": "0" * 32})
    baseline.write_text(json.dumps(recorded))
    capsys.readouterr()
    code, _ = check([corpus], "json", chunk_pairs=40, baseline=baseline, strict_baseline=True)
    assert code == 1
    assert "1 baseline entry in" in capsys.readouterr().err


def test_table_summarises_a_large_report(corpus, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setattr(qa.streaming, "TABLE_LIMIT", 5)
    _, text = check([corpus], "table", chunk_pairs=64)
    total = json.loads(check([corpus], "json", chunk_pairs=64)[1])["summary"]["findings"]
    assert f"showing the first 5 of {total:,} findings; --format json or sarif -o FILE reports all of them" in text
    assert text.splitlines()[-1].startswith(f"{total} findings: ")  # the summary counts every finding
    assert len(re.findall(r"(?m)^ *\d+:\d+ ", text)) == 5  # five findings' rows (line:col), not all of them


def test_input_error_mid_file_writes_no_report(tmp_path):
    path = tmp_path / "broken.jsonl"
    good = json.dumps({"zh": "各位代表!", "en": "Fellow Deputies,"}, ensure_ascii=False)
    path.write_text(f"{good}\n" * 50 + "{oops\n", encoding="utf-8")
    output = tmp_path / "report.json"
    from qa.readers import InputError

    with pytest.raises(InputError, match="line 51: invalid JSON"):
        run_check([path], output_format="json", output=output, select=[], ignore=[], fail_on=None,
                  config_path=None, encoding=None, chunk_pairs=10)
    assert not output.exists()


def test_formats_read_whole_say_so_for_large_input(tmp_path, corpus, monkeypatch, capsys):
    monkeypatch.setattr(qa.streaming, "_LARGE_BYTES", 1)
    code, text = check([corpus], "github")
    assert code == 1 and "::error file=" in text
    assert "qa: note: reading the files whole, not a chunk at a time (--format github)" in capsys.readouterr().err


def test_run_scope_consistency_reads_the_files_whole(tmp_path, corpus, monkeypatch):
    """CON001 with scope = "run" compares the files with each other: the run reads them whole."""
    config = tmp_path / "qa.toml"
    config.write_text('[tool.qa.rule-options.CON001]\nscope = "run"\n', encoding="utf-8")
    from qa.config import Config, load_config
    from qa.engine import Engine

    engine = Engine.from_config(load_config(config))
    reason = qa.streaming.fallback_reason(engine, [corpus], output_format="json", fix=False, diff=False, since=None,
                                          aligned=None, record=False)
    assert reason == "CON001 compares the files of the run with each other"
    assert qa.streaming.fallback_reason(Engine.from_config(Config()), [corpus], output_format="json", fix=False,
                                        diff=False, since=None, aligned=None, record=False) is None
