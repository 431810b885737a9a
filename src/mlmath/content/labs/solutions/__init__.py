"""Each lab's exercises solved: ``solutions/<lab file>.py`` holds ``SOLUTIONS`` (the reference
solution of every exercise) and ``MISTAKES`` (a typical wrong one), both mapping the
exercise's function name to source text that defines that function. The text may use
``np`` (NumPy); anything else it needs it imports itself."""
