"""Errors that name the input and the reason, so the CLI can print one clear line each."""


class InputError(Exception):
    """An input could not be fetched or parsed. `origin` names it, `reason` says why."""

    def __init__(self, origin: str, reason: str):
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason
