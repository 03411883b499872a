"""A remote engine's booleans and numbers come back in the form the embedded store gives them;
an update the engine aborted as a deadlock is sent again."""

from __future__ import annotations

import pytest
from pyoxigraph import Literal, NamedNode, Quad, Store

from aiact_kg.store.lexical import canonical_lexical

XSD = "http://www.w3.org/2001/XMLSchema#"
VALUES = {
    "double": ["0.1", "1e-7", "1.5e300", "-0.0", "1.0", "2.5e-5", "3e+25", "3.0E25", "INF", "NaN"],
    "float": ["0.1", "1e10"],
    "decimal": ["1.50", "2.0", "-0.0", "+3", "0.000", "12345678901234567.5"],
    "integer": ["+007", "-0", "42", "-12"],
    "boolean": ["1", "0", "true", "false"],
}


@pytest.mark.parametrize(
    ("datatype", "lexical"), [(kind, value) for kind, values in VALUES.items() for value in values]
)
def test_the_form_is_the_embedded_stores(datatype: str, lexical: str) -> None:
    store = Store()
    literal = Literal(lexical, datatype=NamedNode(XSD + datatype))
    store.add(Quad(NamedNode("urn:s"), NamedNode("urn:p"), literal))
    [row] = list(store.query("SELECT ?o WHERE { ?s ?p ?o }"))
    assert canonical_lexical(lexical, XSD + datatype) == row["o"].value


def test_other_literals_are_left_as_they_are() -> None:
    assert canonical_lexical("2026-08-02", XSD + "date") == "2026-08-02"
    assert canonical_lexical("not a number", XSD + "double") == "not a number"
    assert canonical_lexical("2", XSD + "boolean") == "2"


def test_an_update_aborted_as_a_deadlock_is_sent_again(monkeypatch: pytest.MonkeyPatch) -> None:
    from aiact_kg.errors import StoreError
    from aiact_kg.store import sparql_endpoint

    store = sparql_endpoint.SparqlEndpointStore("http://127.0.0.1:9/sparql")
    answers = [StoreError("Virtuoso 40001 Error SR172: Transaction deadlocked"), None]
    sent: list[object] = []

    def send(wrapper: object) -> tuple[bytes, str, dict[str, str]]:
        sent.append(wrapper)
        answer = answers.pop(0)
        if answer is not None:
            raise answer
        return b"", "", {}

    monkeypatch.setattr(store, "_send", send)
    monkeypatch.setattr(sparql_endpoint.time, "sleep", lambda seconds: None)
    store.update("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    assert len(sent) == 2
    answers[:] = [StoreError("Virtuoso 37000 Error SP030: syntax error")]
    with pytest.raises(StoreError, match="SP030"):
        store.update("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
