"""Settings: one pydantic model, loaded once at the edge and passed down.

Sources, highest priority first: keyword arguments (tests), environment variables
(``FORECASTS_DATABASE_URL``, nested with a double underscore: ``FORECASTS_FETCH__TIMEOUT_SECONDS``),
then the TOML file (``--config PATH``, else ``$FORECASTS_CONFIG``, else ``./config.toml`` when it
exists, else ``~/.config/forecasts/config.toml`` when it exists: see ``forecasts.paths``), then the
defaults below. With no config file, relative paths (the database, inbox, reports) live in
``~/.local/share/forecasts``. Every field's description is its documentation; ``config.toml``
at the repository root repeats them as comments and a test keeps the two in step.

Unknown keys are errors, not silently ignored: a typo in a config file must not quietly fall
back to a default.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from forecasts.controls import check_name
from forecasts.errors import ConfigError, InputError
from forecasts.feeds.ssrf import parse_allowance
from forecasts.paths import config_source, user_data_dir

ENV_PREFIX = "FORECASTS_"

# Words of estimative probability: the chance a reader takes each hedge to mean.
# Anchored on Mauboussin & Mauboussin, "If You Say Something Is 'Likely,' How Likely Do People
# Think It Is?" (Harvard Business Review, July 2018; 1,700 readers; medians rounded), on the
# bands of the US Intelligence Community's ICD 203 (2015) and on Sherman Kent's "Words of
# Estimative Probability" (1964). Plain "will" and scheduled forms are near-certain assertions.
# The value is the probability that the event happens; a negated claim ("will not") is scored
# as the probability that the claim as stated comes true (see claims/hedges.py).
DEFAULT_HEDGES: dict[str, float] = {
    "certain": 0.95,
    "almost certainly": 0.95,
    "definitely": 0.95,
    "will": 0.90,
    "is to": 0.90,
    "scheduled": 0.90,
    "set to": 0.90,
    "due to": 0.90,
    "very likely": 0.85,
    "highly likely": 0.85,
    "poised to": 0.80,
    "plans to": 0.80,
    "intends to": 0.80,
    "would": 0.75,
    "expected": 0.75,
    "widely expected": 0.80,
    "probably": 0.70,
    "likely": 0.70,
    "on track to": 0.75,
    "aims to": 0.65,
    "hopes to": 0.55,
    "may": 0.50,
    "could": 0.45,
    "might": 0.40,
    "possibly": 0.35,
    "potential": 0.35,
    "unlikely": 0.20,
    "very unlikely": 0.10,
    "highly unlikely": 0.10,
    "almost no chance": 0.03,
}


class Section(BaseModel):
    """A config table: unknown keys are rejected so typos cannot hide."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class ExtractionSettings(Section):
    default_horizon_days: int = Field(
        365,
        ge=1,
        description="Due window for a claim that names no time: this many days after the reference date.",
    )
    max_input_bytes: int = Field(
        10_000_000,
        ge=1_000,
        description="Larger input files or pages are refused rather than read.",
    )
    min_text_chars: int = Field(
        80, ge=1, description="An article whose main text is shorter than this is refused."
    )


def _feed_url(value: str) -> str:
    """http(s):// with a host, file://, or a path (local feeds come only from here and from an
    explicit `feeds add PATH`)."""
    parts = urlsplit(value.strip())
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        return _web_url(value)
    if scheme in ("", "file") or (len(scheme) == 1 and value[1:2] == ":"):
        return value
    raise ValueError(f"{value!r}: a feed URL must be http(s)://, file:// or a path")


