"""One exception hierarchy for everything `forecasts` reports to a user.

    ForecastsError                 base: carries one readable message
    ├── ConfigError                a bad config file, key or value (names the key and the file)
    ├── InputError                 a bad CLI argument or input the user handed us
    │   └── ArticleError           an article that cannot be read (empty, binary, too large, no text)
    ├── NotFoundError              an id or name that does not exist
    ├── FetchError                 a feed or page could not be fetched or parsed
    │   ├── BlockedAddressError    the URL resolves to an address the config does not allow (SSRF)
    │   ├── ResponseTooLargeError  the decoded body passed the size cap
    │   └── FeedParseError         the body is not a usable feed
    ├── StoreError                 the database refused an operation
    ├── DaemonLockedError          another daemon already holds the database
    └── InstallError               a module of forecasts or a dependency cannot be imported

The CLI prints ``str(error)`` as one line and exits with ``error.exit_code``.
"""

from __future__ import annotations


class ForecastsError(Exception):
    """Base class: an error with a message fit to show a user as it is."""

    exit_code = 1


class ConfigError(ForecastsError):
    exit_code = 78  # EX_CONFIG from sysexits.h, what supervisors expect for bad configuration


class InputError(ForecastsError):
    exit_code = 2  # the same code click uses for usage errors


class ArticleError(InputError):
    pass


class NotFoundError(ForecastsError):
    exit_code = 3


class FetchError(ForecastsError):
    exit_code = 4


class BlockedAddressError(FetchError):
    pass


class ResponseTooLargeError(FetchError):
    pass


class FeedParseError(FetchError):
    pass


class StoreError(ForecastsError):
    exit_code = 5


class DaemonLockedError(ForecastsError):
    exit_code = 75  # EX_TEMPFAIL: try again once the other daemon has stopped


class InstallError(ForecastsError):
    """A broken install: the daemon refuses to start rather than skip the jobs it cannot load."""

    exit_code = 70  # EX_SOFTWARE from sysexits.h: reinstalling fixes it, not the config
