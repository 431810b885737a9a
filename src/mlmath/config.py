"""Settings, declared once: name, default, help. Read from ``MLMATH_*`` environment variables.

The table :data:`SETTINGS` feeds :class:`Config`, ``mlmath --help`` and the
README's settings section (a test keeps them in step).
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: str
    help: str


def _data_home() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "mlmath"


LOOPBACK = ("127.0.0.0/8", "::1")
"""This machine's own addresses."""

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
    Setting(
        "MLMATH_METRICS_FROM",
        ",".join(LOOPBACK),
        "Addresses or networks (comma-separated) that may read /metrics without signing in; "
        "signed-in instructors always may. Empty means instructors only.",
    ),
    Setting(
        "MLMATH_LTI_SCORE_SECONDS",
        "30",
        "Seconds between rounds that send changed quiz and assignment scores to the LMS "
        "(LTI Assignment and Grade Services); 0 turns sending off.",
    ),
    Setting(
        "MLMATH_FRAME_ANCESTORS",
        "",
        "Origins (comma-separated, e.g. https://lms.school.edu) whose pages may show the course "
        "in a frame: an LMS that embeds its LTI links. Empty means no site may.",
    ),
)


def _origin(text: str) -> str:
    """An origin as a Content-Security-Policy source: ``https://host[:port]``, nothing more."""
    parts = urlsplit(text)
    if (
        parts.scheme not in ("https", "http")
        or not parts.hostname
        or parts.path not in ("", "/")
        or parts.query
        or parts.fragment
        or parts.username
        or any(c in text for c in " ;,'\"")
    ):
        raise ValueError(
            f"MLMATH_FRAME_ANCESTORS must list origins such as https://lms.school.edu, not {text!r}"
        )
    return f"{parts.scheme}://{parts.netloc}"


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
    metrics_from: tuple[str, ...] = LOOPBACK
    """Networks whose clients may read ``/metrics`` without signing in."""
    lti_score_seconds: float = 30.0
    """Seconds between rounds that send changed scores to the LMS (0: never)."""
    frame_ancestors: tuple[str, ...] = ()
    """Origins whose pages may show the course in a frame (an LMS)."""

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
        metrics_from = tuple(n.strip() for n in get("MLMATH_METRICS_FROM").split(",") if n.strip())
        for network in metrics_from:
            try:
                ipaddress.ip_network(network, strict=False)
            except ValueError:
                raise ValueError(
                    f"MLMATH_METRICS_FROM must list addresses or networks such as 10.0.0.0/8, "
                    f"not {network!r}"
                ) from None
        score_text = get("MLMATH_LTI_SCORE_SECONDS")
        try:
            lti_score_seconds = float(score_text)
            if not lti_score_seconds >= 0:
                raise ValueError
        except ValueError:
            raise ValueError(
                f"MLMATH_LTI_SCORE_SECONDS must be a number of seconds, not {score_text!r}"
            ) from None
        frame_ancestors = tuple(
            _origin(o.strip()) for o in get("MLMATH_FRAME_ANCESTORS").split(",") if o.strip()
        )
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
            metrics_from=metrics_from,
            lti_score_seconds=lti_score_seconds,
            frame_ancestors=frame_ancestors,
        )
