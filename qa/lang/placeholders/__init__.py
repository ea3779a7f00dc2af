"""Placeholders and markup of software strings: where a format's runtime substitutes a value.

Language knowledge shared by the readers (which keep placeholders out of the text as inline
tags), TAG001 (which compares them) and the number and footnote extractors (which must not
read ``%1$d``, ``$0`` or ``{0}`` as numbers). Nothing here imports from ``qa.readers`` or
``qa.rules``.

``placeholder_spans(text, syntax)`` gives the ``(start, end)`` spans of the placeholders a
syntax family defines; ``syntax=None`` is the safe common set (``PLACEHOLDER``), which never
matches ordinary prose such as "50%", "7% in" or "50%share".

Syntax names are those of PO flags without ``-format`` (``c``, ``python``, ``python-brace``,
``qt``, ``qt-plural``, ``kde``, ``javascript``, ``sh``, ``php``, ``perl``, ``perl-brace``, ``ruby``,
``objc``, ``csharp``, ``java``, ``gcc-internal``) plus ``icu`` and ``html`` (``MARKUP``: HTML in a
string's text, which TAG001 compares through ``markup``; ``icu`` has the plural/select arguments
that ``icu`` reads). ``placeholder_key`` says what a placeholder prints (``{name!r:>10}`` →
``{name}``); ``blank_placeholders`` hides placeholders from the number and footnote extractors.
"""

from __future__ import annotations

import regex

#: The safe common set, kept out of the text like inline tags: printf (%s, %d, %1$s, %(count)d,
#: %.2f, %.*s, %@, %3$<PRIuMAX>, %o) and .NET/ICU/Python braces ({0}, {name}). Deliberately
#: narrow: a printf placeholder never follows a digit nor a decimal's "7." ("submodule.%s" is
#: one), so "grew 7%in" (a missing space) and "50%share" stay text, "% i" (space flag) is not
#: one, "%of" is not %o, a URL's percent-encoding ("/%7Emiyamoto/", "%2c") is not %7E or %2c, and
#: a shell-style ${name} in prose is no {name} (sh-format strings declare it).
PLACEHOLDER = regex.compile(
    r"(?<![\d%])(?<!\d\.)(?!%\d[cdeE][0-9A-Za-z])%(?:\d+\$|\([A-Za-z_]\w*\))?[-+#0]?(?:\d+|\*(?:\d+\$)?)?(?:\.(?:\d+|\*(?:\d+\$)?))?"
    r"(?:<PRI[diouxX](?:8|16|32|64|MAX|PTR)>|(?:l|ll|h|z)?(?:[sdifuxXeEgGc@]|o(?![A-Za-z])))"
    r"|(?<!\$)\{\d+\}|(?<!\$)\{[A-Za-z_]\w*\}"
)

#: C/Objective-C/PHP/Python printf as the runtime reads it: %% (a literal percent), positions
#: (%2$s), Python names (%(name)s), flags, widths and precisions that may be arguments themselves
#: (%*d, %.*2$s), length modifiers and C99 <inttypes.h> macros (%<PRIuMAX>, %3$<PRId64>).
PRINTF = regex.compile(
    r"%%"
    r"|%(?:[1-9]\d*\$|\([^)\n]*\))?[-+ #0']*(?:\*(?:[1-9]\d*\$)?|\d+)?(?:\.(?:\*(?:[1-9]\d*\$)?|\d*))?"
    r"(?:<PRI[diouxX](?:8|16|32|64|MAX|PTR|LEAST\d+|FAST\d+)?>|(?:hh|h|ll|l|L|q|j|z|t|I64|I32|I)?[diouxXeEfFgGaAcCsSpn@])"
)

#: Python str.format / .NET / ICU / Java MessageFormat simple arguments: {0}, {name}, {name.attr},
#: {0[key]}, {name!r:>10}, .NET's alignment {0,-10} and Java's type {0,number,integer} (never a plural
#: or select argument: its branches hold braces).
BRACE = regex.compile(r"(?<!\{)\{(?:\d+|[A-Za-z_]\w*)(?:\.\w+|\[\w+\])*(?:,[^{}\n]*)?(?:![rsa])?(?::[^{}\n]*)?\}(?!\})")

