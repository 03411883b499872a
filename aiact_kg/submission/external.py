"""Read descriptions written in DPV (ai:, eu-aiact:), AIRO or VAIR terms.

The mapping is data (``ontology/mappings/dpv-airo-vair-input.ttl``). It runs after reading and
before validation: mapped statements are rewritten into the submission vocabulary with an info
note each; statements in those namespaces that cannot be mapped are reported (a warning naming
them, and the statement is left as written, so the closed vocabulary reports it as well);
conclusions the submitter wrote are kept aside (``declared``) and compared with ours.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from pyoxigraph import BlankNode, Literal, NamedNode, Quad, RdfFormat, parse

from aiact_kg.resources import data_dir
from aiact_kg.submission.findings import Finding

MAP = "https://w3id.org/aiact-kg/input-mapping#"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_COMMENT = "http://www.w3.org/2000/01/rdf-schema#comment"
EXTERNAL_NAMESPACES = (
    "https://w3id.org/dpv/",
    "https://w3id.org/airo#",
    "https://w3id.org/vair#",
)
AI_KINDS = (
    "https://w3id.org/aiact-kg/ontology#AISystem",
    "https://w3id.org/aiact-kg/ontology#GeneralPurposeAIModel",
    "https://w3id.org/aiact-kg/ontology#GeneralPurposeAISystem",
)
CHECK = "https://w3id.org/aiact-kg/check/external-vocabulary"
RISK_LEVEL = "https://w3id.org/dpv/legal/eu/aiact#hasRiskLevel"


@dataclass(frozen=True)
class Mapping:
    """One row of the input mapping."""

    iri: str
    kind: str  # ClassMapping | PropertyMapping | ConceptMapping | RoleClassMapping | Conclusion
    source: str
    target: str  # an IRI; for a Conclusion, our category name
    rests_on: str
    note: str
    #: for a Conclusion: our categories beside which it does not agree (DPV's transparency level
    #: is "not high-risk"), and the provision our category must rest on (an Art 6(1) route)
    excludes: tuple[str, ...] = ()
    requires_basis: str | None = None


@dataclass(frozen=True)
class MappingResult:
    """The rewritten statements, a finding per mapped or unmappable statement, the declared
    conclusions (subject IRI, category, source term)."""

    quads: tuple[Quad, ...]
    findings: tuple[tuple[str, Finding], ...]
    declared: tuple[tuple[str, str, str], ...]


@cache
def load_mappings() -> dict[str, Mapping]:
    """The input mapping, by source term."""
    path = data_dir("ontology") / "mappings" / "dpv-airo-vair-input.ttl"
    rows: dict[str, dict[str, str]] = {}
    excluded: dict[str, list[str]] = {}
    for quad in parse(path=str(path), format=RdfFormat.TURTLE):
        row = rows.setdefault(term_value(quad.subject), {})
        key = quad.predicate.value.removeprefix(MAP)
        if quad.predicate == RDF_TYPE:
            key = "kind"
        elif quad.predicate.value == RDFS_COMMENT:
            key = "note"
        elif key == "excludesCategory":
            excluded.setdefault(term_value(quad.subject), []).append(quad.object.value)
            continue
        row[key] = quad.object.value.removeprefix(MAP)
    mappings = {
        row["source"]: Mapping(
            iri,
            row["kind"],
            row["source"],
            row.get("target") or row["category"],
            row["restsOn"],
            row["note"],
            excludes=tuple(sorted(excluded.get(iri, ()))),
            requires_basis=row.get("requiresBasis"),
        )
        for iri, row in rows.items()
    }
    return mappings


def term_value(term: object) -> str:
    """The IRI or text of a term (a quoted triple has none: its string form)."""
    return term.value if isinstance(term, NamedNode | BlankNode | Literal) else str(term)


def is_external(iri: str) -> bool:
    return iri.startswith(EXTERNAL_NAMESPACES)


def _short(term: object) -> str:
    return f"<{term.value}>" if isinstance(term, NamedNode) else str(term)


def _statement(quad: Quad) -> str:
    return f"{_short(quad.subject)} {_short(quad.predicate)} {_short(quad.object)}"


def _finding(
    subject: str, severity: str, message: str, path: str | None, value: str | None
) -> tuple[str, Finding]:
    return subject, Finding(
        severity=severity,
        message=message,
        focus_node=subject,
        path=path,
        value=value,
        shape=CHECK,
        legal_basis=(),
        provisions=(),
    )


def _mentions_external(quad: Quad) -> bool:
    obj = quad.object
    return is_external(quad.predicate.value) or (
        isinstance(obj, NamedNode) and is_external(obj.value)
    )


def _row(mappings: dict[str, Mapping], term: str | None, *kinds: str) -> Mapping | None:
    row = mappings.get(term or "")
    return row if row is not None and row.kind in kinds else None


def _conclusion(quad: Quad, mappings: dict[str, Mapping]) -> Mapping | None:
    value = quad.object.value if isinstance(quad.object, NamedNode) else None
    if quad.predicate == RDF_TYPE or quad.predicate.value == RISK_LEVEL:
        return _row(mappings, value, "Conclusion")
    return None


class _Mapper:
    """Rewrites one document's statements; collects notes and declared conclusions."""

    def __init__(self, quads: Sequence[Quad]) -> None:
        self.mappings = load_mappings()
        self.systems = _systems(quads, self.mappings)
        self.out: list[Quad] = []
        self.findings: list[tuple[str, Finding]] = []
        self.declared: list[tuple[str, str, str]] = []

    def add(self, quad: Quad) -> None:
        if not _mentions_external(quad):
            self.out.append(quad)
            return
        conclusion = _conclusion(quad, self.mappings)
        if conclusion is not None:
            self._declare(quad, conclusion)
            return
        role = quad.predicate == RDF_TYPE and _row(
            self.mappings, term_value(quad.object), "RoleClassMapping"
        )
        if role:
            self._role(quad, role)
            return
        new, used = self._rewrite(quad)
        self.out.append(new)  # unmapped terms stay, and the closed vocabulary reports them
        if used:
            rows = ", ".join(f"{r.iri.removeprefix(MAP)} ({r.rests_on})" for r in used)
            self._note(
                term_value(new.subject),
                "info",
                f"The statement {_statement(quad)} was read "
                f"as {_statement(new)}, by the input mapping {rows}.",
                new,
            )

    def _rewrite(self, quad: Quad) -> tuple[Quad, list[Mapping]]:
        used: list[Mapping] = []
        predicate, obj = quad.predicate, quad.object
        value = obj.value if isinstance(obj, NamedNode) else None
        if predicate == RDF_TYPE:
            row = _row(self.mappings, value, "ClassMapping")
            if row is not None:
                obj = NamedNode(row.target)
                used.append(row)
            return Quad(quad.subject, predicate, obj, quad.graph_name), used
        row = _row(self.mappings, predicate.value, "PropertyMapping")
        if row is not None:
            predicate = NamedNode(row.target)
            used.append(row)
        row = _row(self.mappings, value, "ConceptMapping")
        if row is not None:
            obj = NamedNode(row.target)
            used.append(row)
        return Quad(quad.subject, predicate, obj, quad.graph_name), used

    def _declare(self, quad: Quad, row: Mapping) -> None:
        self.declared.append((term_value(quad.subject), row.target, row.source))
        self._note(
            term_value(quad.subject),
            "info",
            f"The statement {_statement(quad)} states a "
            f"conclusion ({row.target}); it is not used as a fact but compared with the "
            "assessment ('declared' in the assess output).",
            quad,
        )

    def _role(self, quad: Quad, row: Mapping) -> None:
        if len(self.systems) != 1:
            self._note(
                term_value(quad.subject),
                "warning",
                f"The statement {_statement(quad)} "
                f"names a role, but the document describes {len(self.systems)} AI "
                "systems or models, so whose role it is cannot be told; it is not used. "
                f"State the role with <{row.target}> on the system.",
                quad,
            )
            return
        new = Quad(NamedNode(self.systems[0]), NamedNode(row.target), quad.subject, quad.graph_name)
        self.out.append(new)
        self._note(
            term_value(new.subject),
            "info",
            f"The statement {_statement(quad)} was read as "
            f"{_statement(new)}, by the input mapping {row.iri.removeprefix(MAP)} "
            f"({row.rests_on}).",
            new,
        )

    def _note(self, subject: str, severity: str, message: str, quad: Quad) -> None:
        value = quad.object.value if isinstance(quad.object, NamedNode) else None
        self.findings.append(_finding(subject, severity, message, quad.predicate.value, value))


def map_quads(quads: Sequence[Quad]) -> MappingResult:
    """Rewrite DPV/AIRO/VAIR statements into the submission vocabulary."""
    for quad in quads:  # the common case, no external term at all, in a plain loop
        value = quad.object
        if is_external(quad.predicate.value) or (
            type(value) is NamedNode and is_external(value.value)
        ):
            break
    else:
        return MappingResult(tuple(quads), (), ())
    mapper = _Mapper(quads)
    for quad in quads:
        mapper.add(quad)
    return MappingResult(
        tuple(dict.fromkeys(mapper.out)), tuple(mapper.findings), tuple(mapper.declared)
    )


def _systems(quads: Sequence[Quad], mappings: dict[str, Mapping]) -> list[str]:
    kinds = (
        set(AI_KINDS)
        | {m.source for m in mappings.values() if m.kind == "ClassMapping"}
        | {m.source for m in mappings.values() if m.kind == "Conclusion"}
    )
    return sorted(
        {
            term_value(q.subject)
            for q in quads
            if q.predicate == RDF_TYPE
            and isinstance(q.object, NamedNode)
            and q.object.value in kinds
        }
    )
