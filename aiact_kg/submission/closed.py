"""Findings about the terms a submission uses: the vocabulary is closed.

* An input that describes no AI system or model (no node typed one of the subject classes) is
  a violation: nothing can be assessed, and the message says what the checker looks for.
* An ``aia:`` term that the ontology does not declare is a warning naming the closest declared
  term (the statements using it are not read).
* A term of an external vocabulary we align to (DPV, AIRO, VAIR, ...) is a warning pointing to
  the submission guide, with our aligned term where the alignments name one.
* A node whose classes (stated with ``rdf:type``, or implied by the ``rdfs:range`` of a
  property it is the value of) include two classes the ontology declares disjoint is a
  violation: for example a system that is its own provider, or a subject typed both AI system
  and AI model.
* A statement that states what the assessment derives (a term of the ontology outside the
  submission vocabulary, e.g. ``aia:satisfiesTrigger``, ``aia:conclusion``, a
  ``aia:Determination``), or that describes a node of the knowledge base itself (a provision,
  concept, obligation, rule or ontology term, e.g. an obligation's ``aia:appliesFrom``), is a
  violation: a description states facts about systems, models, parties and events; believed,
  such a statement would change the law or the results the rules draw.
* A statement whose subject is of a class disjoint with every class of its property's
  ``rdfs:domain`` is a violation: the rules read the fact only on the domain, so it would not be
  read (for example ``aia:isSME`` stated on the system instead of its provider, or
  ``aia:practice`` on the system instead of a practice description it engages in).
* A practice description, procedure event or value-chain event that nothing links to is a
  violation: the rules reach it only from the system or model it is about.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Sequence
from itertools import chain
from typing import Final

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node

from aiact_kg.namespaces import (
    ACT,
    ASSESSMENT,
    BASE,
    CHECK,
    CONCEPT,
    DRAFT,
    DUTY_REVIEW,
    GRAPH,
    OBLIGATION,
    ONTOLOGY,
    PROVISION,
    REGISTRY,
    RULE,
    compact,
)
from aiact_kg.submission.checks import Statement, finding, show
from aiact_kg.submission.findings import Finding
from aiact_kg.submission.values import XSD
from aiact_kg.submission.vocabulary import SUBJECT_CLASSES, Vocabulary, below_any

_TYPE: Final = RDF.type

GUIDE: Final = "docs/submission-guide.md"


#: our namespaces written with http: instead of https: (a typo that would drop every statement)
_INSECURE_ROOT: Final = "http:" + BASE.removeprefix("https:")


def _undeclared(iri: str, vocabulary: Vocabulary) -> bool:
    """An ``aia:`` term the ontology does not declare, or one of our terms spelt ``http:``."""
    return (iri.startswith(ONTOLOGY) and iri not in vocabulary.terms) or iri.startswith(
        _INSECURE_ROOT
    )


def _closest(term: str, vocabulary: Vocabulary) -> str | None:
    if term.startswith(_INSECURE_ROOT):
        term = "https" + term.removeprefix("http")
        if term in vocabulary.terms or not term.startswith(ONTOLOGY):
            return term
    names = {iri[len(ONTOLOGY) :].lower(): iri for iri in vocabulary.terms}
    found = difflib.get_close_matches(term[len(ONTOLOGY) :].lower(), list(names), n=1, cutoff=0.6)
    return names[found[0]] if found else None


def _first_uses(
    statements: Iterable[Statement], wanted: Callable[[str], bool]
) -> dict[tuple[str, str], Statement]:
    """The first statement using each wanted term, per file (each term decided once)."""
    uses: dict[tuple[str, str], Statement] = {}
    decided: dict[URIRef, bool] = {}
    for statement in statements:
        for term in statement[:3]:
            if not isinstance(term, URIRef):
                continue
            chosen = decided.get(term)
            if chosen is None:
                chosen = decided[term] = wanted(str(term))
            if chosen:
                uses.setdefault((str(term), statement.file), statement)
    return uses


def _unknown_term(term: str, statement: Statement, vocabulary: Vocabulary) -> Finding:
    closest = _closest(term, vocabulary)
    hint = f" Did you mean {compact(closest)}?" if closest else ""
    return finding(
        "closed-vocabulary",
        "warning",
        f"In {statement.file}, {compact(term)} (used by {show(statement.subject)}) is not a term "
        f"of the aiact-kg vocabulary, so the statements using it are not read.{hint} The "
        f"terms are listed in {GUIDE}.",
        focus=statement.subject,
        path=statement.predicate,
        value=compact(term) if term == str(statement.object) else None,
    )


def _external_term(term: str, statement: Statement, vocabulary: Vocabulary) -> Finding:
    ours = vocabulary.matches.get(term, ())
    hint = (
        f" The aiact-kg term aligned with it: {', '.join(compact(o) for o in ours)}."
        if ours
        else ""
    )
    return finding(
        "closed-vocabulary",
        "warning",
        f"In {statement.file}, {term} (used by {show(statement.subject)}) is a term of another "
        f"vocabulary (DPV, AIRO, VAIR, ...), which aiact-kg does not read: describe the system "
        f"or model with the aiact-kg vocabulary ({GUIDE}).{hint}",
        focus=statement.subject,
        path=statement.predicate,
        value=term if term == str(statement.object) else None,
    )


_OWL: Final = "http://www.w3.org/2002/07/owl#"
#: statements of identity and equivalence the rules do not follow (a submission may declare a
#: class below ours, rdfs:subClassOf, a property below ours, rdfs:subPropertyOf, or the inverse
#: of ours, owl:inverseOf: those are read)
_UNREAD_AXIOMS: Final[dict[Node, str]] = {
    URIRef(_OWL + "sameAs"): "does not merge two nodes: state the facts on one node",
    URIRef(_OWL + "equivalentClass"): (
        "does not read class equivalence: type the node with the aia: class, or declare your "
        "class rdfs:subClassOf it"
    ),
    URIRef(_OWL + "equivalentProperty"): (
        "does not read property equivalence: use the aia: property, or declare yours "
        "rdfs:subPropertyOf it"
    ),
}


def _unread_axiom(statement: Statement) -> Finding:
    predicate = statement.predicate
    return finding(
        "closed-vocabulary",
        "warning",
        f"In {statement.file}, {compact(str(predicate))} (on {show(statement.subject)}) is not "
        f"read: aiact-kg {_UNREAD_AXIOMS[predicate]}. Facts that rest on it are missing.",
        focus=statement.subject,
        path=predicate,
        value=show(statement.object),
    )


def term_findings(
    statements: Sequence[Statement], vocabulary: Vocabulary
) -> list[tuple[Node, Finding]]:
    """Warnings for undeclared ``aia:`` terms, for terms of external vocabularies and for
    identity and equivalence statements, which are not read."""
    found: list[tuple[Node, Finding]] = [
        (statement.subject, _unread_axiom(statement))
        for statement in statements
        if statement.predicate in _UNREAD_AXIOMS
    ]
    unknown, external = _first_uses_of_both(statements, vocabulary)
    for (term, _, _), statement in unknown.items():
        found.append((statement.subject, _unknown_term(term, statement, vocabulary)))
    for (term, _, _), statement in external.items():
        found.append((statement.subject, _external_term(term, statement, vocabulary)))
    return found


_Uses = dict[tuple[str, str, Node], Statement]


def _first_uses_of_both(
    statements: Iterable[Statement], vocabulary: Vocabulary
) -> tuple[_Uses, _Uses]:
    """The first statement using each undeclared ``aia:`` term and each external term, per file
    and node (each node's description is read on its own: kept once per file, a second system
    using the term had no warning of the fact not read), in one pass."""
    unknown: _Uses = {}
    external: _Uses = {}
    decided: dict[URIRef, tuple[_Uses, ...]] = {}
    for statement in statements:
        for term in statement[:3]:
            if not isinstance(term, URIRef):
                continue
            targets = decided.get(term)
            if targets is None:
                iri = str(term)
                targets = decided[term] = tuple(
                    uses
                    for uses, wanted in (
                        (unknown, _undeclared(iri, vocabulary)),
                        (external, vocabulary.is_external(iri)),
                    )
                    if wanted
                )
            for uses in targets:
                uses.setdefault((str(term), statement.file, statement.subject), statement)
    return unknown, external


def no_subject_findings(
    statements: Sequence[Statement],
    files: Sequence[str],
    subject_classes: Sequence[str],
    vocabulary: Vocabulary,
) -> list[tuple[str, Finding]]:
    """One violation per file (with the file) when no input describes any system or model."""
    if not files or _describes_a_subject(statements, subject_classes, vocabulary):
        return []
    names = [compact(c) for c in subject_classes]
    looked_for = ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else names[0]
    foreign = sorted({t for t, _ in _first_uses(statements, vocabulary.is_external)})
    unknown = sorted({t for t, _ in _first_uses(statements, lambda t: _undeclared(t, vocabulary))})
    notes = ""
    if foreign:
        notes += (
            f" It uses terms of other vocabularies, which are not read: {', '.join(foreign[:5])}."
        )
    if unknown:
        notes += (
            " It uses aia: terms the vocabulary does not declare: "
            f"{', '.join(compact(t) for t in unknown[:5])}."
        )
    provisions = {p for c in subject_classes for p in vocabulary.provisions.get(c, ())}
    return [
        (
            file,
            finding(
                "no-subject",
                "violation",
                f"{file} describes no AI system or general-purpose AI model, and neither does any "
                f"other input, so nothing can be checked or assessed. The checker looks for a node "
                f"typed {looked_for} (see {GUIDE}).{notes}",
                provisions=provisions,
            ),
        )
        for file in files
    ]


def _describes_a_subject(
    statements: Sequence[Statement], subject_classes: Sequence[str], vocabulary: Vocabulary
) -> bool:
    """True when a node is typed a subject class, a class of the ontology below one, or a class
    the inputs declare (``rdfs:subClassOf``, at any depth) below one of those, as the rules read
    it."""
    kinds = frozenset(subject_classes)
    below: dict[str, set[str]] = {}  # class -> the subclasses the inputs declare
    for statement in statements:
        if statement.predicate == RDFS.subClassOf and isinstance(statement.object, URIRef):
            below.setdefault(str(statement.object), set()).add(str(statement.subject))
    in_ontology = (cls for cls, above in vocabulary.superclasses.items() if above & kinds)
    counted = below_any(chain(kinds, in_ontology), below)
    return any(
        statement.predicate == _TYPE
        and isinstance(statement.object, URIRef)
        and str(statement.object) in counted
        for statement in statements
    )


def _classes(
    statements: Sequence[Statement], vocabulary: Vocabulary
) -> dict[Node, dict[str, tuple[str, Statement]]]:
    """Per node: each class it belongs to, with why (the stated or implied class, statement)."""
    stated: dict[Node, list[tuple[str, Statement]]] = {}
    implied_by: dict[Node, str | None] = {}  # property -> the class its range implies
    for statement in statements:
        predicate = statement.predicate
        if predicate == _TYPE and isinstance(statement.object, URIRef):
            stated.setdefault(statement.subject, []).append((str(statement.object), statement))
        elif statement.datatype is None:
            if predicate in implied_by:
                implied = implied_by[predicate]
            else:
                implied = vocabulary.range_of(str(predicate))
                if not str(predicate).startswith(ONTOLOGY) or (
                    implied is not None and implied.startswith(XSD)
                ):
                    implied = None
                implied_by[predicate] = implied
            if implied is not None:
                stated.setdefault(statement.object, []).append((implied, statement))
    ancestors: dict[str, list[str]] = {}
    classes: dict[Node, dict[str, tuple[str, Statement]]] = {}
    for node, sources in stated.items():
        reasons: dict[str, tuple[str, Statement]] = {}
        for cls, statement in sources:
            above = ancestors.get(cls)
            if above is None:
                above = ancestors[cls] = sorted(vocabulary.classes_of([cls]))
            for ancestor in above:
                reasons.setdefault(ancestor, (cls, statement))
        classes[node] = reasons
    return classes


def _disjoint_pairs(
    classes: Iterable[str],
    vocabulary: Vocabulary,
    known: dict[frozenset[str], list[tuple[str, ...]]],
) -> list[tuple[str, ...]]:
    """The pairs of ``classes`` declared disjoint, sorted (memoised in ``known`` per set)."""
    key = frozenset(classes)
    pairs = known.get(key)
    if pairs is None:
        pairs = known[key] = sorted(
            tuple(sorted(p))
            for p in {
                frozenset((cls, other))
                for cls in key
                for other in vocabulary.disjoint_with.get(cls, ())
                if other in key
            }
        )
    return pairs


def _why(node: Node, cls: str, statement: Statement) -> str:
    if statement.predicate == _TYPE and statement.subject == node:
        return f"typed {compact(cls)}"
    return f"the value of {compact(str(statement.predicate))} of {show(statement.subject)}"


def disjoint_findings(
    statements: Sequence[Statement], vocabulary: Vocabulary
) -> list[tuple[Node, Finding]]:
    """A violation for each node that belongs to two classes declared disjoint."""
    found: list[tuple[Node, Finding]] = []
    known: dict[frozenset[str], list[tuple[str, ...]]] = {}
    for node, reasons in _classes(statements, vocabulary).items():
        pairs = _disjoint_pairs(reasons, vocabulary, known)
        if not pairs:
            continue
        first, second = pairs[0]
        (cls_a, why_a), (cls_b, why_b) = reasons[first], reasons[second]
        provisions = [
            p
            for source in (cls_a, cls_b, str(why_a.predicate), str(why_b.predicate))
            for p in vocabulary.provisions.get(source, ())
        ]
        message = (
            f"In {why_a.file}, {show(node)} is both {compact(first)} "
            f"({_why(node, cls_a, why_a)}) and {compact(second)} "
            f"({_why(node, cls_b, why_b)}), which cannot be: the ontology "
            "declares the two classes disjoint. Describe each with its own node."
        )
        found.append(
            (
                node,
                finding(
                    "disjoint-classes", "violation", message, focus=node, provisions=provisions
                ),
            )
        )
    return found


def _excluded_by(
    node_classes: dict[str, tuple[str, Statement]], domain: frozenset[str], vocabulary: Vocabulary
) -> str | None:
    """A class of the node disjoint with every class of ``domain`` (None when there is none); a
    class disjoint with a superclass of a domain class is disjoint with it too."""
    found: str | None = None
    for cls in domain:
        clash = sorted(
            c
            for above in vocabulary.classes_of([cls])
            for c in vocabulary.disjoint_with.get(above, ())
            if c in node_classes
        )
        if not clash:
            return None
        found = found or clash[0]
    return found


def domain_findings(
    statements: Sequence[Statement], vocabulary: Vocabulary
) -> list[tuple[Node, Finding]]:
    """A violation for each statement (first per node and property) made on a node that cannot
    be of its property's domain: the rules never read it there, and the conclusion could turn on
    it (a practice fact on the system itself would leave a prohibited practice unseen)."""
    classes = _classes(statements, vocabulary)
    found: list[tuple[Node, Finding]] = []
    seen: set[tuple[Node, Node]] = set()
    for statement in statements:
        node, predicate = statement.subject, statement.predicate
        domain = vocabulary.domain_of(str(predicate))
        if not domain or node not in classes or (node, predicate) in seen:
            continue
        clash = _excluded_by(classes[node], domain, vocabulary)
        if clash is None:
            continue
        seen.add((node, predicate))
        cls, why = classes[node][clash]
        read_on = " or ".join(sorted(compact(d) for d in domain))
        links = sorted({compact(link) for d in domain for link in vocabulary.links_to(d)})
        if links:
            read_on += f" (a node of its own, linked by {' or '.join(links)})"
        found.append(
            (
                node,
                finding(
                    "wrong-subject",
                    "violation",
                    f"In {statement.file}, {compact(str(predicate))} is stated on {show(node)}, "
                    f"which is {compact(clash)} ({_why(node, cls, why)}), but it is a fact about "
                    f"{read_on}: the rules would not read it there, so the description is not "
                    f"assessed until it is stated on the node it is about ({GUIDE}).",
                    focus=node,
                    path=predicate,
                    value=statement.shown(),
                    provisions=vocabulary.provisions.get(str(predicate), ()),
                ),
            )
        )
    return found


def _dependent_class(statement: Statement, vocabulary: Vocabulary) -> str | None:
    """The dependent class (see :attr:`Vocabulary.dependent_classes`) a statement makes its
    subject a node of: its stated type, or the domain of its property when every class of that
    domain is one (a property also read on systems says nothing)."""
    dependent = vocabulary.dependent_classes
    if statement.predicate == _TYPE:
        declared = [str(statement.object)]
    else:
        declared = sorted(vocabulary.domain_of(str(statement.predicate)))
    if not declared:
        return None
    hits = [sorted(dependent & vocabulary.classes_of([cls])) for cls in declared]
    if not all(hits):
        return None
    return hits[0][0]


def unlinked_findings(
    statements: Sequence[Statement], vocabulary: Vocabulary
) -> list[tuple[Node, Finding]]:
    """A violation for each node described as a practice, procedure event or value-chain event
    (a dependent class) that no statement links to: the rules reach such a node only from the
    system or model it is about, so none of its facts would be read. A node that is a system,
    model or party is left to :func:`domain_findings`. The statement a message names is the
    same however the description is ordered or split (its type first, else the least
    property)."""
    linked = {s.object for s in statements if not isinstance(s.object, Literal)}
    classes = _classes(statements, vocabulary)
    chosen: dict[Node, tuple[tuple[bool, str, str], Statement, str]] = {}
    for statement in statements:
        node = statement.subject
        if node in linked or SUBJECT_CLASSES & classes.get(node, {}).keys():
            continue
        cls = _dependent_class(statement, vocabulary)
        if cls is None:
            continue
        key = (statement.predicate != _TYPE, str(statement.predicate), statement.file)
        if node not in chosen or key < chosen[node][0]:
            chosen[node] = (key, statement, cls)
    found: list[tuple[Node, Finding]] = []
    for node, (_, statement, cls) in chosen.items():
        links = " or ".join(compact(link) for link in vocabulary.links_to(cls))
        if statement.predicate == _TYPE:
            what = f"typed {compact(str(statement.object))}"
        else:
            what = f"described as {compact(cls)} (by its {compact(str(statement.predicate))})"
        found.append(
            (
                node,
                finding(
                    "unlinked-node",
                    "violation",
                    f"In {statement.file}, {show(node)} is {what}, but nothing links to it, "
                    f"so none of its facts would be read: link it from the system or model it "
                    f"is about with {links} ({GUIDE}).",
                    focus=node,
                    provisions=vocabulary.provisions.get(cls, ()),
                ),
            )
        )
    return found


# the namespaces of the knowledge base's own nodes: ontology terms, provisions (and the Act's ELI),
# concepts, obligations, rules, runs, draft history, the duty sweep, graphs and checks (our other
# IRIs, a submission's relative IRIs and blank nodes, and the shipped catalogue's models describe
# what is submitted); the registry's records and graphs too, so that no description merges with
# another submission's record
_KNOWLEDGE_BASE_SPACES: Final = (
    ONTOLOGY,
    PROVISION,
    ACT.removesuffix("/oj"),
    CONCEPT,
    OBLIGATION,
    RULE,
    ASSESSMENT,
    DRAFT,
    DUTY_REVIEW,
    GRAPH,
    CHECK,
    REGISTRY,
)


def _knowledge_base_node(node: Node) -> bool:
    """Whether ``node`` is a node of the knowledge base (a provision, concept, obligation, rule,
    ontology term, run, ...)."""
    return isinstance(node, URIRef) and str(node).startswith(_KNOWLEDGE_BASE_SPACES)


_INVERSE_OF: Final = URIRef(_OWL + "inverseOf")


def _reversed_inverse(statement: Statement) -> bool:
    """``aia:hasDeployer owl:inverseOf ex:deploys``: the submitter's inverse declared from our
    side. owl:inverseOf is symmetric, so it is the axiom ``ex:deploys owl:inverseOf
    aia:hasDeployer``, which the rules and the shapes read either way round; it describes the
    submitter's property, not ours."""
    value = statement.object
    return (
        statement.predicate == _INVERSE_OF
        and str(statement.subject).startswith(ONTOLOGY)
        and isinstance(value, URIRef)
        and not _knowledge_base_node(value)
    )