#: Python str.format as the runtime reads it (python-brace-format): also the automatically numbered
#: {} and {:>10}; {{ and }} are literal braces.
PYTHON_BRACE = regex.compile(
    r"\{\{|\}\}|\{(?:\d+|[A-Za-z_]\w*)?(?:\.\w+|\[\w+\])*(?:![rsa])?(?::[^{}\n]*(?:\{[^{}\n]*\}[^{}\n]*)*)?\}"
)

#: Qt: %1 … %99, %L1 (localised number).
QT = regex.compile(r"%L?[1-9]\d?(?!\d)")

#: Qt's plural strings (qt-plural-format) also print the count where %n (%Ln) stands.
QT_PLURAL = regex.compile(r"%L?n(?![A-Za-z])")

#: Python's % operator (python-format): printf's conversions and %r (repr), %a (ascii).
PYTHON_PRINTF = regex.compile(PRINTF.pattern.replace("sSpn@])", "sSpn@ra])"))

#: JavaScript/Cockpit positional $0, $1 (never an amount: only in strings flagged javascript-format).
DOLLAR = regex.compile(r"(?<![\w$])\$\d+(?!\d)")

#: Shell: $var, ${var}, ${var:-default}.
SHELL = regex.compile(r"\$\{[A-Za-z_]\w*(?:[:#%/^,][^}\n]*)?\}|\$[A-Za-z_]\w*")

#: Ruby (and i18n gems): %{name}, %<name>s.
RUBY = regex.compile(r"%\{[A-Za-z_]\w*\}|%<[A-Za-z_]\w*>[-+ #0]*\d*(?:\.\d+)?[sdifxXeEgGbBo]")

#: HTML/XML tags as written in a text (after entity decoding): <strong>, </a>, <br/>, <a href="…">.
HTML = regex.compile(r"</?[A-Za-z][\w:-]*(?:\s+[\w:-]+(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'<>=`]+))?)*\s*/?>")

_FAMILIES: dict[str, tuple[regex.Pattern[str], ...]] = {
    "c": (PRINTF,),
    "objc": (PRINTF,),
    "php": (PRINTF,),
    "python": (PYTHON_PRINTF,),
    "python-brace": (PYTHON_BRACE,),
    "perl": (PRINTF,),
    "perl-brace": (BRACE,),
    "gcc-internal": (PRINTF,),
    "java-printf": (PRINTF,),
    "java": (BRACE,),
    "csharp": (BRACE,),
    "kde": (QT,),
    "icu": (BRACE,),
    "qt": (QT,),
    "qt-plural": (QT, QT_PLURAL),
    "javascript": (DOLLAR, PRINTF),
    "sh": (SHELL,),
    "ruby": (RUBY,),
    "html": (HTML,),
}

#: The syntax of HTML markup in a string's text (compared by TAG001, never made a placeholder tag).
MARKUP = "html"

#: The syntax names ``placeholder_spans`` knows.
SYNTAXES = frozenset(_FAMILIES)

#: What a runtime prints literally, not a placeholder: printf's %%, str.format's {{ and }}.
_LITERALS = frozenset({"%%", "{{", "}}"})


def patterns_of(syntax: str | tuple[str, ...] | None) -> tuple[regex.Pattern[str], ...]:
    """The patterns of a syntax or several (each once); the safe common set when none is known."""
    names = (syntax,) if isinstance(syntax, str) else syntax or ()
    patterns = tuple(dict.fromkeys(pattern for name in names for pattern in _FAMILIES.get(name, ())))
    return patterns or (PLACEHOLDER,)


