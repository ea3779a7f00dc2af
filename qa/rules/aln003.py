"""ALN003 length-mismatch: a translation much shorter or longer than its source, or with far fewer sentences."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from qa.lang.sentences import en_length, en_sentences, may_have_sentences, zh_length, zh_sentences
from qa.model import Hit, Pair, Severity
from qa.report import plural
from qa.rules import Rule, RuleContext, register


def _positive(options, name: str, default: float) -> float:
    value = options.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise ValueError(f"{name}: expected a positive number, got {value!r}")
    return float(value)


@register
class LengthMismatch(Rule):
    """A translation much shorter or longer than its source, or with far fewer sentences.

    A translation that leaves out a clause, a sentence or a list item is the defect a reader
    cannot see: nothing looks wrong, something is missing. English words per Chinese
    character are steady across published translations (0.65-0.68 at the median, 99% of
    pairs between 0.41 and 1.11, measured on the WMT news references and UN documents); a
    pair outside ``min-ratio``-``max-ratio`` (0.3-2 by default: official English spells out
    numbered slogans, and "两个确立" becomes a clause) is reported on the
    translation, with the ratio and the expected range. So is a pair where one side has three
    sentences or more and the other one. Pairs whose Chinese is shorter than
    ``min-characters`` (20) are not measured: short strings vary too much.

    **Fails:** 今年经济运行总体平稳，就业形势稳定，物价保持在合理区间，居民收入稳步增长，生态环境持续改善。 /
    ``The economy was stable.``

    **Passes:** 今年经济运行总体平稳，就业形势稳定，物价保持在合理区间。 / ``This year the economy ran
    smoothly on the whole, employment was stable and prices stayed within a reasonable range.``

    Options: ``min-ratio``, ``max-ratio`` (English words per Chinese character), ``min-characters``.
    """

    code: ClassVar[str] = "ALN003"
    name: ClassVar[str] = "length-mismatch"
    severity: ClassVar[Severity] = "warning"
    pure: ClassVar[bool] = True
    options: ClassVar[frozenset[str]] = frozenset({"min-ratio", "max-ratio", "min-characters"})

    def __init__(self, context: RuleContext | None = None) -> None:
        super().__init__(context)
        options = self.context.options
        self.min_ratio = _positive(options, "min-ratio", 0.3)
        self.max_ratio = _positive(options, "max-ratio", 2.0)
        self.min_characters = _positive(options, "min-characters", 20)
        if self.min_ratio >= self.max_ratio:
            raise ValueError(f"min-ratio ({self.min_ratio}) must be below max-ratio ({self.max_ratio})")

    def check(self, pair: Pair) -> Iterator[Hit]:
        zh_text, en_text = pair.zh.text, pair.en.text
        if len(zh_text) < self.min_characters or not en_text.strip():
            return  # too short to measure, or empty (TERM005's business)
        characters = zh_length(zh_text)
        if characters < self.min_characters:
            return
        words = en_length(en_text)
        ratio = words / characters
        target = pair.target
        text = pair.side(target).text
        start, end = len(text) - len(text.lstrip()), len(text.rstrip())
        if ratio < self.min_ratio or ratio > self.max_ratio:
            shorter = (ratio < self.min_ratio) == (target == "en")
            yield Hit(
                target,
                start,
                end,
                f"the translation is much {'shorter' if shorter else 'longer'} than its source: {words} english "
                f"words for {characters} chinese characters ({ratio:.2f} a character; expected "
                f"{self.min_ratio:g}-{self.max_ratio:g})",
                suggestion="check for a clause, sentence or list item left out" if shorter else "check for added text",
                key="ratio",
            )
            return
        if not (may_have_sentences(zh_text, "zh") or may_have_sentences(en_text, "en")):
            return  # neither side has three sentences
        zh_count, en_count = zh_sentences(zh_text), en_sentences(en_text)
        if min(zh_count, en_count) == 1 and max(zh_count, en_count) >= 3:
            target_count, source_count = (en_count, zh_count) if target == "en" else (zh_count, en_count)
            yield Hit(
                target,
                start,
                end,
                f"the source has {plural(source_count, 'sentence')}, the translation {target_count}",
                suggestion="check that no sentence was left out or run together",
                key="sentences",
            )
