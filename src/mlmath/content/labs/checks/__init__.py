"""The checks each lab's exercise cells call: ``checks/<lab file>.py`` holds ``check_<name>``
for every exercise ``<name>`` of that lab. See :mod:`mlmath.labcheck`."""
