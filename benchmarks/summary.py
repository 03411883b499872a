"""Write ``benchmarks/RESULTS.md`` from every recorded result, against the targets of issue 10.

Usage: python -m benchmarks.summary (``bench_scale`` runs it after each run). Reads
``results/*.json`` (scale, validation, assessment, registry, load and, when present,
catalogue), writes ``results/scale.md`` and the plot ``results/scale.png`` from the scale
figures, and ``RESULTS.md`` beside ``results/``. A figure not recorded yet is shown as not
measured; nothing is invented.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from benchmarks.markdown import table

RESULTS = Path(__file__).resolve().parent / "results"
TARGET_100K_SECONDS = 180
TARGET_1M_SECONDS = 1800
TARGET_1M_MIB = 4096
TARGET_VALIDATION_SPEEDUP = 10
TARGET_WARM_MS = 100
TARGET_GROWTH = 1.05
LABELS = {
    "validate": "validate (store engine)",
    "validate-pyshacl": "validate (rdflib + pyshacl, baseline)",
    "assess": "assess end to end (batched, jsonl)",
    "assess-one-batch": "assess end to end (one batch, baseline)",
}


def _load(results: Path, name: str) -> dict[str, Any] | None:
    path = results / f"{name}.json"
    if not path.exists():
        return None
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _row(scale: dict[str, Any], mix: str, size: int, stage: str) -> dict[str, Any] | None:
    for row in scale.get("rows", []):
        if (row["mix"], row["subjects"], row["stage"]) == (mix, size, stage) and not row["exit"]:
            return dict(row)
    return None


def growth(scale: dict[str, Any], mix: str, stage: str, low: int, high: int) -> float | None:
    """The exponent k of time ~ N^k between two sizes, if both were measured."""
    a, b = _row(scale, mix, low, stage), _row(scale, mix, high, stage)
    if not a or not b:
        return None
    return round(math.log(b["seconds"] / a["seconds"]) / math.log(high / low), 2)


def _sizes(scale: dict[str, Any]) -> list[int]:
    return sorted({row["subjects"] for row in scale.get("rows", [])})


def _mixes(scale: dict[str, Any]) -> list[str]:
    return sorted({row["mix"] for row in scale.get("rows", [])})


def _cell(row: dict[str, Any] | None) -> str:
    if row is None:
        return "n/m"
    return (
        f"{row['seconds']:.1f} s ({row['subjects_per_second']:.0f}/s, {row['peak_total_mib']} MiB)"
    )


def scale_table(scale: dict[str, Any]) -> list[str]:
    """One table per mix: each stage's time, throughput and peak memory per size."""
    lines: list[str] = []
    for mix in _mixes(scale):
        header = ["subjects", *LABELS.values(), "assess speed-up", "load average"]
        lines += [
            f"**{mix} mix** (time, subjects per second, peak memory of all processes)",
            "",
            *table(header, "r" * len(header), _scale_rows(scale, mix)),
            "",
            "Sizes up to the batch size (default 1000) are one batch: there the batched and",
            "one-batch columns do the same work in one process, and differ only by noise.",
            "",
        ]
        steps = list(zip(_sizes(scale), _sizes(scale)[1:], strict=False))
        for stage in LABELS:
            found = [(a, b, growth(scale, mix, stage, a, b)) for a, b in steps]
            shown = [f"{a}→{b}: N^{k}" for a, b, k in found if k is not None]
            if shown:
                lines.append(f"- growth of {LABELS[stage]}: " + ", ".join(shown))
        lines.append("")
    return lines


def _scale_rows(scale: dict[str, Any], mix: str) -> list[list[str]]:
    """Per size measured: each stage's cell, the speed-up of batching and the load average."""
    table_rows = []
    for size in _sizes(scale):
        rows = [_row(scale, mix, size, stage) for stage in LABELS]
        if not any(rows):
            continue
        new, old = _row(scale, mix, size, "assess"), _row(scale, mix, size, "assess-one-batch")
        speedup = f"{old['seconds'] / new['seconds']:.1f}x" if new and old else "n/m"
        loads = [r["load_average_before"] for r in rows if r]
        load = f"{min(loads)}-{max(loads)}" if loads else "?"
        table_rows.append([str(size), *(_cell(row) for row in rows), speedup, load])
    return table_rows


def _load_warning(scale: dict[str, Any]) -> list[str]:
    """A warning when stages ran while the machine had more work than CPUs."""
    cpus = max((m.get("cpus") or 1 for m in scale.get("machines", [])), default=1)
    loads = [r["load_average_before"] for r in scale.get("rows", [])]
    if not loads or max(loads) <= cpus:
        return []
    return [
        f"**Some stages ran on a busy machine** (load average up to {max(loads)} on {cpus} "
        "CPUs, see the load column): their times are inflated and their growth exponents "
        "unreliable; compare columns within a row (measured one after the other), and re-run "
        "on an idle machine to compare with the targets.",
        "",
    ]


def _machine_lines(scale: dict[str, Any]) -> list[str]:
    lines = []
    for meta in scale.get("machines", []):
        lines.append(
            f"- {meta.get('date', '?')}: {meta.get('cpus')} CPUs ({meta.get('cpu') or '?'}), "
            f"{meta.get('memory_gib')} GiB RAM, {meta.get('system')}, Python {meta.get('python')}, "
            f"pyoxigraph {meta.get('pyoxigraph')}, load average at start "
            f"{meta.get('load_average_at_start')}"
        )
    return lines


def write_scale_markdown(scale: dict[str, Any], results: Path) -> None:
    """``results/scale.md`` and ``results/scale.png``."""
    lines = [
        "# Scale: validate and assess end to end",
        "",
        "Written by `python -m benchmarks.bench_scale` (see its docstring). Each stage is the real",
        "CLI in a child process; `n/m`: not measured at that size (baselines stop at",
        "`--baseline-max`, one-pass validation at `--validate-max`). Load average before each",
        "stage is in scale.json (`load_average_before`): the machine may be shared.",
        "",
        *_load_warning(scale),
        *scale_table(scale),
        "Machines:",
        "",
        *_machine_lines(scale),
        "",
        "![scale](scale.png)",
        "",
    ]
    (results / "scale.md").write_text("\n".join(lines), encoding="utf-8")
    plot(scale, results / "scale.png")


def plot(scale: dict[str, Any], path: Path) -> None:
    """Time and peak memory against subjects, log-log, with the targets."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, (times, memory) = plt.subplots(1, 2, figsize=(12, 5))
    for mix in _mixes(scale):
        marker = {"high-risk": "s", "high-risk-varied": "^"}.get(mix, "o")
        for number, (stage, label) in enumerate(LABELS.items()):
            rows = [_row(scale, mix, size, stage) for size in _sizes(scale)]
            points = [(r["subjects"], r) for r in rows if r]
            if not points:
                continue
            style = {
                "linestyle": "--" if stage in ("validate-pyshacl", "assess-one-batch") else "-",
                "marker": marker,
                "color": f"C{number}",
                "label": f"{mix}: {label}",
            }
            xs = [x for x, _ in points]
            times.plot(xs, [r["seconds"] for _, r in points], **style)
            if stage.startswith("assess"):
                memory.plot(xs, [r["peak_total_mib"] for _, r in points], **style)
            if stage == "assess":
                style |= {"linestyle": ":", "label": f"{mix}: {label}, largest process"}
                memory.plot(xs, [r["peak_process_mib"] for _, r in points], **style)
    times.plot([100_000], [TARGET_100K_SECONDS], "r*", markersize=12, label="target 100k: 3 min")
    times.plot([1_000_000], [TARGET_1M_SECONDS], "rX", markersize=12, label="target 1M: 30 min")
    memory.axhline(TARGET_1M_MIB, color="r", linestyle=":", label="target at 1M: 4 GB")
    for axis, title, unit in ((times, "wall time", "seconds"), (memory, "peak memory", "MiB")):
        axis.set_xscale("log")
        axis.set_yscale("log")
        axis.set_xlabel("subjects")
        axis.set_ylabel(unit)
        axis.set_title(title)
        axis.grid(True, which="both", alpha=0.3)
        axis.legend(fontsize=7)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


def _verdict(value: float | None, limit: float, *, at_least: bool = False) -> str:
    if value is None:
        return "not measured yet"
    met = value >= limit if at_least else value <= limit
    return "met" if met else "**not met**"


def _targets(results: Path, scale: dict[str, Any]) -> list[str]:
    rows: list[tuple[str, str, str]] = []
    for mix in _mixes(scale) or ["light"]:
        rows += _scale_targets(scale, mix)
    validation = _load(results, "validation")
    if validation:
        for row in validation.get("rows", []):
            if row.get("subjects") == 10_000:
                verdicts = (
                    _verdict(row[key], TARGET_VALIDATION_SPEEDUP, at_least=True)
                    for key in ("speedup", "shapes_speedup")
                )
                rows.append(
                    (
                        "validation ≥ 10x pyshacl at 10k (bench_validation: whole command; "
                        "shapes only)",
                        f"{row['speedup']}x; {row['shapes_speedup']}x",
                        "; ".join(verdicts),
                    )
                )
    rows += _catalogue_targets(_load(results, "catalogue") or {})
    warm = _warm_ms(results)
    rows.append(
        (
            "one warm assessment < 100 ms",
            f"{warm} ms" if warm is not None else "n/m",
            _verdict(warm, TARGET_WARM_MS),
        )
    )
    return table(["target", "figure", "verdict"], "lll", rows)


def _scale_targets(scale: dict[str, Any], mix: str) -> list[tuple[str, str, str]]:
    """The targets of one mix the scale figures answer: (target, figure, verdict) rows."""
    row = _row(scale, mix, 100_000, "assess")
    value = row["seconds"] if row else None
    figure = f"{value:.0f} s" if value is not None else "n/m"
    rows = [(f"100k end to end < 3 min ({mix})", figure, _verdict(value, TARGET_100K_SECONDS))]
    row = _row(scale, mix, 1_000_000, "assess")
    seconds = row["seconds"] if row else None
    mib = row["peak_total_mib"] if row else None
    figure = f"{seconds:.0f} s, {mib} MiB" if row else "n/m"
    verdict = _verdict(seconds, TARGET_1M_SECONDS)
    if row and verdict == "met":
        verdict = _verdict(mib, TARGET_1M_MIB)
    rows.append((f"1M end to end < 30 min and < 4 GB ({mix})", figure, verdict))
    for stage in ("validate", "assess"):
        k = growth(scale, mix, stage, 10_000, 100_000)
        rows.append(
            (
                f"growth 10k→100k ≤ N^1.05: {LABELS[stage]} ({mix})",
                "N^" + str(k) if k is not None else "n/m",
                _verdict(k, TARGET_GROWTH),
            )
        )
    new, old = (_row(scale, mix, 10_000, s) for s in ("validate", "validate-pyshacl"))
    speedup = round(old["seconds"] / new["seconds"], 1) if new and old else None
    rows.append(
        (
            f"validation ≥ 10x pyshacl at 10k ({mix}, whole command)",
            str(speedup) + "x" if speedup else "n/m",
            _verdict(speedup, TARGET_VALIDATION_SPEEDUP, at_least=True),
        )
    )
    return rows


_CATALOGUE_SPAN = "10000->100000"  # the sizes the growth target is read between


def _catalogue_growth(catalogue: dict[str, Any]) -> dict[str, dict[str, float]]:
    """Per engine and question, the growth exponent of p50 from 10k to 100k."""
    per_engine: dict[str, dict[str, float]] = {}
    for key, spans in catalogue.get("growth", {}).items():
        engine, question = key.split(" ", 1)
        if isinstance(spans.get(_CATALOGUE_SPAN), int | float):
            per_engine.setdefault(engine, {})[question] = spans[_CATALOGUE_SPAN]
    return per_engine


def _catalogue_targets(catalogue: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Per engine: the catalogue questions' growth of p50 from 10k to 100k against the target."""
    rows = []
    for engine, exponents in sorted(_catalogue_growth(catalogue).items()):
        steep = sorted((k, q) for q, k in exponents.items() if k > TARGET_GROWTH)
        figure = f"{len(steep)} of {len(exponents)} questions above"
        if steep:
            figure += f"; worst {steep[-1][1][:6]} N^{steep[-1][0]}"
        verdict = "**not met**" if steep else "met"
        rows.append(
            (f"growth 10k→100k ≤ N^1.05: catalogue questions, p50 ({engine})", figure, verdict)
        )
    return rows


