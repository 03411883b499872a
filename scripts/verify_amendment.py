#!/usr/bin/env python3
"""Verify the encoding of an amendment against an Official Journal text of the AI Act.

Usage::

    python scripts/verify_amendment.py CONSOLIDATED_HTML --amendment digital-omnibus-2026
        [--format text|json] [--write] [--output PATH]

CONSOLIDATED_HTML is the EUR-Lex HTML of Regulation (EU) 2024/1689 as amended (consolidated text,
CELEX 02024R1689-<date>), in the markup of the 2024 Official Journal HTML. The script parses it
like scripts/build_legal_text.py parses the 2024 text, compares every provision with the 2024
legal-text graph, and checks each aia:ProvisionChange of the amendment (data/law/*.ttl):

* a moved date is confirmed when a changed or added provision of the amended text that concerns
  the change (the changed provision itself, or one citing the affected provision) states the new
  date; it is contradicted when such provisions state other dates only;
* an inserted point (a change with aia:expectedPhrase) is confirmed when a new point under the
  changed provision contains every expected phrase and, if the change has a new date, a changed
  provision states that date for the new point (or the point states it itself);
* any other change is confirmed when the words of the changed provision differ from the 2024 text
  beyond what the other changes explain (the reported reading itself is not checked: read the new
  text in the report).

Provisions changed in the text but recorded by no change are listed as unrecorded changes.

Without --write the report is printed; exit status 0 if every change is confirmed, there is no
unrecorded change and the parser mapped the whole file, 1 otherwise, 2 if the input cannot be
read. With --write the generated file data/law/verification-<amendment>.ttl is written only if
every applied change (aia:appliedInAssessment true) is confirmed and nothing is contradicted;
exit status 0 if it was written, 1 if not. That file is the only way an amendment becomes
verified (the check query queries/checks/amendment-verification-violation.rq rejects the status
without its record). See docs/amendments.md.

This is a build-time tool: it is not part of the installed package.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pyoxigraph  # noqa: E402
import rdflib  # noqa: E402
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS  # noqa: E402

from aiact_kg.namespaces import CONCEPT, ELI, ONTOLOGY, PROVISION  # noqa: E402
from aiact_kg_build.legaltext.eurlex import Kind, Provision, normalise, parse_file  # noqa: E402

DEFAULT_LAW_DIR = ROOT / "data" / "law"
DEFAULT_LEGAL_TEXT = ROOT / "data" / "legal-text" / "aiact-2024-1689.ttl"
AIA = rdflib.Namespace(ONTOLOGY)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_DATE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})\b")
# consolidated texts mark the source of each passage: "▼B", "▼M1", "►M1 ... ◄", "▼C1"
_MARKER = re.compile("[\u25bc\u25ba]\\s*[A-Z]\\d*\\b|\u25c4")
_ACT_NUMBER = re.compile(r"Regulation \(EU\) (\d{4})/(\d+)")
_ELI_REG = re.compile(r"data\.europa\.eu/eli/reg/(\d{4})/(\d+)")
# a provision label glued before the text of a sub-part: "(a) ", "3. "
_LABEL = r"(?:\(\w{1,6}\)|\d+[a-z]?\.)?\s*"
CONFIRMED, CONTRADICTED, NOT_FOUND = "confirmed", "contradicted", "not found"


class VerificationError(Exception):
    """The input cannot be verified (unreadable file, other markup, unknown amendment)."""


# the two texts -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Unit:
    """One provision of one text: citation, words, heading and parent (local names)."""

    local: str
    citation: str
    text: str
    heading: str
    parent: str | None
    number: str


@dataclass(frozen=True, slots=True)
class Entry:
    """A provision whose words differ between the 2024 text and the amended text."""

    local: str
    citation: str
    old: Unit | None
    new: Unit | None

    @property
    def kind(self) -> str:
        return "added" if self.old is None else "removed" if self.new is None else "changed"

    @property
    def new_text(self) -> str:
        return self.new.text if self.new else ""

    @property
    def old_text(self) -> str:
        return self.old.text if self.old else ""

    def as_json(self) -> dict[str, Any]:
        return {
            "provision": self.citation,
            "local": self.local,
            "kind": self.kind,
            "text_2024": self.old.text if self.old else None,
            "text_amended": self.new.text if self.new else None,
        }


def clean(text: str | None) -> str:
    """Words of a provision for comparison: consolidation markers dropped, spaces normalised."""
    return normalise(_MARKER.sub(" ", text or ""))


def load_baseline(path: Path) -> dict[str, Unit]:
    """The provisions of the 2024 legal-text graph (``aia:text``, ``dct:title``, parent)."""
    store = pyoxigraph.Store()
    try:
        store.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
    except (OSError, SyntaxError, ValueError) as error:
        raise VerificationError(f"cannot read the 2024 legal-text graph {path}: {error}") from None
    query = f"""
        PREFIX aia: <{ONTOLOGY}> PREFIX eli: <{ELI}> PREFIX dct: <http://purl.org/dc/terms/>
        SELECT ?p ?citation ?text ?heading ?parent ?number WHERE {{
          ?p aia:citation ?citation ; eli:number ?number .
          OPTIONAL {{ ?p aia:text ?text }}
          OPTIONAL {{ ?p dct:title ?heading }}
          OPTIONAL {{ ?p eli:is_part_of ?parent FILTER(STRSTARTS(STR(?parent), "{PROVISION}")) }}
          FILTER(STRSTARTS(STR(?p), "{PROVISION}"))
        }}"""
    units: dict[str, Unit] = {}
    for row in store.query(query):  # type: ignore[union-attr]
        local = row["p"].value[len(PROVISION) :]
        parent = row["parent"].value[len(PROVISION) :] if row["parent"] is not None else None
        units[local] = Unit(
            local,
            row["citation"].value,
            clean(row["text"].value if row["text"] is not None else ""),
            clean(row["heading"].value if row["heading"] is not None else ""),
            parent,
            row["number"].value,
        )
    if not units:
        raise VerificationError(f"{path} holds no provisions of the 2024 text")
    return units


def _markup_error(path: Path, missing: str) -> VerificationError:
    return VerificationError(
        f"{path.name}: {missing}. The script reads the markup of the Official Journal HTML of "
        "2024 (data/sources/eur-lex/OJ_L_202401689_EN_TXT.html): articles as "
        '<div class="eli-subdivision" id="art_N">, numbered paragraphs as <div id="NNN.NNN">, '
        'points as two-cell tables, annexes as <div id="anx_N">. This file seems to use other '
        "markup; nothing was verified. Extend aiact_kg_build/legaltext/eurlex.py for it first."
    )


def load_amended(
    path: Path, baseline: dict[str, Unit], needed: Iterable[str]
) -> tuple[dict[str, Unit], tuple[str, ...]]:
    """The provisions of the amended (consolidated) HTML, parsed like the 2024 text, and the
    parser's notes on parts of the HTML it could not map (none for the 2024 text)."""
    if not path.is_file():
        raise VerificationError(f"{path}: no such file")
    try:
        result = parse_file(path)
    except (ValueError, OSError, IndexError) as error:
        raise _markup_error(path, f"the parser stopped: {error}") from None
    provisions: Sequence[Provision] = result.provisions
    articles = {p.iri_local for p in provisions if p.kind is Kind.ARTICLE}
    if not articles:
        raise _markup_error(path, 'no article (<div class="eli-subdivision" id="art_N">) found')
    old_articles = {u.local for u in baseline.values() if re.fullmatch(r"art_\d+", u.local)}
    lost = sorted(old_articles - articles, key=_natural)
    if len(lost) > len(old_articles) // 10:
        raise _markup_error(
            path, f"{len(lost)} of the {len(old_articles)} articles of 2024 were not found"
        )
    absent = sorted(
        {_article(local) for local in needed} - {_article(p.iri_local) for p in provisions}
    )
    if absent:
        raise _markup_error(
            path,
            "the provisions the changes name were not found: "
            + ", ".join(baseline[a].citation if a in baseline else a for a in absent),
        )
    units = {
        p.iri_local: Unit(
            p.iri_local,
            p.citation,
            clean(p.text),
            clean(p.heading),
            p.parent_local,
            p.number,
        )
        for p in provisions
    }
    return units, result.warnings


