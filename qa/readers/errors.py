"""The one exception readers raise for input that cannot be read."""


class InputError(Exception):
    """Input the tool cannot read: reported as one line naming the file, exit code 2."""

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return one_line(f"{self.path}: {self.message}" if self.path else self.message)


def one_line(text: str) -> str:
    """``text`` with what a terminal would not print as such escaped (``\\u2028``, ``\\x1b``, ``\\t``):
    an error quotes the file (a CSV header, a language code), and must stay one harmless line."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else char.encode("unicode_escape").decode("ascii") for char in text)


class NotBilingualError(InputError):
    """Input that can be read but holds no Chinese/English pairs: empty, in other languages, or not a
    translation at all (``qa check --skip-non-bilingual`` passes over such files with a note)."""
