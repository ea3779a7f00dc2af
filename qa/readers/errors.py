"""The one exception readers raise for input that cannot be read."""


class InputError(Exception):
    """Input the tool cannot read: reported as one line naming the file, exit code 2."""

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message
