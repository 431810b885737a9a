"""The server secret: signs cookies and derives practice seeds (web and terminal alike)."""

from __future__ import annotations

import os
import secrets

from mlmath.config import Config


def load_secret(config: Config) -> bytes:
    """``MLMATH_SECRET_KEY``, or a random key kept, owner-only, in the data folder."""
    if config.secret_key:
        return config.secret_key.encode()
    path = config.data_dir / "secret_key"
    config.data_dir.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip().encode()
    with os.fdopen(fd, "w") as out:
        out.write(secrets.token_hex(32))
        out.flush()
        os.fsync(out.fileno())
    return path.read_text().strip().encode()
