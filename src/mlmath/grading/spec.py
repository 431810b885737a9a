"""Programming assignments: where they live, what they declare, and their test cases.

An assignment is a folder ``mlmath/content/assignments/<id>/`` holding

- ``instructions.md`` — Markdown with YAML front matter (id, title, course,
  week, starter file name, data files, points);
- the starter file the learner completes, and the data files it reads;
- ``tests.py`` — ``public_tests(reference)`` and ``hidden_tests(reference, rng)``,
  each returning :class:`TestCase` objects (expected values are computed by the
  reference solution, here, in the grader);
- ``reference.py`` — the reference solution (never copied to the learner, never
  mounted into a sandbox).
"""

from __future__ import annotations

import copy
import functools
import importlib.util
import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import yaml

from mlmath.grading.compare import Check, Close

ASSIGNMENTS = Path(__file__).resolve().parent.parent / "content" / "assignments"
LEARNER_FILES = ("instructions.md",)
"""Besides the starter and the data files, what ``mlmath assignment start`` copies."""


class UnknownAssignment(LookupError):
    def __init__(self, assignment_id: str) -> None:
        known = ", ".join(list_assignments()) or "none"
        super().__init__(f"no assignment {assignment_id!r}; known: {known}")


@dataclass(frozen=True, slots=True)
class TestCase:
    """One call of one learner function, with its expected value and its points."""

    name: str
    function: str
    args: tuple[Any, ...]
    expected: Any
    check: Check = field(default_factory=Close)
    points: float = 1.0
    public: bool = False
    kwargs: dict[str, Any] = field(default_factory=dict)
    argument_names: tuple[str, ...] = ()

    def call_text(self) -> str:
        from mlmath.grading.compare import show

        names = self.argument_names or tuple(f"arg{i + 1}" for i in range(len(self.args)))
        shown = [
            f"{name}={show(value, 160)}" for name, value in zip(names, self.args, strict=False)
        ]
        shown += [f"{name}={show(value, 160)}" for name, value in self.kwargs.items()]
        return f"{self.function}({', '.join(shown)})"


def make_case(
    reference: ModuleType,
    function: str,
    *args: Any,
    name: str = "",
    check: Check | None = None,
    points: float = 1.0,
    public: bool = False,
    **kwargs: Any,
) -> TestCase:
    """A test case whose expected value is what the reference solution returns."""
    solution: Callable[..., Any] = getattr(reference, function)
    expected = solution(*copy.deepcopy(args), **copy.deepcopy(kwargs))
    parameters = tuple(inspect.signature(solution).parameters)
    return TestCase(
        name=name or function,
        function=function,
        args=args,
        expected=expected,
        check=check or Close(),
        points=points,
        public=public,
        kwargs=kwargs,
        argument_names=parameters[: len(args)],
    )


@dataclass(frozen=True, slots=True)
class Assignment:
    id: str
    title: str
    course: int
    week: int
    starter: str
    functions: tuple[str, ...]
    data: tuple[str, ...]
    folder: Path

    @property
    def instructions(self) -> str:
        return _body(self.folder / "instructions.md")

    def learner_files(self) -> list[Path]:
        """Everything ``mlmath assignment start`` gives the learner (no tests, no reference)."""
        names = [*LEARNER_FILES, self.starter, *self.data]
        return [self.folder / name for name in names]

    def data_files(self) -> dict[str, str]:
        return {name: (self.folder / name).read_text(encoding="utf-8") for name in self.data}

    def _module(self, name: str) -> ModuleType:
        return _load_module(self.folder / f"{name}.py", f"mlmath_assignment_{self.id}_{name}")

    def reference(self) -> ModuleType:
        return self._module("reference")

    def tests(self, *, seed: int, public_only: bool = False) -> list[TestCase]:
        """Public tests, then (unless ``public_only``) the hidden tests drawn with ``seed``.

        Expected values are computed by the reference solution once per
        ``(assignment, seed)`` and kept (here, outside any sandbox): a regrade, a
        retry and ``mlmath grade --seed`` reuse them. Test cases are never changed
        after they are made, so sharing them is safe.
        """
        return list(_cases(self, seed, public_only))


@functools.lru_cache(maxsize=256)
def _cases(assignment: Assignment, seed: int, public_only: bool) -> tuple[TestCase, ...]:
    module = assignment._module("tests")
    reference = assignment.reference()
    cases: list[TestCase] = list(module.public_tests(reference))
    cases = [TestCase(**{**_fields(case), "public": True}) for case in cases]
    if not public_only:
        cases += module.hidden_tests(reference, np.random.default_rng(seed))
    return tuple(cases)


def _fields(case: TestCase) -> dict[str, Any]:
    return {name: getattr(case, name) for name in TestCase.__dataclass_fields__}


@functools.cache
def _load_module(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


def _front_matter(path: Path) -> dict[str, Any]:
    match = _FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    if not match:
        raise ValueError(f"{path} has no front matter")
    data = yaml.safe_load(match.group(1))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: the front matter is not a mapping")
    return data


def _body(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    match = _FRONT_MATTER.match(text)
    return text[match.end() :] if match else text


def list_assignments() -> list[str]:
    if not ASSIGNMENTS.is_dir():
        return []
    return sorted(
        folder.name for folder in ASSIGNMENTS.iterdir() if (folder / "instructions.md").is_file()
    )


@functools.cache
def load_assignment(assignment_id: str) -> Assignment:
    if assignment_id not in list_assignments():
        raise UnknownAssignment(assignment_id)
    folder = ASSIGNMENTS / assignment_id
    meta = _front_matter(folder / "instructions.md")
    if meta.get("id") != assignment_id:
        raise ValueError(f"{folder}/instructions.md declares id {meta.get('id')!r}")
    return Assignment(
        id=assignment_id,
        title=str(meta["title"]),
        course=int(meta["course"]),
        week=int(meta["week"]),
        starter=str(meta["starter"]),
        functions=tuple(meta.get("functions", ())),
        data=tuple(meta.get("data", ())),
        folder=folder,
    )
