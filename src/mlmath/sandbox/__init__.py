"""Confinement for learner code: one concept per module.

- :mod:`~mlmath.sandbox.limits` — what a submission may use, and the messages when it may not;
- :mod:`~mlmath.sandbox.identity` — a dedicated unprivileged uid per live sandbox;
- :mod:`~mlmath.sandbox.filesystem` — the read-only view and the bubblewrap command line;
- :mod:`~mlmath.sandbox.seccomp` — the system-call filter;
- :mod:`~mlmath.sandbox.launcher` — choosing the confinement and starting a sandbox;
- :mod:`~mlmath.sandbox.supervisor` — one run: deadline, output cap, kill;
- :mod:`~mlmath.sandbox.pool` — the warm pool of single-use sandboxes;
- :mod:`~mlmath.sandbox.selftest` — the fail-closed check of all of the above;
- :mod:`~mlmath.sandbox.wire` and ``runner.py`` — what crosses the boundary, and what runs inside.
"""
