"""The Rule interface every code rule implements (see DESIGN.md, "Rules")."""

from __future__ import annotations

import inspect
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from qa.model import Document, Hit, Pair, Severity


@dataclass(frozen=True)
class RuleContext:
    """What a rule may know about its surroundings: where data rule packs live.

    ``data_dirs`` holds the shipped ``rules/`` pack first, then the user's own
    folders (a ``rules/`` next to the config file, or configured ``rule-paths``),
    so that later files extend earlier ones. ``glossaries`` holds the glossary files the
    project enables beyond those folders: shipped packs and files named in the config or
    with ``--glossary``.
    """

    data_dirs: tuple[Path, ...] = ()
    glossaries: tuple[Path, ...] = ()
    options: Mapping[str, Any] = field(default_factory=dict)

    def data_files(self, *patterns: str) -> list[Path]:
        """Files in the data folders matching any glob pattern, shipped ones first."""
        found: list[Path] = []
        for folder in self.data_dirs:
            for pattern in patterns:
                found.extend(sorted(p for p in folder.glob(pattern) if p.is_file()))
        return found


class Rule:
    """Base class of code rules. Subclasses set ``code`` and ``name`` and document
    themselves in their docstring: a summary line, why it matters, **Fails:** and
    **Passes:** zh/en examples, options.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = "error"
    #: Old names of a renamed rule, still accepted by --select / --ignore.
    aliases: ClassVar[tuple[str, ...]] = ()
    #: False for a rule that runs only when selected (by code, prefix, name or ALL): a check a
    #: reviewer asks for, too talkative for every run (CON002).
    default_enabled: ClassVar[bool] = True
    #: Option names a user may set in ``[tool.qa.rule-options.CODE]``; the rule reads them from
    #: ``self.context.options`` and documents them in its docstring.
    options: ClassVar[frozenset[str]] = frozenset()
    #: ``check`` depends on nothing but the pair's text and inline tags, and keeps no state
    #: between pairs. The engine then checks each distinct pair once: translation memories
    #: and MT test sets repeat pairs (a fifth of the WMT test pairs are repeats).
    pure: ClassVar[bool] = False

    def __init__(self, context: RuleContext | None = None) -> None:
        self.context = context or RuleContext()

    def check(self, pair: Pair) -> Iterator[Hit]:
        return iter(())

    def prepare(self) -> None:
        """Load what checking will need (dictionaries, registries, indexes) now: called before
        worker processes are forked (``qa check --jobs``), so that they share it instead of
        each loading it again. Rules load lazily otherwise; the default loads nothing."""

    #: A rule that keeps state (not ``pure``) may split its ``check`` in two, so that worker
    #: processes (``qa check --jobs``) do the costly part: ``observe(pair)`` says what the rule
    #: learns from one pair's text alone (picklable; a pure function of the pair), and
    #: ``check_observed(pair, observed)`` keeps the state and gives the hits, in document order.
    #: ``check(pair)`` must then be ``check_observed(pair, observe(pair))``.
    observes: ClassVar[bool] = False

    def observe(self, pair: Pair) -> Any:
        raise NotImplementedError

    def check_observed(self, pair: Pair, observed: Any) -> Iterator[Hit]:
        raise NotImplementedError

    def finish(self, document: Document) -> Iterator[Hit]:
        """Document-level checks; hits name the ``pair`` or ``segment`` they point at."""
        return iter(())

    def finish_run(self, documents: Sequence[Document]) -> Iterator[Hit]:
        """Run-level checks (CON001 with ``scope = "run"``): hits over every document of a run,
        after each document's ``finish``; each hit names the pair it points at."""
        return iter(())

    # -- documentation, built from the docstring ---------------------------------

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        return cls.doc().split("\n", 1)[0].strip()

    @classmethod
    def description(cls) -> str:
        """The documentation after the summary line."""
        parts = cls.doc().split("\n", 1)
        return parts[1].strip() if len(parts) > 1 else ""
