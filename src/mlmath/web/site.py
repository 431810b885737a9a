"""Everything a request needs, built once at start: settings, database, secret, course, skills."""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from fastapi.templating import Jinja2Templates

from mlmath.config import Config
from mlmath.content.curriculum import ContentError, Curriculum
from mlmath.exercises.skill import Skill
from mlmath.services.accounts import User
from mlmath.services.labs import LabOutputs
from mlmath.store.database import Database
from mlmath.web.sessions import Sessions

log = logging.getLogger("mlmath.web")
WEB = Path(__file__).parent


def is_loopback(host: str) -> bool:
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def multi_user_for(config: Config, host: str) -> bool:
    """Whether accounts are on: ``MLMATH_MULTI_USER``, or for ``auto`` whether the host is
    reachable from other machines."""
    if config.multi_user == "auto":
        return not is_loopback(host)
    return config.multi_user == "on"


def load_curriculum() -> tuple[Curriculum, str]:
    """The course, or an empty one and the reason when the content cannot be read."""
    from mlmath.content.curriculum import curriculum

    try:
        return curriculum(), ""
    except (ContentError, KeyError, ValueError, OSError) as error:
        log.error("the course content could not be read: %s", error)
        return Curriculum(courses=()), str(error)


def load_skills() -> dict[str, Skill]:
    from mlmath.exercises import registry

    return registry.all_skills()


@dataclass
class Site:
    config: Config
    db: Database
    secret: bytes
    multi_user: bool
    curriculum: Curriculum
    skills: Mapping[str, Skill]
    templates: Jinja2Templates
    content_error: str = ""
    local_user: User | None = None
    skill_lessons: dict[str, str] = field(default_factory=dict)
    """For each skill, the first lesson that practises it (for links back)."""
    sessions: Sessions = field(init=False)
    lab_outputs: LabOutputs = field(init=False)
    """The labs executed for their pages, kept in the data folder."""

    def __post_init__(self) -> None:
        self.sessions = Sessions(self.db)
        self.lab_outputs = LabOutputs(self.config.data_dir / "lab-outputs")

    def skill(self, skill_id: str) -> Skill:
        return self.skills[skill_id]
