"""The knowledge base loaded once, for running the rules over many submissions in turn.

A :class:`WarmEngine` keeps one embedded store holding the knowledge-base files the rules read
(parsed once per process, see ``_base_quads``) in one named graph. Each run works in a graph of
its own, as on a shared remote engine (:mod:`aiact_kg.store.scoping`): every rule operation
writes into the run graph (``WITH``) and reads the merge of the knowledge-base graph and the run
graph (``USING``). So a run never changes the knowledge base and never sees another run, and
closing the run's view removes its graph. Runs may go on in several threads at once: each has
its own graph, and each update is a transaction of the store.

Two shortcuts make a run of one small description cheaper without changing what it concludes
(``tests/reasoning/test_guards.py`` checks both on every example and legal case): the store
holds the knowledge base closed under the closure rules the rules start with (``# Closure:
yes``, the class hierarchy), so a run adds only the types of its own nodes; and an operation
whose required subquery is empty is skipped, and one whose subquery has solutions runs with
them written in as ``VALUES`` (:mod:`aiact_kg.reasoning.guards`), the guards worth asking being
chosen once, by a run with no submission.

The in-memory store keeps what was removed (its indexes and term dictionary only grow), so with
every run it gets larger and its scans slower (some 2% per run while each run also added the
types of the knowledge base's nodes; 0.3-0.5% per run measured since, on a busy machine). After
:attr:`WarmEngine.RUNS_PER_STORE` runs the engine therefore moves to a new store with the
knowledge base, made beforehand in a background thread (runs under way finish in the old one,
which is freed when their views are closed).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence

from pyoxigraph import NamedNode, Quad

from aiact_kg.errors import StoreError
from aiact_kg.namespaces import GRAPH
from aiact_kg.reasoning.engine import AssessmentOptions, AssessmentRun, _base_quads, run_rules_in
from aiact_kg.reasoning.guards import operations
from aiact_kg.reasoning.rules import Rule, load_rules
from aiact_kg.store.oxigraph_store import OxigraphStore
from aiact_kg.store.view import ScopedStore
from aiact_kg.submission.reading import InputDocument

#: the graph of the warm store holding every knowledge-base file the rules read
KNOWLEDGE_BASE_GRAPH = GRAPH + "engine-knowledge-base"


def leading_closures(rules: Sequence[Rule]) -> list[Rule]:
    """The closure rules (``# Closure: yes``) the rules start with, which the warm store holds
    the knowledge base closed under: each only adds statements, adds nothing run again on its
    own output, and runs before any other rule, so a run that applies it again over the merge
    of the closed knowledge base and its own graph sees exactly what it would have seen."""
    leading: list[Rule] = []
    for rule in rules:
        if not rule.closure:
            break
        leading.append(rule)
    return leading


class _RunView(ScopedStore):
    """A run's view of the warm store; closing it removes the run graph and frees its name."""

    def __init__(self, engine: WarmEngine, run: AssessmentRun) -> None:
        super().__init__(engine.store, (KNOWLEDGE_BASE_GRAPH, run.graph), run.graph)
        self._engine = engine

    def close(self) -> None:
        if not self._closed:
            try:
                super().close()
            finally:
                self._engine._release(self.target)


class WarmEngine:
    """An embedded store with the knowledge base loaded once; each run in a graph of its own."""

    RUNS_PER_STORE = 8

    def __init__(self) -> None:
        self._quads = _base_quads()
        self.store = self._new_store()
        self._started = 0
        self._active: set[str] = set()
        self._lock = threading.Lock()
        self._spare: OxigraphStore | None = None
        self._making = False
        self._asked: frozenset[str] = frozenset()
        self._asked = self._worth_asking()

    def _worth_asking(self) -> frozenset[str]:
        """The required subqueries (:mod:`~aiact_kg.reasoning.guards`) worth asking first,
        found by running the rules once with no submission: those without a solution there,
        and quicker to ask than their operation is to run. The others, such as one reading only
        the knowledge base or the run's options, or an aggregate without ``GROUP BY`` (always
        one row), would seldom skip anything, or save less than they cost. (Leaving a guard
        out never changes a result: which are asked is a matter of speed only.)"""
        run = AssessmentRun()
        worth: set[str] = set()
        view = self.run_rules((), AssessmentOptions(), run, rules=())
        try:
            for rule in load_rules():
                for operation in operations(rule.text):
                    empty: dict[str, float] = {}
                    for query in operation.required:
                        start = time.thread_time()
                        if not view.ask(run.bind(f"ASK {{ {query} }}")):
                            empty[query] = time.thread_time() - start
                    start = time.thread_time()
                    view.update(run.bind(operation.text))
                    spent = time.thread_time() - start
                    worth.update(query for query, cost in empty.items() if cost < spent)
        finally:
            view.close()
        return frozenset(worth)

    def _new_store(self) -> OxigraphStore:
        store = OxigraphStore()
        graph = NamedNode(KNOWLEDGE_BASE_GRAPH)
        store.add_quads(Quad(q.subject, q.predicate, q.object, graph) for q in self._quads)
        closed = ScopedStore(store, (KNOWLEDGE_BASE_GRAPH,), KNOWLEDGE_BASE_GRAPH)
        bind = AssessmentRun().bind
        for rule in leading_closures(load_rules()):
            closed.update(bind(rule.text))
        return store

    def run_rules(
        self,
        documents: Sequence[InputDocument],
        options: AssessmentOptions,
        run: AssessmentRun | None = None,
        rules: Sequence[Rule] | None = None,
    ) -> ScopedStore:
        """Run the rules over ``documents`` in a graph of the run's own; close the returned
        view to remove that graph. ``rules`` (default: all) see the knowledge base closed under
        the leading closure rules whichever are given."""
        run = AssessmentRun() if run is None else run
        with self._lock:
            if run.graph in self._active:
                raise StoreError(f"the run {run.iri} is already under way in this engine")
            if self._started >= self.RUNS_PER_STORE:
                spare, self._spare = self._spare, None
                self.store, self._started = spare or self._new_store(), 0
            self._started += 1
            if self._started == 2 and not self._making:  # make the next store meanwhile
                self._making = True
                threading.Thread(target=self._make_spare, daemon=True).start()
            self._active.add(run.graph)
            view = _RunView(self, run)
        run_rules_in(view, documents, options, rules, run, guarded=self._asked)
        return view

    def _make_spare(self) -> None:
        try:
            spare = self._new_store()
            with self._lock:
                self._spare = spare
        finally:
            self._making = False

    def is_current(self) -> bool:
        """Whether it holds the knowledge base as the engine reads it now (tests change it)."""
        return _base_quads() is self._quads

    @property
    def runs(self) -> int:
        """How many runs hold a graph (their views are not closed yet)."""
        with self._lock:
            return len(self._active)

    def _release(self, graph: str) -> None:
        with self._lock:
            self._active.discard(graph)

    def close(self) -> None:
        with self._lock:
            self._spare = None
        self.store.close()
