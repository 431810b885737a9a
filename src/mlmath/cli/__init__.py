"""The ``mlmath`` command: thin shells over the services and the engine."""
