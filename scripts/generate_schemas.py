"""Write the JSON Schemas of the results, generated from the models, into docs/schemas/.

Usage: python scripts/generate_schemas.py [--check]

Each ``docs/schemas/<name>.schema.json`` describes one JSON document the command line and the
service write (see :data:`aiact_kg.results.schemas.MODELS`). ``--check`` writes nothing and
exits 1 if a committed schema differs from the models (a test runs the same comparison).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from aiact_kg.results.schemas import MODELS, schema_text

SCHEMAS = Path(__file__).resolve().parent.parent / "docs" / "schemas"


def stale() -> list[str]:
    """The schema files that are missing, differ from the models, or describe no model."""
    found = [
        f"{name}.schema.json"
        for name in MODELS
        if not (SCHEMAS / f"{name}.schema.json").is_file()
        or (SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8") != schema_text(name)
    ]
    known = {f"{name}.schema.json" for name in MODELS}
    found += sorted(p.name for p in SCHEMAS.glob("*.schema.json") if p.name not in known)
    return found


def write() -> None:
    SCHEMAS.mkdir(parents=True, exist_ok=True)
    for name in MODELS:
        (SCHEMAS / f"{name}.schema.json").write_text(schema_text(name), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 if stale")
    args = parser.parse_args(argv)
    if args.check:
        found = stale()
        for name in found:
            print(f"stale: docs/schemas/{name} (run scripts/generate_schemas.py)", file=sys.stderr)
        return 1 if found else 0
    write()
    print(f"wrote {len(MODELS)} schemas to docs/schemas/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
