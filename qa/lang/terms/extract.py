"""Candidate glossary extraction from existing translations (``qa terms extract``).

A glossary entry says "this Chinese term is translated so, every time". Proposals are built so:

1. **Aligned units.** Each pair is split into sentences (。！？； in Chinese, . ! ? ; before the next
   sentence in English); where both sides have as many, sentence *i* is aligned with sentence *i*,
   else the pair stays one unit. Evidence is counted per distinct Chinese unit (a memory or an MT test
   set repeats a source once per translation: its translations together are one unit).
2. **Candidates on both sides.** Chinese: the words jieba segments that its dictionary tags as nouns or
   names (n, nr, ns, nt, nz…) or does not know (a new word or a name is often a term: 一网通办, 副中心),
   of two characters or more, and not common vocabulary (jieba's IDF below ``MIN_IDF``: 问题, 工作).
   Verbs, idioms and adverbs (深化, 深入开展, 全力) are the translator's to choose. English: word
   n-grams of one to four words that can be a noun phrase, by a light chunk filter: no function word at
   either end, no number, no verb or adverb of the closed lists below at either end (``implement``,
   ``further``), nothing that ends like an adverb (``-ly``).
3. **Association.** Each (term, n-gram) pair seen together in at least ``min_count`` units is scored
   with Dunning's log-likelihood ratio G² over the units (how much more often they meet than chance
   says), the Dice coefficient beside it.
4. **Competitive linking** (Melamed 2000): best score first, a term takes an n-gram only if neither is
   taken, so a word that rides along with several terms (``beijing``, ``development``) goes to the one it
   belongs to, and each term gets one rendering.
5. **Consistency.** A proposal is kept only if its rendering (and up to two alternatives the same way
   linked, ``children|kids``) is in the English of every pair whose Chinese holds the term, as TERM002
   matches it: a term the translations render several ways, or drop, is not a term they fix, and as a
   glossary it would flag their own translations.

Each proposal carries its evidence: pairs seen, units with the rendering, G², Dice and the first place
it is used. The result is a starting point a team reviews, in the glossary TSV format TERM002 reads.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

import regex

_HAN_WORD = regex.compile(r"^\p{Han}{2,}$")
#: a word keeps its inner hyphens (COVID-19, Beijing-Tianjin-Hebei), not a trailing one
_EN_WORD = regex.compile(r"[A-Za-z][A-Za-z'\u2019]*(?:-[A-Za-z0-9]+)*|\d+(?:[.,]\d+)*")
#: English words an n-gram must not start or end with: they ride along with any term.
_FUNCTION_WORDS = frozenset(
    """a an the and or but of to in on at by for with from as into onto over under about after before
    is are was were be been being has have had do does did will would shall should can could may might must
    this that these those it its their his her our your my we they he she you i them us him which who whom
    whose what when where why how than then so not no nor also such both each all any more most other some
    very there here while if because although though up out off s new""".split()
)
#: Verbs and adverbs that open or close the clauses of reports and news, rarely a noun: an n-gram
#: starting or ending with one is a piece of a clause ("implement", "continue to apply", "further").
_CLAUSE_WORDS = frozenset(
    """accelerate achieve advance apply boost build carry complete conduct consolidate continue create
    deepen deliver develop encourage enhance ensure establish expand facilitate focus foster fulfil fulfill
    give go help implement improve increase launch lead make meet move optimize optimise pool promote
    provide pursue push put raise reach reduce refine remain select set speed stabilize stabilise step
    strengthen strive take upgrade uphold work adopt address advocate aim allow become bring call
    combine cultivate cut drive earn enable expedite explore extend follow get grow guarantee hold keep
    maintain modernize open phase prevent protect realize realise release renovate resolve respond
    see seek serve solve spur start stay support sustain tackle transform turn unleash use
    accelerated achieved advanced applied built carried completed conducted continued created deepened
    delivered developed enhanced ensured established expanded implemented improved increased launched
    made promoted provided pursued put raised reached reduced strengthened taken upgraded adopted
    accelerating achieving advancing applying building carrying completing conducting continuing creating
    deepening delivering developing enhancing ensuring establishing expanding implementing improving
    increasing launching making promoting providing pursuing putting raising reaching reducing
    strengthening taking upgrading working
    accelerates achieves advances applies builds continues creates delivers develops enhances ensures
    establishes expands implements improves increases launches makes promotes provides pursues
    strengthens takes
    further fully actively vigorously steadily comprehensively effectively well still again already
    always never now just even only further more less""".split()
)
#: Words no rendering holds: months and ordinals (dates and list items, "sixteenth beijing municipal").
_NOT_IN_TERMS = frozenset(
    """january february march april june july august september october november december first second
    third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth
    sixteenth seventeenth eighteenth nineteenth twentieth""".split()
)
#: Function words that join the words of a clause, not of a noun phrase: an n-gram holding one
#: ("people's congress on january", "committee with comrade") runs across two phrases. "of", "and",
#: "for" and "the" do join terms ("rule of law", "food and drug safety").
_CLAUSE_JOINERS = _FUNCTION_WORDS - {"of", "and", "for", "the"}
#: Words ending in -ly that are nouns or adjectives of terms, not adverbs.
_LY_WORDS = frozenset("family supply assembly elderly july italy monopoly anomaly ally rally reply".split())
#: jieba part-of-speech tags of words that can be terms: nouns and names of every kind. Verbal and
#: adjectival nouns (vn 优化, an), idioms (i 深入开展, l) and abbreviations (j, which jieba also gives
#: 深化) are mostly the verbs of a sentence in these texts, and are left out.
_TERM_TAGS = frozenset({"n", "nr", "nrfg", "nrt", "ns", "nt", "nz", "nw"})
#: Tags of abbreviations (j) and fixed expressions (l): verbs as often as nouns, told apart by the dictionary.
_NAMED_TAGS = frozenset({"j", "l"})
MAX_NGRAM = 4
#: Words common in any Chinese text (jieba IDF below this: 问题 3.96, 工作 4.2, 发展 3.58, 医院 5.86) are
#: vocabulary, not terms: a glossary holding them flags every other rendering of "problem" or "work".
#: Terms score higher (疫情 8.09, 骑手 10.5, 京津冀 12.5) or are unknown to jieba (一网通办, 副中心).
MIN_IDF = 6.5
#: A link must be this much more than chance (G², 3.84 is p < 0.05 for one degree of freedom).
MIN_G2 = 3.84
#: ... and this specific (Dice coefficient): below it, the n-gram is frequent near the term, not its rendering.
MIN_DICE = 0.25
#: How far apart a term and its rendering may stand on average (shares of each unit's length): a
#: translation keeps its source's order roughly, sentence by sentence.
MAX_DISTANCE = 0.6
MAX_RENDERINGS = 3
#: Units looked at per term when collecting its n-grams (frequent terms need no more).
MAX_UNITS_PER_TERM = 400

_ZH_SENTENCE_END = re.compile(r"(?<=[。！？；])")
_EN_SENTENCE_END = re.compile(r"(?<=[.!?;])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")


@dataclass(frozen=True)
class CandidateTerm:
    zh: str
    rendering: str  # the linked English n-gram
    pairs: int  # distinct Chinese texts (sources) that hold the term
    together: int  # aligned units where the term and the rendering meet
    dice: float
    score: float  # G², the log-likelihood ratio of the link
    #: other n-grams linked to the term that its translations also use (孩子 → children, kids): a
    #: term often has more than one right rendering, and a glossary that lists one flags the others
    alternatives: tuple[str, ...] = ()
    #: where the term is first used with the rendering ("seeds/000_….txt:20"), when known
    example: str = ""

    @property
    def renderings(self) -> tuple[str, ...]:
        return (self.rendering, *self.alternatives)


def english_ngrams(text: str) -> set[str]:
    """Lower-cased word n-grams of an English text that may be a noun phrase (a rendering)."""
    return set(english_ngram_places(text))


def english_ngram_places(text: str) -> dict[str, float]:
    """english_ngrams with where each first starts, as a share of the text's words (0 first, 1 last)."""
    words = [word.lower().replace("\u2019", "'") for word in _EN_WORD.findall(text)]
    grams: dict[str, float] = {}
    for start, word in enumerate(words):
        if not _may_open(word):
            continue
        for size in range(1, MAX_NGRAM + 1):
            end = start + size
            if end > len(words):
                break
            last = words[end - 1]
            if last[0].isdigit() or last in _NOT_IN_TERMS or (size > 1 and last in _CLAUSE_JOINERS):
                break  # no number, month or ordinal inside a rendering, nor a clause's "on", "with"
            if _may_close(last):
                grams.setdefault(" ".join(words[start:end]), start / len(words))
    return grams


