"""List the provisions the duty sweep must review, with their text, for a range of articles.

Usage: python scripts/duty_sweep_candidates.py FIRST LAST [--annexes] [--unreviewed]

A candidate is what queries/checks/duty-sweep-unreviewed-violation.rq checks: a smallest unit of
an article or annex whose text says "shall", or a point introduced by words that say it.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pyoxigraph import Literal  # noqa: E402

from aiact_kg.kb import build_knowledge_base, open_knowledge_base  # noqa: E402
from aiact_kg.queries import run_select  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("first", type=int)
    parser.add_argument("last", type=int)
    parser.add_argument("--annexes", action="store_true", help="list the annexes instead")
    parser.add_argument("--unreviewed", action="store_true", help="only those without a review")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        build_knowledge_base(Path(tmp) / "store")
        store = open_knowledge_base(Path(tmp) / "store")
        unreviewed = {
            row["provision"].value  # type: ignore[union-attr]
            for row in run_select(store, "checks/duty-sweep-unreviewed-violation").records()
        }
        rows = run_select(store, "kb/duty-sweep-candidates").records()
        store.close()
    pattern = re.compile(r"/anx_" if args.annexes else r"/art_(\d+)")
    for row in rows:
        iri = row["provision"].value  # type: ignore[union-attr]
        match = pattern.search(iri)
        if not match or (not args.annexes and not args.first <= int(match.group(1)) <= args.last):
            continue
        reviewed = iri not in unreviewed
        if args.unreviewed and reviewed:
            continue
        local = iri.rsplit("/", 1)[-1]
        citation = row["citation"].value  # type: ignore[union-attr]
        print(f"== aiap:{local}  [{citation}]{'  (reviewed)' if reviewed else ''}")
        parent = row["parentText"]
        if isinstance(parent, Literal) and "shall" in parent.value.split(":", 1)[0]:
            print(f"   chapeau: {parent.value.split(':', 1)[0][:400]}:")
        print(f"   {row['text'].value}")  # type: ignore[union-attr]
    return 0


if __name__ == "__main__":
    sys.exit(main())