def _natural(local: str) -> list[Any]:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", local)]


def _article(local: str) -> str:
    return local.split(".")[0]


def diff(baseline: dict[str, Unit], amended: dict[str, Unit]) -> list[Entry]:
    """Provisions changed, added or removed (recitals only if the amended text has recitals)."""
    compare_recitals = any(local.startswith("rct_") for local in amended)
    entries = []
    for local in sorted(set(baseline) | set(amended), key=_natural):
        if local.startswith("rct_") and not compare_recitals:
            continue
        old, new = baseline.get(local), amended.get(local)
        if old and new and old.text == new.text and old.heading == new.heading:
            continue
        citation = (new or old).citation  # type: ignore[union-attr]
        entries.append(Entry(local, citation, old, new))
    return entries


def _bare(text: str) -> str:
    """Words without the label a subparagraph keeps from its paragraph ("2. Providers ...")."""
    return re.sub(r"^(?:\d+[a-z]?\.|\(\w{1,6}\))\s+", "", text)


def _remove(text: str, piece: str) -> str:
    piece = piece if piece in text else _bare(piece)
    if not piece or piece not in text:
        return text
    return re.sub(_LABEL + re.escape(piece), " ", text, count=1)


def _restructured(entry: Entry, baseline: dict[str, Unit]) -> bool:
    """An added part whose words were already those of its parent in 2024 (a paragraph split
    into subparagraphs when one is added) is not a change of words."""
    if entry.old is not None or entry.new is None or entry.new.parent not in baseline:
        return False
    words = _bare(entry.new.text)
    return bool(words) and words in baseline[entry.new.parent].text


