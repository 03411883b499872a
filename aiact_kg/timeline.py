"""The systemic-risk procedure of one general-purpose AI model as a timeline (Arts 51-52).

The timeline joins what the description states (the procedure events, in date order, with their
actor and source) and what the assessment derives on the as-of date (the procedure states of
rule ``560-gpai-procedure-states``, with the dates they hold since, fall due or open), plus the
obligations of the model's provider in force on that date.
"""

from __future__ import annotations

from typing import Any

from pyoxigraph import NamedNode

from aiact_kg.errors import InputError
from aiact_kg.queries import run_select
from aiact_kg.render.terminal import terminal_safe
from aiact_kg.store.base import KnowledgeStore, Term

STATE_KIND = "state"
#: the order of the procedure's steps, for events on the same day
STEP_ORDER = (
    "ThresholdKnown",
    "ProviderNotification",
    "ProviderArguments",
    "ArgumentsRejected",
    "ArgumentsAccepted",
    "QualifiedAlert",
    "CommissionDesignation",
    "ReassessmentRequest",
    "DesignationMaintained",
    "DesignationRevoked",
    "OpenSourceRelease",
)


def _text(term: Term | None) -> str | None:
    return None if term is None else str(term.value)


def model_names(store: KnowledgeStore) -> dict[str, str]:
    """The name (aia:modelName) of each assessed model, by IRI."""
    rows = run_select(store, "assess/model-names").records()
    return {_text(row["model"]) or "": _text(row["name"]) or "" for row in rows}


def find_model(data: dict[str, Any], names: dict[str, str], reference: str) -> dict[str, Any]:
    """The assessed subject named by ``reference``: its IRI, or its model name."""
    subjects = data["subjects"]
    for subject in subjects:
        if reference in (subject["iri"], names.get(subject["iri"])):
            found: dict[str, Any] = subject
            return found
    assessed = ", ".join(s["iri"] for s in subjects) or "none"
    raise InputError(f"{reference} is not a subject of the inputs; assessed: {assessed}")


def _events(store: KnowledgeStore, model: str, as_of: str) -> list[dict[str, Any]]:
    rows = run_select(store, "assess/procedure-events", {"model": NamedNode(model)}).records()
    events = []
    for row in rows:
        date = _text(row["date"]) or ""
        actor = _text(row["actorLabel"]) or _text(row["actor"]) or _text(row["actingBody"])
        events.append(
            {
                "date": date,
                "event": _text(row["kindLabel"]),
                "kind": (_text(row["kind"]) or "").rsplit("#", 1)[-1],
                "actor": actor,
                "source": _text(row["source"]),
                "route": _text(row["routeLabel"]),
                "criteria": _text(row["criteria"]),
                "compute_flop": float(row["compute"].value) if row["compute"] else None,
                "compute_basis": _text(row["basis"]),
                "provisions": [p for p in (_text(row["provisions"]) or "").split("; ") if p],
                "after_as_of": date > as_of,
            }
        )
    return events


def _states(subject: dict[str, Any]) -> list[dict[str, Any]]:
    states = [
        {
            "state": d["conclusion"],
            "since": d.get("since"),
            "due": d.get("due"),
            "earliest": d.get("earliest"),
            "legal_basis": d["legal_basis"],
            "explanation": d["explanation"],
            "determination": d["id"],
        }
        for d in subject["determinations"]
        if d.get("kind") == STATE_KIND
    ]
    return sorted(states, key=lambda s: (s["since"] or "", s["state"]), reverse=True)


