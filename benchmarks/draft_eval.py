"""How well ``rwpk draft`` finds an article's events, against hand-made gold events.

    python benchmarks/draft_eval.py                       # the corpus in benchmarks/draft_corpus/
    python benchmarks/draft_eval.py /path/to/held-out     # any folder of NN-slug.txt + NN-slug.gold.toml
    python benchmarks/draft_eval.py --check               # exit 1 when a target is missed

Each article is drafted as ``rwpk draft ARTICLE --published P --outlet O`` would draft it into an
empty log (so every person is found from the text alone). A gold event is found when a proposal has
its kind, shares a participant and overlaps its days; each proposal matches one gold event at most.
Printed per article and overall:

- recall: gold events found; precision: proposals that match a gold event;
- exact dates: found events whose first and last day equal the gold's;
- participant F1: over the found events, participants matched by name;
- background: proposals drawn from a sentence the gold lists as not an event (must be 0), and
  proposed participants who took part in no gold event (must be 0).
"""

from __future__ import annotations

import argparse
import sys
import time
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rwpk_cli.dates.parse import parse_date
from rwpk_cli.draft import Article, draft, source_id
from rwpk_cli.draft.merge import Proposal
from rwpk_cli.log.names import name_tokens
from rwpk_cli.read.records import Cited

CORPUS = Path(__file__).resolve().parent / "draft_corpus"
TARGETS = {"recall": 0.80, "precision": 0.75, "exact dates": 0.90, "participant F1": 0.80}


