"""Regenerate data/models/epoch-large-scale.ttl from Epoch AI's large-scale models table.

Usage: python scripts/build_epoch_models.py [--check]
Data: Epoch AI, 'Data on AI Models', CC BY 4.0, https://epoch.ai/data/ai-models.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from aiact_kg_build.epoch import build  # noqa: E402

SOURCE = ROOT / "data" / "sources" / "epoch" / "large_scale_ai_models.csv"
TARGET = ROOT / "data" / "models" / "epoch-large-scale.ttl"


def main(argv: list[str]) -> int:
    text = build(SOURCE)
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is out of date; run scripts/build_epoch_models.py", file=sys.stderr)
            return 1
        return 0
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
