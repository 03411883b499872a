#!/usr/bin/env python3
"""Regenerate data/legal-text/aiact-2024-1689.ttl from the EUR-Lex OJ HTML of the AI Act."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aiact_kg_build.legaltext.build import main  # noqa: E402

DEFAULTS = [
    "--html",
    str(ROOT / "data" / "sources" / "eur-lex" / "OJ_L_202401689_EN_TXT.html"),
    "--output",
    str(ROOT / "data" / "legal-text" / "aiact-2024-1689.ttl"),
]

if __name__ == "__main__":
    sys.exit(main(DEFAULTS + sys.argv[1:]))
