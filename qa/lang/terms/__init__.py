"""Glossaries and terms: glossary.py reads glossary files, fold.py folds Traditional to Simplified,
matching.py finds English renderings, index.py finds every term of a glossary in Chinese text,
extract.py proposes a glossary from existing translations (``qa terms extract``; imported on its own)."""

from qa.lang.terms.fold import fold_chinese, traditional_to_simplified_table
from qa.lang.terms.glossary import (
    FORBIDDEN_PREFIX,
    GLOSSARY_PATTERNS,
    GlossaryEntry,
    GlossaryError,
    TermMatch,
    TermUse,
    parse_csv,
    parse_tbx,
    parse_tsv,
    parse_yaml,
    read_glossary_file,
)
from qa.lang.terms.index import Glossary, glossary_files, glossary_for, load_glossary
from qa.lang.terms.matching import find_rendering, rendering_pattern

__all__ = [
    "FORBIDDEN_PREFIX",
    "GLOSSARY_PATTERNS",
    "Glossary",
    "GlossaryEntry",
    "GlossaryError",
    "TermMatch",
    "TermUse",
    "find_rendering",
    "fold_chinese",
    "glossary_files",
    "glossary_for",
    "load_glossary",
    "parse_csv",
    "parse_tbx",
    "parse_tsv",
    "parse_yaml",
    "read_glossary_file",
    "rendering_pattern",
    "traditional_to_simplified_table",
]
