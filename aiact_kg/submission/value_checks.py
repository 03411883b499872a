"""Findings about literals the rules could not read, or read ambiguously.

For each statement whose predicate is a property of our vocabulary, driven by the property's
``rdfs:range`` in the ontology:

* a literal of a checked datatype (boolean, date, numbers) must be exactly in the lexical form
  of its datatype and its value finite and in range (:func:`.values.read_literal`);
* a property whose range is a boolean, a date or a number takes a literal of that kind;
* an object property (a link to a party, a model, an event, a concept) takes a node, not a
  literal: a text there names nothing the rules can follow (``aia:roleFor "https://..."``, a
  JSON-LD compact key without ``@type: @id``), and the fact would be lost without a word;
* such a property takes one value per subject: two values that differ (compared by value, so
  ``"1"^^xsd:boolean`` and ``true`` are one value) leave the fact undecided;
* an ``xsd:float`` whose single-precision value is not the number written gets a warning: XSD
  reads it at single precision (about 7 digits), so ``"1.00000001e25"^^xsd:float`` is below
  10^25, and a figure compared with a threshold may cross it.

Each problem is a violation that names the file, the node, the property and the value, and
cites the provisions the property rests on (``aia:sourceProvision``).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Final

from rdflib.term import Literal, Node

from aiact_kg.namespaces import ONTOLOGY, compact
from aiact_kg.submission.checks import Statement, finding, show, values_in_files
from aiact_kg.submission.findings import Finding
from aiact_kg.submission.values import (
    BOOLEAN,
    CHECKED_TYPES,
    DATE,
    FLOAT,
    NUMERIC_TYPES,
    Reading,
    Value,
    read_literal,
    single_precision_value,
    value_compared,
)
from aiact_kg.submission.vocabulary import Vocabulary
from aiact_kg.xml_text import first_not_xml

_KIND: Final = {BOOLEAN: "a boolean (true or false)", DATE: 'a date ("YYYY-MM-DD"^^xsd:date)'}
_NUMBER: Final = "a number (e.g. 3.8e25)"


def _kind(datatype: str) -> str:
    return _NUMBER if datatype in NUMERIC_TYPES else _KIND.get(datatype, compact(datatype))


def _same_kind(datatype: str, expected: str) -> bool:
    if expected in NUMERIC_TYPES:
        return datatype in NUMERIC_TYPES
    return datatype == expected


def _where(statement: Statement) -> str:
    return (
        f"In {statement.file}, {show(statement.subject)} has "
        f"{compact(str(statement.predicate))} {statement.shown()}"
    )


def _wrong_kind(statement: Statement, expected: str) -> str | None:
    if statement.datatype is None:
        return f"{_where(statement)}, but the property takes {_kind(expected)}, not a node."
    if not _same_kind(statement.datatype, expected):
        return f"{_where(statement)}, but the property takes {_kind(expected)}."
    return None


def _literal_for_node(statement: Statement) -> str:
    return (
        f"{_where(statement)}, a literal, but the property links to a node (an IRI or a blank "
        "node): the rules follow no link from a text, so the fact is not read. Write the node's "
        'IRI (in Turtle <...> or a prefixed name, in JSON-LD {"@id": "..."} or the '
        "published context's term)."
    )


def _given_in(distinct: dict[Value, Statement]) -> str:
    """The different values, with their files when several give them."""
    return values_in_files(
        (str(value).lower() if isinstance(value, bool) else str(value), statement.file)
        for value, statement in distinct.items()
    )


def value_findings(
    statements: Iterable[Statement], vocabulary: Vocabulary
) -> list[tuple[Node, Finding]]:
    """The violations about literal values, each with the node it concerns."""
    found: list[tuple[Node, Finding]] = []
    values: dict[tuple[Node, Node], dict[Value, Statement]] = {}
    properties: dict[Node, tuple[str | None, bool, tuple[str, ...], bool] | None] = {}
    readings: dict[tuple[str, str, str | None], Reading] = {}
    for statement in statements:
        if statement.predicate in properties:
            known = properties[statement.predicate]
        else:
            prop = str(statement.predicate)
            known = properties[statement.predicate] = (
                (
                    vocabulary.range_of(prop),
                    vocabulary.range_of(prop) in CHECKED_TYPES,
                    vocabulary.provisions.get(prop, ()),
                    prop in vocabulary.object_properties,
                )
                if prop.startswith(ONTOLOGY)
                else None
            )
        if known is None:
            continue
        expected, checked, provisions, links = known
        problem = _wrong_kind(statement, expected) if checked and expected else None
        if links and statement.datatype is not None:
            problem = _literal_for_node(statement)
        if (
            problem is None
            and statement.datatype in CHECKED_TYPES
            and statement.lexical is not None
        ):
            key = (statement.lexical, statement.datatype, expected)
            reading = readings.get(key) or readings.setdefault(key, read_literal(*key))
            if reading.problem is not None:
                problem = (
                    f"{_where(statement)}: the value {reading.problem}; the rules cannot read it."
                )
            elif checked and (compared := value_compared(reading, statement.datatype)) is not None:
                values.setdefault((statement.subject, statement.predicate), {}).setdefault(
                    compared, statement
                )
            if reading.problem is None and statement.datatype == FLOAT:
                found.extend(_single_precision_finding(statement, reading, provisions))
        if problem is not None:
            found.append(
                _statement_finding("value-space", "violation", problem, statement, provisions)
            )
    return found + _one_value_findings(values, vocabulary)


def control_character_findings(statements: Iterable[Statement]) -> list[tuple[Node, Finding]]:
    """A violation for each literal holding a character XML cannot carry (U+0000 and most
    control characters): stored, it made the registry's RDF/XML and XML results unreadable
    (an outside check). Any property's literal: a label is served like a fact."""
    found: list[tuple[Node, Finding]] = []
    for statement in statements:
        text = statement.lexical if statement.lexical is not None else None
        if text is None and isinstance(statement.object, Literal):
            text = str(statement.object)
        bad = None if text is None else first_not_xml(text)
        if bad is None:
            continue
        message = (
            f"In {statement.file}, {show(statement.subject)} has "
            f"{compact(str(statement.predicate))} with a text holding the character "
            f"U+{ord(bad):04X}, a control character that XML cannot carry (the registry "
            "serves descriptions and results as XML too): remove it."
        )
        found.append(_statement_finding("value-space", "violation", message, statement, ()))
    return found


