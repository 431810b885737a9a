"""Settings, declared once: name, default, help. Read from ``MLMATH_*`` environment variables.

The table :data:`SETTINGS` feeds :class:`Config`, ``mlmath --help`` and the
README's settings section (a test keeps them in step).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: str
    help: str


def _data_home() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "mlmath"


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "MLMATH_DATA_DIR",
        "~/.local/share/mlmath",
        "Folder for the SQLite database, submissions and the practice record.",
    ),
    Setting(
        "MLMATH_DATABASE_URL",
        "",
        "SQLAlchemy URL of the database; empty means SQLite in MLMATH_DATA_DIR. "
        "For a class: postgresql+psycopg://user:password@host/dbname.",
    ),
    Setting(
        "MLMATH_MULTI_USER",
        "auto",
        "'on' for accounts and log-in, 'off' for one learner without log-in, "
        "'auto' for off on 127.0.0.1 / ::1 and on elsewhere.",
    ),
    Setting(
        "MLMATH_SECRET_KEY",
        "",
        "Secret for signing cookies; empty means one generated and kept in MLMATH_DATA_DIR.",
    ),
    Setting(
        "MLMATH_INSTRUCTORS",
        "",
        "Usernames (comma-separated) that get the instructor role in multi-user mode: "
        "the class table and the gradebook.",
    ),
    Setting(
        "MLMATH_GRADING_WORKERS",
        "1",
        "Grading workers the server runs in process (0 when `mlmath worker` runs elsewhere).",
    ),
    Setting(
        "MLMATH_SANDBOX",
        "auto",
        "'bubblewrap' to require the full sandbox, 'rlimits' for local single-user grading "
        "without it, 'auto' to use bubblewrap when the machine has it.",
    ),
)


@dataclass(frozen=True, slots=True)
class Config:
    """The typed settings in force."""

    data_dir: Path
    database_url: str
    multi_user: str
    secret_key: str
    grading_workers: int
    sandbox: str
    instructors: tuple[str, ...] = ()

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> Config:
        env = os.environ if environ is None else environ

        def get(name: str) -> str:
            default = next(s.default for s in SETTINGS if s.name == name)
            return env.get(name, default).strip()

        data_dir = (
            Path(env["MLMATH_DATA_DIR"]).expanduser()
            if env.get("MLMATH_DATA_DIR")
            else _data_home()
        )
        multi_user = get("MLMATH_MULTI_USER").lower()
        if multi_user not in ("on", "off", "auto"):
            raise ValueError(f"MLMATH_MULTI_USER must be on, off or auto, not {multi_user!r}")
        sandbox = get("MLMATH_SANDBOX").lower()
        if sandbox not in ("bubblewrap", "rlimits", "auto"):
            raise ValueError(f"MLMATH_SANDBOX must be bubblewrap, rlimits or auto, not {sandbox!r}")
        workers_text = get("MLMATH_GRADING_WORKERS")
        if not workers_text.isdigit():
            raise ValueError(f"MLMATH_GRADING_WORKERS must be a whole number, not {workers_text!r}")
        return cls(
            data_dir=data_dir,
            database_url=get("MLMATH_DATABASE_URL"),
            multi_user=multi_user,
            secret_key=get("MLMATH_SECRET_KEY"),
            grading_workers=int(workers_text),
            sandbox=sandbox,
            instructors=tuple(
                n.strip().lower() for n in get("MLMATH_INSTRUCTORS").split(",") if n.strip()
            ),
        )