def _entries(
    events: list[dict[str, Any]], states: list[dict[str, Any]], as_of: str
) -> list[dict[str, Any]]:
    """Events, the start of each state and each deadline, in date order."""
    entries: list[dict[str, Any]] = []
    for event in events:
        text = str(event["event"])
        if event["actor"]:
            text += f" ({event['actor']})"
        entries.append(
            {
                "date": event["date"],
                "kind": "event",
                "text": text,
                "provisions": event["provisions"],
                "step": _step(event["kind"]),
            }
        )
    for state in states:
        entries.append(
            {
                "date": state["since"],
                "kind": "state",
                "text": state["state"],
                "provisions": state["legal_basis"],
            }
        )
        if state["due"]:
            entries.append(
                {
                    "date": state["due"],
                    "kind": "deadline",
                    "text": f"{state['state']}: due by this date",
                    "provisions": state["legal_basis"],
                }
            )
        if state["earliest"] and state["earliest"] != state["since"]:
            entries.append(
                {
                    "date": state["earliest"],
                    "kind": "deadline",
                    "text": f"{state['state']}: possible from this date",
                    "provisions": state["legal_basis"],
                }
            )
    order = {"event": 0, "state": 1, "deadline": 2}
    entries.sort(key=lambda e: (e["date"] or as_of, order[e["kind"]], e.pop("step", 0), e["text"]))
    for entry in entries:
        entry["after_as_of"] = bool(entry["date"] and entry["date"] > as_of)
    return entries


def _step(kind: str) -> int:
    return STEP_ORDER.index(kind) if kind in STEP_ORDER else len(STEP_ORDER)


def timeline_json(data: dict[str, Any], store: KnowledgeStore, reference: str) -> dict[str, Any]:
    """The timeline of one model of an assessment (``data`` and its run ``store``)."""
    names = model_names(store)
    subject = find_model(data, names, reference)
    # a model described as one is shown whatever its categories on the date (one assessed
    # before it is placed on the market is out of scope then: it was "not a model", an outside
    # check); a system or another subject is refused
    if "gpai" not in subject["categories"] and subject.get("kind") != "gpai-model":
        raise InputError(
            f"{subject['iri']} is not assessed as a general-purpose AI model "
            f"(categories: {', '.join(subject['categories']) or 'none'}); "
            "the procedure of Arts 51-52 concerns models only"
        )
    as_of = data["as_of"]
    events = _events(store, subject["iri"], as_of)
    states = _states(subject)
    in_force = [
        {"citation": o["citation"], "role": o["role"], "due": o.get("due")}
        | ({"met_on": o["met_on"]} if o.get("met_on") else {})
        for o in subject["obligations"]
        if o.get("in_force")
    ]
    return {
        "model": subject["iri"],
        "name": names.get(subject["iri"]),
        "as_of": as_of,
        "law": {"version": data["law"]["version"]},
        "categories": subject["categories"],
        "events": events,
        "states": states,
        "entries": _entries(events, states, as_of),
        "obligations_in_force": in_force,
    }


def _timeline_text(timeline: dict[str, Any]) -> str:
    """The timeline for a terminal: the entries in date order, then the states and duties."""
    name = timeline["name"] or timeline["model"]
    lines = [
        f"Timeline of {name} <{timeline['model']}>",
        f"as of {timeline['as_of']}, law {timeline['law']['version']}; "
        f"categories: {', '.join(timeline['categories'])}",
        "",
    ]
    for entry in timeline["entries"]:
        date = entry["date"] or "(as of)"
        marker = "  (after the as-of date)" if entry["after_as_of"] else ""
        cited = f"  [{'; '.join(entry['provisions'])}]" if entry["provisions"] else ""
        lines.append(f"  {date}  {entry['kind']:<8}  {entry['text']}{cited}{marker}")
    lines += ["", f"Where the model stands on {timeline['as_of']}:"]
    for state in timeline["states"]:
        lines.append(f"  - {state['state']} ({'; '.join(state['legal_basis'])})")
        lines.append(f"    {state['explanation']}")
    if not timeline["states"]:
        lines.append("  - no procedure state (the model is not assessed under Arts 51-52)")
    lines += ["", "Obligations in force (the role of each bearer in brackets):"]
    for duty in timeline["obligations_in_force"]:
        due = f", due {duty['due']}" if duty["due"] else ""
        due += f", met on {duty['met_on']}" if duty.get("met_on") else ""
        lines.append(f"  - {duty['citation']} ({duty['role']}{due})")
    if not timeline["obligations_in_force"]:
        lines.append("  - none")
    return "\n".join(lines) + "\n"


def timeline_text(timeline: dict[str, Any]) -> str:
    """The timeline for a terminal (control characters escaped, :mod:`aiact_kg.render.terminal`)."""
    return terminal_safe(_timeline_text(timeline))
