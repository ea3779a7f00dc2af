"""The unit lexicon, units attached to quantities, conversions and a user's own units file."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from qa.datapacks import shipped_dir
from qa.lang import units
from qa.lang.comparison import compare_quantities
from qa.lang.numbers.en import en_quantities
from qa.lang.numbers.zh import zh_quantities
from qa.model import Pair, Segment
from qa.rules import RuleContext, all_rules

SHIPPED = shipped_dir() / "units.yaml"


@pytest.fixture(autouse=True)
def shipped_lexicon():
    units.activate(None)
    yield
    units.activate(None)


def lexicon():
    return units.load_lexicon([SHIPPED])


@pytest.mark.parametrize(
    ("text", "unit_id"),
    [("20万平方米", "square_meter"), ("200公顷", "hectare"), ("1100公里", "kilometer"),
     ("6.5平方公里", "square_kilometer"), ("6600亩", "mu"), ("3000多吨", "tonne"), ("500元/吨", "yuan/tonne"),
     ("5亿美元", "us_dollar"), ("30 摄氏度", "celsius")],
)  # fmt: skip
def test_chinese_units(text: str, unit_id: str):
    quantity = zh_quantities(text)[0]
    mention = units.unit_after(lexicon(), "zh", text, quantity)
    assert mention is not None and mention.unit.key == unit_id


@pytest.mark.parametrize(
    ("text", "unit_id"),
    [("200,000 square meters", "square_meter"), ("200,000 square metres", "square_meter"),
     ("1,100 kilometers of aging pipelines", "kilometer"), ("1 kilometre", "kilometer"), ("2 km²", "square_kilometer"),
     ("494 acres", "acre"), ("5,000-square-meter", "square_meter"), ("US$5 million", "us_dollar"),
     ("RMB 3 billion", "yuan"), ("3.5 billion yuan", "yuan"), ("500 yuan per ton", "yuan/tonne"), ("€40", "euro"),
     ("HK$10", "hk_dollar"), ("A$266.5 million", "au_dollar"), ("$266.5 million", "dollar"), ("10 litres", "liter")],
)  # fmt: skip
def test_english_units(text: str, unit_id: str):
    quantity = en_quantities(text)[0]
    mention = units.unit_after(lexicon(), "en", text, quantity)
    assert mention is not None and mention.unit.key == unit_id


def test_words_may_name_several_units():
    assert [unit.id for unit in lexicon().zh_units("度")] == ["kilowatt_hour", "celsius"]


@pytest.mark.parametrize(
    ("zh", "en", "agree"),
    [("新增城市绿地200公顷", "green 2 square kilometers", True), ("新增城市绿地200公顷", "green about 494 acres", True),
     ("新增城市绿地200公顷", "green 494.2 acres", True), ("新增城市绿地200公顷", "green 200 acres", False),
     ("占地6000亩", "covering 400 hectares", True), ("改造100平方米", "renovate 100 square feet", False),
     ("家里1000多斤粮食", "over 1,000 kilograms of grain", False), ("家里1000斤粮食", "500 kilograms of grain", True)],
)  # fmt: skip
def test_conversions_follow_the_english_rounding(zh: str, en: str, agree: bool):
    zh_quantity, en_quantity = zh_quantities(zh)[0], en_quantities(en)[0]
    lex = lexicon()
    zh_unit = units.unit_after(lex, "zh", zh, zh_quantity)
    en_unit = units.unit_after(lex, "en", en, en_quantity)
    assert zh_unit and en_unit
    assert units.converts(lex, zh_quantity, zh_unit.unit, en_quantity, en_unit.unit) is agree


def test_a_conversion_is_a_number_match_not_a_mistranslation():
    comparison = compare_quantities("新增城市绿地200公顷", "green another 2 square kilometers of urban land")
    assert not comparison.mistranslated and not comparison.zh_missing and not comparison.en_extra
    assert [(z.value, e.value) for z, e in comparison.matched] == [(Decimal(200), Decimal(2))]


def test_messages_show_both_sides_in_one_unit():
    lex = lexicon()
    hectare, acre = lex.units["hectare"], lex.units["acre"]
    assert units.shown_in_common_unit(lex, (200.0, 200.0), (hectare, acre)) == ("2 km²", "0.81 km²")


def _check(rule_code: str, context: RuleContext, zh: str, en: str) -> list[str]:
    rule = all_rules()[rule_code](context)
    pair = Pair(Segment.from_lines("zh", [(1, 1, zh)]), Segment.from_lines("en", [(2, 1, en)]))
    return [hit.message for hit in rule.check(pair)]


def test_a_users_units_file_adds_a_unit(tmp_path: Path):
    own = tmp_path / "rules"
    own.mkdir()
    (own / "units.yaml").write_text(
        "kind: units\nunits:\n  - {id: bushel, pint: bushel, symbol: bu, zh: [蒲式耳], en: [bushels, bushel, bu]}\n",
        encoding="utf-8",
    )
    context = RuleContext(data_dirs=(shipped_dir(), own))
    zh, en = "小麦产量为500蒲式耳", "wheat output was 500 tonnes"
    assert _check("UNIT001", RuleContext(data_dirs=(shipped_dir(),)), zh, en) == []
    messages = _check("UNIT001", context, zh, en)
    assert messages == ["500蒲式耳 (bu) became 500 tonnes (t): another kind of unit"]
    assert _check("UNIT001", context, zh, "wheat output was 500 bushels") == []


def test_a_bad_units_file_names_the_file_and_entry(tmp_path: Path):
    bad = tmp_path / "units.yaml"
    bad.write_text("kind: units\nunits:\n  - {id: thing, zh: [个]}\n", encoding="utf-8")
    with pytest.raises(units.UnitFileError, match=r"units\.yaml: units\[1\]: needs pint"):
        units.load_lexicon([bad])


def test_the_shipped_lexicon_converts_with_pint():
    table = units.conversion_table(lexicon())
    assert table["mu"][0] == table["hectare"][0] == "[length] ** 2"
    assert table["wan_tonne"][1] == pytest.approx(1e7)
    assert table["yi_yuan"] == ("[currency CNY]", 1e8)


@pytest.mark.parametrize(
    ("zh", "en", "messages"),
    [("共用兩百元", "it cost $200", []), ("共用兩百元", "it cost NT$200", []), ("共用兩百元", "it cost HK$200", []),
     ("共用兩百元", "it cost US$200", ["兩百元 (CNY) became US$200 (USD)"]),
     ("共用200元", "it cost $200", ["200元 (CNY) became $200 (USD)"]), ("共用200元", "it cost 200 yuan", [])],
)  # fmt: skip
def test_yuan_in_a_traditional_text_is_the_local_dollar(zh: str, en: str, messages: list[str]):
    assert _check("UNIT002", RuleContext(data_dirs=(shipped_dir(),)), zh, en) == messages


def test_a_users_own_traditional_units_must_be_a_list(tmp_path: Path):
    bad = tmp_path / "units.yaml"
    bad.write_text(
        "kind: units\nunits:\n  - {id: kuai, currency: CNY, zh: [块], traditional: {a: 1}}\n", encoding="utf-8"
    )
    with pytest.raises(units.UnitFileError, match=r"units\[1\]: must be a list of words"):
        units.load_lexicon([bad])


@pytest.mark.parametrize(
    ("text", "unit_id"),
    [("20周年", "year"), ("3丈", "zhang"), ("6寸", "cun"), ("5斤", "jin"), ("1刻钟", "quarter_hour"),
     ("每周7天每天24小时", "day")],
)  # fmt: skip
def test_more_chinese_units(text: str, unit_id: str):
    quantity = next(q for q in zh_quantities(text) if q.kind == "cardinal")
    mention = units.unit_after(lexicon(), "zh", text, quantity)
    assert mention is not None and mention.unit.key == unit_id
