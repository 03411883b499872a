"""Reading submissions never opens a network connection.

A TCP listener on 127.0.0.1 counts every connection it receives; documents that point at it in
every way RDF allows (remote JSON-LD contexts, external XML entities and DTDs, owl:imports,
@base and @prefix IRIs) are read, and the listener must see nothing.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from pyoxigraph import NamedNode

from aiact_kg.submission import InputDocument, InputFormatError, read_rdf_bytes

RDF = 'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/"'
OWL_IMPORTS = NamedNode("http://www.w3.org/2002/07/owl#imports")


@dataclass
class Listener:
    port: int
    connections: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def count(self) -> int:
        time.sleep(0.3)  # let a late connection arrive before counting
        with self.lock:
            return self.connections


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.settimeout(0.05)
    state = Listener(port=server.getsockname()[1])
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with state.lock:
                state.connections += 1
            connection.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        stop.set()
        thread.join(timeout=2)
        server.close()


def test_the_listener_counts_connections(listener: Listener) -> None:
    """Control: a real connection is seen, so the other tests can fail."""
    with socket.create_connection(("127.0.0.1", listener.port), timeout=2):
        pass
    assert listener.count() == 1


def _rejected(port: int) -> dict[str, bytes]:
    url = f"http://127.0.0.1:{port}"
    return {
        "remote-context.jsonld": (
            f'{{"@context": "{url}/ctx", "@id": "http://example.org/s", "name": "x"}}'
        ).encode(),
        "context-array.jsonld": (
            f'{{"@context": [{{"ex": "http://example.org/"}}, "{url}/ctx"], "@id": "ex:s"}}'
        ).encode(),
        "scoped-context.jsonld": (
            f'{{"@context": {{"p": {{"@id": "http://example.org/p", "@context": "{url}/c"}}}}, '
            '"@id": "http://example.org/s", "p": {"@id": "http://example.org/o"}}'
        ).encode(),
        "import.jsonld": (
            f'{{"@context": {{"@version": 1.1, "@import": "{url}/ctx"}}, '
            '"@id": "http://example.org/s"}'
        ).encode(),
        "external-entity.rdf": (
            f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [<!ENTITY x SYSTEM "{url}/x">]>\n'
            f'<rdf:RDF {RDF}><rdf:Description rdf:about="http://example.org/s">'
            "<ex:p>&x;</ex:p></rdf:Description></rdf:RDF>"
        ).encode(),
        "parameter-entity.rdf": (
            f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [<!ENTITY % x SYSTEM "{url}/x"> %x;]>\n'
            f"<rdf:RDF {RDF}/>"
        ).encode(),
        "external-dtd.rdf": (
            f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF SYSTEM "{url}/rdf.dtd">\n'
            f'<rdf:RDF {RDF}><rdf:Description rdf:about="http://example.org/s">'
            "<ex:p>v</ex:p></rdf:Description></rdf:RDF>"
        ).encode(),
    }


def _parsed(port: int) -> dict[str, bytes]:
    url = f"http://127.0.0.1:{port}"
    return {
        "imports.ttl": (
            "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
            f"<http://example.org/onto> owl:imports <{url}/onto> .\n"
        ).encode(),
        "base.ttl": (f"@base <{url}/> .\n@prefix ex: <{url}/vocab#> .\n<s> ex:p <o> .\n").encode(),
        "imports.rdf": (
            f'<rdf:RDF {RDF} xmlns:owl="http://www.w3.org/2002/07/owl#" xml:base="{url}/">'
            f'<owl:Ontology rdf:about="onto"><owl:imports rdf:resource="{url}/onto"/>'
            "</owl:Ontology></rdf:RDF>"
        ).encode(),
        "imports.jsonld": (
            f'{{"@context": {{"@base": "{url}/"}}, "@id": "onto", '
            f'"http://www.w3.org/2002/07/owl#imports": {{"@id": "{url}/onto"}}}}'
        ).encode(),
        "imports.nt": (
            f"<http://example.org/onto> <http://www.w3.org/2002/07/owl#imports> <{url}/onto> .\n"
        ).encode(),
    }


def test_documents_pointing_at_the_network_are_rejected_without_a_request(
    listener: Listener,
) -> None:
    for name, data in _rejected(listener.port).items():
        with pytest.raises(InputFormatError) as caught:
            read_rdf_bytes(data, name=name)
        message = str(caught.value)
        assert message.startswith(name)
        assert (
            "remote JSON-LD contexts are not fetched" in message
            or "DTDs and entity declarations are not accepted" in message
        ), message
    assert listener.count() == 0


def test_imports_base_and_prefix_iris_are_only_data(listener: Listener) -> None:
    url = f"http://127.0.0.1:{listener.port}"
    for name, data in _parsed(listener.port).items():
        document = read_rdf_bytes(data, name=name)
        assert isinstance(document, InputDocument)
        iris = {
            term.value
            for q in document.quads
            for term in (q.subject, q.object)
            if isinstance(term, NamedNode)
        }
        assert any(iri.startswith(url) for iri in iris), name
        if "imports" in name:
            assert any(q.predicate == OWL_IMPORTS for q in document.quads)
    assert listener.count() == 0
