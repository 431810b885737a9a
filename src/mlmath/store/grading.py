"""The tables of programming assignments: submissions, grading jobs and grades.

- A *submission* is one file a learner handed in for an assignment, kept as sent
  (the text of the ``.py`` file or of the notebook). Its ``seed`` draws the
  hidden tests' inputs, so every grading of it (a regrade included) uses the
  same inputs. ``idempotency_key`` makes a double submit create one submission.
- A *grading job* asks for one grading of one submission. It is written in the
  same transaction as its submission, so nothing acknowledged is lost. A worker
  *claims* it: ``attempts`` goes up by one and ``lease_until`` says until when
  the claim holds; a worker that dies lets the lease run out and the job is
  claimed again. A result is accepted only from the attempt that holds the
  lease (a late result from a stale attempt is rejected).
- A *grade* is the outcome of one finished job: one per job (``job_id`` is
  unique), so exactly one final grade per grading; a regrade is a new job and a
  new grade, and the old grades stay as history.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mlmath.store.schema import Base, UTCDateTime, utcnow


class JobState:
    """The states of a grading job (stored as text)."""

    QUEUED = "queued"
    """Waiting for a worker (also after a grading error, until ``not_before``)."""
    RUNNING = "running"
    """Claimed by a worker until ``lease_until``."""
    DONE = "done"
    """Its grade is stored."""
    FAILED = "failed"
    """Our own failures every time, up to the attempt limit; an instructor's regrade retries."""


class Submission(Base):
    """One file handed in for one assignment."""

    __tablename__ = "submission"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learner.id", ondelete="CASCADE"))
    assignment_id: Mapped[str] = mapped_column(String(100))
    filename: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10))
    """``py`` or ``ipynb``."""
    content: Mapped[str] = mapped_column(Text)
    """The file as sent (UTF-8 text): Python source, or the notebook's JSON."""
    seed: Mapped[int] = mapped_column(BigInteger)
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (Index("ix_submission_learner_assignment", "learner_id", "assignment_id"),)


class GradingJob(Base):
    """One grading of one submission, claimed by workers with a lease."""

    __tablename__ = "grading_job"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(String(20), default="submit")
    """``submit`` or ``regrade``."""
    state: Mapped[str] = mapped_column(String(20), default=JobState.QUEUED)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    """How many times it was claimed; a result names its attempt and must match."""
    not_before: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    """Not claimed before this moment (a retry after a grading error waits a little)."""
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    worker: Mapped[str] = mapped_column(String(200), default="")
    """Who holds (or last held) it: host and process, for the instructor's eyes."""
    last_error: Mapped[str] = mapped_column(Text, default="")
    """Our own failure at the last attempt (never shown to learners)."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        Index("ix_grading_job_state", "state", "not_before"),
        Index("ix_grading_job_submission", "submission_id"),
    )


class Grade(Base):
    """The outcome of one finished grading job; the newest grade of a submission counts."""

    __tablename__ = "grade"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id", ondelete="CASCADE"))
    job_id: Mapped[int] = mapped_column(
        ForeignKey("grading_job.id", ondelete="CASCADE"), unique=True
    )
    score: Mapped[float] = mapped_column(Float)
    max_score: Mapped[float] = mapped_column(Float)
    result: Mapped[str] = mapped_column(Text)
    """The whole result (per-test feedback) as JSON: :meth:`GradingResult.to_dict`."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (Index("ix_grade_submission", "submission_id"),)