def knowledge_base_findings(
    statements: Sequence[Statement], vocabulary: Vocabulary
) -> list[tuple[Node, Finding]]:
    """A violation for each node that uses a derived term (first use per file, term and node:
    each node's description is left out, so each needs its own), and for each node of the
    knowledge base a description makes statements about (other than the inverse of a property
    of the submitter's own, declared from our side)."""
    found: list[tuple[Node, Finding]] = []
    derived: set[tuple[str, str, Node]] = set()
    described: set[tuple[Node, str]] = set()
    for statement in statements:
        node, predicate = statement.subject, statement.predicate
        if _reversed_inverse(statement):
            continue
        # the terms of the external vocabularies the knowledge base holds (DPV, AIRO, VAIR,
        # ...) are its nodes too: statements about them would show on their pages
        if _knowledge_base_node(node) or (
            isinstance(node, URIRef) and vocabulary.is_external(str(node))
        ):
            if (node, statement.file) not in described:
                described.add((node, statement.file))
                found.append((node, _about_knowledge_base(statement)))
            continue
        if _joins_closed_vocabulary(statement, vocabulary):
            if (node, statement.file) not in described:
                described.add((node, statement.file))
                found.append((node, _closed_vocabulary_member(statement)))
            continue
        term = str(predicate)
        if predicate == _TYPE and isinstance(statement.object, URIRef):
            term = str(statement.object)
        derived_term = term in vocabulary.terms and term not in vocabulary.input_terms
        # per node too: keyed by file and term alone, a second subject using the term in the
        # same file had no violation and was assessed with the conclusion it stated (an
        # outside check)
        if derived_term and (term, statement.file, node) not in derived:
            derived.add((term, statement.file, node))
            found.append((node, _derived_term(term, statement)))
    return found


