"""qa: a translation quality-assurance linter for Chinese/English bilingual text."""

__version__ = "0.1.0"