def _web_url(value: str) -> str:
    parts = urlsplit(value.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{value!r}: must be an http(s):// URL with a host")
    return value


def _usable_name(value: str) -> str:
    try:
        return check_name(value)
    except InputError as exc:
        raise ValueError(str(exc)) from None


class FeedSettings(Section):
    name: str = Field(description="A short unique name, used by `forecasts poll --feed NAME`.")
    url: str = Field(
        description="http(s):// or file:// URL of the feed, or a directory of feed files."
    )
    interval_minutes: int | None = Field(
        None, ge=1, description="Poll interval; defaults to fetch.default_interval_minutes."
    )
    tags: list[str] = Field(
        default_factory=list, description="Free labels shown in `forecasts feeds`."
    )
    extract_claims: bool = Field(
        True, description="Treat this feed's items as articles and record the claims they make."
    )
    fetch_full_text: bool = Field(
        False,
        description="Fetch each item's linked page for claim extraction (slower, more claims).",
    )

    @field_validator("name")
    @classmethod
    def _printable_name(cls, value: str) -> str:
        return _usable_name(value)

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        return _feed_url(value)


class SearchTemplateSettings(Section):
    name: str = Field(description="A short unique name for the search source.")
    url: str = Field(
        description="URL with {query}, {after} and {before} placeholders (dates as YYYY-MM-DD)."
    )

    @field_validator("name")
    @classmethod
    def _printable_name(cls, value: str) -> str:
        return _usable_name(value)

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        return _web_url(value)


class FetchSettings(Section):
    user_agent: str = Field(
        "forecasts/0.1 (+https://github.com/forecasts/forecasts; feed checker)",
        description="Sent with every request so server operators know who is polling.",
    )
    timeout_seconds: float = Field(
        10.0, gt=0, description="httpx per-phase timeout (connect, read, write, pool)."
    )
    deadline_seconds: float = Field(
        30.0,
        gt=0,
        description="Hard limit on a whole request, however slowly the server drips bytes.",
    )
    max_body_bytes: int = Field(
        10_000_000, ge=1_000, description="Cap on the decoded body of one response."
    )
    max_redirects: int = Field(5, ge=0, le=20, description="Redirects followed before giving up.")
    max_connections: int = Field(
        20, ge=1, description="Requests in flight at once, over all hosts."
    )
    max_per_host: int = Field(2, ge=1, description="Requests in flight at once to one host.")
    default_interval_minutes: int = Field(
        60, ge=1, description="Poll interval of a feed that sets none."
    )
    min_interval_minutes: int = Field(
        10, ge=1, description="No feed is polled more often, whatever its own TTL says."
    )
    max_backoff_minutes: int = Field(
        1440, ge=1, description="Ceiling of the exponential back-off after errors (a day)."
    )
    unconditional_refetch_hours: int = Field(
        6,
        ge=1,
        description="Refetch without validators this often, for servers that answer 304 forever.",
    )
    allow_private_networks: bool = Field(
        False,
        description="Allow remote feeds on loopback, private, link-local and similar addresses (SSRF guard off).",
    )
    allowed_networks: list[str] = Field(
        default_factory=list,
        description='Private addresses allowed all the same, as narrowly as you can: hosts, host:port or networks, e.g. ["feeds.intranet:8443", "10.1.2.3", "10.1.0.0/16"]. Never reachable by a redirect from a public address.',
    )
    retention_days: int = Field(
        0,
        ge=0,
        description="Delete items older than this after each poll (0: keep for ever); deleted items never come back.",
    )
    parse_processes: int = Field(
        0,
        ge=0,
        description="Processes parsing feeds beside the fetcher when many feeds are due (0: one per CPU core; 1: parse in the main process).",
    )

    @field_validator("allowed_networks")
    @classmethod
    def _allowances(cls, value: list[str]) -> list[str]:
        for entry in value:
            parse_allowance(entry)  # ValueError names the accepted forms
        return value


class VerificationSettings(Section):
    grace_days: int = Field(
        14,
        ge=0,
        description="Days after a claim's window closes before it is marked unfulfilled for lack of evidence.",
    )


class DaemonSettings(Section):
    """Schedules and behaviour of `forecasts daemon` (owned by the daemon area).

    Intervals are in minutes and may be fractions (0.5 = 30 seconds). A job whose run was
    missed while the daemon was down or the machine slept runs once on restart or wake.
    """

    poll_interval_minutes: float = Field(
        5,
        gt=0,
        description="How often the poll job looks for feeds that are due (each feed keeps its own interval and back-off).",
    )
    search_interval_minutes: float = Field(
        360, gt=0, description="How often the news-search feeds are polled for open claims."
    )
    extract_interval_minutes: float = Field(
        5, gt=0, description="How often newly collected feed items are read for claims."
    )
    inbox_interval_minutes: float = Field(
        1, gt=0, description="How often the inbox folder is checked for new article files."
    )
    verify_interval_minutes: float = Field(
        30, gt=0, description="How often open claims are verified against new items."
    )
    expire_interval_minutes: float = Field(
        60, gt=0, description="How often claims whose window plus grace has passed are expired."
    )
    notify_interval_minutes: float = Field(
        1, gt=0, description="How often pending notifications are gathered and delivered."
    )
    report_day: int = Field(
        1, ge=1, le=28, description="Day of the month the previous month's report is written."
    )
    report_hour: int = Field(
        6, ge=0, le=23, description="Hour (in `timezone`) the monthly report is written."
    )
    ingest_seeds: bool = Field(
        True,
        description="On first start, ingest seeds/articles and subscribe the archive feeds in seeds/feeds.",
    )
    seed_feed_interval_minutes: int = Field(
        1440, ge=1, description="Poll interval of the bundled archive feeds (they rarely change)."
    )
    heartbeat_seconds: float = Field(
        15,
        gt=0,
        description="How often the daemon records that it is alive (shown by `forecasts status`).",
    )
    misfire_grace_seconds: int = Field(
        3600,
        ge=1,
        description="A run that starts up to this late still runs (APScheduler's default is 1 second).",
    )
    shutdown_timeout_seconds: float = Field(
        60, gt=0, description="On SIGTERM/SIGINT, wait this long for the running job to finish."
    )


class NotifySettings(Section):
    """Optional webhook and e-mail notifications (owned by the daemon area)."""

    webhook_url: str = Field(
        "",
        description="POST a JSON message here (Slack and Discord incoming webhooks work); empty: off.",
    )
    webhook_format: Literal["generic", "slack", "discord"] = Field(
        "generic",
        description="Body shape: slack ({text}), discord ({content}) or generic (text, content and the event data).",
    )
    webhook_timeout_seconds: float = Field(10, gt=0, description="Timeout of one webhook POST.")
    smtp_host: str = Field("", description="SMTP server for e-mail notifications; empty: off.")
    smtp_port: int = Field(
        587, ge=1, le=65535, description="SMTP port (587 submission, 465 SSL, 25)."
    )
    smtp_security: Literal["starttls", "ssl", "none"] = Field(
        "starttls", description="starttls, ssl (implicit TLS) or none (local relays only)."
    )
    smtp_username: str = Field("", description="SMTP login; empty: no authentication.")
    smtp_password: str = Field(
        "",
        description="SMTP password; better set FORECASTS_NOTIFY__SMTP_PASSWORD in the environment.",
    )
    email_from: str = Field("forecasts@localhost", description="Sender address of e-mails.")
    email_to: list[str] = Field(default_factory=list, description="Recipients of e-mails.")
    on_resolved: bool = Field(True, description="Notify when a claim is fulfilled or unfulfilled.")
    on_review: bool = Field(True, description="Notify when a claim needs review.")
    on_due: bool = Field(
        True, description="Notify when an open claim falls due within due_lead_days."
    )
    due_lead_days: int = Field(7, ge=0, description="Lead time of the falling-due notification.")
    on_report: bool = Field(True, description="Notify when a monthly report is written.")
    max_attempts: int = Field(
        8,
        ge=1,
        description="Delivery attempts before a notification is given up (and logged as an error).",
    )
    retry_base_seconds: float = Field(
        60, gt=0, description="First retry delay; doubles after each failure."
    )
    retry_max_seconds: float = Field(3600, gt=0, description="Ceiling of the retry delay.")


ReportFormat = Literal["md", "html", "json", "table"]


class ReportSettings(Section):
    """Monthly accuracy reports (owned by the reports area)."""

    formats: list[ReportFormat] = Field(
        default_factory=lambda: list[ReportFormat](["md", "html"]),
        description="Formats the daemon writes into reports_dir on the 1st of each month.",
    )
    listing_limit: int = Field(
        100,
        ge=1,
        description="Claims listed per section (counts always cover every claim; export has all).",
    )
    highlights: int = Field(
        10, ge=1, description="Over-confident misses and surprises shown in each list."
    )


class ScaleSettings(Section):
    """Several daemons on one PostgreSQL database (owned by the scale area; see docs/scaling.md)."""

    feed_chunk: int = Field(
        200,
        ge=1,
        description="Due feeds a daemon leases at a time; the others take the next chunks.",
    )
    feed_lease_seconds: float = Field(
        300,
        ge=1,
        description="A crashed daemon's leased feeds are taken over after this long.",
    )
    job_lease_seconds: float = Field(
        120,
        ge=1,
        description="Lease of a job that runs on one daemon at a time (verify, report, ...); renewed while it runs.",
    )


class WebSettings(Section):
    """The web dashboard (`forecasts serve`; owned by the web area)."""

    enabled: bool = Field(
        False, description="Also serve the dashboard from inside `forecasts daemon`."
    )
    host: str = Field(
        "127.0.0.1",
        description="Address to listen on; any address but loopback requires password or token.",
    )
    port: int = Field(8765, ge=1, le=65535, description="TCP port to listen on.")
    password: SecretStr = Field(
        SecretStr(""), description="Login password for the pages; empty: no login (loopback only)."
    )
    token: SecretStr = Field(
        SecretStr(""),
        description="Bearer token for scripts (Authorization: Bearer TOKEN); empty: none.",
    )
    session_hours: float = Field(
        12,
        gt=0,
        description="A login lasts this long (the cookie is signed, HttpOnly, SameSite=Strict).",
    )


class Settings(BaseSettings):
    """Everything configurable. See config.toml for the documented defaults."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        env_nested_delimiter="__",
        extra="forbid",
        validate_default=True,
    )

    database_url: str = Field(
        "sqlite:///forecasts.db",
        description="SQLAlchemy URL. A relative SQLite path is relative to the config file's folder.",
    )
    timezone: str = Field(
        "UTC", description="IANA zone for report months and schedules shown to people."
    )
    seeds_dir: str = Field(
        "seeds", description="Bundled articles and archive feeds ingested on first start."
    )
    inbox_dir: str = Field(
        "inbox", description="Drop articles here; the daemon ingests and moves them."
    )
    reports_dir: str = Field("reports", description="Where monthly reports are written.")
    log_file: str = Field("", description="Also log to this file (empty: stderr only).")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        "INFO", description="Log verbosity."
    )

    extraction: ExtractionSettings = Field(default_factory=ExtractionSettings)
    hedges: dict[str, float] = Field(
        default_factory=lambda: dict(DEFAULT_HEDGES),
        description="Hedge phrase -> implied probability (words of estimative probability).",
    )
    fetch: FetchSettings = Field(default_factory=FetchSettings)
    feeds: list[FeedSettings] = Field(default_factory=list, description="Subscribed feeds.")
    search_templates: list[SearchTemplateSettings] = Field(
        default_factory=list,
        description="News-search feeds polled per open claim within its window.",
    )
    verification: VerificationSettings = Field(default_factory=VerificationSettings)
    daemon: DaemonSettings = Field(default_factory=DaemonSettings)
    notify: NotifySettings = Field(default_factory=NotifySettings)
    reports: ReportSettings = Field(default_factory=ReportSettings)
    scale: ScaleSettings = Field(default_factory=ScaleSettings)
    web: WebSettings = Field(default_factory=WebSettings)

    # Where the settings came from; not a setting. Relative paths resolve against its folder.
    config_path: Path | None = Field(None, exclude=True, description="(internal)")

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @field_validator("feeds", "search_templates")
    @classmethod
    def _unique_names(
        cls, value: list[FeedSettings] | list[SearchTemplateSettings]
    ) -> list[FeedSettings] | list[SearchTemplateSettings]:
        # Every feed command and job looks feeds up by name: two alike would make all of
        # them fail, every cycle, far from the cause.
        seen: set[str] = set()
        for entry in value:
            if entry.name in seen:
                raise ValueError(f"the name {entry.name!r} is used more than once")
            seen.add(entry.name)
        return value

    @field_validator("hedges")
    @classmethod
    def _probabilities(cls, value: dict[str, float]) -> dict[str, float]:
        for word, p in value.items():
            if not 0.0 <= p <= 1.0:
                raise ValueError(f"hedge {word!r} has probability {p}, outside 0..1")
        return {word.lower().strip(): p for word, p in value.items()}

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml_file = _toml_file_for_load.get("path")
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        if toml_file is not None:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=toml_file))
        return tuple(sources)

    @property
    def base_dir(self) -> Path:
        """Relative paths resolve against the config file's folder; without a config file,
        against the user's data folder (never wherever the command happened to run)."""
        return self.config_path.parent if self.config_path else user_data_dir()

    def path(self, value: str) -> Path:
        """Resolve a path setting against the config file's folder."""
        p = Path(value).expanduser()
        return p if p.is_absolute() else self.base_dir / p

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def resolved_database_url(self) -> str:
        """The database URL with a relative SQLite path made absolute."""
        prefix = "sqlite:///"
        url = self.database_url
        if url.startswith(prefix) and not url.startswith(prefix + "/"):
            rest = url[len(prefix) :]
            if rest and rest != ":memory:" and not rest.startswith("file:"):
                return prefix + str(self.path(rest))
        return url


# pydantic-settings builds sources inside the constructor, so the file chosen by load_settings
# is handed over through this one-slot holder rather than a class attribute shared by all calls.
_toml_file_for_load: dict[str, Path | None] = {"path": None}


def find_config(explicit: str | Path | None) -> Path | None:
    """The config file to read (see ``config_source``)."""
    return config_source(explicit)[0]


def load_settings(config: str | Path | None = None, **overrides: Any) -> Settings:
    """Load settings, turning every problem into one ConfigError that names key and file."""
    path = find_config(config)
    where = str(path) if path else "defaults/environment"
    if path is not None:
        if not path.is_file():
            raise ConfigError(f"config file {path} does not exist")
        try:
            with path.open("rb") as fh:
                tomllib.load(fh)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read: {exc.strerror}") from exc
        path = path.resolve()
    _toml_file_for_load["path"] = path
    try:
        settings = Settings(**overrides)
    except ValidationError as exc:
        raise ConfigError(_describe(exc, where)) from exc
    finally:
        _toml_file_for_load["path"] = None
    settings.config_path = path
    return settings


def _describe(exc: ValidationError, where: str) -> str:
    problems = []
    for err in exc.errors():
        key = ".".join(str(part) for part in err["loc"]) or "(top level)"
        if err["type"] == "extra_forbidden":
            problems.append(f"unknown setting '{key}'")
        else:
            problems.append(f"setting '{key}': {err['msg']} (got {err.get('input')!r})")
    env_hint = f" (or a {ENV_PREFIX}* environment variable)"
    return f"{where}{env_hint}: " + "; ".join(problems)
