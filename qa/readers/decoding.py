"""Bytes to text: BOMs, UTF-8, GB18030 and Big5, with errors that name the problem."""

from __future__ import annotations

import codecs
import re
from functools import cache

from qa.readers.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Characters frequent in running Chinese text, in both scripts. A GB18030 file
# misread as Big5 (or the reverse) decodes to rare characters, so the share of
# frequent ones tells the two legacy encodings apart.
_FREQUENT = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后"
    "多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还"
    "因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结"
    "解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级"
    "少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领"
    "七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每"
    "目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影"
    "這個國們來時說為對會發於過實現從當與關間還點應當義開後經進學業動產機體長樣現電給種讓覺頭見識區計書問題華歷門員"
)


@cache  # compiled on first use: a set of hanzi ranges takes milliseconds, and only guessing an encoding asks
def _han() -> re.Pattern[str]:
    return re.compile(r"[\u3400-\u9fff]")


def _frequent_share(text: str) -> float:
    han = _han().findall(text[:20000])
    if not han:
        return 0.0
    return sum(1 for char in han if char in _FREQUENT) / len(han)


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 9 or (13 < byte < 32 and byte != 27))
    return controls > len(head) * 0.05


def _error_position(data: bytes, encoding: str, error: UnicodeDecodeError) -> str:
    line = data[: error.start].count(b"\n") + 1
    return f"cannot decode as {encoding}: invalid bytes at line {line} (byte {error.start})"


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Return (text, encoding used). Raises InputError (without the path) on failure."""
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}") from None
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            raise InputError(_error_position(data, encoding, error)) from None
        return text.lstrip("\ufeff"), encoding
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name).lstrip("\ufeff"), name
            except UnicodeDecodeError as error:
                raise InputError(_error_position(data, name, error)) from None
    if _looks_binary(data):
        raise InputError("binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        candidates = []
        for name in ("gb18030", "big5"):
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                continue
            candidates.append((_frequent_share(text), name, text))
        if not candidates:
            raise InputError(
                _error_position(data, "utf-8", utf8_error) + "; not GB18030 or Big5 either (use --encoding)"
            ) from None
        _, name, text = max(candidates, key=lambda item: item[0])
        return text, name


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """Split on CRLF, CR and LF only (not on the other Unicode breaks editors ignore)."""
    lines = _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines
