"""The tables, as SQLAlchemy 2 typed models.

Names mean one thing across code, database and pages: a *learner* (any account,
whatever its role) works on *variants* (one generated problem of a *skill*,
reproducible from its seed and level) and makes *attempts* (one checked response
each). A *quiz attempt* holds its own *quiz answers*, each a variant drawn for
that attempt. *Mastery* is a per-learner, per-skill summary folded from the
attempt history by :mod:`mlmath.services.mastery`.

Every change to these models comes with a migration in ``store/migrations``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from mlmath.store.schema import Base, UTCDateTime, utcnow


class Learner(Base):
    """An account: a learner or an instructor. Single-user mode has one, without a password."""

    __tablename__ = "learner"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    password_hash: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20), default="learner")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class LoginSession(Base):
    """A signed-in browser. The cookie holds a random token; only its SHA-256 is stored."""

    __tablename__ = "login_session"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learner.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (Index("ix_login_session_learner", "learner_id"),)


class LoginThrottle(Base):
    """Failed log-ins counted per key (a username, or a client address) to slow guessing."""

    __tablename__ = "login_throttle"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failure_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    blocked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Variant(Base):
    """One generated practice problem of a skill for a learner, reproducible from seed and level.

    ``ordinal`` counts a learner's variants of one skill (0, 1, 2, …); the current
    variant is the open one with the highest ordinal. ``draft`` keeps what was
    typed but not yet submitted; ``revealed`` records that the worked solution
    was shown (answers after that earn no mastery).
    """

    __tablename__ = "variant"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learner.id", ondelete="CASCADE"))
    skill_id: Mapped[str] = mapped_column(String(100))
    ordinal: Mapped[int] = mapped_column(Integer)
    seed: Mapped[int] = mapped_column(BigInteger)
    level: Mapped[int] = mapped_column(Integer)
    draft: Mapped[str] = mapped_column(Text, default="")
    revealed: Mapped[bool] = mapped_column(Boolean, default=False)
    closed: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("learner_id", "skill_id", "ordinal"),)


class Attempt(Base):
    """One checked response to a practice variant. ``idempotency_key`` makes a double submit
    create one attempt."""

    __tablename__ = "attempt"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    variant_id: Mapped[int] = mapped_column(ForeignKey("variant.id", ondelete="CASCADE"))
    learner_id: Mapped[int] = mapped_column(ForeignKey("learner.id", ondelete="CASCADE"))
    skill_id: Mapped[str] = mapped_column(String(100))
    response: Mapped[str] = mapped_column(Text)
    verdict: Mapped[str] = mapped_column(String(20))
    misconception_id: Mapped[str | None] = mapped_column(String(100))
    message: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)

    __table_args__ = (
        Index("ix_attempt_variant", "variant_id"),
        Index("ix_attempt_learner_skill", "learner_id", "skill_id"),
    )


class QuizAttempt(Base):
    """One attempt at a quiz: its variants are drawn when it starts.

    A graded attempt is scored once, when all answers are submitted together.
    """

    __tablename__ = "quiz_attempt"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learner.id", ondelete="CASCADE"))
    quiz_id: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))
    number: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    correct: Mapped[int | None] = mapped_column(Integer)
    total: Mapped[int] = mapped_column(Integer)
    score: Mapped[float | None] = mapped_column(Float)
    passed: Mapped[bool | None] = mapped_column(Boolean)

    __table_args__ = (
        UniqueConstraint("learner_id", "quiz_id", "number"),
        Index("ix_quiz_attempt_quiz", "quiz_id"),
    )


class QuizAnswer(Base):
    """One question of a quiz attempt: the variant drawn for it and, once answered, the verdict."""

    __tablename__ = "quiz_answer"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    quiz_attempt_id: Mapped[int] = mapped_column(ForeignKey("quiz_attempt.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    skill_id: Mapped[str] = mapped_column(String(100))
    seed: Mapped[int] = mapped_column(BigInteger)
    level: Mapped[int] = mapped_column(Integer)
    draft: Mapped[str] = mapped_column(Text, default="")
    response: Mapped[str | None] = mapped_column(Text)
    verdict: Mapped[str | None] = mapped_column(String(20))
    misconception_id: Mapped[str | None] = mapped_column(String(100))
    message: Mapped[str] = mapped_column(Text, default="")
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (UniqueConstraint("quiz_attempt_id", "position"),)


class Mastery(Base):
    """A learner's standing in one skill, folded from their answers (see services.mastery)."""

    __tablename__ = "mastery"

    learner_id: Mapped[int] = mapped_column(
        ForeignKey("learner.id", ondelete="CASCADE"), primary_key=True
    )
    skill_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    level: Mapped[int] = mapped_column(Integer, default=0)
    points: Mapped[int] = mapped_column(Integer, default=0)
    answers: Mapped[int] = mapped_column(Integer, default=0)
    correct: Mapped[int] = mapped_column(Integer, default=0)
    interval_days: Mapped[float] = mapped_column(Float, default=0.0)
    last_practised_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (Index("ix_mastery_due", "learner_id", "due_at"),)


