"""The one exception readers raise for input that cannot be read."""


class InputError(Exception):
    """Input the tool cannot read: reported as one line naming the file, exit code 2."""

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class NotBilingualError(InputError):
    """Input that can be read but holds no Chinese/English pairs: empty, in other languages, or not a
    translation at all (``qa check --skip-non-bilingual`` passes over such files with a note)."""
