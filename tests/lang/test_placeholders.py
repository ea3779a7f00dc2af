"""placeholder_spans: the placeholders each syntax family defines, and none in ordinary prose."""

from __future__ import annotations

import pytest

from qa.lang.placeholders import placeholder_spans, syntax_of_flag


def _found(text: str, syntax: str | None = None) -> list[str]:
    return [text[start:end] for start, end in placeholder_spans(text, syntax)]


@pytest.mark.parametrize(
    "text",
    ["Our priority is 100% customer satisfaction.", "grew 7% in 2020", "50%share", "a 5 % i rise", "$0 $1"],
)
def test_the_common_set_finds_nothing_in_prose(text):
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "syntax", "expected"),
    [
        ("从 %2$s 更新了 %1$d 个路径", "c", ["%2$s", "%1$d"]),
        ("%1$03d files, %1$@", "objc", ["%1$03d", "%1$@"]),
        ("%3$<PRIuMAX> of %.*2$s", "c", ["%3$<PRIuMAX>", "%.*2$s"]),
        ("100%% done in %(count)d s", "python", ["%(count)d"]),
        ("{name!r:>10} and {0}", "python-brace", ["{name!r:>10}", "{0}"]),
        ("%1 of %L2", "qt", ["%1", "%L2"]),
        ("Remove $0 from $1?", "javascript", ["$0", "$1"]),
        ("cd ${dir} && ls $HOME", "sh", ["${dir}", "$HOME"]),
        ("Hello %{name}", "ruby", ["%{name}"]),
        ('see <a href="/x">docs</a><br/>', "html", ['<a href="/x">', "</a>", "<br/>"]),
        ("%s and {name}, %1$d", None, ["%s", "{name}", "%1$d"]),
    ],
)
def test_each_family(text, syntax, expected):
    assert _found(text, syntax) == expected


def test_po_flags_name_the_syntax():
    assert syntax_of_flag("c-format") == "c"
    assert syntax_of_flag("python-brace-format") == "python-brace"
    assert syntax_of_flag("no-c-format") is None
    assert syntax_of_flag("fuzzy") is None