def leaves(entries: Sequence[Entry], baseline: dict[str, Unit]) -> list[Entry]:
    """Entries whose own words changed, not only the words of a changed sub-part they contain."""
    found = []
    for entry in entries:
        if _restructured(entry, baseline):
            continue
        if entry.old and entry.new and entry.old.heading != entry.new.heading:
            found.append(entry)
            continue
        others = [
            o
            for o in entries
            if o is not entry
            and _article(o.local) == _article(entry.local)
            and len(o.new_text or o.old_text) < len(entry.new_text or entry.old_text)
        ]
        new, old = entry.new_text, entry.old_text
        for other in sorted(others, key=lambda o: -len(o.new_text or o.old_text)):
            new = _remove(new, other.new_text)
            old = _remove(_remove(old, other.old_text), other.new_text)
        if normalise(new) != normalise(old):
            found.append(entry)
    return found


# the amendment -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """An aia:ProvisionChange of the amendment, as data/law records it."""

    iri: str
    label: str
    changes: tuple[str, ...]
    affects: tuple[str, ...]
    previous: date | None
    new: date | None
    applied: bool
    phrases: tuple[str, ...]
    readings: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.iri.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Amendment:
    iri: str
    notation: str
    label: str
    identifier: str | None
    changes: tuple[Change, ...]


def _locals(graph: rdflib.Graph, node: rdflib.term.Node, prop: rdflib.URIRef) -> tuple[str, ...]:
    values = [str(o) for o in graph.objects(node, prop)]
    return tuple(sorted(v[len(PROVISION) :] for v in values if v.startswith(PROVISION)))


def _date(graph: rdflib.Graph, node: rdflib.term.Node, prop: rdflib.URIRef) -> date | None:
    value = graph.value(node, prop)
    return date.fromisoformat(str(value)) if value is not None else None


