"""HTTP for remote stores: one keep-alive client with credentials from the environment or a
netrc file, retries with backoff on transient failures, and errors that never show a secret.

Credentials: ``DEFREL_STORE_USER`` and ``DEFREL_STORE_PASSWORD``, else the ``machine`` entry
for the store's host in the netrc file (``$NETRC``, default ``~/.netrc``).  The scheme (Basic
or Digest) is the one the store asks for in its 401 challenge.
"""

from __future__ import annotations

import base64
import netrc
import os
import time
from collections.abc import Generator
from importlib.metadata import version
from pathlib import Path

import httpx

from ..errors import InputError, StoreError

__all__ = ["ENV_PASSWORD", "ENV_USER", "Http", "check_url", "credentials"]

ENV_USER, ENV_PASSWORD = "DEFREL_STORE_USER", "DEFREL_STORE_PASSWORD"
TRANSIENT = {408, 429}  # and every 5xx
MAX_WAIT = 30.0  # seconds: the longest single backoff, whatever Retry-After asks


def check_url(url: str, *, option: str) -> httpx.URL:
    """An http(s) URL with a host and no credentials in it (they would show in logs)."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as err:
        raise InputError(f"{option}: not a URL: {err}") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise InputError(
            f"{option} {url!r} is not an http(s) URL",
            hint="e.g. http://127.0.0.1:7878/store (Oxigraph's Graph Store endpoint)",
        )
    if parsed.userinfo:
        raise InputError(
            f"{option}: credentials in the URL are refused (they would show in logs)",
            hint=f"set {ENV_USER} and {ENV_PASSWORD}, or a netrc entry for {parsed.host}",
        )
    return parsed


def _netrc_file() -> Path:
    return Path(os.environ.get("NETRC") or Path.home() / ".netrc")


def credentials(host: str) -> tuple[str, str] | None:
    """(user, password) for ``host``: from the environment, else from the netrc file."""
    user, password = os.environ.get(ENV_USER), os.environ.get(ENV_PASSWORD)
    if user or password:
        if not (user and password):
            missing = ENV_PASSWORD if user else ENV_USER
            raise InputError(
                f"{missing} is not set", hint=f"set both {ENV_USER} and {ENV_PASSWORD}"
            )
        return user, password
    path = _netrc_file()
    if not path.is_file():
        return None
    try:
        entry = netrc.netrc(str(path)).authenticators(host)
    except (netrc.NetrcParseError, OSError) as err:
        line = getattr(err, "lineno", None)  # its message may quote a token: never shown
        raise InputError(
            "cannot read this netrc file",
            path=path,
            line=line,
            hint="fix its syntax; it must be readable by you alone (chmod 600)",
        ) from None
    if entry is None or not entry[2]:
        return None
    return entry[0] or "", entry[2]


class _Challenged(httpx.Auth):
    """Basic or Digest, whichever the server's first 401 asks for; none until it asks."""

    def __init__(self, user: str, password: str) -> None:
        self._schemes = {
            "basic": httpx.BasicAuth(user, password),
            "digest": httpx.DigestAuth(user, password),
        }
        self._chosen: httpx.Auth | None = None

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self._chosen is not None:
            yield from self._chosen.auth_flow(request)
            return
        response = yield request
        scheme = response.headers.get("www-authenticate", "").split(" ", 1)[0].lower()
        if response.status_code != 401 or scheme not in self._schemes:
            return
        self._chosen = self._schemes[scheme]
        yield from self._chosen.auth_flow(request)


def _problem(err: httpx.TransportError, timeout: float) -> tuple[str, bool]:
    """What went wrong, and whether the request may have reached the store all the same."""
    if isinstance(err, httpx.ConnectError | httpx.ConnectTimeout):
        return f"cannot connect ({err or 'timed out'})", False
    if isinstance(err, httpx.TimeoutException):
        return f"no answer within {timeout:g} s", True
    if isinstance(err, httpx.RemoteProtocolError):
        return "the server closed the connection mid-request", True
    return f"network error ({type(err).__name__}: {err})", True