def syntax_of_flag(flag: str) -> str | None:
    """The syntax a PO flag names: ``c-format`` → ``c``, ``python-brace-format`` → ``python-brace``;
    None for other flags (``fuzzy``, ``no-c-format``)."""
    if flag.startswith("no-") or not flag.endswith("-format"):
        return None
    name = flag.removesuffix("-format")
    return name if name in _FAMILIES else None


def placeholder_spans(text: str, syntax: str | tuple[str, ...] | None = None) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of placeholders (and markup, for ``html``) in ``text``, sorted.

    ``syntax`` is a family name of ``SYNTAXES`` (``c``, ``python``, ``python-brace``, ``qt``,
    ``javascript``, ``sh``, ``ruby``, ``icu``, ``html`` …) or several (a PO entry flagged both
    ``python-format`` and ``python-brace-format``); None (or no known name) is the safe common set
    ``PLACEHOLDER``: ``%s``, ``%1$d``, ``%(name)s``, ``{0}``, ``{name}`` but never "50%" or
    "7% in". ``%%``, ``{{`` and ``}}`` are literal, not placeholders. Overlapping matches of two
    families keep the one that starts first (then the longer). Linear in the text's length.
    """
    patterns = patterns_of(syntax)
    if not any(char in text for char in "%{$<"):  # cheap pre-check: no placeholder can be there
        return []
    found = sorted(
        ((match.start(), match.end()) for pattern in patterns for match in pattern.finditer(text)),
        key=lambda span: (span[0], -span[1]),
    )
    spans: list[tuple[int, int]] = []
    for start, end in found:
        if spans and start < spans[-1][1]:
            continue
        if end - start == 2 and text[start:end] in _LITERALS:
            continue
        spans.append((start, end))
    return spans


_BRACE_FIELD = regex.compile(r"\{([A-Za-z_]\w*|\d+)?[^}]*\}")
_SHELL_NAME = regex.compile(r"\$\{?([A-Za-z_]\w*)")
_PYTHON_NAMED = regex.compile(r"%\(([^)]*)\)[-+ #0']*\d*(?:\.\d*)?[hlL]?([a-zA-Z])")


def placeholder_key(text: str) -> str:
    """What a placeholder prints, for comparing the two sides: the argument, not how it is formatted.

    ``{name!r:>10}`` and ``{name}`` print the argument ``name`` (``{name}``); ``{}`` and ``{:>3}`` the
    next one (``{}``); Qt's ``%L1`` is ``%1`` localised; shell ``${var}``, ``${var:-x}`` and ``$var``
    read ``var`` (``$var``); Python's ``%(count)5d`` prints ``count`` as ``%(count)d``. Anything else
    is its own key (printf positions are resolved by TAG001, which sees the whole side)."""
    head = text[:2]
    if text.startswith("{") and not text.startswith("{{"):
        match = _BRACE_FIELD.fullmatch(text)
        if match is not None:
            return "{" + (match.group(1) or "") + "}"
    elif head == "%L" and text[2:].isdigit():
        return "%" + text[2:]
    elif head == "%(":
        match = _PYTHON_NAMED.fullmatch(text)
        if match is not None:
            return f"%({match.group(1)}){'d' if match.group(2) == 'i' else match.group(2)}"
    elif text.startswith("$") and not text[1:2].isdigit():
        match = _SHELL_NAME.match(text)
        if match is not None:
            return "$" + match.group(1)
    return text


def blank_placeholders(text: str, syntax: str | tuple[str, ...] | None = None) -> str:
    """``text`` with each placeholder's characters replaced by U+FFFC, the same length, so that an
    extractor of numbers or footnote markers reading a plain .txt/.tsv text never takes the digits of
    ``%1$s``, ``%3$<PRIuMAX>`` or ``{0}`` for numbers while its offsets stay those of the text."""
    spans = placeholder_spans(text, syntax)
    if not spans:
        return text
    parts, position = [], 0
    for start, end in spans:
        parts += [text[position:start], "\ufffc" * (end - start)]
        position = end
    parts.append(text[position:])
    return "".join(parts)
