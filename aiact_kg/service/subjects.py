"""A subject of the registry: its categories, obligations and the chain that explains them.

The stored submission that describes the subject is found in the registry graph; its
assessment is then read by the query files of ``queries/assess/`` over a
:class:`~aiact_kg.service.dataset.DatasetView` (the knowledge base the rules read, the
submission, its assessment), and turned into JSON by the same code as ``aiact-kg assess``: each
subject, determination and obligation has exactly the shape of ``assess --format json``. The
explanation chain adds, for each determination, its facts and rule and the text of the
provisions it rests on, and for each obligation the text of the provision imposing it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from pyoxigraph import BlankNode, Literal, NamedNode

from aiact_kg.namespaces import OBLIGATION, PREFIXES
from aiact_kg.queries import get_query, with_prefixes
from aiact_kg.reasoning.engine import engine_graphs  # the graphs the rules read
from aiact_kg.reasoning.report import determination_id, law_json, subjects_json
from aiact_kg.reasoning.rules import load_rules
from aiact_kg.registry.names import REGISTRY_GRAPH
from aiact_kg.service.dataset import DatasetView
from aiact_kg.store.base import Bindings, KnowledgeStore, SelectResult, Term
from aiact_kg.store.oxigraph_store import OxigraphStore


class UnknownSubjectError(LookupError):
    """No stored assessment concludes anything about this IRI."""


def _value(term: Term | None) -> str | None:
    if term is None:
        return None
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    return term.value


def select(store: KnowledgeStore, name: str, bindings: Bindings) -> SelectResult:
    """Run a query file with ``bindings`` as bound terms (never written into its text)."""
    return store.select(with_prefixes(get_query(name).text), bindings)


@dataclass(frozen=True)
class StoredSubmission:
    """A registry entry describing the subject."""

    name: str
    file: str
    sha256: str
    submitted_at: str
    submission_graph: str
    assessment_graph: str
    run: str
    label: str | None

    def json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "file": self.file,
            "sha256": self.sha256,
            "submitted_at": self.submitted_at,
            "submission_graph": self.submission_graph,
            "assessment_graph": self.assessment_graph,
            "run": self.run,
        }


def submissions_of(store: KnowledgeStore, iri: str) -> list[StoredSubmission]:
    """The stored submissions assessing ``iri``, newest first."""
    rows = select(
        store,
        "registry/subject-submissions",
        {"subject": NamedNode(iri), "registry": NamedNode(REGISTRY_GRAPH)},
    ).records()
    found: dict[str, StoredSubmission] = {}
    for row in rows:
        name = _value(row["name"]) or ""
        if name in found:  # several labels: keep the first
            continue
        found[name] = StoredSubmission(
            name=name,
            file=_value(row["file"]) or "",
            sha256=_value(row["sha256"]) or "",
            submitted_at=_value(row["submittedAt"]) or "",
            submission_graph=_value(row["submissionGraph"]) or "",
            assessment_graph=_value(row["assessmentGraph"]) or "",
            run=_value(row["run"]) or "",
            label=_value(row["label"]),
        )
    return list(found.values())


def assessment_view(store: OxigraphStore, submission: StoredSubmission) -> DatasetView:
    """The submission and its assessment over the knowledge base, as one run's store."""
    graphs = list(engine_graphs())
    return DatasetView(store, [*graphs, submission.submission_graph, submission.assessment_graph])


@cache
def _rule_labels() -> dict[str, str]:
    return {rule.iri: rule.label for rule in load_rules()}


def _provision(view: KnowledgeStore, iri: str) -> dict[str, Any]:
    rows = select(view, "assess/explain-provision", {"provision": NamedNode(iri)}).records()
    row = rows[0] if rows else {}
    return {
        "iri": iri,
        "citation": _value(row.get("citation")),
        "title": _value(row.get("title")),
        "text": _value(row.get("text")),
        "eur_lex": _value(row.get("link")),
        "applies_from": _value(row.get("applies")),
    }