_RDF_FIRST: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first"
_RDF_REST: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest"


def list_findings(statements: Iterable[Statement]) -> list[tuple[Node, Finding]]:
    """A violation for each statement whose value is an RDF list (Turtle ``( ex:a )``, JSON-LD
    ``@list``): the rules read the list node as the value, a party or a fact of its own (an
    outside check found a deployer written as a one-item list taken for the deployer, its
    facts unread and 56 of its duties gone, with no finding)."""
    listed = list(statements)
    first_members: dict[Node, Node] = {}  # each list node and its first member
    for statement in listed:
        if str(statement.predicate) == _RDF_FIRST:
            first_members.setdefault(statement.subject, statement.object)
    found: list[tuple[Node, Finding]] = []
    for statement in listed:
        if statement.object not in first_members or str(statement.predicate) in (
            _RDF_FIRST,
            _RDF_REST,
        ):
            continue
        first = show(first_members[statement.object])
        property_name = compact(str(statement.predicate))
        message = (
            f"In {statement.file}, {show(statement.subject)} has {property_name} with an RDF "
            f"list as its value (a list starting with {first}): aiact-kg reads each "
            f"value of a property as a statement of its own, so the list itself would be taken "
            f"for the value. Write the values without a list (Turtle: {property_name} ex:a , "
            "ex:b ; JSON-LD: an array, without @list)."
        )
        found.append(_statement_finding("value-space", "violation", message, statement, ()))
    return found


def _single_precision_finding(
    statement: Statement, reading: Reading, provisions: tuple[str, ...]
) -> list[tuple[Node, Finding]]:
    """A warning when the single-precision value of an ``xsd:float`` is not the number written."""
    if not isinstance(reading.value, Decimal):
        return []
    single = single_precision_value(reading.value)
    if single == reading.value:
        return []
    message = (
        f"{_where(statement)}: an xsd:float, which XML Schema reads at single precision (about 7 "
        f"significant digits), so its value is {float(single):.9g}, not the number written; a "
        "figure compared with a threshold may cross it. Write it as xsd:double (in Turtle a "
        "plain number with an exponent) or xsd:decimal."
    )
    return [_statement_finding("single-precision", "warning", message, statement, provisions)]


def _statement_finding(
    kind: str, severity: str, message: str, statement: Statement, provisions: tuple[str, ...]
) -> tuple[Node, Finding]:
    """A finding about one statement's value, with the node it concerns."""
    return (
        statement.subject,
        finding(
            kind,
            severity,
            message,
            focus=statement.subject,
            path=statement.predicate,
            value=statement.shown(),
            provisions=provisions,
        ),
    )


def _one_value_findings(
    values: dict[tuple[Node, Node], dict[Value, Statement]], vocabulary: Vocabulary
) -> list[tuple[Node, Finding]]:
    """A violation for each subject and property given two or more different values."""
    found: list[tuple[Node, Finding]] = []
    for (subject, predicate), distinct in values.items():
        if len(distinct) < 2:
            continue
        files = list(dict.fromkeys(statement.file for statement in distinct.values()))
        where = files[0] if len(files) == 1 else ", ".join(files[:-1]) + " and " + files[-1]
        message = (
            f"In {where}, {show(subject)} gives {compact(str(predicate))} "
            f"{len(distinct)} different values ({_given_in(distinct)}); the "
            "property takes one value, so the fact it states cannot be decided. Keep the one "
            "that is true."
        )
        found.append(
            (
                subject,
                finding(
                    "one-value",
                    "violation",
                    message,
                    focus=subject,
                    path=predicate,
                    value=", ".join(s.shown() for s in distinct.values()),
                    provisions=vocabulary.provisions.get(str(predicate), ()),
                ),
            )
        )
    return found