#: the statements that make a node a member, or a class a subclass, of a class
_MEMBERSHIP: Final = frozenset({_TYPE, RDFS.subClassOf, URIRef(_OWL + "equivalentClass")})
_SKOS: Final = "http://www.w3.org/2004/02/skos/core#"


def _joins_closed_vocabulary(statement: Statement, vocabulary: Vocabulary) -> bool:
    """A submitted node made a member of a class whose members are the knowledge base's own
    concepts (``aia:closedVocabulary``, e.g. ``ex:my-purpose a aia:HighRiskUseCase``), or linked
    into one of its concept schemes (``ex:my-purpose skos:broader aiac:purposes``): the shapes
    would take it for one of the law's concepts, and the rules, which know only those, would
    not read it (an outside check found a purpose of one's own said to be high-risk by
    validation and assessed as minimal)."""
    value = statement.object
    if not isinstance(value, URIRef):
        return False
    if statement.predicate in _MEMBERSHIP:
        return str(value) in vocabulary.closed_classes
    return str(statement.predicate).startswith(_SKOS) and _knowledge_base_node(value)


def _statement_violation(check: str, statement: Statement, message: str) -> Finding:
    """A violation about one statement: its subject, property and value."""
    return finding(
        check,
        "violation",
        message,
        focus=statement.subject,
        path=statement.predicate,
        value=statement.shown(),
    )


