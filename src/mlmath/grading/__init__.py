"""The grading harness for programming assignments (runs outside the sandbox).

- :mod:`~mlmath.grading.spec` — assignments, their files, and test cases with points;
- :mod:`~mlmath.grading.submission` — reading ``.py`` and ``.ipynb`` submissions safely;
- :mod:`~mlmath.grading.compare` — comparisons with tolerances and learner-facing messages;
- :mod:`~mlmath.grading.results` — the documented result dataclasses;
- :mod:`~mlmath.grading.harness` — :class:`~mlmath.grading.harness.Grader`, which runs it all.
"""
