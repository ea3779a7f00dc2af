"""The engine: select rules, run them over documents, stamp severity and location.

Findings come out sorted (path, line, column, code, message) so output is
deterministic.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

from qa.config import Config, ConfigError
from qa.datapacks import data_dirs
from qa.model import Document, Evidence, Finding, Hit, Location, Pair, Severity, fingerprint
from qa.rules import Rule, RuleContext, all_rules, use_checks

_new = object.__new__


def rule_matches(rule: type[Rule], selector: str) -> bool:
    """A selector is a code (NUM001), a code prefix (NUM, NUM00) or a name (number-missing)."""
    if selector.lower() in (rule.name, *rule.aliases):
        return True
    return rule.code.upper().startswith(selector.upper()) and selector[:1].isalpha()


def _check_selectors(selectors: Iterable[str], rules: Mapping[str, type[Rule]], where: str) -> None:
    for selector in selectors:
        if selector.upper() == "ALL":
            continue
        if not any(rule_matches(rule, selector) for rule in rules.values()):
            raise ConfigError(f"{where}: unknown rule {selector!r} (see `qa rules`)")


def select_rules(
    select: Iterable[str] = (), ignore: Iterable[str] = (), *, where: str = "--select/--ignore"
) -> dict[str, type[Rule]]:
    """The rules to run: all but the opt-in ones by default, or those selected, minus those ignored."""
    registry = all_rules()
    select, ignore = list(select), list(ignore)
    _check_selectors(select, registry, where)
    _check_selectors(ignore, registry, where)
    chosen = {}
    for code, rule in registry.items():
        if select and not any(s.upper() == "ALL" or rule_matches(rule, s) for s in select):
            continue
        if not select and not rule.default_enabled:
            continue
        if any(s.upper() == "ALL" or rule_matches(rule, s) for s in ignore):
            continue
        chosen[code] = rule
    return chosen


@dataclass
class Engine:
    """Runs a fixed set of rules with their severities over documents."""

    rules: dict[str, type[Rule]]
    severities: dict[str, Severity]
    context: RuleContext
    #: Options per rule code, from ``[tool.qa.rule-options]``.
    options: dict[str, dict] = field(default_factory=dict)
    _instances: list[Rule] | None = field(default=None, repr=False)
    #: Findings silenced by ``qa: ignore`` notes in the files (XLIFF <note>, PO comment), by rule code.
    suppressed: Counter[str] = field(default_factory=Counter, repr=False)
    #: ``qa: ignore`` notes that silenced nothing, as (path, line, selector): the finding they were
    #: written for is gone (fixed, or the pair changed), or they name the wrong rule.
    stale_ignores: list[tuple[str, int, str]] = field(default_factory=list, repr=False)
    _used_ignores: set[tuple[int, str]] = field(default_factory=set, repr=False)
    #: Where the rule options came from, for their errors: "pyproject.toml [tool.qa]", "qa.toml".
    config_label: str = "configuration"

    @classmethod
    def from_config(
        cls, config: Config, select: Iterable[str] = (), ignore: Iterable[str] = ()
    ) -> Engine:
        """Command-line selectors replace the config's select and add to its ignore list."""
        select, ignore = list(select), list(ignore)
        label = config.label
        folders = data_dirs(config.rule_paths, config.path)
        use_checks(folders)  # the project's own checks (kind: check) are rules like the others
        select_rules(config.select, config.ignore, where=label)  # config errors name the config file
        rules = select_rules(select or config.select, [*config.ignore, *ignore], where="--select/--ignore")
        registry = all_rules()
        severities: dict[str, Severity] = {code: rule.severity for code, rule in rules.items()}
        for selector, level in config.severity.items():
            matched = [code for code, rule in registry.items() if rule_matches(rule, selector)]
            if not matched:
                raise ConfigError(f"{label} severity: unknown rule {selector!r} (see `qa rules`)")
            for code in matched:
                if code in severities:
                    severities[code] = level  # type: ignore[assignment]
        options: dict[str, dict] = {}
        for selector, values in config.rule_options.items():
            matched = [rule for rule in registry.values() if rule.code == selector.upper() or selector in (
                rule.name, *rule.aliases)]
            if not matched:
                raise ConfigError(f"{label} rule-options: unknown rule {selector!r} (see `qa rules`)")
            rule = matched[0]
            for option in values:
                if option not in rule.options:
                    known = ", ".join(sorted(rule.options)) or "none"
                    raise ConfigError(
                        f"{label} rule-options.{selector}: unknown option {option!r} (options of {rule.code}: {known})"
                    )
            options[rule.code] = values
        context = RuleContext(data_dirs=folders, glossaries=config.glossaries)
        return cls(rules, severities, context, options, config_label=label)

    def instances(self) -> list[Rule]:
        """One instance of each rule; instances may cache data packs, so reuse them across documents."""
        if self._instances is None:
            instances = []
            for code, rule_class in self.rules.items():
                try:
                    instances.append(rule_class(replace(self.context, options=self.options.get(code, {}))))
                except (TypeError, ValueError) as error:  # an option of the wrong type
                    raise ConfigError(f"{self.config_label} rule-options.{code}: {error}") from None
            self._instances = instances
        return self._instances

    def check(
        self,
        document: Document,
        progress: Callable[[int], None] | None = None,
        jobs: int = 1,
        *,
        seen: Counter[tuple] | None = None,
        finishing: Sequence[Rule] | None = None,
    ) -> list[Finding]:
        """All findings of one document, sorted. ``progress`` is told how many pairs were checked.

        ``jobs`` processes check the pairs (0: as many as there are cores, for a large document;
        see qa.parallel); the findings are the same whatever their number.

        A file checked a chunk at a time (qa/streaming.py) is a Document per chunk: ``seen`` then
        counts the findings' occurrences across the chunks (for their fingerprints), and
        ``finishing`` names the rules whose ``finish`` runs on each chunk (default: every rule)."""
        instances = self.instances()
        findings: list[Finding] = []
        seen = Counter() if seen is None else seen
        # rules that only look at whole documents (ALN, FN002-FN004) cost nothing per pair
        pair_rules = [rule for rule in instances if type(rule).check is not Rule.check]
        pure_rules = [rule for rule in pair_rules if rule.pure]
        stateful_rules = [rule for rule in pair_rules if not rule.pure]
        # stateful rules whose costly half (``observe``) may run in worker processes; each stateful
        # rule with the place of its observations, if it makes any
        observers = [rule for rule in stateful_rules if rule.observes]
        plan = [(rule, observers.index(rule) if rule.observes else None) for rule in stateful_rules]
        add = findings.append
        pairs = document.pairs
        for (start, end), run, observed in self._pure_hits(pairs, pure_rules, observers, jobs):
            for offset, (pair, hits) in enumerate(zip(pairs[start:end], run, strict=True)):
                if plan:  # in document order, here: these rules keep state between pairs
                    notes = observed[offset] if observed is not None else None
                    hits = hits + [
                        (rule, hit)
                        for rule, at in plan
                        for hit in (
                            rule.check(pair) if notes is None or at is None else rule.check_observed(pair, notes[at])
                        )
                    ]
                for rule, hit in hits:
                    if pair.suppress and self._suppressed(rule, pair):
                        continue
                    add(self._finding(rule, hit, document, pair, seen))
            if progress is not None:
                progress(end - start)
        findings.extend(self.finish_findings(document, instances if finishing is None else finishing, seen))
        findings.sort(key=Finding.sort_key)
        self._collect_stale_ignores(document)
        return findings

    def finish_findings(self, document: Document, rules: Iterable[Rule], seen: Counter[tuple]) -> list[Finding]:
        """The findings of the document-level half (``finish``) of ``rules``, in rule order, unsorted."""
        findings = []
        for rule in rules:
            for hit in rule.finish(document):
                if hit.pair is not None and hit.pair.suppress and self._suppressed(rule, hit.pair):
                    continue
                findings.append(self._finding(rule, hit, document, hit.pair, seen))
        return findings

    def finding(self, rule: Rule, hit: Hit, document: Document, seen: Counter[tuple]) -> Finding | None:
        """One hit of ``rule`` as a finding (None when a ``qa: ignore`` note of its pair silences it)."""
        if hit.pair is not None and hit.pair.suppress and self._suppressed(rule, hit.pair):
            return None
        return self._finding(rule, hit, document, hit.pair, seen)

    def check_run(self, documents: Sequence[Document]) -> list[Finding]:
        """The findings of run-level rules (``finish_run``: consistency across every file of a run),
        each located in the document of the pair it names, sorted."""
        owners = {id(pair): document for document in documents for pair in document.pairs}
        seen: dict[str, Counter[tuple]] = {}
        findings: list[Finding] = []
        for rule in self.instances():
            if type(rule).finish_run is Rule.finish_run:
                continue
            for hit in rule.finish_run(documents):
                document = owners.get(id(hit.pair))
                if document is None or (hit.pair.suppress and self._suppressed(rule, hit.pair)):
                    continue
                counter = seen.setdefault(document.path, Counter())
                findings.append(self._finding(rule, hit, document, hit.pair, counter))
        findings.sort(key=Finding.sort_key)
        return findings

    @staticmethod
    def _pure_hits(
        pairs: tuple[Pair, ...], pure_rules: list[Rule], observers: list[Rule], jobs: int
    ) -> Iterator[tuple[tuple[int, int], list[list[tuple[Rule, Hit]]], list[tuple] | None]]:
        """Runs of consecutive pairs, [start, end), with the pure rules' hits of each pair: from
        worker processes (qa.parallel), with what the observing rules observe of each pair, or
        here, a thousand pairs a run (the stateful rules then check the pairs themselves: None)."""
        from qa.parallel import pure_hits, worker_count

        workers = worker_count(jobs, len(pairs)) if pure_rules or observers else 1
        if workers > 1:
            yield from pure_hits(pairs, pure_rules, observers, workers)
            return
        # a pair repeating an earlier pair's text gets the same hits from the pure rules
        known: dict[tuple, list[tuple[Rule, Hit]]] = {}
        for start in range(0, len(pairs), 1000):
            run = []
            for pair in pairs[start : start + 1000]:
                zh, en = pair.zh, pair.en
                text = (zh.text, en.text, zh.tags, en.tags, pair.source, pair.syntaxes)
                hits = known.get(text)
                if hits is None:
                    hits = known[text] = [(rule, hit) for rule in pure_rules for hit in rule.check(pair)]
                run.append(hits)
            yield (start, start + len(run)), run, None

    def _collect_stale_ignores(self, document: Document) -> None:
        """Notes whose selectors name a rule that ran on the pair but silenced none of its findings."""
        for pair in document.pairs:
            for selector in pair.suppress:
                if (pair.index, selector) in self._used_ignores:
                    continue
                if selector.upper() == "ALL" or any(rule_matches(rule, selector) for rule in self.rules.values()):
                    self.stale_ignores.append((pair.zh.path or document.path, pair.zh.line, selector))
        self._used_ignores.clear()

    def _suppressed(self, rule: Rule, pair: Pair) -> bool:
        """A note in the file (``qa: ignore NUM001``) silences this rule's findings on this pair; counted."""
        matching = [s for s in pair.suppress if s.upper() == "ALL" or rule_matches(type(rule), s)]
        if not matching:
            return False
        self.suppressed[rule.code] += 1
        self._used_ignores.update((pair.index, selector) for selector in matching)
        return True

    def _finding(self, rule: Rule, hit: Hit, document: Document, pair: Pair | None, seen: Counter) -> Finding:
        segment = hit.segment
        if segment is None:
            zh, en, side = pair.zh.text, pair.en.text, hit.side  # type: ignore[union-attr]
            segment = pair.zh if side == "zh" else pair.en  # type: ignore[union-attr]
        else:
            zh, en = (segment.text, "") if segment.lang == "zh" else ("", segment.text)
            side = segment.lang
        start, end = hit.start, hit.end
        starts = segment.starts
        if len(starts) == 1:  # one piece, as most segments are: Segment.locate without the calls
            line = end_line = segment.lines[0]
            shift = segment.columns[0] - starts[0]
            column = shift + start
            end_column = shift + end if end > start else column
        else:
            line, column = segment.locate(start)
            if end > start:
                end_line, end_column = segment.locate(end - 1)
                end_column += 1
            else:
                end_line, end_column = line, column
        code = rule.code
        key = hit.key if hit.key is not None else segment.text[start:end]
        identity = (code, zh, en, key)
        occurrence = seen.get(identity, 0)  # dict.get: a Counter's [] calls __missing__ in Python
        seen[identity] = occurrence + 1
        # built without the dataclass initialisers (see model.filled): a run with a large glossary
        # makes hundreds of thousands of these
        location = _new(Location)
        location.__dict__.update(
            path=segment.path or document.path, line=line, column=column, end_line=end_line, end_column=end_column
        )
        evidence = _new(Evidence)
        evidence.__dict__.update(zh=zh, en=en, side=side, start=start, end=end)
        if hit.other is not None:
            evidence.__dict__.update(other_start=hit.other[0], other_end=hit.other[1])
        if pair is not None:
            evidence.__dict__["pair"] = pair.index
            if pair.zh.tags or pair.en.tags:
                evidence.__dict__.update(zh_tags=pair.zh.tags, en_tags=pair.en.tags)
            if pair.source != "zh":
                evidence.__dict__["source"] = pair.source
        elif segment.tags:
            evidence.__dict__["zh_tags" if side == "zh" else "en_tags"] = segment.tags
        finding = _new(Finding)
        finding.__dict__.update(
            code=code,
            name=rule.name,
            severity=self.severities[code]
            if hit.severity is None or self.severities[code] != type(rule).severity  # a configured one wins
            else hit.severity,
            message=hit.message,
            location=location,
            evidence=evidence,
            suggestion=hit.suggestion,
            fingerprint=fingerprint(code, zh, en, key, occurrence),
        )
        if hit.fix is not None:
            finding.__dict__["fix"] = hit.fix
        return finding


def check_documents(engine: Engine, documents: Iterable[Document]) -> Iterator[Finding]:
    for document in documents:
        yield from engine.check(document)
