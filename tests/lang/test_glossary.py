"""Glossary files (TSV, CSV, TBX, YAML), Chinese longest-match and English tolerant matching."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qa.lang.terms import (
    Glossary,
    GlossaryEntry,
    GlossaryError,
    find_rendering,
    fold_chinese,
    load_glossary,
    parse_csv,
    parse_tbx,
    parse_tsv,
    parse_yaml,
    rendering_pattern,
)
from qa.lang.terms.index import _DENSE_GLOSSARY

SHIPPED = Path(__file__).resolve().parents[2] / "rules" / "glossaries" / "beijing-gov.tsv"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_tsv_renderings_forbidden_and_notes():
    entries = parse_tsv("# comment\n一带一路\tBelt and Road|forbidden: OBOR\tofficial since 2015\n", "g.tsv")
    assert len(entries) == 1
    entry = entries[0]
    assert (entry.zh, entry.renderings, entry.forbidden, entry.note) == (
        "一带一路",
        ("Belt and Road",),
        ("OBOR",),
        "official since 2015",
    )
    assert entry.source == "g.tsv:2"


def test_tsv_errors_name_file_and_line():
    with pytest.raises(GlossaryError, match=r"g\.tsv:1: .*alone"):
        parse_tsv("京津冀\n", "g.tsv")


def test_csv_with_header():
    entries = parse_csv('zh,en,note\n城市副中心,"BMC|sub-center",seeds/003\n', "g.csv")
    assert [(e.zh, e.renderings) for e in entries] == [("城市副中心", ("BMC", "sub-center"))]


TBX = b"""<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><text><body>
<termEntry id="1">
  <langSet xml:lang="zh-CN"><tig><term>\xe4\xb8\x80\xe5\xb8\xa6\xe4\xb8\x80\xe8\xb7\xaf</term></tig></langSet>
  <langSet xml:lang="en"><tig><term>Belt and Road</term></tig>
    <tig><term>One Belt, One Road</term>
      <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet>