def _warm_ms(results: Path) -> float | None:
    """The warm latency of one assessment (median wall clock), as bench_assessment records it.

    The latency record is per input (generated subject, examples); the generated subject's
    median stands for the figure, else the largest median of the inputs.
    """
    assessment = _load(results, "assessment") or {}
    for key in ("warm_latency_ms", "latency_warm_ms", "latency_one_subject_ms"):
        value = assessment.get(key)
        if isinstance(value, int | float):
            return float(value)
        if isinstance(value, dict) and value:
            per_input = {name: row.get("warm_median_ms") for name, row in value.items()}
            if isinstance(per_input.get("generated subject"), int | float):
                return float(per_input["generated subject"])  # type: ignore[arg-type]
            medians = [v for v in per_input.values() if isinstance(v, int | float)]
            return float(max(medians)) if medians else None
    return None


def _catalogue_lines(catalogue: dict[str, Any]) -> list[str]:
    """Per engine, at the largest size: the median and slowest questions, and their growth."""
    rows = [row for row in catalogue.get("rows", []) if isinstance(row.get("p50_ms"), int | float)]
    table_rows = []
    growth = _catalogue_growth(catalogue)
    for engine in sorted({row["engine"] for row in rows}):
        mine = [row for row in rows if row["engine"] == engine]
        size = max(row["size"] for row in mine)
        largest = sorted((row for row in mine if row["size"] == size), key=lambda r: r["p50_ms"])
        median = largest[len(largest) // 2]["p50_ms"]
        slowest = ", ".join(
            f"{row['question'][:6]} {row['p50_ms'] / 1000:.1f} s" for row in largest[-3:][::-1]
        )
        steep = sum(1 for k in growth.get(engine, {}).values() if k > TARGET_GROWTH)
        table_rows.append([engine, size, len(largest), f"{median} ms", slowest, steep])
    header = ["engine", "subjects", "questions", "median p50", "slowest (p50)"]
    lines = [
        "See [results/catalogue.md](results/catalogue.md) for every question, size and engine "
        f"(load average at the end of the run: {catalogue.get('load_average')}).",
        "",
        *table([*header, "growth 10k→100k above N^1.05"], "lrrrlr", table_rows),
    ]
    errors = sorted(
        {
            f"{r['engine']} {r['question']}"
            for r in catalogue.get("rows", [])
            if not isinstance(r.get("p50_ms"), int | float)
        }
    )
    if errors:
        lines += ["", "No answer (error): " + ", ".join(errors) + "."]
    return lines


def _other_lines(results: Path) -> list[str]:
    lines: list[str] = []
    validation = _load(results, "validation")
    if validation:
        lines += ["### Validation ([results/validation.md](results/validation.md))", ""]
        for row in validation.get("rows", []):
            lines.append(
                f"- {row['subjects']} subjects: store engine {row['store_seconds']} s, pyshacl "
                f"{row['pyshacl_seconds']} s ({row['speedup']}x; shapes alone "
                f"{row['shapes_speedup']}x), same findings: {row['same_findings']}"
            )
        lines += [f"- load average during the run: {validation.get('load_average')}", ""]
    assessment = _load(results, "assessment")
    if assessment:
        lines += [
            "### Assessment latency and throughput "
            "([results/assessment.md](results/assessment.md))",
            "",
            f"- one assessment, warm: {_warm_ms(results)} ms",
        ]
        for row in assessment.get("rows", []):
            lines.append(
                f"- {row['subjects']} subjects: rules {row['reasoning_seconds']} s, end to end "
                f"{row.get('end_to_end_seconds', 'n/m')} s"
            )
        lines.append("")
    registry = _load(results, "registry")
    if registry:
        lines += [
            "### One submission into a growing registry "
            "([results/registry.md](results/registry.md))",
            "",
        ]
        for row in registry.get("rows", []):
            lines.append(
                f"- {row['stored_subjects']} stored: submit {row['submit_ms']} ms (assess alone "
                f"{row['assess_alone_ms']} ms), open {row['open_ms']} ms"
            )
        lines.append("")
    load = _load(results, "load")
    if load:
        lines += ["### Concurrent clients on the service ([results/load.md](results/load.md))", ""]
        for phase in load.get("phases", []):
            lines.append(
                f"- {phase['kind']}, {phase['clients']} clients: {phase['per_second']}/s, "
                f"p50 {phase['p50_ms']} ms, p99 {phase['p99_ms']} ms"
            )
        lines += [f"- over {load.get('stored', {}).get('subjects', '?')} stored subjects", ""]
    lines += ["### Catalogue queries", ""]
    catalogue = _load(results, "catalogue")
    if catalogue:
        lines += _catalogue_lines(catalogue)
    else:
        lines.append(
            "Not recorded yet (`results/catalogue.json` absent): filled in when it exists."
        )
    return [*lines, ""]


def _notes(results: Path) -> list[str]:
    """The hand-written reading of the figures (``results/notes.md``), kept across runs."""
    notes = results / "notes.md"
    if not notes.is_file():
        return []
    return ["## Reading the figures", "", notes.read_text(encoding="utf-8").strip(), ""]


def write_summary(results: Path = RESULTS, target: Path | None = None) -> Path:
    """Write RESULTS.md (beside ``results`` unless ``target``); returns its path."""
    target = target or results.parent / "RESULTS.md"
    scale = _load(results, "scale") or {"rows": []}
    if scale["rows"]:
        write_scale_markdown(scale, results)
    lines = [
        "# Benchmark results",
        "",
        "Written by `python -m benchmarks.summary` (run by `bench_scale`) from the figures in",
        "`results/`; each benchmark's page says how it was run. Issue 10's targets on a 2-core",
        "machine, against the recorded figures:",
        "",
        *_load_warning(scale),
        *_targets(results, scale),
        "",
        "## Scale ([results/scale.md](results/scale.md))",
        "",
        *_load_warning(scale),
        *scale_table(scale),
        "Machines of the scale runs:",
        "",
        *(_machine_lines(scale) or ["- none recorded"]),
        "",
        "![time and memory against subjects](results/scale.png)" if scale["rows"] else "",
        "",
        "## Other benchmarks",
        "",
        *_other_lines(results),
        *_notes(results),
    ]
    target.write_text("\n".join(lines), encoding="utf-8")
    return target


if __name__ == "__main__":
    print(write_summary())
