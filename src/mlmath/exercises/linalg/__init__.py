"""Linear algebra skills (Course 1)."""
