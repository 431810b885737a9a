"""The one registry of skills, keyed by stable id.

Skill modules live under ``mlmath.exercises.<subject>``; each defines a
:class:`~mlmath.exercises.skill.Skill` subclass and decorates it with
:func:`register`. :func:`all_skills` imports every subject package once.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from typing import TypeVar

from mlmath.exercises.skill import Skill

S = TypeVar("S", bound=type[Skill])

_SKILLS: dict[str, Skill] = {}
SUBJECTS = ("linalg", "calculus", "probability", "statistics")


def register(cls: S) -> S:
    """Class decorator: add one instance of the skill to the registry."""
    skill = cls()
    if skill.id in _SKILLS and type(_SKILLS[skill.id]) is not cls:
        raise ValueError(f"two skills share the id {skill.id!r}")
    if skill.levels < 1:
        raise ValueError(f"{skill.id} must have at least one level")
    _SKILLS[skill.id] = skill
    return cls


@cache
def _load() -> None:
    for subject in SUBJECTS:
        _load_subject(subject)


@cache
def _load_subject(subject: str) -> None:
    """Import one subject's skill modules (``mlmath solve`` needs only the one it names)."""
    try:
        package = importlib.import_module(f"mlmath.exercises.{subject}")
    except ModuleNotFoundError as error:
        if error.name == f"mlmath.exercises.{subject}":
            return
        raise
    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{module.name}")


def all_skills() -> dict[str, Skill]:
    """Every registered skill, by id, in id order."""
    _load()
    return dict(sorted(_SKILLS.items()))


class UnknownSkill(KeyError):
    def __str__(self) -> str:
        return f"no skill is called {self.args[0]!r}; `mlmath solve --list` lists them"


def get(skill_id: str) -> Skill:
    """The skill with this id; raises :class:`UnknownSkill`."""
    subject = skill_id.partition(".")[0]
    if subject in SUBJECTS:
        _load_subject(subject)
        if skill_id in _SKILLS:
            return _SKILLS[skill_id]
    skills = all_skills()
    try:
        return skills[skill_id]
    except KeyError:
        raise UnknownSkill(skill_id) from None