def _premise(row: dict[str, Term | None]) -> dict[str, Any] | None:
    determination = row["premiseDetermination"]
    if determination is not None:
        iri = _value(determination) or ""
        return {"determination": determination_id(iri), "iri": iri}
    if row["premiseProperty"] is None:
        return None
    value = row["premiseValue"]
    return {
        "subject": _value(row["premiseSubject"]),
        "property": _value(row["premiseProperty"]),
        "value": _value(value),
        "value_is_iri": isinstance(value, NamedNode),
        "datatype": value.datatype.value if isinstance(value, Literal) else None,
    }


def _expand(name: str) -> str:
    prefix, _, local = name.partition(":")
    return PREFIXES[prefix] + local if prefix in PREFIXES else name


def _determination_chain(view: KnowledgeStore, subject: dict[str, Any]) -> list[dict[str, Any]]:
    iris = {
        determination_id(iri): iri
        for iri in (
            _value(t) for t in select(view, "assess/determinations", {}).column("determination")
        )
        if iri
    }
    premises: dict[str, list[dict[str, Any]]] = {}
    for row in select(view, "assess/determination-premises", {}).records():
        premise = _premise(row)
        if premise is not None:
            premises.setdefault(_value(row["determination"]) or "", []).append(premise)
    chain = []
    for item in subject["determinations"]:
        iri = iris.get(item["id"], item["id"])
        rule = _expand(item["rule"])
        chain.append(
            {
                "determination": item["id"],
                "iri": iri,
                "conclusion": item["conclusion"],
                "kind": item["kind"],
                "explanation": item["explanation"],
                "applies_from": item["applies_from"],
                "rule": {"iri": rule, "label": item["rule_label"]},
                "premises": sorted(
                    premises.get(iri, []),
                    key=lambda p: (p.get("determination", ""), p.get("property") or ""),
                ),
                "provisions": [_provision(view, provision) for provision in item["provisions"]],
            }
        )
    return chain


def _obligation_chain(view: KnowledgeStore, subject: dict[str, Any]) -> list[dict[str, Any]]:
    chain = []
    texts: dict[str, dict[str, Any]] = {}
    for item in subject["obligations"]:
        citation = item["citation"]
        if citation and citation not in texts:
            rows = select(view, "assess/explain-citation", {"citation": Literal(citation)})
            found = rows.records()
            provision = _value(found[0]["provision"]) if found else None
            texts[citation] = _provision(view, provision) if provision else {"citation": citation}
        chain.append(
            {
                "obligation": item["id"],
                "iri": OBLIGATION + item["id"],
                "determination": item["determination"],
                "imposed_by": texts.get(citation) if citation else None,
            }
        )
    return chain


def describe_subject(store: OxigraphStore, iri: str, name: str | None = None) -> dict[str, Any]:
    """The JSON of ``GET /subjects/{iri}``: the subject as ``assess`` reports it, its law and
    submission, and the explanation chain. ``name`` picks one of several submissions."""
    stored = submissions_of(store, iri)
    if name is not None:
        stored = [s for s in stored if s.name == name] + [s for s in stored if s.name != name]
        if not stored or stored[0].name != name:
            raise UnknownSubjectError(f"no stored submission named {name!r} assesses <{iri}>")
    if not stored:
        raise UnknownSubjectError(
            f"no stored assessment concludes anything about <{iri}>; the registry's subjects "
            "are the AI systems and models of submitted descriptions (aiact-kg registry)"
        )
    submission = stored[0]
    view = assessment_view(store, submission)
    subjects = {item["iri"]: item for item in subjects_json(view)}
    if iri not in subjects:
        raise UnknownSubjectError(
            f"the assessment of {submission.name!r} does not describe <{iri}>"
        )
    subject = subjects[iri]
    for item in subject["determinations"]:  # rule labels live in the rule files, not the store
        item["rule_label"] = item["rule_label"] or _rule_labels().get(_expand(item["rule"]))
    law = law_json(view)
    runs = select(view, "registry/run-options", {"run": NamedNode(submission.run)}).records()
    return {
        **subject,
        "label": submission.label,
        "as_of": _value(runs[0]["asOf"]) if runs else None,
        "law": law,
        "submission": submission.json(),
        "submissions": [s.name for s in stored],
        "explanation": {
            "determinations": _determination_chain(view, subject),
            "obligations": _obligation_chain(view, subject),
        },
    }