def load_amendment(law_files: Sequence[Path], notation: str) -> Amendment:
    """The amendment with this ``skos:notation`` and its provision changes."""
    graph = rdflib.Graph()
    for path in law_files:
        graph.parse(path, format="turtle")
    found = [
        a
        for a in graph.subjects(RDF.type, AIA.Amendment)
        if str(graph.value(a, SKOS.notation)) == notation
    ]
    if len(found) != 1:
        known = sorted(
            str(graph.value(a, SKOS.notation)) for a in graph.subjects(RDF.type, AIA.Amendment)
        )
        raise VerificationError(f"no amendment with notation {notation!r}; known: {known}")
    amendment = found[0]
    changes = []
    for node in graph.subjects(AIA.amendedBy, amendment):
        if (node, RDF.type, AIA.ProvisionChange) not in graph:
            continue
        changes.append(
            Change(
                iri=str(node),
                label=str(graph.value(node, RDFS.label)),
                changes=_locals(graph, node, AIA.changesProvision),
                affects=_locals(graph, node, AIA.affectsProvision),
                previous=_date(graph, node, AIA.previousDate),
                new=_date(graph, node, AIA.newDate),
                applied=bool(graph.value(node, AIA.appliedInAssessment).toPython())  # type: ignore[union-attr]
                if graph.value(node, AIA.appliedInAssessment) is not None
                else False,
                phrases=tuple(sorted(str(o) for o in graph.objects(node, AIA.expectedPhrase))),
                readings=tuple(sorted(str(o) for o in graph.objects(node, AIA.reportedReading))),
            )
        )
    identifier = graph.value(amendment, DCTERMS.identifier)
    return Amendment(
        iri=str(amendment),
        notation=notation,
        label=str(graph.value(amendment, RDFS.label)),
        identifier=str(identifier) if identifier is not None else None,
        changes=tuple(sorted(changes, key=lambda c: c.iri)),
    )


# checks --------------------------------------------------------------------------------------