class Cohort(Base):
    """A group taught together (a class section): its learners and the instructors who
    teach it are its members. An instructor sees the reports of the cohorts they belong to."""

    __tablename__ = "cohort"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CohortMember(Base):
    """One account's membership of one cohort."""

    __tablename__ = "cohort_member"

    cohort_id: Mapped[int] = mapped_column(
        ForeignKey("cohort.id", ondelete="CASCADE"), primary_key=True
    )
    learner_id: Mapped[int] = mapped_column(
        ForeignKey("learner.id", ondelete="CASCADE"), primary_key=True
    )

    __table_args__ = (Index("ix_cohort_member_learner", "learner_id"),)


class LtiPlatform(Base):
    """An LMS registered with ``mlmath lti add-platform``: where its users sign in (OIDC),
    where the tool asks for service tokens, where its signing keys are published."""

    __tablename__ = "lti_platform"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    issuer: Mapped[str] = mapped_column(String(255))
    client_id: Mapped[str] = mapped_column(String(255))
    auth_login_url: Mapped[str] = mapped_column(String(1000))
    auth_token_url: Mapped[str] = mapped_column(String(1000))
    jwks_url: Mapped[str] = mapped_column(String(1000))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("issuer", "client_id"),)


class LtiDeployment(Base):
    """One deployment of the tool on a platform (an LMS may deploy it several times)."""

    __tablename__ = "lti_deployment"

    platform_id: Mapped[int] = mapped_column(
        ForeignKey("lti_platform.id", ondelete="CASCADE"), primary_key=True
    )
    deployment_id: Mapped[str] = mapped_column(String(255), primary_key=True)


class LtiLogin(Base):
    """One OIDC log-in started by a platform: its ``state`` (also in the browser's cookie)
    and the ``nonce`` the id_token must carry. Used once: a replayed launch is refused."""

    __tablename__ = "lti_login"

    state_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    nonce: Mapped[str] = mapped_column(String(64), unique=True)
    platform_id: Mapped[int] = mapped_column(ForeignKey("lti_platform.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class LtiAccount(Base):
    """Which account an LMS user (the platform's ``sub``) signs in as."""

    __tablename__ = "lti_account"

    platform_id: Mapped[int] = mapped_column(
        ForeignKey("lti_platform.id", ondelete="CASCADE"), primary_key=True
    )
    subject: Mapped[str] = mapped_column(String(255), primary_key=True)
    learner_id: Mapped[int] = mapped_column(
        ForeignKey("learner.id", ondelete="CASCADE"), unique=True
    )


class LtiContext(Base):
    """An LMS course the tool was launched from, with its service addresses (Assignment and
    Grade Services line items, Names and Role Provisioning memberships)."""

    __tablename__ = "lti_context"

    platform_id: Mapped[int] = mapped_column(
        ForeignKey("lti_platform.id", ondelete="CASCADE"), primary_key=True
    )
    context_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    title: Mapped[str] = mapped_column(String(255), default="")
    lineitems_url: Mapped[str] = mapped_column(String(1000), default="")
    memberships_url: Mapped[str] = mapped_column(String(1000), default="")
    scopes: Mapped[str] = mapped_column(Text, default="")
    """The Assignment and Grade Services scopes the platform granted (space-separated)."""


class LtiGradeLink(Base):
    """A quiz or assignment a learner launched from an LMS course: their best score there
    is sent to that course's gradebook (its line item)."""

    __tablename__ = "lti_grade_link"

    platform_id: Mapped[int] = mapped_column(
        ForeignKey("lti_platform.id", ondelete="CASCADE"), primary_key=True
    )
    context_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    learner_id: Mapped[int] = mapped_column(
        ForeignKey("learner.id", ondelete="CASCADE"), primary_key=True
    )
    item: Mapped[str] = mapped_column(String(120), primary_key=True)
    """``quiz:<id>`` or ``assignment:<id>``."""
    subject: Mapped[str] = mapped_column(String(255))
    resource_link_id: Mapped[str] = mapped_column(String(255), default="")
    lineitem_url: Mapped[str] = mapped_column(String(1000), default="")
    sent_score: Mapped[float | None] = mapped_column(Float)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sending_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    """Set while one server process sends this score, so that the others leave it alone."""
