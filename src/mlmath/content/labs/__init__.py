"""The labs: one percent-format notebook per lab (``<lab file>.py``), with beside them

- ``checks/<lab file>.py`` — the ``check_<name>`` functions its exercise cells call
  (built on :func:`mlmath.labcheck.check_cases`);
- ``solutions/<lab file>.py`` — ``SOLUTIONS`` and ``MISTAKES``: each exercise's reference
  solution and a typical wrong one, as source text (the tests run both);
- ``data/`` — the small data sets the labs load (:func:`mlmath.labcheck.data_file`).
"""
