"""Source configuration: corpora/sources.toml -> validated SourceConfig values.

Every error names the file, the source and the field, so an analyst can fix a typo without
reading a traceback.
"""
from __future__ import annotations

import codecs
import re
import tomllib
from datetime import datetime
from pathlib import Path
from typing import Literal

from cronsim import CronSim, CronSimError
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from pipeline.fetch import USER_AGENT

Kind = Literal["feed", "page", "pdf", "sitemap", "directory"]
DEFAULT_SOURCES = Path("corpora/sources.toml")
_EPOCH = datetime(2000, 1, 1)  # any start time will do to check a cron expression


class SourceConfigError(ValueError):
    """A sources file that cannot be used; the message says where and why."""


class FetchOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    timeout: float = Field(20.0, gt=0, description="seconds per request")
    max_bytes: int = Field(20_000_000, gt=0, description="largest response accepted")
    max_redirects: int = Field(5, ge=0)
    max_items: int = Field(500, gt=0, description="most items taken from one listing per run")


class ParserOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    charset: str | None = None  # for pages that declare none (header or meta) and defeat detection
    min_chars: int = Field(0, ge=0)  # shorter texts (navigation, stubs) are not extracted
    keep_if: str | None = None  # regex the text must match to be extracted (e.g. 领导小组|Leading Group)

    @field_validator("charset")
    @classmethod
    def _known_charset(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                codecs.lookup(value)
            except LookupError:
                raise ValueError(f"unknown charset {value!r}") from None
        return value

    @field_validator("keep_if")
    @classmethod
    def _pattern(cls, value: str | None) -> str | None:
        return _regex(value)


class SourceConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
    kind: Kind
    url: str | None = None
    path: str | None = None
    schedule: str = ""  # cron (UTC); empty = only when asked
    language: Literal["en", "zh", "auto"] = "auto"
    rate_limit: float = Field(1.0, gt=0, description="requests per second to this source")
    user_agent: str = USER_AGENT
    follow: str | None = None  # page: regex a followed link must match
    depth: int = Field(0, ge=0, le=5)  # page: link levels followed from the start page
    respect_robots: bool = True
    fetch: FetchOptions = Field(default_factory=FetchOptions)
    parser: ParserOptions = Field(default_factory=ParserOptions)

    @field_validator("schedule")
    @classmethod
    def _cron(cls, value: str) -> str:
        value = value.strip()
        if value:
            try:
                CronSim(value, _EPOCH)
            except CronSimError as exc:
                raise ValueError(f"invalid cron expression {value!r}: {exc}") from None
        return value

    @field_validator("follow")
    @classmethod
    def _pattern(cls, value: str | None) -> str | None:
        return _regex(value)

    @field_validator("url")
    @classmethod
    def _http(cls, value: str | None) -> str | None:
        if value is not None and not value.lower().startswith(("http://", "https://")):
            raise ValueError(f"must be an http(s) URL, not {value!r}")
        return value

    @model_validator(mode="after")
    def _location(self) -> "SourceConfig":
        if self.kind == "directory":
            if not self.path:
                raise ValueError("a directory source needs `path`")
        elif not self.url:
            raise ValueError(f"a {self.kind} source needs `url`")
        if (self.follow or self.depth) and self.kind != "page":
            raise ValueError("`follow` and `depth` apply to page sources only")
        return self

    @property
    def location(self) -> str:
        return self.url or self.path or ""


def _regex(value: str | None) -> str | None:
    if value is not None:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"invalid regular expression {value!r}: {exc}") from None
    return value


def load_sources(path: Path | str = DEFAULT_SOURCES) -> list[SourceConfig]:
    """Read and validate a sources file; relative directory paths stay relative to the cwd."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise SourceConfigError(f"{path}: no such file") from None
    except tomllib.TOMLDecodeError as exc:
        raise SourceConfigError(f"{path}: not valid TOML: {exc}") from None
    unknown = set(data) - {"source"}
    if unknown:
        raise SourceConfigError(f"{path}: unknown top-level key(s) {sorted(unknown)}; "
                                "use [[source]] tables")
    tables = data.get("source", [])
    if not isinstance(tables, list):
        raise SourceConfigError(f"{path}: `source` must be an array of tables ([[source]])")
    configs: list[SourceConfig] = []
    for number, table in enumerate(tables, 1):
        label = f"source #{number}" + (f" ({table['name']})" if isinstance(table.get("name"), str) else "")
        try:
            configs.append(SourceConfig.model_validate(table))
        except ValidationError as exc:
            raise SourceConfigError(f"{path}: {label}: {_describe(exc)}") from None
    names = [c.name for c in configs]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise SourceConfigError(f"{path}: duplicate source name(s): {', '.join(duplicates)}")
    return configs


def source_named(configs: list[SourceConfig], name: str) -> SourceConfig:
    for config in configs:
        if config.name == name:
            return config
    raise SourceConfigError(f"no source named {name!r} (known: {', '.join(c.name for c in configs)})")


def _describe(exc: ValidationError) -> str:
    problems = []
    for error in exc.errors():
        field = ".".join(str(part) for part in error["loc"])
        message = error["msg"].removeprefix("Value error, ")
        if error["type"] == "extra_forbidden":
            message = "unknown field"
        problems.append(f"{field}: {message}" if field else message)  # cross-field: names them
    return "; ".join(problems)
