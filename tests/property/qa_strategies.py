"""Hypothesis strategies shared by the property tests: texts that reach deep into qa's parsers."""

from __future__ import annotations

from pathlib import Path

from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]

#: the seeds' lines: real sentences, cut and spliced, get past every cheap pre-check
SEED_LINES = [
    line
    for path in sorted((ROOT / "seeds").glob("*.txt"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]

_TOKENS = [
    *"0123456789",
    *",.%‰-~—–/:()()[]【】「」\"'“”、,。;:!?*·…",
    *"零〇一二三四五六七八九十百千万亿两壹贰叁佰仟萬億兆幾数多余约近第成倍",
    *"年月日号时分秒个项元米克吨亩公里平方千米公顷人次",
    *"①②③⑩¹²³⁴⁵⁶⁷⁸⁹⁰注释",
    " ", "  ", "\n", "\t", "\u3000", "\u00a0", "\ufffc", "\u200b",
    "%s", "%d", "%1$s", "%(count)d", "%.2f", "{0}", "{name}", "%", "{", "}",
    "thousand", "million", "billion", "trillion", "hundred", "and", "point", "percent", "per cent",
    "one", "two", "twenty-one", "sixty", "first", "second", "third", "half", "quarter", "dozen",
    "km", "square kilometers", "hectares", "mu", "yuan", "RMB", "US$", "$", "¥", "kg", "tons",
    "1st", "2nd", "3rd", "15th", "2023", "1.5", "61,000", "6.1万", "3.5亿", "50%", "20-30",
    "January", "Jan.", "from", "to", "between", "more than", "about", "nearly", "over",
    "aspects16", "[16]", "Notes", "注:", "II", "XIV", "G20", "737NG", "5G", "COVID-19",
]

tokens = st.sampled_from(_TOKENS)
seed_lines = st.sampled_from(SEED_LINES)


@st.composite
def spliced(draw) -> str:
    """Pieces of seed lines, tokens that matter to the parsers, and arbitrary characters, joined."""
    parts = draw(
        st.lists(
            st.one_of(
                tokens,
                tokens,
                seed_lines.flatmap(lambda line: st.integers(0, len(line)).map(lambda cut: line[cut : cut + 40])),
                st.text(max_size=5),
            ),
            max_size=25,
        )
    )
    return "".join(parts)


texts = st.one_of(spliced(), st.text(max_size=200), seed_lines)
