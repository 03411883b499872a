"""The service runs one validation or assessment at a time, with a bounded queue and wait: an
outside check queued 42 assessments (286 s to drain, 1.7 GB kept) and saw a write wait 55 s
behind them although ``--write-wait`` is 10 s."""

from __future__ import annotations

import threading

import pytest

from aiact_kg.service.limits import ServiceError
from aiact_kg.service.serial import SerialGate


def _hold(gate: SerialGate, entered: threading.Event, leave: threading.Event) -> None:
    with gate.held():
        entered.set()
        leave.wait(10)


def test_a_request_waits_at_most_its_limit_then_is_told_busy() -> None:
    gate = SerialGate(max_waiting=4, wait_seconds=5)
    entered, leave = threading.Event(), threading.Event()
    holder = threading.Thread(target=_hold, args=(gate, entered, leave))
    holder.start()
    try:
        assert entered.wait(10)
        with pytest.raises(ServiceError) as caught, gate.held(0.05):
            pass
        assert (caught.value.status_code, caught.value.code) == (503, "busy")
        assert caught.value.headers == {"Retry-After": "5"}
    finally:
        leave.set()
        holder.join()
    with gate.held(0.05):  # free again
        pass


def test_a_full_queue_is_refused_at_once() -> None:
    gate = SerialGate(max_waiting=2, wait_seconds=10)
    entered, leave = threading.Event(), threading.Event()
    holder = threading.Thread(target=_hold, args=(gate, entered, leave))
    holder.start()
    assert entered.wait(10)
    waiters = [
        threading.Thread(target=_hold, args=(gate, threading.Event(), leave)) for _ in range(2)
    ]
    for waiter in waiters:
        waiter.start()
    try:
        for _ in range(200):  # until both wait
            if gate._waiting == 2:
                break
            threading.Event().wait(0.01)
        with pytest.raises(ServiceError) as caught:
            gate.check_room()
        assert caught.value.code == "busy"
        with pytest.raises(ServiceError), gate.held(5):
            pass
    finally:
        leave.set()
        holder.join()
        for waiter in waiters:
            waiter.join()
    gate.check_room()  # the queue drained
