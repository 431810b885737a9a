"""Assignment submissions, grading jobs with leases, grades with history

Revision ID: 0002_grading
Revises: 0001_course
Create Date: 2026-11-25 22:39:23.945539
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_grading"
down_revision = "0001_course"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "submission",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("assignment_id", sa.String(length=100), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("seed", sa.BigInteger(), nullable=False),
        sa.Column("idempotency_key", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["learner_id"],
            ["learner.id"],
            name=op.f("fk_submission_learner_id_learner"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_submission")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_submission_idempotency_key")),
    )
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.create_index(
            "ix_submission_learner_assignment", ["learner_id", "assignment_id"], unique=False
        )

    op.create_table(
        "grading_job",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("not_before", sa.DateTime(), nullable=False),
        sa.Column("lease_until", sa.DateTime(), nullable=True),
        sa.Column("worker", sa.String(length=200), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["submission.id"],
            name=op.f("fk_grading_job_submission_id_submission"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_grading_job")),
    )
    with op.batch_alter_table("grading_job", schema=None) as batch_op:
        batch_op.create_index("ix_grading_job_state", ["state", "not_before"], unique=False)
        batch_op.create_index("ix_grading_job_submission", ["submission_id"], unique=False)

    op.create_table(
        "grade",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("max_score", sa.Float(), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["job_id"],
            ["grading_job.id"],
            name=op.f("fk_grade_job_id_grading_job"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["submission.id"],
            name=op.f("fk_grade_submission_id_submission"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_grade")),
        sa.UniqueConstraint("job_id", name=op.f("uq_grade_job_id")),
    )
    with op.batch_alter_table("grade", schema=None) as batch_op:
        batch_op.create_index("ix_grade_submission", ["submission_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("grade", schema=None) as batch_op:
        batch_op.drop_index("ix_grade_submission")

    op.drop_table("grade")
    with op.batch_alter_table("grading_job", schema=None) as batch_op:
        batch_op.drop_index("ix_grading_job_submission")
        batch_op.drop_index("ix_grading_job_state")

    op.drop_table("grading_job")
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.drop_index("ix_submission_learner_assignment")

    op.drop_table("submission")
