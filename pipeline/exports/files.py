"""Atomic output paths: a writer fills a temporary file beside the target, renamed in on success."""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


@contextmanager
def atomic_path(out: Path) -> Iterator[Path]:
    """A temporary path beside `out`; it replaces `out` only if the block finishes."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    os.close(fd)
    try:
        yield Path(tmp_name)
        os.chmod(tmp_name, 0o644)  # mkstemp's 0600 would make the export private to us
        os.replace(tmp_name, out)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
