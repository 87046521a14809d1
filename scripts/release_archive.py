"""Extract the data package of an earlier release from the history of main, without git tags.

    python scripts/release_archive.py [VERSION] DIR

A release is the last commit on main whose datapackage.json carries its version (CHANGELOG.md lists every
release): the version is set in the first commit of a release's work, so the release ends where the next version is
set, or at HEAD for the current one. The commit that set the next version is found with git's pickaxe search, so the
record lasts as long as main's history does. Without VERSION the release before the current one is taken. Then
compare with `vnsister diff DIR .`.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RELEASE_HEADING = re.compile(r"^## (\d+\.\d+\.\d+)\b", re.M)


def releases() -> list[str]:
    """Versions in CHANGELOG.md, newest first."""
    return RELEASE_HEADING.findall((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"))


def current_version() -> str:
    return json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))["version"]


def previous_release() -> str | None:
    """The newest release in CHANGELOG.md older than the current version."""
    versions = releases()
    current = current_version()
    later = versions[versions.index(current) + 1:] if current in versions else versions
    return later[0] if later else None


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout


def release_commit(version: str, root: Path = ROOT) -> str | None:
    """The last commit whose datapackage.json carries ``"version": "<version>"``: HEAD if it still does, else the
    parent of the newest commit that changed it (the one that set the next version)."""
    pattern = f'"version": "{version}"'
    touching = _git(root, "log", "--format=%H", "-S", pattern, "--", "datapackage.json").split()
    if not touching:
        return None
    if pattern in _git(root, "show", "HEAD:datapackage.json"):
        return _git(root, "rev-parse", "HEAD").strip()
    return _git(root, "rev-parse", f"{touching[0]}^").strip()


def extract(commit: str, target: Path, root: Path = ROOT) -> None:
    """Write datapackage.json, schemas/ and dataset/ of ``commit`` into ``target``."""
    archive = subprocess.run(["git", "archive", "--format=tar", commit, "datapackage.json", "schemas", "dataset"],
                             cwd=root, capture_output=True, check=True).stdout
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("args", nargs="+", metavar="[VERSION] DIR")
    args = parser.parse_args(argv).args
    if len(args) > 2:
        parser.error("give at most a VERSION and a DIR")
    version = args[0] if len(args) == 2 else previous_release()
    if version is None or version not in releases():
        print(f"release {version or 'before ' + current_version()} is not in CHANGELOG.md", file=sys.stderr)
        return 1
    commit = release_commit(version)
    if commit is None:
        print(f"release {version} is in CHANGELOG.md but no commit of this history sets it "
              "(a shallow clone?)", file=sys.stderr)
        return 1
    extract(commit, Path(args[-1]))
    print(f"release {version}: commit {commit[:12]} -> {args[-1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