def _closed_vocabulary_member(statement: Statement) -> Finding:
    return _statement_violation(
        "closed-vocabulary",
        statement,
        f"In {statement.file}, {show(statement.subject)} is made one of the knowledge base's "
        f"own concepts ({compact(str(statement.predicate))} {show(statement.object)}): the "
        f"values a description may use (Annex III use cases, purposes, practices, risk "
        f"categories, ...) are those the knowledge base defines, and a description cannot add "
        f"one, so it cannot be assessed. Use one of the listed values instead ({GUIDE}).",
    )


def _about_knowledge_base(statement: Statement) -> Finding:
    return _statement_violation(
        "knowledge-base-node",
        statement,
        f"In {statement.file}, {show(statement.subject)} is a node of the knowledge base (the "
        f"law, its concepts, the obligations catalogue, the rules, the ontology, a vocabulary "
        f"it includes, such as DPV, AIRO or VAIR, or the registry's records and graphs), and the "
        f"description states {compact(str(statement.predicate))} about it: a description "
        f"states facts about AI systems, models, parties and events, and cannot change the "
        f"knowledge base, so it cannot be assessed. Remove the statement ({GUIDE}).",
    )


def _derived_term(term: str, statement: Statement) -> Finding:
    return finding(
        "derived-term",
        "violation",
        f"In {statement.file}, {compact(term)} (used by {show(statement.subject)}) is a term of "
        f"what the assessment derives, not of the submission vocabulary: a description states "
        f"facts, and the rules draw the conclusions, the triggers and the obligations from "
        f"them, so it cannot be assessed. Remove the statement; the terms a description may "
        f"use are listed in {GUIDE}.",
        focus=statement.subject,
        path=statement.predicate,
        value=compact(term) if term == str(statement.object) else None,
    )
