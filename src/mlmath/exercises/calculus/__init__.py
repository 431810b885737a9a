"""Calculus skills (Course 2)."""