def spoken(day: date) -> str:
    """``2027-12-02`` -> ``2 December 2027``, as the Official Journal writes dates."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def dates_in(text: str) -> list[date]:
    found = []
    for day, month, year in _DATE.findall(text):
        try:
            found.append(date(int(year), MONTHS.index(month) + 1, int(day)))
        except ValueError:
            continue
    return found


def reference_patterns(local: str) -> list[re.Pattern[str]]:
    """Citations of a provision: ``Article 6(2)``, ``Article 5(1), point (i)``, ``Annex III``."""
    parts = local.split(".")
    if match := re.fullmatch(r"anx_([IVXL]+)", parts[0]):
        return [re.compile(rf"\bAnnex\s+{match.group(1)}\b")]
    match = re.fullmatch(r"art_(\d+[a-z]?)", parts[0])
    if match is None:
        return []
    base = rf"\bArticle\s+{match.group(1)}"
    paragraph = next((p[4:] for p in parts[1:] if p.startswith("par_")), None)
    if paragraph:
        base += rf"\s*\({paragraph}\)"
    points = [p[4:] for p in parts[1:] if p.startswith("pnt_")]
    if not points:
        return [re.compile(base + (r"" if paragraph else r"\b(?!\s*\()"))]
    first = rf"\(\s*{points[0]}\s*\)"
    return [
        re.compile(base + "".join(rf"\s*\(\s*{p}\s*\)" for p in points)),
        re.compile(base + r",?\s*(?:(?:first|second|third) subparagraph,\s*)?points?\s*" + first),
        re.compile(
            rf"\bpoints?\s*{first}\s*(?:of|in)\s*(?:the\s+first\s+subparagraph\s+of\s+)?" + base
        ),
    ]


def within(local: str, scope: str) -> bool:
    """``local`` is ``scope``, a part of it, or a part inserted next to it (``par_1a``)."""
    return (
        local == scope
        or local.startswith(scope + ".")
        or bool(re.fullmatch(re.escape(scope) + r"[a-z]+(\..+)?", local))
    )


@dataclass
class Finding:
    """The result of checking one provision change against the amended text."""

    change: Change
    check: str
    status: str
    detail: str
    evidence: list[Entry] = field(default_factory=list)
    point: str | None = None

    @property
    def citation(self) -> str | None:
        return self.evidence[0].citation if self.evidence else None

    @property
    def new_text(self) -> str | None:
        if not self.evidence:
            return None
        return (
            " | ".join(
                f"{e.citation}: {e.new_text}" if len(self.evidence) > 1 else e.new_text
                for e in self.evidence
                if e.new is not None
            )
            or None
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "change": self.change.name,
            "label": self.change.label,
            "applied": self.change.applied,
            "check": self.check,
            "status": self.status,
            "detail": self.detail,
            "provision": self.citation,
            "point": self.point,
            "text": self.new_text,
            "reported_readings": list(self.change.readings),
        }


def _concerns(entry: Entry, change: Change) -> bool:
    if any(within(entry.local, scope) for scope in (*change.changes, *change.affects)):
        return True
    return any(p.search(entry.new_text) for a in change.affects for p in reference_patterns(a))


def _states_date(candidates: Sequence[Entry], wanted: date) -> tuple[list[Entry], list[Entry]]:
    """Candidates stating ``wanted`` and candidates stating other dates only."""
    hits = [e for e in candidates if wanted in dates_in(e.new_text)]
    others = [e for e in candidates if dates_in(e.new_text) and wanted not in dates_in(e.new_text)]
    return sorted(hits, key=lambda e: len(e.new_text)), others


def _said(entries: Sequence[Entry]) -> str:
    return "; ".join(f'{e.citation} says "{e.new_text}"' for e in entries)


def check_date(change: Change, changed: Sequence[Entry]) -> Finding:
    assert change.new is not None
    wanted = spoken(change.new)
    subject = ", ".join(_cite(a) for a in change.affects) or ", ".join(
        _cite(c) for c in change.changes
    )
    concerning = [e for e in changed if e.new is not None and _concerns(e, change)]
    hits, others = _states_date(concerning, change.new)
    if hits:
        return Finding(
            change, "date", CONFIRMED, f"{hits[0].citation} states {wanted} ({subject})", [hits[0]]
        )
    if others:
        return Finding(
            change,
            "date",
            CONTRADICTED,
            f"expected {wanted} for {subject}; " + _said(others),
            others,
        )
    return Finding(
        change,
        "date",
        NOT_FOUND,
        f"no changed or added provision concerning {subject} states {wanted}",
    )


def check_inserted(change: Change, changed: Sequence[Entry], amended: dict[str, Unit]) -> Finding:
    parents = set(change.changes)
    inserted = [
        e for e in changed if e.kind == "added" and e.new is not None and e.new.parent in parents
    ]
    phrases = " and ".join(f'"{p}"' for p in change.phrases)
    matching = [e for e in inserted if all(p.lower() in e.new_text.lower() for p in change.phrases)]
    where = ", ".join(_cite(c) for c in change.changes)
    if not matching:
        if inserted:
            return Finding(
                change,
                "inserted point",
                CONTRADICTED,
                f"parts inserted under {where} do not contain {phrases}: " + _said(inserted),
                inserted,
            )
        return Finding(change, "inserted point", NOT_FOUND, f"no part inserted under {where}")
    point = matching[0]
    number = amended[point.local].number
    if change.new is None:
        return Finding(
            change, "inserted point", CONFIRMED, f"{point.citation} inserted", [point], number
        )
    wanted = spoken(change.new)
    patterns = reference_patterns(point.local)
    citing = [point] + [
        e
        for e in changed
        if e.new is not None and e is not point and any(p.search(e.new_text) for p in patterns)
    ]
    hits, others = _states_date(citing, change.new)
    if hits:
        evidence = [point] + [e for e in hits[:1] if e is not point]
        detail = f"{point.citation} inserted ({phrases}); {hits[0].citation} states {wanted}"
        return Finding(change, "inserted point", CONFIRMED, detail, evidence, number)
    if others:
        return Finding(
            change,
            "inserted point",
            CONTRADICTED,
            f"{point.citation} inserted, but it applies from another date than {wanted}: "
            + _said(others),
            [point, *others],
            number,
        )
    return Finding(
        change,
        "inserted point",
        NOT_FOUND,
        f"{point.citation} inserted ({phrases}), but no provision states that it applies "
        f"from {wanted}",
        [point],
        number,
    )


def check_text(change: Change, changed: Sequence[Entry], used: set[str]) -> Finding:
    if not change.changes:
        return Finding(change, "text", NOT_FOUND, "the change names no provision")
    evidence: list[Entry] = []
    unchanged = []
    for scope in change.changes:
        hits = [e for e in changed if within(e.local, scope) and e.local not in used]
        evidence += hits
        if not hits:
            unchanged.append(_cite(scope))
    if unchanged:
        return Finding(
            change,
            "text",
            NOT_FOUND,
            "unchanged in the amended text (beyond the other recorded changes): "
            + ", ".join(unchanged),
            evidence,
        )
    cited = ", ".join(f"{e.citation} ({e.kind})" for e in evidence)
    return Finding(
        change,
        "text",
        CONFIRMED,
        f"words changed: {cited}; the reported reading is not checked, read the new text",
        evidence,
    )


_CITATIONS: dict[str, str] = {}


def _cite(local: str) -> str:
    return _CITATIONS.get(local, local)


@dataclass
class Report:
    amendment: Amendment
    source: Path
    sha256: str
    act_eli: str | None
    acts_cited: list[str]
    entries: list[Entry]
    leaf_entries: list[Entry]
    findings: list[Finding]
    unrecorded: list[Entry]
    warnings: tuple[str, ...] = ()

    @property
    def all_confirmed(self) -> bool:
        confirmed = all(f.status == CONFIRMED for f in self.findings)
        return confirmed and not self.unrecorded and not self.warnings

    @property
    def write_refusals(self) -> list[str]:
        reasons = [
            f"{f.change.name} is {f.status}"
            for f in self.findings
            if f.status == CONTRADICTED or (f.change.applied and f.status != CONFIRMED)
        ]
        return reasons

    def as_json(self) -> dict[str, Any]:
        counts = {
            k: sum(1 for e in self.entries if e.kind == k) for k in ("changed", "added", "removed")
        }
        return {
            "amendment": self.amendment.notation,
            "title": self.amendment.label,
            "source": {"file": self.source.name, "sha256": self.sha256},
            "amending_act": self.act_eli,
            "acts_cited": self.acts_cited,
            "diff": {
                **counts,
                # every provision whose words differ, at the most specific level (a provision
                # whose only change is that of a part it contains is left out)
                "provisions": [e.as_json() for e in self.leaf_entries],
            },
            "changes": [f.as_json() for f in self.findings],
            "unrecorded": [e.as_json() for e in self.unrecorded],
            "parser_warnings": list(self.warnings),
            "all_confirmed": self.all_confirmed,
            "write_allowed": not self.write_refusals,
            "write_refusals": self.write_refusals,
        }


def _amending_act(raw: str, identifier: str | None) -> tuple[str | None, list[str]]:
    cited = sorted(
        {f"http://data.europa.eu/eli/reg/{y}/{n}/oj" for y, n in _ELI_REG.findall(raw)}
        - {"http://data.europa.eu/eli/reg/2024/1689/oj"}
    )
    match = _ACT_NUMBER.search(identifier or "")
    if match is None:
        return None, cited
    expected = f"http://data.europa.eu/eli/reg/{match.group(1)}/{match.group(2)}/oj"
    return (expected if expected in cited else None), cited


def verify(
    html: Path,
    amendment: Amendment,
    baseline: dict[str, Unit],
    amended: dict[str, Unit],
    warnings: Sequence[str] = (),
) -> Report:
    """Compare the amended text with the 2024 text and check every change of the amendment."""
    for units in (baseline, amended):
        _CITATIONS.update({u.local: u.citation for u in units.values()})
    data = html.read_bytes()
    act, cited = _amending_act(data.decode("utf-8", errors="replace"), amendment.identifier)
    entries = diff(baseline, amended)
    changed = leaves(entries, baseline)
    findings: dict[str, Finding] = {}
    used: set[str] = set()
    for change in amendment.changes:
        if change.phrases:
            finding = check_inserted(change, changed, amended)
        elif change.new is not None:
            finding = check_date(change, changed)
        else:
            continue
        findings[change.iri] = finding
        if finding.status == CONFIRMED:
            used.update(e.local for e in finding.evidence)
    for change in amendment.changes:
        if change.iri not in findings:
            findings[change.iri] = check_text(change, changed, used)
            used.update(e.local for e in findings[change.iri].evidence)
    recorded = set(used)
    for change in amendment.changes:
        recorded.update(e.local for e in changed if any(within(e.local, s) for s in change.changes))
    unrecorded = [e for e in changed if e.local not in recorded]
    return Report(
        amendment=amendment,
        source=html,
        sha256=hashlib.sha256(data).hexdigest(),
        act_eli=act,
        acts_cited=cited,
        entries=entries,
        leaf_entries=changed,
        findings=[findings[c.iri] for c in amendment.changes],
        unrecorded=unrecorded,
        warnings=tuple(warnings),
    )


# output --------------------------------------------------------------------------------------


def render_text(report: Report) -> str:
    a = report.amendment
    lines = [
        f"Verification of {a.notation} ({a.label})",
        f"  against {report.source.name}, sha256 {report.sha256}",
    ]
    if report.act_eli:
        lines.append(f"  amending act: {report.act_eli} (named in the file)")
    else:
        lines.append(
            f"  amending act: {a.identifier or 'no identifier recorded'} not named in the file"
            + (
                f"; regulations it cites: {', '.join(report.acts_cited)}"
                if report.acts_cited
                else ""
            )
        )
    counts = report.as_json()["diff"]
    lines.append(
        f"Compared with the 2024 text: {counts['changed']} provisions changed, "
        f"{counts['added']} added, {counts['removed']} removed "
        f"({len(report.leaf_entries)} at the most specific level)."
    )
    if report.leaf_entries:
        lines.append(
            "  at the most specific level: "
            + ", ".join(f"{e.citation} ({e.kind})" for e in report.leaf_entries)
        )
    lines.append("Changes recorded for the amendment:")
    for f in report.findings:
        applied = "applied" if f.change.applied else "not applied"
        lines.append(f"  [{f.status}] {f.change.name} ({applied}, {f.check}): {f.detail}")
        if f.point:
            lines.append(f"      inserted point: {f.point}")
        if f.status == CONFIRMED and f.new_text:
            lines.append(f"      text: {f.new_text}")
        for reading in f.change.readings if f.check == "text" else ():
            lines.append(f"      reported reading: {reading}")
    if report.unrecorded:
        lines.append("Unrecorded changes (in the text, recorded by no provision change):")
        for e in report.unrecorded:
            lines.append(f"  {e.kind} {e.citation}: {e.new_text or e.old_text}")
    else:
        lines.append("Unrecorded changes: none.")
    if report.warnings:
        lines.append(
            f"Parts of the HTML the parser could not map ({len(report.warnings)}; a change there "
            "would be missed):"
        )
        lines += [f"  {warning}" for warning in report.warnings[:20]]
    lines.append(
        "Result: every change confirmed, no unrecorded change."
        if report.all_confirmed
        else "Result: not everything is confirmed (or the parser left parts of the file out)."
    )
    refusals = report.write_refusals
    lines.append(
        "--write would write the verification file."
        if not refusals
        else "--write would write nothing: " + "; ".join(refusals) + "."
    )
    return "\n".join(lines) + "\n"


def _lit(value: str) -> str:
    return rdflib.Literal(value).n3()


def _ref(iri: str) -> str:
    """``aiac:name`` for our concepts (all of them have plain local names), else ``<iri>``."""
    local = iri[len(CONCEPT) :]
    return (
        f"aiac:{local}"
        if iri.startswith(CONCEPT) and re.fullmatch(r"[\w-]+", local)
        else f"<{iri}>"
    )


def verification_turtle(report: Report, today: date) -> str:
    """The generated file: the record, the confirmations and the verified status."""
    a = report.amendment
    record = _ref(f"{CONCEPT}verification-{a.notation}")
    note = (
        f"Verified against the Official Journal text: {report.source.name} (sha256 "
        f"{report.sha256}), compared on {today.isoformat()} by scripts/verify_amendment.py."
    )
    lines = [
        f"# Verification of the amendment {a.notation} against the Official Journal text.",
        "# This file is generated by scripts/verify_amendment.py, do not edit; rerun the script",
        "# with --write instead (see docs/amendments.md).",
        f"# Source file: {report.source.name}, sha256 {report.sha256}",
        f"# Verified on: {today.isoformat()}",
    ]
    lines += [f"# Unrecorded change: {e.kind} {e.citation}" for e in report.unrecorded]
    lines += [
        f"@prefix aia:  <{ONTOLOGY}> .",
        f"@prefix aiap: <{PROVISION}> .",
        f"@prefix aiac: <{CONCEPT}> .",
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        "@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .",
        "",
        f"{record} a aia:AmendmentVerification ;",
        f"    rdfs:label {_lit(f'Verification of the {a.label} against the OJ')}@en ;",
        "    skos:definition "
        + _lit(
            "The comparison of the encoding of the amendment with the Official Journal text "
            "named here, written by scripts/verify_amendment.py; it confirms the provision "
            "changes that point to it."
        )
        + "@en ;",
        f"    aia:verificationOf {_ref(a.iri)} ;",
        f"    aia:sourceFileName {_lit(report.source.name)} ;",
        f"    aia:sourceSha256 {_lit(report.sha256)} ;",
        f'    aia:verifiedOn "{today.isoformat()}"^^xsd:date ;',
    ]
    if report.act_eli:
        lines.append(f"    aia:amendingAct <{report.act_eli}> ;")
    lines += [
        f"    aia:statusNote {_lit(note)} ;",
        "    aia:sourceProvision aiap:art_113 .",
        "",
        f"{_ref(a.iri)} aia:verificationStatus aiac:status-verified .",
        "",
    ]
    for f in report.findings:
        if f.status != CONFIRMED or f.new_text is None:
            continue
        lines.append(f"{_ref(f.change.iri)} aia:confirmedBy {record} ;")
        lines.append(f"    aia:confirmedIn {_lit(f.citation or '')} ;")
        if f.point:
            lines.append(f"    aia:insertedPoint {_lit(f.point)} ;")
        lines.append(f"    aia:newText {_lit(f.new_text)} .")
        lines.append("")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Verify an amendment's encoding against the EUR-Lex text of the AI Act "
        "as amended; see docs/amendments.md."
    )
    parser.add_argument("html", type=Path, metavar="CONSOLIDATED_HTML")
    parser.add_argument(
        "--amendment", required=True, help="skos:notation, e.g. digital-omnibus-2026"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--write", action="store_true", help="write the verification file")
    parser.add_argument(
        "--output",
        type=Path,
        default=None,
        help="verification file (default: verification-<amendment>.ttl in --law-dir)",
    )
    parser.add_argument(
        "--law-dir",
        type=Path,
        default=DEFAULT_LAW_DIR,
        help="directory of the law-version files to read (default: data/law)",
    )
    parser.add_argument(
        "--legal-text",
        type=Path,
        default=DEFAULT_LEGAL_TEXT,
        help="the 2024 legal-text graph (default: data/legal-text/aiact-2024-1689.ttl)",
    )
    args = parser.parse_args(argv)
    output: Path = args.output or args.law_dir / f"verification-{args.amendment}.ttl"
    try:
        law_files = [
            p for p in sorted(args.law_dir.glob("*.ttl")) if p.resolve() != output.resolve()
        ]
        amendment = load_amendment(law_files, args.amendment)
        baseline = load_baseline(args.legal_text)
        needed = [local for c in amendment.changes for local in (*c.changes, *c.affects)]
        amended, warnings = load_amended(args.html, baseline, needed)
        report = verify(args.html, amendment, baseline, amended, warnings)
    except VerificationError as error:
        print(f"verify_amendment: {error}", file=sys.stderr)
        return 2
    if args.format == "json":
        print(json.dumps(report.as_json(), indent=2, ensure_ascii=False))
    else:
        print(render_text(report), end="")
    if not args.write:
        return 0 if report.all_confirmed else 1
    if report.write_refusals:
        print(
            f"verify_amendment: nothing written to {output}: " + "; ".join(report.write_refusals),
            file=sys.stderr,
        )
        return 1
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(verification_turtle(report, datetime.now(UTC).date()), encoding="utf-8")
    print(f"verify_amendment: wrote {output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
