"""Coverage-guided fuzzing of qa's readers and language knowledge with atheris (not run in CI).

    pip install -e '.[fuzz]'
    python benchmarks/fuzz/fuzz.py TARGET [libFuzzer options, e.g. -max_total_time=600]
    python benchmarks/fuzz/fuzz.py --list

Every target takes the fuzzer's bytes and calls one part of qa. The contract is the
one users rely on: a result or an ``InputError``, never another exception, and every
span inside the text pointing at the text it claims. A crash is written by libFuzzer
as ``crash-<sha1>`` in the working directory; turn it into a regression test.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["qa", "polib"]):
    import qa.readers.csv_reader
    import qa.readers.po
    import qa.readers.tmx
    import qa.readers.xliff  # noqa: F401  (the readers load lazily: import them here to instrument them)
    from qa.config import Config
    from qa.engine import Engine
    from qa.lang.comparison import compare_units
    from qa.lang.markers import find_markers
    from qa.lang.numbers.en import en_quantities
    from qa.lang.numbers.zh import zh_quantities
    from qa.model import TAG_MARK, Document
    from qa.readers import InputError, read_data, read_path
    from qa.readers.aligned import pair_lines
    from qa.readers.decoding import split_lines
    from qa.readers.pieces import PLACEHOLDER, SegmentBuilder
    from qa.rules import all_rules

    all_rules()  # the rule modules load on first use: load them here to instrument them


ROOT = Path(__file__).resolve().parents[2]


def _text(data: bytes) -> str:
    # UTF-8 (not FuzzedDataProvider's encoding) so that the seeds, real sentences, mutate byte by byte
    return data.decode("utf-8", "replace")


def _two_texts(data: bytes) -> tuple[str, str]:
    """The Chinese and the English of a pair: the bytes before and after the first NUL."""
    zh, _, en = data.partition(b"\0")
    return _text(zh), _text(en)


def _check_document(document: Document) -> None:
    for pair in document.pairs:
        for segment in (pair.zh, pair.en):
            assert segment.text.count(TAG_MARK) >= len(segment.tags), segment
            for tag in segment.tags:
                assert segment.text[tag.offset] == TAG_MARK, (segment, tag)
            for offset in range(0, len(segment.text), max(1, len(segment.text) // 7)):
                line, column = segment.locate(offset)
                assert line >= 1 and column >= 1, (segment, offset)


def _reader(suffix: str) -> Callable[[bytes], None]:
    def target(data: bytes) -> None:
        try:
            document = read_data("fuzz" + suffix, data, suffix)
        except InputError:
            return
        _check_document(document)

    return target


def _aligned(data: bytes) -> None:
    zh, en = _two_texts(data)
    try:
        _check_document(pair_lines("a.zh", split_lines(zh), "a.en", split_lines(en)))
    except InputError:
        pass


def _quantities(extract: Callable[[str], list]) -> Callable[[bytes], None]:
    def target(data: bytes) -> None:
        text = _text(data)
        for quantity in extract(text):
            assert 0 <= quantity.start <= quantity.end <= len(text), (text, quantity)
            assert text[quantity.start : quantity.end] == quantity.text, (text, quantity)

    return target


def _footnotes(data: bytes) -> None:
    flags = data[0] if data else 0
    lang = "zh" if flags & 1 else "en"
    labels = ["1", "16", "①", "[2]", "*"] if flags & 2 else None
    text = _text(data[1:])
    for marker in find_markers(text, lang, labels):
        assert 0 <= marker.start < marker.end <= len(text), (text, marker)


def _units(data: bytes) -> None:
    zh, en = _two_texts(data)
    for finding in compare_units(zh, en):
        assert zh[finding.zh.start : finding.zh.end] == finding.zh.text, (zh, finding)
        assert en[finding.en.start : finding.en.end] == finding.en.text, (en, finding)


def _placeholders(data: bytes) -> None:
    text = _text(data)
    for match in PLACEHOLDER.finditer(text):
        assert match.group() and not match.group().isspace(), (text, match)
    builder = SegmentBuilder("en", 1, 1)
    builder.add_text(text, 1, 1)
    segment = builder.build()
    for tag in segment.tags:
        assert segment.text[tag.offset] == TAG_MARK, (text, tag)
    if TAG_MARK not in text:  # the placeholders put back give the text again
        first, *rest = segment.text.split(TAG_MARK)
        assert first + "".join(tag.text + part for tag, part in zip(segment.tags, rest, strict=True)) == text


_ENGINE: list[Engine] = []


def _engine(data: bytes) -> None:
    if not _ENGINE:
        _ENGINE.append(Engine.from_config(Config()))  # the default selection: every rule
    zh, en = _two_texts(data)
    document = pair_lines("a.zh", split_lines(zh), "a.en", split_lines(en))
    for finding in _ENGINE[0].check(document):
        assert finding.location.line >= 1, finding


TARGETS: dict[str, Callable[[bytes], None]] = {
    **{suffix.lstrip("."): _reader(suffix) for suffix in (".txt", ".tsv", ".csv", ".po", ".tmx", ".xliff")},
    "aligned": _aligned,
    "zh": _quantities(zh_quantities),
    "en": _quantities(en_quantities),
    "footnotes": _footnotes,
    "units": _units,
    "placeholders": _placeholders,
    "engine": _engine,
}


# -- seeds: the repository's real files and pairs, so that mutation starts from valid input -------------

_FORMAT_SEEDS = {
    "txt": ["seeds/*.txt", "examples/defects.txt", "tests/fixtures/formats/pairs.txt"],
    "csv": ["tests/fixtures/formats/*.csv"],
    "po": ["tests/fixtures/formats/*.po"],
    "tmx": ["tests/fixtures/formats/*.tmx"],
    "xliff": ["tests/fixtures/formats/*.xlf", "tests/fixtures/formats/*.sdlxliff"],
}


def _pairs() -> Iterator[tuple[str, str]]:
    for pattern in _FORMAT_SEEDS["txt"]:
        for path in sorted(ROOT.glob(pattern)):
            for pair in read_path(path).pairs:
                yield pair.zh.text, pair.en.text


def _seeds(name: str) -> Iterator[bytes]:
    if name in _FORMAT_SEEDS:
        for pattern in _FORMAT_SEEDS[name]:
            for path in sorted(ROOT.glob(pattern)):
                yield path.read_bytes()
        return
    pairs = list(_pairs())[:150]
    if name == "tsv":
        yield "\n".join(f"{zh}\t{en}" for zh, en in pairs[:20]).encode()
    for zh, en in pairs:
        if name == "zh":
            yield zh.encode()
        elif name == "en":
            yield en.encode()
        elif name == "footnotes":
            yield b"\x01" + zh.encode()
            yield b"\x02" + en.encode()
        elif name == "placeholders":
            yield f"{en} %s {{0}} %(count)d".encode()
        elif name in ("units", "engine", "aligned"):
            yield f"{zh}\0{en}".encode()


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        print(f"usage: fuzz.py TARGET [libFuzzer options] [corpus dir]; targets: {' '.join(TARGETS)}", file=sys.stderr)
        raise SystemExit(0 if sys.argv[1:2] == ["--list"] else 2)
    name, options = sys.argv[1], sys.argv[2:]
    if not any(not option.startswith("-") for option in options):  # no corpus given: one of seeds, in a temp dir
        corpus = Path(os.environ.get("QA_FUZZ_CORPUS", tempfile.gettempdir())) / "qa-fuzz-corpus" / name
        corpus.mkdir(parents=True, exist_ok=True)
        for number, seed in enumerate(_seeds(name)):
            (corpus / f"seed-{number:04d}").write_bytes(seed)
        options.append(str(corpus))
    atheris.Setup([sys.argv[0], *options], TARGETS[name])
    atheris.Fuzz()


if __name__ == "__main__":
    main()
