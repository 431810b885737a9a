"""The gradebook CSV: one row per learner, best graded scores, mastery levels, safe cells."""

from __future__ import annotations

import csv
import io

from tests.fixtures.skills import ADDITION
from tests.services.test_quizzes import GRADED

from mlmath.services import accounts, gradebook
from mlmath.services.gradebook import ClassRow, ClassTable

PASSWORD = "correct horse battery"


def test_cells_that_a_spreadsheet_would_run_as_formulas_are_defused() -> None:
    mallory = accounts.User(1, "mallory", '=HYPERLINK("http://x")', "learner")
    table = ClassTable(
        [ADDITION.id], [GRADED], [ClassRow(mallory, {ADDITION.id: 4}, {GRADED.id: 0.8})]
    )
    rows = list(csv.reader(io.StringIO(gradebook.gradebook_csv(table))))
    assert rows[0] == ["username", "name", "quiz q-graded best %", "skill test.addition"]
    assert rows[1] == ["mallory", '\'=HYPERLINK("http://x")', "80", "mastered"]