class Http:
    """A keep-alive client for one store: ``send`` retries transient failures with backoff."""

    def __init__(
        self, url: httpx.URL, *, retries: int = 4, backoff: float = 0.5, timeout: float = 60.0
    ) -> None:
        found = credentials(url.host)
        self._secrets = []
        auth = None
        if found is not None:
            user, password = found
            self._secrets = [
                password,
                base64.b64encode(f"{user}:{password}".encode()).decode(),
            ]
            auth = _Challenged(user, password)
        self.authenticated = found is not None
        self.retries, self.backoff, self.timeout = retries, backoff, timeout
        self._client = httpx.Client(
            auth=auth,
            timeout=httpx.Timeout(timeout),
            headers={"User-Agent": f"defrel/{version('defrel')}"},
            follow_redirects=False,
            verify=url.scheme == "https",  # plain http never needs the CA bundle (70 ms to load)
            trust_env=False,  # no proxies from the environment; netrc is read above, on purpose
        )

    def __enter__(self) -> Http:
        return self

    def __exit__(self, *exc) -> None:
        self._client.close()

    def redact(self, text: str) -> str:
        """``text`` with every secret of this client replaced by ``***``."""
        for secret in self._secrets:
            if secret:
                text = text.replace(secret, "***")
        return text

    def error(self, message: str, *, hint: str | None = None) -> StoreError:
        return StoreError(self.redact(message), hint=self.redact(hint) if hint else None)

    def _wait(self, attempt: int, response: httpx.Response | None) -> float:
        wait = self.backoff * 2**attempt
        after = response.headers.get("retry-after", "") if response is not None else ""
        if after.isdigit():
            wait = max(wait, float(after))
        return min(wait, MAX_WAIT)

    def send(self, method: str, url: httpx.URL, *, what: str, **kwargs) -> httpx.Response:
        """Send a request; retry connection failures, timeouts, 408, 429 and 5xx.

        Returns any other response (the caller judges 4xx); raises StoreError when the
        retries are spent, saying what failed (``what``), how often, and why.
        """
        problem, maybe_written = "", False
        for attempt in range(self.retries + 1):
            response = None
            try:
                response = self._client.request(method, url, **kwargs)
            except httpx.TransportError as err:
                problem, sent = _problem(err, self.timeout)
            else:
                code = response.status_code
                if code < 500 and code not in TRANSIENT:
                    return response
                problem, sent = f"HTTP {code} {response.reason_phrase}: {_snippet(response)}", True
            maybe_written = maybe_written or sent
            if attempt < self.retries:
                time.sleep(self._wait(attempt, response))
        tries = f"{self.retries + 1} attempt{'s' * (self.retries > 0)}"
        error = self.error(
            f"{what}: {problem} ({tries})",
            hint=f"check that the store at {url.scheme}://{url.netloc.decode()} is up; "
            "--retries and --timeout wait longer",
        )
        error.maybe_written = maybe_written
        raise error

    def refused(self, response: httpx.Response, *, what: str, hint: str | None = None):
        """A StoreError for a 4xx answer, saying what the store said."""
        code = response.status_code
        if code in (401, 403):
            host = response.request.url.host
            hint = (
                f"the store refused the credentials in {ENV_USER}/{ENV_PASSWORD} or netrc"
                if self.authenticated
                else f"set {ENV_USER} and {ENV_PASSWORD}, or a netrc entry for {host}"
            )
        return self.error(
            f"{what}: HTTP {code} {response.reason_phrase}: {_snippet(response)}", hint=hint
        )


def _snippet(response: httpx.Response, limit: int = 300) -> str:
    """The start of a response body, on one line (servers explain errors there)."""
    try:
        text = response.read().decode("utf-8", errors="replace")
    except httpx.HTTPError:
        return "(no body)"
    text = " ".join(text.split())
    return (text[:limit] + "…") if len(text) > limit else (text or "(no body)")