@dataclass
class Score:
    gold: int = 0
    proposed: int = 0
    found: int = 0
    matching: int = 0  # proposals that match a gold event
    exact: int = 0
    people_true: int = 0
    people_proposed: int = 0
    people_gold: int = 0
    background: int = 0
    bystanders: int = 0
    seconds: float = 0.0

    def add(self, other: Score) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def metrics(self) -> dict[str, float]:
        precision = self.people_true / self.people_proposed if self.people_proposed else 1.0
        recall = self.people_true / self.people_gold if self.people_gold else 1.0
        return {
            "recall": self.found / self.gold if self.gold else 1.0,
            "precision": self.matching / self.proposed if self.proposed else 1.0,
            "exact dates": self.exact / self.found if self.found else 1.0,
            "participant F1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        }


def same_person(a: str, b: str) -> bool:
    """Two names of one person: one's words are all among the other's ("Dar", "Ishaq Dar")."""
    x, y = set(name_tokens(a)), set(name_tokens(b))
    return bool(x and y) and (x <= y or y <= x)


def _names(proposal: Proposal) -> list[str]:
    return [m.name for m in proposal.people]


def _matches(proposal: Proposal, gold: dict[str, object]) -> bool:
    start, end = date.fromisoformat(str(gold["start"])), date.fromisoformat(str(gold["end"]))
    if proposal.kind != gold["kind"] or proposal.span.end < start or proposal.span.start > end:
        return False
    people = [str(p) for p in gold.get("participants", [])]  # type: ignore[attr-defined]
    return any(same_person(n, g) for n in _names(proposal) for g in people)


def _shared(proposal: Proposal, gold: dict[str, object]) -> int:
    people = [str(p) for p in gold.get("participants", [])]  # type: ignore[attr-defined]
    return sum(any(same_person(n, g) for n in _names(proposal)) for g in people)


def score(text_file: Path) -> tuple[Score, list[str]]:
    gold = tomllib.loads(text_file.with_suffix(".gold.toml").read_text(encoding="utf-8"))
    published = str(gold["published"])
    reference = parse_date(published)
    outlet = str(gold.get("outlet") or "") or None
    ident = source_id(outlet, reference, text_file.name)
    article = Article(text_file.read_text(encoding="utf-8"), text_file.name, reference, published, ident)
    began = time.perf_counter()
    drafted = draft(article, None, False, Cited(ident, None, outlet, None, published))
    result = Score(seconds=time.perf_counter() - began)
    events = list(gold.get("event", []))
    proposals = drafted.proposals
    result.gold, result.proposed = len(events), len(proposals)
    lines: list[str] = []
    used: set[int] = set()
    for event in events:
        candidates = [n for n, p in enumerate(proposals) if n not in used and _matches(p, event)]
        # of several, the proposal that shares the most participants with the gold event
        match = max(candidates, key=lambda n: _shared(proposals[n], event), default=None)
        if match is None:
            lines.append(f"    missed {event['kind']} {event['start']}..{event['end']} {event.get('participants')}")
            continue
        used.add(match)
        proposal = proposals[match]
        result.found += 1
        exact = (proposal.span.start.isoformat(), proposal.span.end.isoformat()) == (event["start"], event["end"])
        result.exact += exact
        if not exact:
            lines.append(f"    date   {event['kind']} gold {event['start']}..{event['end']} "
                         f"drafted {proposal.span.start}..{proposal.span.end} ({proposal.date_text!r})")  # fmt: skip
        names, wanted = _names(proposal), [str(p) for p in event.get("participants", [])]
        hits = sum(any(same_person(n, g) for n in names) for g in wanted)
        result.people_true += hits
        result.people_proposed += len(names)
        result.people_gold += len(wanted)
        if hits != len(wanted) or hits != len(names):
            lines.append(f"    people {event['kind']} gold {wanted} drafted {names}")
    result.matching = len(used)
    for n, proposal in enumerate(proposals):
        if n not in used:
            lines.append(f"    extra  {proposal.kind} {proposal.span.start}..{proposal.span.end} {_names(proposal)}: "
                         f"{proposal.sentence.text[:90]}")  # fmt: skip
    taking_part = [str(p) for event in events for p in event.get("participants", [])]
    for n, proposal in enumerate(proposals):
        if n not in used and any(
            _overlaps(s.text, str(ne["text"])) for s in proposal.evidence[:1] for ne in gold.get("not_event", [])
        ):
            result.background += 1
            lines.append(f"    BACKGROUND proposed: {proposal.sentence.text[:100]}")
        for name in _names(proposal):
            if not any(same_person(name, g) for g in taking_part):
                result.bystanders += 1
                lines.append(f"    BYSTANDER {name!r} in {proposal.kind}")
    return result, lines


def _overlaps(sentence: str, not_event: str) -> bool:
    return not_event.strip().rstrip(".") in sentence or sentence.strip().rstrip(".") in not_event


def _row(name: str, result: Score) -> str:
    m = result.metrics()
    figures = " | ".join(f"{m[k]:.2f}" for k in ("recall", "precision", "exact dates", "participant F1"))
    return f"| {name} | {result.gold} | {result.proposed} | {figures} | {result.background + result.bystanders} |"


def _timing(folder: Path, runs: int = 5) -> str:
    """The median time of ``rwpk draft`` on the folder's first articles joined into 2,000 words or
    more, each run a whole process (start-up, reading the gazetteer and the bundled log included),
    beside ``rwpk --version`` run in the same rounds."""
    import statistics
    import subprocess
    import tempfile

    texts: list[str] = []
    words = 0
    for text_file in sorted(folder.glob("*.txt")):
        texts.append(text_file.read_text(encoding="utf-8"))
        words += len(texts[-1].split())
        if words >= 2000:
            break
    rwpk = [sys.executable, "-m", "rwpk_cli"]
    with tempfile.TemporaryDirectory() as work:
        article = Path(work) / "article.txt"
        article.write_text("\n\n".join(texts), encoding="utf-8")
        steps = {"draft": [*rwpk, "draft", str(article), "--published", "2025-01-24"], "version": [*rwpk, "--version"]}
        times: dict[str, list[float]] = {name: [] for name in steps}
        for _ in range(runs):
            for name, command in steps.items():
                began = time.perf_counter()
                subprocess.run(command, check=True, capture_output=True, cwd=work)
                times[name].append(time.perf_counter() - began)
    draft_time, version = (statistics.median(times[name]) for name in steps)
    return (f"A {words:,}-word article drafts in {draft_time:.2f} s (median of {runs} whole processes; "
            f"`rwpk --version` takes {version:.2f} s in the same rounds).")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[CORPUS])
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--verbose", "-v", action="store_true", help="list each miss, extra and wrong date")
    parser.add_argument("--timing", action="store_true", help="also time a 2,000-word article, as a whole process")
    args = parser.parse_args()
    total = Score()
    print("| article | gold | proposed | recall | precision | exact dates | participant F1 | background |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for folder in args.folders:
        for text_file in sorted(folder.glob("*.txt")):
            if not text_file.with_suffix(".gold.toml").exists():
                continue
            result, lines = score(text_file)
            total.add(result)
            m = result.metrics()
            print(_row(text_file.stem, result))
            if args.verbose:
                print("\n".join(lines), file=sys.stderr)
    m = total.metrics()
    print(_row("**all**", total))
    if args.timing:
        print("\n" + _timing(args.folders[0]))
    missed = [f"{name} {m[name]:.2f} < {target}" for name, target in TARGETS.items() if m[name] < target]
    if total.background or total.bystanders:
        missed.append(f"{total.background} background proposals and {total.bystanders} bystanders")
    if missed:
        print("targets missed: " + "; ".join(missed), file=sys.stderr)
        return 1 if args.check else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
