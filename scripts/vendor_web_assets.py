"""Vendor the workbench's browser assets (YASGUI, Swagger UI) from the npm registry.

A build-time tool, never run by the service: the files it writes are committed under
``aiact_kg/service/static/vendor/`` and shipped in the wheel, so the workbench and ``/docs``
work without internet. ``manifest.json`` beside them pins each npm package by version and by
the sha256 of its tarball, and each file taken from it by its own sha256.

    python scripts/vendor_web_assets.py            # fetch (npm pack), check the hashes, extract
    python scripts/vendor_web_assets.py --check    # offline: the committed files match the manifest
    python scripts/vendor_web_assets.py --update   # after changing a version: record new hashes

A file whose ``from`` is null (a licence the tarball does not ship) is kept by hand; the
manifest names its source and pins its hash.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

VENDOR = Path(__file__).resolve().parents[1] / "aiact_kg" / "service" / "static" / "vendor"
MANIFEST = VENDOR / "manifest.json"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def load_manifest(path: Path = MANIFEST) -> dict[str, Any]:
    manifest: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return manifest


def check_committed(manifest: dict[str, Any], root: Path = VENDOR) -> list[str]:
    """Problems of the committed files against the manifest (missing or changed files)."""
    problems = []
    for package in manifest["packages"]:
        for name, entry in package["files"].items():
            path = root / package["directory"] / name
            if not path.is_file():
                problems.append(f"{path.relative_to(root)}: missing")
            elif sha256(path.read_bytes()) != entry["sha256"]:
                problems.append(f"{path.relative_to(root)}: sha256 differs from manifest.json")
    return problems


def npm_pack(spec: str, into: Path) -> Path:
    """Download one package tarball with the ordinary npm client (no install, no scripts)."""
    result = subprocess.run(
        ["npm", "pack", spec, "--json", "--ignore-scripts", "--pack-destination", str(into)],
        check=True,
        capture_output=True,
        text=True,
    )
    filename = str(json.loads(result.stdout)[0]["filename"])
    return into / filename


def vendor_package(package: dict[str, Any], work: Path, update: bool) -> list[str]:
    """Fetch, check and extract one package; return the problems found."""
    spec = f"{package['name']}@{package['version']}"
    tarball = npm_pack(spec, work)
    digest = sha256(tarball.read_bytes())
    if update:
        package["tarball_sha256"] = digest
    elif digest != package["tarball_sha256"]:
        return [f"{spec}: tarball sha256 {digest} is not the pinned {package['tarball_sha256']}"]
    problems = []
    target = VENDOR / package["directory"]
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(tarball) as archive:
        for name, entry in package["files"].items():
            if entry["from"] is None:  # kept by hand (see the manifest's "source")
                if update:
                    entry["sha256"] = sha256((target / name).read_bytes())
                continue
            member = archive.extractfile(entry["from"])
            if member is None:
                problems.append(f"{spec}: {entry['from']} is not a file of the tarball")
                continue
            data = member.read()
            if update:
                entry["sha256"] = sha256(data)
            elif sha256(data) != entry["sha256"]:
                problems.append(f"{spec}: {entry['from']} differs from its pinned sha256")
                continue
            (target / name).write_bytes(data)
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="only check the committed files")
    mode.add_argument("--update", action="store_true", help="record the hashes of new versions")
    args = parser.parse_args(argv)
    manifest = load_manifest()
    problems: list[str] = []
    if not args.check:
        with tempfile.TemporaryDirectory() as work:
            for package in manifest["packages"]:
                problems += vendor_package(package, Path(work), args.update)
        if args.update:
            MANIFEST.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    problems += check_committed(manifest)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f"vendored assets match {MANIFEST.name}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
