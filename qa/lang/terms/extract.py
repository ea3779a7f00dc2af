"""Candidate glossary extraction from existing translations (``qa terms extract``).

The Chinese side is segmented with jieba and its words ranked by TF-IDF (corpus
frequency times jieba's IDF table), so frequent, specific words come first and
function words last; words of general vocabulary (low IDF: 问题, 工作) are left out. Only
words jieba's dictionary tags as nouns, names, idioms or
abbreviations (or does not know: a new word or a name is often a term) are
candidates: verbs (推进 "push forward"), pronouns (我们) and adverbs are the
translator's to choose, not a glossary's. For each candidate, the English rendering is the word n-gram
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
#: a word keeps its inner hyphens (COVID-19, Beijing-Tianjin-Hebei), not a trailing one
_EN_WORD = regex.compile(r"[A-Za-z][A-Za-z'\u2019]*(?:-[A-Za-z0-9]+)*|\d+(?:\.\d+)?")
#: English words an n-gram must not start or end with: they ride along with any term.
_FUNCTION_WORDS = frozenset(
    """a an the and or but of to in on at by for with from as into onto over under about after before
    is are was were be been being has have had do does did will would shall should can could may might must
    this that these those it its their his her our your my we they he she you i them us him which who whom
    whose what when where why how than then so not no nor also such both each all any more most other some
    very there here while if because although though up out off s""".split()
)
#: jieba part-of-speech tags of words that can be terms: nouns and names of every kind (n, nr, ns,
#: nt, nz ...), verbal and adjectival nouns (改革 reform, vn; an), idioms and set phrases (i, l),
#: abbreviations (京津冀, j) and Latin-letter words (eng).
_TERM_TAGS = ("n", "vn", "an", "i", "l", "j", "eng")
MAX_NGRAM = 4
#: Words common in any Chinese text (jieba IDF below this: 问题 3.96, 工作 4.2, 发展 3.58, 医院 5.86) are
#: vocabulary, not terms: a glossary holding them flags every other rendering of "problem" or "work".
#: Terms score higher (疫情 8.09, 骑手 10.5, 京津冀 12.5) or are unknown to jieba (一网通办, 副中心).
MIN_IDF = 6.5
#: A rendering must co-occur with its term this specifically (Dice coefficient): below it, the
#: "rendering" is a word that happens to be frequent near the term (时候 → "got").
MIN_DICE = 0.2
#: Other renderings are proposed when they co-occur at least this specifically, relative to the best one.
ALTERNATIVE_SHARE = 0.5
MAX_RENDERINGS = 3
#: Sources looked at per term when collecting rendering candidates (frequent terms need no more).
MAX_SOURCES_PER_TERM = 400


@dataclass(frozen=True)
class CandidateTerm:
    zh: str
    rendering: str  # the co-occurring English n-gram
    pairs: int  # distinct Chinese texts (sources) that hold the term
    together: int  # of those, sources with the rendering in a translation (counted over at most 400)
    dice: float
    score: float  # TF-IDF of the term over the input
    #: other n-grams that co-occur almost as specifically (孩子 → children, kids): a term often
    #: has more than one right rendering, and a glossary that lists one flags the others
    alternatives: tuple[str, ...] = ()

    @property
    def renderings(self) -> tuple[str, ...]:
        return (self.rendering, *self.alternatives)


def english_ngrams(text: str) -> set[str]:
    """Lower-cased word n-grams of an English text that may be a rendering."""
    words = [word.lower().replace("\u2019", "'") for word in _EN_WORD.findall(text)]
    grams: set[str] = set()
    for start, word in enumerate(words):
        if word in _FUNCTION_WORDS or len(word) < 2:  # "u" of U.S. is no rendering
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

        from qa.lang.terms.fold import fold_chinese

        # Traditional and Simplified spellings of a word are one candidate
        words = cache[text] = frozenset(word for word in jieba.cut(fold_chinese(text)) if _HAN_WORD.match(word))
    return words


def _term_tagger() -> Callable[[str], bool]:
    """Whether a word may be a term, by the part of speech jieba's dictionary gives it."""
    import jieba.posseg

    tags = jieba.posseg.dt.word_tag_tab  # the dictionary's word → tag table, read on first use

    def may_be_term(word: str) -> bool:
        tag = tags.get(word)
        return tag is None or tag.startswith(_TERM_TAGS)

    return may_be_term


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
    # A translation memory or an MT test set repeats a source once per translation: evidence
    # is counted per distinct Chinese text (its translations together), else one sentence
    # translated ten times would make every word in it a term with ten matching renderings.
    segmented: dict[str, frozenset[str]] = {}
    translations: dict[str, list[str]] = {}
    sources: Counter[str] = Counter()  # distinct Chinese texts that hold the word
    for number, (zh, en) in enumerate(pairs, start=1):
        known = translations.get(zh)
        if known is None:
            translations[zh] = [en]
            sources.update(chinese_words(zh, segmented))
        else:
            known.append(en)
        if progress is not None and number % 1000 == 0:
            progress(1000)
    pair_count = sum(len(texts) for texts in translations.values())
    if progress is not None:
        progress(pair_count % 1000)
    idf = jieba.analyse.default_tfidf.idf_freq
    median_idf = jieba.analyse.default_tfidf.median_idf
    may_be_term = _term_tagger()
    ranked = sorted(
        (
            (count * idf.get(word, median_idf), word)
            for word, count in sources.items()
            if count >= min_count and idf.get(word, median_idf) >= MIN_IDF and may_be_term(word)
        ),
        reverse=True,
    )
    # more candidates than asked for: some find no rendering
    candidates = {word: score for score, word in ranked[: max(top * 2, top + 50)]}

    # pass 2: n-grams co-occurring with each candidate, and in how many sources' translations each occurs
    together: dict[str, Counter[str]] = {word: Counter() for word in candidates}
    seen_sources: Counter[str] = Counter()
    ngram_sources: Counter[str] = Counter()
    done = 0
    for zh, texts in translations.items():
        grams = set().union(*(english_ngrams(en) for en in texts))
        ngram_sources.update(grams)
        for word in segmented[zh] & candidates.keys():
            seen_sources[word] += 1
            if seen_sources[word] <= MAX_SOURCES_PER_TERM:
                together[word].update(grams)
        if progress is not None:
            done += len(texts)
            if done >= 1000:
                progress(done)
                done = 0
    if progress is not None:
        progress(done)

    found: list[CandidateTerm] = []
    for word, score in candidates.items():
        frequency = sources[word]
        sampled = min(frequency, MAX_SOURCES_PER_TERM)
        scored: list[tuple[float, int, str]] = []
        for gram, count in together[word].most_common(50):
            if count < min_count:
                break
            # co-occurrences were counted over a sample of the term's sources: scale them up
            dice = min(2 * count * frequency / sampled / (frequency + ngram_sources[gram]), 1.0)
            scored.append((dice, count, gram.count(" "), gram))
        # at equal strength the longer n-gram: "united states" rather than "states" or "united"
        scored.sort(reverse=True)
        if not scored or scored[0][0] < MIN_DICE:
            continue
        best_dice, best_count, _, best = scored[0]
        chosen = [best]
        for dice, _, _, gram in scored[1:]:
            if len(chosen) == MAX_RENDERINGS or dice < max(MIN_DICE, ALTERNATIVE_SHARE * best_dice):
                break
            if not any(_overlaps(gram, other) for other in chosen):
                chosen.append(gram)
        found.append(CandidateTerm(word, best, frequency, best_count, round(best_dice, 3), score, tuple(chosen[1:])))
        if len(found) == top:
            break
    return found


def _overlaps(gram: str, other: str) -> bool:
    """Listing both adds nothing: one is a run of the other's words ("pandemic" in "covid-19
    pandemic"), or a form the glossary's matching already accepts (products for product)."""
    from qa.lang.terms.matching import find_rendering

    if f" {gram} " in f" {other} " or f" {other} " in f" {gram} ":
        return True
    return find_rendering(gram, other) is not None or find_rendering(other, gram) is not None


def format_glossary_tsv(candidates: Iterable[CandidateTerm]) -> str:
    """Candidates as a glossary TSV (zh, rendering, a note with the evidence)."""
    lines = [
        "# Candidate glossary written by `qa terms extract`: check each rendering before use.",
        "# zh<TAB>renderings<TAB>evidence: Chinese sources with the term, sources translated with the rendering, Dice",
    ]
    for candidate in candidates:
        lines.append(
            f"{candidate.zh}\t{'|'.join(candidate.renderings)}\t"
            f"in {candidate.pairs} sources, with this rendering in {candidate.together}, dice {candidate.dice:.2f}"
        )
    return "\n".join(lines) + "\n"
