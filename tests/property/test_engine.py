"""Checking a pair with every rule is deterministic: the same findings twice, and the same as a fresh engine."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from qa_strategies import texts

from qa.config import Config
from qa.engine import Engine
from qa.readers import InputError, read_text
from qa.readers.aligned import pair_lines

PROFILE = settings.get_profile("qa-property")
ENGINE = Engine.from_config(Config())  # the default selection: every rule


def observed(engine: Engine, document) -> list[tuple]:
    return [(finding, finding.fingerprint) for finding in engine.check(document)]


@PROFILE
@given(st.lists(st.tuples(texts, texts), min_size=1, max_size=4))
def test_pairs_give_the_same_findings_every_time(pairs: list[tuple[str, str]]):
    zh = [text.replace("\n", " ").replace("\r", " ") for text, _ in pairs]
    en = [text.replace("\n", " ").replace("\r", " ") for _, text in pairs]
    document = pair_lines("a.zh", zh, "a.en", en)
    first = observed(ENGINE, document)
    assert observed(ENGINE, document) == first
    assert observed(Engine.from_config(Config()), document) == first
    for finding, _ in first:
        assert finding.location.line >= 1 and finding.location.column >= 1, finding


@PROFILE
@given(st.lists(texts, min_size=2, max_size=8))
def test_txt_documents_give_the_same_findings_every_time(lines: list[str]):
    try:
        document = read_text("report.txt", "\n".join(lines))
    except InputError:
        return
    first = observed(ENGINE, document)
    assert observed(ENGINE, document) == first
    assert observed(Engine.from_config(Config()), document) == first
