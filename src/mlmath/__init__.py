"""mlmath: the mathematics of machine learning, interactive."""
