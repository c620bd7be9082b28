"""The analyst review web app: `lsg review` serves it with uvicorn on 127.0.0.1."""
from __future__ import annotations

import getpass
import ipaddress
import os

from pipeline.errors import InputError

PASSWORD_VARIABLE = "LSG_REVIEW_PASSWORD"
REVIEWER_VARIABLE = "LSG_REVIEWER"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_bind(host: str, password: str | None) -> None:
    """Anything beyond the loopback interface needs a password (which then gates every page)."""
    if not is_loopback(host) and not password:
        raise InputError(host, f"refusing to listen beyond 127.0.0.1 without a password: "
                               f"set {PASSWORD_VARIABLE} to serve on {host}")


def serve(db_path: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    import uvicorn

    from pipeline.review.app import create_app

    password = os.environ.get(PASSWORD_VARIABLE) or None
    check_bind(host, password)
    reviewer = os.environ.get(REVIEWER_VARIABLE) or getpass.getuser()
    uvicorn.run(create_app(db_path, reviewer, password=password), host=host, port=port,
                log_level="info", server_header=False)
