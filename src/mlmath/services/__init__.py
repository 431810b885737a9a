"""Use cases shared by the web and the terminal: practice, quizzes, progress, mastery, accounts.

Services take a SQLAlchemy session and plain values and return plain
dataclasses; they import neither the web nor the command line.
"""
