"""The store: documents, extracted facts and review decisions in one SQLite file.

Never imports spaCy or the extractors: it reads and writes pipeline.records only.
"""
from .database import Store, open_store
from .documents import SaveResult
from .migrate import MigrationError, migrate
from .queries import FactRow
from .review import STATUSES, ReviewError

__all__ = ["FactRow", "MigrationError", "ReviewError", "STATUSES", "SaveResult", "Store", "migrate",
           "open_store"]
