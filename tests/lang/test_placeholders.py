"""placeholder_spans: the placeholders each syntax family defines, and none in ordinary prose."""

from __future__ import annotations

import pytest

from qa.lang.placeholders import blank_placeholders, placeholder_key, placeholder_spans, syntax_of_flag
from qa.lang.placeholders.icu import icu_arguments
from qa.lang.placeholders.markup import html_tags, markup_names


def _found(text: str, syntax: str | None = None) -> list[str]:
    return [text[start:end] for start, end in placeholder_spans(text, syntax)]


@pytest.mark.parametrize(
    "text",
    [
        "Our priority is 100% customer satisfaction.",
        "grew 7% in 2020",
        "50%share",
        "a 5 % i rise",
        "$0 $1",
        "%1 of voters",
        "${x} in a shell example",
    ],
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
        ("%(name)r is not %r", "python", ["%(name)r", "%r"]),
        ("%s is not %r", "c", ["%s"]),
        ("%n file(s) in %1", "qt-plural", ["%n", "%1"]),
        ("{0,-10} {0:N2} {1,number,integer}", "csharp", ["{0,-10}", "{0:N2}", "{1,number,integer}"]),
    ],
)
def test_each_family(text, syntax, expected):
    assert _found(text, syntax) == expected


def test_po_flags_name_the_syntax():
    assert syntax_of_flag("c-format") == "c"
    assert syntax_of_flag("python-brace-format") == "python-brace"
    assert syntax_of_flag("no-c-format") is None
    assert syntax_of_flag("fuzzy") is None


def test_several_declared_syntaxes_are_read_together():
    assert _found("%(count)d of {name}", ("python", "python-brace")) == ["%(count)d", "{name}"]
    assert _found("{} and {:>3} but {{literal}}", "python-brace") == ["{}", "{:>3}"]
    assert _found("@{push} %s", "c") == ["%s"]  # {push} is no placeholder in a c-format string


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("{name!r:>10}", "{name}"),
        ("{code_point:X}", "{code_point}"),
        ("{:>3}", "{}"),
        ("%L1", "%1"),
        ("${var:-x}", "$var"),
        ("$var", "$var"),
        ("%(count)5d", "%(count)d"),
        ("%(count)i", "%(count)d"),
        ("$0", "$0"),
        ("%1$s", "%1$s"),
    ],
)
def test_a_placeholder_is_keyed_by_what_it_prints(text, key):
    assert placeholder_key(text) == key


def test_icu_arguments_and_their_branches():
    text = (
        "{gender, select, female {She} other {They}} has "
        "{count, plural, offset:1 =0 {none} other {# {x, select, a {#} other {b}}}}"
    )
    gender, count = icu_arguments(text)
    assert (gender.key, [b.selector for b in gender.branches]) == ("{gender, select}", ["female", "other"])
    assert (count.key, [b.selector for b in count.branches]) == ("{count, plural}", ["=0", "other"])
    assert [inner.key for inner in count.branches[1].arguments] == ["{x, select}"]
    assert text[count.branches[0].start : count.branches[0].end] == "none"


@pytest.mark.parametrize(
    "text",
    ["{count} items", "{count, plural, one {# item}", "plural {x}", "{a, select, b {'{'}", "Hello {name}, select one"],
)
def test_no_icu_argument_in_prose_or_a_broken_message(text):
    assert icu_arguments(text) == []


def test_markup_is_told_from_arguments_in_angle_brackets():
    tags = html_tags('see <a href="https://x.org/">docs</a>, <br> and git add <file> [<rev-list 选项>]')
    assert [(tag.key, tag.links) for tag in tags][:3] == [
        ("<a>", (("href", "https://x.org/"),)),
        ("</a>", ()),
        ("<br>", ()),
    ]
    assert markup_names(tags) == {"a", "br"}  # <file> and <rev-list 选项> are git's argument names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("http://www.imasy.or.jp/%7Emiyamoto/rpg/", []),
        ("a%2cb", []),
        ("Score: %2d.", ["%2d"]),
        ("%2d files", ["%2d"]),
    ],
)
def test_a_urls_percent_encoding_is_no_placeholder(text, expected):
    assert _found(text) == expected


def test_placeholders_are_blanked_for_the_number_extractors():
    text = "无法定位 %1$s，预期在包 %3$s 中的偏移量 %2$<PRIuMAX> 上，共 3 个"
    blanked = blank_placeholders(text)
    assert len(blanked) == len(text)
    assert [char for char in blanked if char.isdigit()] == ["3"]  # only the number of the text
    assert blank_placeholders("Remove $0 from $1?", "javascript") == "Remove \ufffc\ufffc from \ufffc\ufffc?"
    assert blank_placeholders("costs $0") == "costs $0"  # no flag: $0 is text
