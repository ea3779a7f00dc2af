"""A message quotes the input it is about, but never all of a huge one: a 5,000-digit
number, 5,000 spaces or a whole Chinese document in the English make a short message
that still shows how the quoted text starts and ends."""

from __future__ import annotations

import pytest

from qa.config import Config
from qa.engine import Engine
from qa.model import Document, Pair, Segment

LONG = 5000


def _findings(zh: str, en: str):
    pair = Pair(Segment.from_lines("zh", [(1, 1, zh)]), Segment.from_lines("en", [(2, 1, en)]))
    return Engine.from_config(Config()).check(Document("case.txt", (pair,), line_count=2))


@pytest.mark.parametrize(
    ("zh", "en", "code", "shown"),
    [
        ("编号" + "1" * LONG + "。", "It takes about 90 minutes.", "NUM003", "11111111111111111111…1111111111"),
        ("编号" + "1" * LONG + "。", "It takes some minutes.", "NUM001", "11111111111111111111…1111111111"),
        ("中文。", "Hello" + " " * LONG + "world.", "TXT003", '"Hello    …    world."'),
        ("中文。", "Hello" + "\u00a0" * LONG + "world.", "TXT003", "\\u00a0"),
    ],
)
def test_messages_stay_short(zh: str, en: str, code: str, shown: str) -> None:
    found = [finding for finding in _findings(zh, en) if finding.code == code]
    assert found, f"no {code} finding"
    for finding in found:
        assert len(finding.message) < 200 and len(finding.suggestion or "") < 200
    assert any(shown in finding.message for finding in found)
