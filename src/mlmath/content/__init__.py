"""Course content as data: courses, weeks, lessons (Markdown), labs, quizzes, assignments."""
