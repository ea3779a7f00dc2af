"""Candidate glossary extraction from existing translations (``qa terms extract``).

The Chinese side is segmented with jieba and its words ranked by TF-IDF (corpus
frequency times jieba's IDF table), so frequent, specific words come first and
function words last. For each candidate, the English rendering is the word n-gram
(1-4 words, not starting or ending with a function word) that co-occurs most
specifically with it: the highest Dice coefficient between "the Chinese holds
the term" and "the English holds the n-gram" over the pairs. The result is a
starting point a team edits, in the glossary TSV format TERM002 reads.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import regex

_HAN_WORD = regex.compile(r"^\p{Han}{2,}$")
_EN_WORD = regex.compile(r"[A-Za-z][A-Za-z'\u2019\-]*|\d+(?:\.\d+)?")
#: English words an n-gram must not start or end with: they ride along with any term.
_FUNCTION_WORDS = frozenset(
    """a an the and or but of to in on at by for with from as into onto over under about after before
    is are was were be been being has have had do does did will would shall should can could may might must
    this that these those it its their his her our your my we they he she you i them us him which who whom
    whose what when where why how than then so not no nor also such both each all any more most other some
    very there here while if because although though up out off s""".split()
)
MAX_NGRAM = 4
#: Pairs looked at per term when collecting rendering candidates (frequent terms need no more).
MAX_PAIRS_PER_TERM = 400


@dataclass(frozen=True)
class CandidateTerm:
    zh: str
    rendering: str  # the co-occurring English n-gram
    pairs: int  # pairs whose Chinese holds the term
    together: int  # of those, pairs whose English holds the rendering
    dice: float
    score: float  # TF-IDF of the term over the input


def english_ngrams(text: str) -> set[str]:
    """Lower-cased word n-grams of an English text that may be a rendering."""
    words = [word.lower().replace("\u2019", "'") for word in _EN_WORD.findall(text)]
    grams: set[str] = set()
    for start, word in enumerate(words):
        if word in _FUNCTION_WORDS:
            continue
        for size in range(1, MAX_NGRAM + 1):
            end = start + size
            if end > len(words):
                break
            if words[end - 1] not in _FUNCTION_WORDS:
                grams.add(" ".join(words[start:end]))
    return grams


def chinese_words(text: str, cache: dict[str, frozenset[str]]) -> frozenset[str]:
    words = cache.get(text)
    if words is None:
        import jieba

        from qa.lang.glossary import fold_chinese

        # Traditional and Simplified spellings of a word are one candidate
        words = cache[text] = frozenset(word for word in jieba.cut(fold_chinese(text)) if _HAN_WORD.match(word))
    return words


def extract_terms(
    pairs: Iterable[tuple[str, str]],
    *,
    top: int = 100,
    min_count: int = 2,
    progress: Callable[[int], None] | None = None,
) -> list[CandidateTerm]:
    """The ``top`` candidate terms of zh/en pairs with their most specific English rendering.

    ``progress`` is told how many pairs were processed, in steps, over two passes
    (segmenting the Chinese, then counting the English).
    """
    import jieba
    import jieba.analyse

    jieba.setLogLevel(60)  # jieba logs its dictionary loading on stderr
    segmented: dict[str, frozenset[str]] = {}
    texts: list[tuple[frozenset[str], str]] = []
    frequency: Counter[str] = Counter()
    for number, (zh, en) in enumerate(pairs, start=1):
        words = chinese_words(zh, segmented)
        texts.append((words, en))
        frequency.update(words)
        if progress is not None and number % 1000 == 0:
            progress(1000)
    if progress is not None:
        progress(len(texts) % 1000)
    idf = jieba.analyse.default_tfidf.idf_freq
    median_idf = jieba.analyse.default_tfidf.median_idf
    ranked = sorted(
        ((count * idf.get(word, median_idf), word) for word, count in frequency.items() if count >= min_count),
        reverse=True,
    )
    # more candidates than asked for: some find no rendering
    candidates = {word: score for score, word in ranked[: max(top * 2, top + 50)]}

    # pass 2: n-grams co-occurring with each candidate, and how often each n-gram occurs at all
    together: dict[str, Counter[str]] = {word: Counter() for word in candidates}
    seen_pairs: Counter[str] = Counter()
    ngram_pairs: Counter[str] = Counter()
    for number, (words, en) in enumerate(texts, start=1):
        grams = english_ngrams(en)
        ngram_pairs.update(grams)
        for word in words & candidates.keys():
            seen_pairs[word] += 1
            if seen_pairs[word] <= MAX_PAIRS_PER_TERM:
                together[word].update(grams)
        if progress is not None and number % 1000 == 0:
            progress(1000)
    if progress is not None:
        progress(len(texts) % 1000)

    found: list[CandidateTerm] = []
    for word, score in candidates.items():
        sampled = min(frequency[word], MAX_PAIRS_PER_TERM)
        best: tuple[float, int, str] | None = None
        for gram, count in together[word].most_common(50):
            if count < min_count:
                break
            # co-occurrences were counted over a sample of the term's pairs: scale them up
            dice = min(2 * count * frequency[word] / sampled / (frequency[word] + ngram_pairs[gram]), 1.0)
            if best is None or (dice, count) > best[:2]:
                best = (dice, count, gram)
        if best is not None:
            found.append(CandidateTerm(word, best[2], frequency[word], best[1], round(best[0], 3), score))
        if len(found) == top:
            break
    return found


def format_glossary_tsv(candidates: Iterable[CandidateTerm]) -> str:
    """Candidates as a glossary TSV (zh, rendering, a note with the evidence)."""
    lines = [
        "# Candidate glossary written by `qa terms extract`: check each rendering before use.",
        "# zh<TAB>rendering<TAB>evidence: pairs with the term, pairs with both, Dice coefficient",
    ]
    for candidate in candidates:
        lines.append(
            f"{candidate.zh}\t{candidate.rendering}\t"
            f"in {candidate.pairs} pairs, with this rendering in {candidate.together}, dice {candidate.dice:.2f}"
        )
    return "\n".join(lines) + "\n"
