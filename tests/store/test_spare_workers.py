"""Spare query workers: a query taken by a started worker answers as one started for it, a
worker that ended while it waited is passed over, and closing the pool leaves no process."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from aiact_kg.service.app import create_app
from aiact_kg.service.config import ServiceConfig
from aiact_kg.service.sparql import execute
from aiact_kg.store.bounded import QueryLimits, QueryTimeoutError, bounded_query
from aiact_kg.store.spare_workers import SpareWorkers, StartedWorker

ARTICLES = "SELECT ?article WHERE { ?article a aia:Article } ORDER BY ?article"
PREFIXES = {"aia": "https://w3id.org/aiact-kg/ontology#"}
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def _articles(kb_path: Path, spares: SpareWorkers | None) -> list[object]:
    with bounded_query(kb_path, ARTICLES, prefixes=PREFIXES, spares=spares) as result:
        return list(result)


def _waiting(pool: SpareWorkers, count: int) -> list[StartedWorker]:
    """The first ``count`` workers ready in the pool, left there (looked at, not taken)."""
    deadline = time.monotonic() + 60
    while pool._ready.qsize() < count:
        assert time.monotonic() < deadline, "the pool never started its workers"
        time.sleep(0.05)
    return list(pool._ready.queue)[:count]


def test_a_spare_worker_answers_as_a_new_one(kb_path: Path) -> None:
    pool = SpareWorkers(2)
    try:
        expected = _articles(kb_path, None)
        assert len(expected) > 100
        _waiting(pool, 2)
        for _ in range(3):  # from the pool while it refills (ready or not)
            assert _articles(kb_path, pool) == expected
    finally:
        pool.close()


def test_a_worker_that_ended_while_waiting_is_passed_over(kb_path: Path) -> None:
    pool = SpareWorkers(2)
    try:
        for worker in _waiting(pool, 2):  # both end while they wait
            worker.process.kill()
            worker.process.wait()
        taken = pool.take()  # both dead ones dropped: a live one the pool started since, or none
        assert taken is None or taken.alive()
        if taken is not None:
            taken.discard()
        assert _articles(kb_path, pool)
    finally:
        pool.close()


def test_a_spare_worker_is_still_stopped_at_the_time_limit(kb_path: Path) -> None:
    pool = SpareWorkers(1)
    try:
        _waiting(pool, 1)  # ready: the query takes it
        with (
            pytest.raises(QueryTimeoutError),
            bounded_query(kb_path, RUNAWAY, QueryLimits(timeout=1), spares=pool) as result,
        ):
            list(result)
    finally:
        pool.close()


def test_closing_the_pool_stops_its_workers() -> None:
    pool = SpareWorkers(2)
    waiting = _waiting(pool, 2)
    pool.close()
    assert all(not worker.alive() for worker in waiting)
    assert not pool._thread.is_alive()
    assert pool.take() is None


def test_the_service_keeps_spares_while_it_runs(kb_path: Path) -> None:
    """The application's lifespan (uvicorn runs it) holds a pool; the protocol's queries take
    from it; it is closed when the service stops."""
    config = ServiceConfig(store_path=kb_path)
    app = create_app(config)
    assert app.state.spares is None  # not started: each query starts its own

    async def run() -> tuple[SpareWorkers, bool | None]:
        async with app.router.lifespan_context(app):
            pool = app.state.spares
            assert isinstance(pool, SpareWorkers)
            _waiting(pool, 1)
            ask = "ASK { ?s a aia:Article }"
            outcome = execute(config, app.state.knowledge, ask, spares=pool)
            return pool, outcome.boolean

    pool, answer = asyncio.run(run())
    assert answer is True
    assert app.state.spares is None
    assert not pool._thread.is_alive()