def _may_open(word: str) -> bool:
    return (
        len(word) >= 2  # "u" of U.S. is no rendering
        and not word[0].isdigit()
        and word not in _FUNCTION_WORDS
        and word not in _CLAUSE_WORDS
        and not (word.endswith("ly") and word not in _LY_WORDS)
    )


def _may_close(word: str) -> bool:
    return _may_open(word) and not word.endswith("'s")


def aligned_units(zh: str, en: str, ratio: float = 3.0) -> list[tuple[str, str]]:
    """The pair as aligned units: its sentences aligned by length (Gale and Church's idea: a
    sentence and its translation have proportional lengths, ``ratio`` English characters to a
    Chinese one), one to one, one to two or two to one; the whole pair where they do not align."""
    zh_sentences = [part for part in _ZH_SENTENCE_END.split(zh) if part.strip()]
    en_sentences = [part for part in _EN_SENTENCE_END.split(en) if part.strip()]
    if len(zh_sentences) < 2 or len(en_sentences) < 2:
        return [(zh, en)]
    beads = _align(zh_sentences, en_sentences, ratio)
    return beads if beads is not None else [(zh, en)]


#: The beads a sentence alignment is made of (Chinese sentences, English sentences), and what a bead
#: other than one to one costs on top of its length mismatch.
_BEADS = ((1, 1, 0.0), (1, 2, 0.7), (2, 1, 0.7), (2, 2, 1.2), (1, 3, 1.2), (3, 1, 1.2), (1, 4, 1.8), (2, 3, 1.8))


