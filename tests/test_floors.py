"""The dependency floors pyproject.toml declares are the versions `.ci/smoke-floors`
installs (and the test suite was run on), so the two cannot drift apart."""

from __future__ import annotations

import re
import tomllib

from tests.conftest import REPO


def _canon(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_the_declared_floors_are_the_smoked_ones():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {}
    for dep in project["dependencies"]:
        m = re.fullmatch(r"([A-Za-z0-9_.-]+)>=([0-9.]+)(?:,<[0-9.]+)?", dep)
        assert m, f"{dep}: a floor (>=) is expected"
        declared[_canon(m.group(1))] = m.group(2)
    script = (REPO / ".ci" / "smoke-floors").read_text(encoding="utf-8")
    smoked = {_canon(n): v for n, v in re.findall(r'"([A-Za-z0-9_.-]+)==([0-9.]+)"', script)}
    for name, floor in declared.items():
        assert name in smoked, f"{name} is not installed at its floor by .ci/smoke-floors"
        parts = smoked[name].split(".")
        assert parts[:len(floor.split("."))] == floor.split("."), (name, floor, smoked[name])