</termEntry>
</body></text></martif>"""


def test_tbx_approved_and_deprecated():
    entries = parse_tbx(TBX, "g.tbx")
    assert [(e.zh, e.renderings, e.forbidden) for e in entries] == [
        ("一带一路", ("Belt and Road",), ("One Belt, One Road",))
    ]


def test_tbx_refuses_entity_expansion():
    bomb = b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><martif>&b;</martif>'
    with pytest.raises(GlossaryError, match=r"g\.tbx: not valid TBX"):
        parse_tbx(bomb, "g.tbx")


def test_yaml_glossary_and_other_kinds():
    text = "kind: glossary\nterms:\n  - zh: 京津冀\n    en: [Beijing-Tianjin-Hebei]\n    forbidden: Jing-Jin-Ji\n"
    (entry,) = parse_yaml(text, "g.yaml")
    assert (entry.renderings, entry.forbidden) == (("Beijing-Tianjin-Hebei",), ("Jing-Jin-Ji",))
    assert parse_yaml("kind: pattern\npatterns: []\n") == []


def test_later_file_replaces_earlier_same_file_merges(tmp_path: Path):
    shipped = tmp_path / "glossary.tsv"
    shipped.write_text("京津冀\tBeijing-Tianjin-Hebei\n京津冀\tJing-Jin-Ji\n", encoding="utf-8")
    team = tmp_path / "glossary-team.tsv"
    team.write_text("京津冀\tcapital region\n", encoding="utf-8")
    assert load_glossary([shipped]).entries["京津冀"].renderings == ("Beijing-Tianjin-Hebei", "Jing-Jin-Ji")
    assert load_glossary([shipped, team]).entries["京津冀"].renderings == ("capital region",)


def test_longest_match_wins_and_no_overlaps():
    glossary = Glossary.from_entries([parse_tsv("京津冀\tA\n京津冀协同发展\tB\n协同\tC\n发展\tD\n")])
    matches = glossary.find("推动京津冀协同发展取得进展")
    assert [(m.entry.zh, m.start, m.end) for m in matches] == [("京津冀协同发展", 2, 9)]


def test_term_inside_longer_word_matches_spaceless():
    # pofilter splits on spaces and misses this: 新开工 inside 新开工项目
    glossary = Glossary.from_entries([parse_tsv("新开工\tnew projects\n")])
    assert [(m.start, m.end) for m in glossary.find("老旧小区综合整治新开工项目300个")] == [(8, 11)]


def test_traditional_text_matches_simplified_glossary_with_same_offsets():
    glossary = Glossary.from_entries([parse_tsv("京津冀协同发展\tBeijing-Tianjin-Hebei coordinated development\n")])
    text = "推動京津冀協同發展取得新的更大進展"
    assert fold_chinese(text) == "推动京津冀协同发展取得新的更大进展"
    (match,) = glossary.find(text)
    assert text[match.start : match.end] == "京津冀協同發展"


def test_traditional_glossary_matches_simplified_text():
    glossary = Glossary.from_entries([parse_tsv("城市副中心\tBMC\n")])
    traditional = Glossary.from_entries([parse_tsv("國際交往中心\tcenter for international exchanges\n")])
    assert glossary.find("加快城市副中心建设")
    assert traditional.find("加强国际交往中心功能建设")


@pytest.mark.parametrize(
    ("rendering", "english"),
    [
        ("sub-center", "the Beijing sub-center"),
        ("sub-center", "the Beijing sub-centre"),
        ("sub-center", "the Beijing subcenter"),
        ("sub-center", "the Beijing Sub Center's plan"),
        ("resilient city", "more resilient cities"),
        ("Xiong'an", "Xiong’an New Area"),
        ("Xiong'an", "Xiongan New Area"),
        ("petition", "petitioning and stability"),
        ("seven aspects", "social services in seven aspects16 and"),
        ("Beijing, Tianjin and Hebei", "Beijing, Tianjin, and Hebei are better connected"),
        ("organization", "international organisations"),
    ],
)
def test_english_tolerant_matching(rendering: str, english: str):
    assert find_rendering(rendering, english) is not None


@pytest.mark.parametrize(
    ("rendering", "english"),
    [("BMC", "BMCA"), ("core zone", "hardcore zone"), ("Zhongguancun", "Zhongguancunx"), ("city", "citizen")],
)
def test_english_word_boundaries(rendering: str, english: str):
    assert find_rendering(rendering, english) is None


#: Words with each spelling variant the matching knows (centre/center, organise/organize,
#: labour/labor, city/cities), short words, and words that are stems of others.
_WORDS = ["centre", "center", "sub", "organise", "organization", "labour", "labor", "city", "cities",
          "new", "news", "area", "areas", "belt", "road", "bmc", "xiong", "an", "19", "covid"]  # fmt: skip
_GLUE = ["", " ", "  ", "-", "\u2013", ", ", "/", "'", "\u2019",
         "s", "es", "'s", "ing", "ed", "x", "_", "16", ".", "ies"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    rendering=st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3),
    joiner=st.sampled_from([" ", "-", ""]),
    text=st.lists(st.sampled_from(_WORDS + _GLUE), max_size=12),
    upper=st.booleans(),
)
def test_word_by_word_matching_finds_what_the_pattern_finds(rendering, joiner, text, upper):
    """find_rendering matches word by word, without compiling the rendering's pattern. Where the text
    does not hold the rendering verbatim, it must find the same span as the documented pattern."""
    rendering_text = joiner.join(rendering)
    english = "".join(text).upper() if upper else "".join(text)
    found = find_rendering(rendering_text, english)
    verbatim = found is not None and english[found[0] : found[1]].lower() == rendering_text.lower()
    if not verbatim:
        pattern = rendering_pattern(rendering_text)
        match = pattern.search(english) if pattern is not None else None
        assert found == (match.span() if match else None)


def test_dense_glossary_scan_finds_what_the_sparse_scan_finds():
    """A glossary with many first characters looks at every position, by pairs of characters;
    the result must be the scan that jumps between first characters (seeds' Chinese lines)."""
    lines = [line for path in sorted(SEEDS.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()]
    chinese = [line for line in lines if any("\u4e00" <= c <= "\u9fff" for c in line)]
    text = "".join(chinese)
    # terms of 1 to 6 characters cut from the seeds themselves, so that many overlap and nest
    terms = {text[start : start + (start % 6) + 1] for start in range(0, len(text) - 6, 7)}
    terms = {term for term in terms if not any(c.isspace() for c in term)}
    glossary = Glossary.from_entries([[GlossaryEntry(term, ("x",)) for term in sorted(terms)]])
    glossary._index()
    assert len(glossary._lengths_by_first) >= _DENSE_GLOSSARY  # the every-position scan is the one used
    assert any(len(term) == 1 for term in terms)
    found = 0
    for line in chinese:
        dense = glossary.find(line)
        folded = fold_chinese(line)
        sparse = glossary._scan(folded, glossary._lengths_by_first, glossary._first_characters.search)
        assert [(m.entry.zh, m.start, m.end) for m in dense] == [(m.entry.zh, m.start, m.end) for m in sparse]
        found += len(dense)
    assert found > 1000


def test_shipped_glossary_loads():
    glossary = load_glossary([SHIPPED])
    assert len(glossary) > 100
    entry = glossary.entries["城市副中心"]
    assert "BMC" in entry.renderings
    assert glossary.entries["一带一路"].forbidden


def test_empty_glossary_imports_nothing_heavy():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from qa.lang.terms import Glossary\n"
        "assert Glossary().find('京津冀') == []\n"
        "print(sorted(m for m in ('opencc', 'jieba') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_traditional_folding_table_is_cached_between_runs(tmp_path, monkeypatch):
    """OpenCC's table takes ~50 ms to build; later runs read it from the user's cache folder."""
    from qa.lang.terms import fold

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fold.traditional_to_simplified_table.cache_clear()
    built = fold.traditional_to_simplified_table()
    (cached_file,) = (tmp_path / "qa").glob("opencc-t2s-*.json")
    fold.traditional_to_simplified_table.cache_clear()
    assert fold._read_fold_cache() == built
    assert fold.traditional_to_simplified_table() == built
    assert built[ord("協")] == "协" and built[ord("屆")] == "届"
    cached_file.write_text("not json", encoding="utf-8")  # a broken cache is rebuilt, not an error
    fold.traditional_to_simplified_table.cache_clear()
    assert fold.traditional_to_simplified_table() == built
    fold.traditional_to_simplified_table.cache_clear()