def _align(zh: list[str], en: list[str], ratio: float) -> list[tuple[str, str]] | None:
    if len(zh) * len(en) > 10_000:
        return None  # a pair of hundreds of sentences: left whole
    inf = float("inf")
    cost = [[inf] * (len(en) + 1) for _ in range(len(zh) + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (len(en) + 1) for _ in range(len(zh) + 1)]
    cost[0][0] = 0.0
    for i in range(len(zh) + 1):
        for j in range(len(en) + 1):
            if cost[i][j] == inf:
                continue
            for di, dj, penalty in _BEADS:
                if i + di > len(zh) or j + dj > len(en):
                    continue
                zh_length = sum(len(part) for part in zh[i : i + di])
                en_length = sum(len(part) for part in en[j : j + dj])
                step = abs(math.log((en_length + 1) / (ratio * zh_length + 1))) + penalty
                if cost[i][j] + step < cost[i + di][j + dj]:
                    cost[i + di][j + dj] = cost[i][j] + step
                    back[i + di][j + dj] = (di, dj)
    if back[len(zh)][len(en)] is None:
        return None
    beads = []
    i, j = len(zh), len(en)
    while i or j:
        di, dj = back[i][j]  # type: ignore[misc]
        beads.append(("".join(zh[i - di : i]), " ".join(part.strip() for part in en[j - dj : j])))
        i, j = i - di, j - dj
    return beads[::-1]


def _chinese_words(text: str, cache: dict[str, frozenset[str]]) -> frozenset[str]:
    words = cache.get(text)
    if words is None:
        import jieba

        from qa.lang.terms.fold import fold_chinese

        # Traditional and Simplified spellings of a word are one candidate; jieba's HMM finds the
        # words its dictionary lacks (new terms and names)
        words = cache[text] = frozenset(word for word in jieba.cut(fold_chinese(text)) if _HAN_WORD.match(word))
    return words


def _may_be_term(word: str, idf: dict[str, float], median_idf: float) -> bool:
    from qa.lang.segmentation import word_tag

    tag = word_tag(word)
    if idf.get(word, median_idf) < MIN_IDF:
        return False
    if tag in _NAMED_TAGS:
        # an abbreviation or a fixed expression is a term when the dictionary names a thing with it
        # (常委会 "standing committee", 消防安全 "fire safety"), not when it has only verbs for it (深化)
        from qa.lang.terms.dictionary import names_a_thing

        return names_a_thing(word)
    if not (tag is None or tag in _TERM_TAGS):
        return False
    from qa.lang.terms.dictionary import only_verbs

    if only_verbs(word):
        return False  # jieba's noun that the dictionary has only verbs for (通车 "to open to traffic")
    if tag is None or tag.startswith("nr"):
        # a word jieba guessed (its HMM), or calls a name on weak grounds (广泛开展 nr): a term only if
        # the longest dictionary word ending it is no verb (信访工作, 示范区; not 广泛开展, which ends with 开展)
        for start in range(1, len(word) - 1 + 1):
            head = word_tag(word[start:])
            if head is not None:
                return not head.startswith("v") or head == "vn"
    return True


def _g2(together: int, term: int, gram: int, units: int) -> float:
    """Dunning's log-likelihood ratio of a 2x2 table: units with both, with the term, with the n-gram, all."""
    cells = (together, term - together, gram - together, units - term - gram + together)
    rows, columns = (term, units - term), (gram, units - gram)
    total = 0.0
    for index, observed in enumerate(cells):
        expected = rows[index // 2] * columns[index % 2] / units
        if observed > 0 and expected > 0:
            total += observed * math.log(observed / expected)
    return 2 * total


def extract_terms(
    pairs: Iterable[tuple[str, str] | tuple[str, str, str]],
    *,
    top: int = 100,
    min_count: int = 2,
    progress: Callable[[int], None] | None = None,
) -> list[CandidateTerm]:
    """The ``top`` candidate terms of zh/en pairs (optionally with where each pair is, ``path:line``),
    each with the English rendering its translations use, best evidence first.

    ``progress`` is told how many pairs were processed, in steps, over two passes
    (segmenting the Chinese, then counting the English).
    """
    import jieba
    import jieba.analyse

    jieba.setLogLevel(60)  # jieba logs its dictionary loading on stderr
    listed = [(item[0], item[1], item[2] if len(item) > 2 else "") for item in pairs]
    # pass 1: aligned units, by distinct Chinese text, and the Chinese words of each
    segmented: dict[str, frozenset[str]] = {}
    unit_texts: dict[str, list[str]] = {}  # Chinese unit → its translations
    unit_place: dict[str, str] = {}
    ratio = sum(len(en) for _, en, _ in listed) / max(sum(len(zh) for zh, _, _ in listed), 1)
    ratio = min(max(ratio, 1.0), 6.0)  # English characters per Chinese one: about 3 in these texts
    for number, (zh, en, where) in enumerate(listed, start=1):
        for zh_unit, en_unit in aligned_units(zh, en, ratio):
            unit_texts.setdefault(zh_unit, []).append(en_unit)
            unit_place.setdefault(zh_unit, where)
            _chinese_words(zh_unit, segmented)
        if progress is not None and number % 1000 == 0:
            progress(1000)
    if progress is not None:
        progress(len(listed) % 1000)
    idf = jieba.analyse.default_tfidf.idf_freq
    median_idf = jieba.analyse.default_tfidf.median_idf
    term_units: Counter[str] = Counter(word for words in segmented.values() for word in words)
    terms = {word for word, count in term_units.items() if count >= min_count and _may_be_term(word, idf, median_idf)}

    # pass 2: the n-grams of each unit's translations, and which candidate terms they meet
    gram_units: Counter[str] = Counter()
    together: dict[str, Counter[str]] = defaultdict(Counter)
    #: how far apart, summed over their units, a term and an n-gram stand (shares of each side's length):
    #: a translation keeps roughly the order of its source, so a term's rendering stands about where it does
    apart: dict[str, Counter[str]] = defaultdict(Counter)
    first_place: dict[tuple[str, str], str] = {}
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)  # n-gram key → how it is written
    seen: Counter[str] = Counter()
    met_units: dict[str, list[str]] = defaultdict(list)  # term → its (sampled) units, for the rendering's edges
    done = 0
    from qa.lang.terms.fold import fold_chinese

    for zh_unit, texts in unit_texts.items():
        places: dict[str, float] = {}
        for en in texts:
            for surface, place in english_ngram_places(en).items():
                # "action plan" and "action plans" are one n-gram, counted under their stems
                gram = _gram_key(surface)
                surfaces[gram][surface] += 1
                places.setdefault(gram, place)
        gram_units.update(places.keys())
        folded = None
        for word in segmented[zh_unit] & terms:
            seen[word] += 1
            if seen[word] <= MAX_UNITS_PER_TERM:
                together[word].update(places.keys())
                met_units[word].append(zh_unit)
                folded = folded or fold_chinese(zh_unit)
                here = max(folded.find(word), 0) / max(len(folded), 1)
                distances = apart[word]
                for gram, place in places.items():
                    distances[gram] += abs(here - place)
                if unit_place[zh_unit]:
                    for gram in places:
                        first_place.setdefault((word, gram), unit_place[zh_unit])
        if progress is not None:
            done += len(texts)
            if done >= 1000:
                progress(done)
                done = 0
    if progress is not None:
        progress(done)

    # association of every (term, n-gram) seen together often enough
    units = len(unit_texts)
    from qa.lang.terms.dictionary import available, gloss_share

    written = {gram: forms.most_common(1)[0][0] for gram, forms in surfaces.items()}  # the commonest form

    glossed = available()
    links: list[tuple[float, float, int, int, float, str, str]] = []
    for word, grams in together.items():
        frequency = term_units[word]
        sampled = min(frequency, MAX_UNITS_PER_TERM)
        spelled = _pinyin(word)
        for gram, met in grams.items():
            if met < min_count:
                continue
            count = round(met * frequency / sampled)  # counted over a sample of the term's units
            dice = 2 * count / (frequency + gram_units[gram])
            if dice < MIN_DICE:
                continue
            g2 = _g2(count, frequency, gram_units[gram], units)
            distance = apart[word][gram] / met
            if g2 >= MIN_G2 and distance <= MAX_DISTANCE:
                # the link's strength: association, discounted by how far apart the two stand, doubled
                # for a name the English spells in pinyin (中关村 Zhongguancun)
                # and raised by what the dictionary glosses the term with (行动计划 "action plan")
                pinyin = bool(spelled) and _spells(written[gram], spelled)
                share = gloss_share(word, written[gram]) if glossed else 0.0
                if glossed and not (share or pinyin) and (count < 3 or dice < 0.6):
                    continue  # no word of it glosses the term: on little evidence, a neighbour's words
                glossed_words = round(share * len(gram.split()))  # "action plan" glossed whole beats "action"
                strength = g2 * (1 - distance) * (1 + 2 * share + glossed_words / 2) * (2 if pinyin else 1)
                # at equal strength, more evidence, then the longer n-gram ("united states", not "states")
                links.append((strength, g2, count, gram.count(" "), dice, word, gram))
    links.sort(key=lambda link: (-link[0], -link[2], -link[3], link[5], link[6]))

    # competitive linking: the best link first, each n-gram to one term; a term may take up to
    # MAX_RENDERINGS n-grams, the later ones only as alternatives that do not overlap the first
    linked: dict[str, list[tuple[float, int, float, str]]] = {}
    taken: set[str] = set()
    for _, g2, count, _, dice, word, gram in links:
        if gram in taken:
            continue
        chosen = linked.get(word)
        if chosen is not None and (
            len(chosen) >= MAX_RENDERINGS or any(_overlaps(written[gram], written[c[3]]) for c in chosen)
        ):
            continue
        taken.add(gram)
        linked.setdefault(word, []).append((g2, count, dice, gram))

    # a rendering never written without the word after it is the longer phrase ("demonstration" is
    # always "demonstration zone", "mountainous" always "mountainous areas"): the n-gram, found as
    # often with the term as alone, takes that head noun (one content word, and a joiner before it),
    # unless it is the word another term is rendered with ("national defense" + "mobilization")
    for word, chosen in linked.items():
        for index, (g2, count, dice, gram) in enumerate(chosen):
            longer = [
                other
                for other, met in together[word].items()
                if met == together[word][gram]
                and gram_units[other] == gram_units[gram]
                and other not in taken
                and other.count(" ") - gram.count(" ") in (1, 2)
                and other.startswith(f"{gram} ")  # an English head noun comes last: modifiers first
                and sum(part not in _FUNCTION_WORDS for part in other.split()) == len(gram.split()) + 1
                and other.rsplit(" ", 1)[1] not in taken  # the word another term is rendered with
            ]
            if longer:
                other = max(longer, key=lambda text: (len(text), text))
                taken.add(other)
                chosen[index] = (g2, count, dice, other)
    # each word of a rendering translates the term, not a neighbour: the edges are set word by word
    edges = _Edges(unit_texts, segmented)
    refined: dict[str, list[tuple[float, int, float, str, str]]] = {}  # term → (G², met, Dice, written, place)
    for word, chosen in linked.items():
        renderings = []
        for index, (g2, count, dice, gram) in enumerate(chosen):
            words = edges.refine(word, written[gram].split(), met_units[word])
            if not words and not index:
                break  # the best link was a neighbour's words or a fragment: the others are weaker
            weak = count < 3 or dice < 0.6
            if not words or (index and glossed and weak and not gloss_share(word, " ".join(words))):
                continue  # an alternative on little evidence that no gloss of the term supports is a neighbour's
            text = " ".join(words)
            if any(_overlaps(text, other[3]) for other in renderings):
                continue  # cut or extended to a run of another rendering's words
            if text == written[gram]:
                renderings.append((g2, count, dice, text, first_place.get((word, gram), "")))
                continue
            if any(text == other[3] for other in renderings):
                continue
            met, alone, place = edges.evidence(words, met_units[word], unit_place)
            scale = term_units[word] / min(term_units[word], MAX_UNITS_PER_TERM)
            met = round(met * scale)
            if met < min_count:
                continue
            renderings.append(
                (_g2(met, term_units[word], alone, units), met, 2 * met / (term_units[word] + alone), text, place)
            )
        if renderings:
            refined[word] = renderings
    kept = _keep_consistent({word: [link[3] for link in chosen] for word, chosen in refined.items()}, listed)
    found = []
    for word, renderings in kept.items():
        best = next(link for link in refined[word] if link[3] == renderings[0])
        found.append(
            CandidateTerm(
                word,
                renderings[0],
                term_units[word],
                best[1],
                round(best[2], 3),
                round(best[0], 2),
                tuple(renderings[1:]),
                best[4],
            )
        )
    # the most evidence first: a term met in many units with one rendering is the surest proposal
    found.sort(key=lambda candidate: (-candidate.together, -candidate.score, candidate.zh))
    # the top proposals alone are the glossary a team saves: a term that a longer one below the cut
    # shadowed (不结盟 in 不结盟运动) must be rendered in every pair without it too
    while True:
        chosen = found[:top]
        again = _keep_consistent({candidate.zh: list(candidate.renderings) for candidate in chosen}, listed)
        if len(again) == len(chosen):
            return [
                replace(candidate, rendering=again[candidate.zh][0], alternatives=tuple(again[candidate.zh][1:]))
                for candidate in chosen
            ]
        found = [candidate for candidate in found if candidate.zh in again or candidate not in chosen]


class _Edges:
    """Where a rendering starts and ends, word by word, in the units where the term is used.

    An n-gram linked to a term on a few units often runs into a neighbour's words ("resilient city"
    for 韧性 in 韧性城市, "subway line" for 号线 in 地铁12号线) or stops short of its own ("demonstration"
    for 示范区 in "demonstration zone"). Each word of the English is claimed by the Chinese words of the
    unit whose dictionary glosses hold it (competitive linking at the level of words, Melamed 2000):

    - an edge word that another Chinese word of every such unit claims is that word's translation,
      and is cut off ("city" is 城市's) — unless the term's own glosses hold it too, and the other's
      are not much narrower; a word the dictionary gives the term whole (协商会议 "consultative
      meeting"), or the only word for one of its parts (团体 of 宗教团体: "groups"), is never cut;
    - the word just after (or before) the rendering, the same in every unit, that no other word claims,
      is taken in when the term glosses it, or when the term's last (first) part, a dictionary word of
      it, has no word in the rendering yet: Chinese and English noun phrases both end with their head
      (区 of 示范区: "demonstration zone"; 城乡 of 城乡居民: "urban and rural residents");
    - a rendering followed in every unit by a noun-phrase word no other Chinese word claims, not the
      same each time, one of them the term's own gloss ("mountainous areas|regions" for 山区), or
      preceded so while the term's first part has no word ("multiple|various channels" for 多渠道),
      stops short of the term, and is dropped;
    - so is a fragment: a rendering with fewer words than the term has parts of two characters, that
      translates only some of them and holds nothing that could be the rest ("cppcc" for 政协提案:
      提案 has no word).

    A claim counts the uses: an English word used twice in a unit is taken from the term only by two
    uses of other Chinese words (one "committee" is 党中央's, the other 市委's), or, at the rendering's
    edge, by the Chinese word right next to the term (现代化 of 中国式现代化 takes "modernization").
    """

    def __init__(self, unit_texts: dict[str, list[str]], segmented: dict[str, frozenset[str]]) -> None:
        self._texts = unit_texts
        self._segmented = segmented
        self._words: dict[str, list[list[str]]] = {}
        self._stems: dict[str, list[list[str]]] = {}
        self._folded: dict[str, str] = {}
        self._index: dict[str, set[str]] | None = None  # stem → the units whose English holds it

    def _unit_words(self, unit: str) -> list[list[str]]:
        found = self._words.get(unit)
        if found is None:
            found = self._words[unit] = [_english_words(text) for text in self._texts[unit]]
        return found

    def _places(self, words: list[str], units: list[str]) -> list[tuple[str, list[str], int]]:
        """(unit, its English words, where the rendering starts) for each unit whose English holds it."""
        key = [_word_key(word) for word in words]
        places = []
        for unit in units:
            texts = self._unit_words(unit)
            stemmed = self._stems.get(unit)
            if stemmed is None:
                stemmed = self._stems[unit] = [[_word_key(word) for word in english] for english in texts]
            for english, stems in zip(texts, stemmed, strict=True):
                start = _find(stems, key)
                if start >= 0:
                    places.append((unit, english, start))
                    break
        return places

    def _claimed(self, word: str, term: str, unit: str, english: list[str], neighbour: bool = False) -> bool:
        """Whether other Chinese words of the unit are the better translations of every use of the
        English word in it, or (``neighbour``: the word is at the rendering's edge) the Chinese word
        right next to the term is one."""
        from qa.lang.terms.dictionary import gloss_stems

        key = _word_key(word)
        own = gloss_stems(term)
        uses = sum(_word_key(other) == key for other in english)
        claims = 0
        folded = self._folded.get(unit)
        if folded is None:
            from qa.lang.terms.fold import fold_chinese

            folded = self._folded[unit] = fold_chinese(unit)
        for other in self._segmented[unit]:
            if other == term or other in term or term in other:
                continue
            glosses = gloss_stems(other)
            # the term's glosses may hold the word too: the other's claim wins when its entry is
            # much narrower (政策 is "policy", 方针 "policy; guidelines", 基本方针 six words)
            if _glossed(key, glosses) and (key not in own or 2 * len(glosses) <= len(own)):
                claims += folded.count(other)
                # the Chinese word next to the term claims the English word next to its rendering
                if claims >= uses or (neighbour and (term + other in folded or other + term in folded)):
                    return True
        return False

    def refine(self, term: str, words: list[str], units: list[str]) -> list[str]:
        from qa.lang.terms.dictionary import gloss_stems, term_parts

        places = self._places(words, units)
        if not places:
            return words
        start, end = 0, len(words)  # the kept words: words[start:end]
        parts = [glosses for _, glosses in term_parts(term)]

        def sole_word_of_a_part(index: int) -> bool:
            # the only word of the rendering for a part of the term stays its (宗教团体 "religious
            # groups": "groups" is 团体's, whatever other word of the unit glosses it)
            key = _word_key(words[index])
            others = {_word_key(word) for position, word in enumerate(words[start:end], start) if position != index}
            return any(key in glosses and not others & glosses for glosses in parts)

        whole = len(parts) == 1 and term_parts(term)[0][0] == len(term)  # a headword of the dictionary

        def claimed(index: int) -> bool:
            edge = index in (0, len(words) - 1)
            if (whole and _word_key(words[index]) in parts[0]) or sole_word_of_a_part(index):
                return False  # the dictionary's own word for the term, or for a part of it
            return all(self._claimed(words[index], term, unit, english, edge) for unit, english, _ in places)

        while start < end and (not _may_open(words[start]) or claimed(start)):
            start += 1
        while end > start and (not _may_close(words[end - 1]) or claimed(end - 1)):
            end -= 1
        if start == end:
            return []
        kept = words[start:end]
        own = gloss_stems(term)

        def uncovered(glosses: frozenset[str]) -> bool:
            return not any(_word_key(word) in glosses for word in kept)

        def may_take(word: str, part: int) -> bool:
            return (
                _may_close(word)
                and word not in _NOT_IN_TERMS
                and (_word_key(word) in own or (len(parts) > 1 and uncovered(parts[part])))
                and not any(self._claimed(word, term, unit, english) for unit, english, _ in places)
            )

        def same(words: list[tuple[str, ...]]) -> tuple[str, ...] | None:
            # the same words in every unit (by stem, or one stem the other's beginning: america,
            # american), as the first unit writes them
            first = [_word_key(word) for word in words[0]]
            for group in words[1:]:
                if len(group) != len(first) or not all(
                    _glossed(_word_key(word), frozenset((key,))) for word, key in zip(group, first, strict=True)
                ):
                    return None
            return words[0] if words else None

        after = same([tuple(english[place + end : place + end + 1]) for _, english, place in places])
        if after and may_take(after[0], -1):
            kept = [*kept, after[0]]
            end += 1
        before = same([tuple(english[place + start - 1 : place + start]) for _, english, place in places])
        joined = same([tuple(english[max(place + start - 2, 0) : place + start]) for _, english, place in places])
        if before and _may_open(before[0]) and may_take(before[0], 0):
            kept = [before[0], *kept]
            start -= 1
        elif joined and len(joined) == 2 and joined[1] == "and" and _may_open(joined[0]) and may_take(joined[0], 0):
            kept = [*joined, *kept]  # "urban and rural residents": a word joined on by "and"
            start -= 2

        def unclaimed_noun(word: str, unit: str, english: list[str]) -> bool:
            return _may_close(word) and word not in _NOT_IN_TERMS and not self._claimed(word, term, unit, english)

        # a rendering followed everywhere by a word of the noun phrase that no other Chinese word
        # claims, not the same each time, and the term's own gloss at least once ("mountainous
        # areas", "mountainous regions" for 山区, "area; mountain"), stops short of the term's head
        following = [english[place + end] if place + end < len(english) else "|" for _, english, place in places]
        if any(_word_key(word) in own for word in following) and all(
            unclaimed_noun(word, unit, english) for word, (unit, english, _) in zip(following, places, strict=True)
        ):
            return []
        if (
            parts
            and uncovered(parts[0])
            and all(
                place + start > 0 and unclaimed_noun(english[place + start - 1], unit, english)
                for unit, english, place in places
            )
        ):
            return []  # ... or begins after the words of the term's first part ("multiple|various channels")
        words_of = [word for word in kept if word not in _FUNCTION_WORDS]
        long_parts = [glosses for size, glosses in term_parts(term) if size > 1]
        if len(words_of) < len(long_parts) and any(uncovered(glosses) for glosses in long_parts):
            # a part of the term with no word for it: a fragment, unless a word of the rendering is
            # glossed by no part (the dictionary does not know it: it may be the missing part's)
            if all(any(_word_key(word) in glosses for glosses in parts) for word in words_of):
                return []
        return kept

    def evidence(self, words: list[str], units: list[str], unit_place: dict[str, str]) -> tuple[int, int, str]:
        """Units of the term that hold the rendering, units of the file that do, where it is first."""
        places = self._places(words, units)
        if self._index is None:
            self._index = defaultdict(set)
            for unit in self._texts:
                for english in self._unit_words(unit):
                    for word in english:
                        self._index[_word_key(word)].add(unit)
        keys = [_word_key(word) for word in words]
        candidates = set.intersection(*(self._index.get(key, set()) for key in keys))
        alone = len(self._places(words, sorted(candidates)))
        first = next((unit_place[unit] for unit, *_ in places if unit_place.get(unit)), "")
        return len(places), max(alone, len(places)), first


#: A word, or a mark of punctuation that ends a phrase (kept as "|": no word runs across it).
_EN_TOKEN = regex.compile(_EN_WORD.pattern + r"|[^\w\s'\u2019-]")


def _english_words(text: str) -> list[str]:
    return [word.lower().replace("\u2019", "'") if word[0].isalnum() else "|" for word in _EN_TOKEN.findall(text)]


def _glossed(key: str, glosses: frozenset[str]) -> bool:
    """Whether the stem is one of the glosses' stems, or one is the other's beginning, from six
    letters (Snowball keeps "inspector" whole, "inspection" is "inspect")."""
    if key in glosses:
        return True
    if len(key) < 6:
        return False
    return any(len(gloss) >= 6 and (gloss.startswith(key) or key.startswith(gloss)) for gloss in glosses)


def _find(stems: list[str], key: list[str]) -> int:
    for start in range(len(stems) - len(key) + 1):
        if stems[start : start + len(key)] == key:
            return start
    return -1


@lru_cache(maxsize=1 << 16)
def _word_key(word: str) -> str:
    from qa.lang.terms.dictionary import stem

    return stem(word)


@lru_cache(maxsize=1 << 18)
def _gram_key(gram: str) -> str:
    from qa.lang.terms.dictionary import stem

    return " ".join(stem(word) for word in gram.split())


def _pinyin(word: str) -> str:
    """The word in toneless pinyin, run together (中关村 → zhongguancun), or "" without pypinyin."""
    try:
        from pypinyin import lazy_pinyin
    except ImportError:  # pragma: no cover - a dependency; the links only lose a hint
        return ""
    return "".join(lazy_pinyin(word))


def _spells(gram: str, pinyin: str) -> bool:
    """Whether the n-gram writes the term in pinyin: a word of it, or all of it run together."""
    return pinyin in gram.replace("-", " ").split() or gram.replace(" ", "").replace("-", "") == pinyin


def _keep_consistent(linked: dict[str, list[str]], pairs: list[tuple[str, str, str]]) -> dict[str, list[str]]:
    """The terms whose renderings (best first) are in the English of every pair whose Chinese holds
    the term, as TERM002 matches them with all the proposals as one glossary (the longest term wins,
    as when a team saves the list), each with the fewest renderings that do; a term whose renderings
    miss a pair is dropped, and the others are checked again without it (it shadowed shorter ones)."""
    from qa.lang.terms.glossary import GlossaryEntry
    from qa.lang.terms.index import Glossary

    terms = dict(linked)
    while terms:
        glossary = Glossary.from_entries(
            [[GlossaryEntry(word, tuple(renderings)) for word, renderings in terms.items()]]
        )
        used: dict[str, list[set[str]]] = defaultdict(list)  # term → the renderings found, per pair using it
        for zh, en, _ in pairs:
            for use in glossary.uses(zh, en):
                used[use.entry.zh].append({rendering for *_, rendering in use.found})
        missed = {word for word, found in used.items() if any(not renderings for renderings in found)}
        if not missed:
            break
        terms = {word: renderings for word, renderings in terms.items() if word not in missed}
    kept = {}
    for word, renderings in terms.items():
        found = used.get(word, [])
        for count in range(1, len(renderings) + 1):  # the fewest renderings, best first, that cover every pair
            if all(renderings_found & set(renderings[:count]) for renderings_found in found):
                kept[word] = renderings[:count]
                break
    return kept


def _overlaps(gram: str, other: str) -> bool:
    """Listing both adds nothing: one is a run of the other's words ("pandemic" in "covid-19
    pandemic"), or a form the glossary's matching already accepts (products for product)."""
    from qa.lang.terms.matching import find_rendering

    if f" {gram} " in f" {other} " or f" {other} " in f" {gram} ":
        return True
    return find_rendering(gram, other) is not None or find_rendering(other, gram) is not None


def format_glossary_tsv(candidates: Iterable[CandidateTerm]) -> str:
    """Candidates as a glossary TSV (zh, renderings, a note with the evidence)."""
    lines = [
        "# Candidate glossary written by `qa terms extract`: check each rendering before use.",
        "# zh<TAB>renderings<TAB>evidence: Chinese sources with the term, aligned units with the rendering,",
        "# log-likelihood ratio (G2), Dice, and where the term is first translated so",
    ]
    for candidate in candidates:
        where = f", first at {candidate.example}" if candidate.example else ""
        lines.append(
            f"{candidate.zh}\t{'|'.join(candidate.renderings)}\t"
            f"in {candidate.pairs} sources, with this rendering in {candidate.together}, "
            f"G2 {candidate.score:.1f}, dice {candidate.dice:.2f}{where}"
        )
    return "\n".join(lines) + "\n"
