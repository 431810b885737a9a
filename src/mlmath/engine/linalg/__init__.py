"""Linear algebra with worked solutions (Course 1)."""
