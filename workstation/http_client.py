"""The one way the workstation talks HTTP to an upload service: TLS, TCP_NODELAY, auth, errors.

Used by publishing and by draft sync alike (they sit side by side in the layers, so this lives
below both). Imports nothing of ours but the version.
"""

from __future__ import annotations

import functools
import socket
import ssl
from typing import Any

import httpx

from workstation import __version__

# Small requests are sent as headers then body: without TCP_NODELAY the body waits for the
# peer's delayed ACK (40 ms on Linux) on every PUT and POST.
_SOCKET_OPTIONS = [(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)]


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """One TLS context for every client: loading the CA bundle costs tens of milliseconds."""
    import certifi

    return ssl.create_default_context(cafile=certifi.where())


def service_client(
    base_url: str,
    token: str,
    *,
    timeout: float = 15.0,
    transport: httpx.BaseTransport | None = None,
    purpose: str = "",
) -> httpx.Client:
    """An httpx client for one account: bearer token, user agent, shared TLS, no-delay sockets.

    `transport` lets tests cut or fault the network; `purpose` tags the user agent ("sync").
    """
    if transport is None:
        transport = httpx.HTTPTransport(verify=_tls_context(), socket_options=_SOCKET_OPTIONS)
    agent = f"editorial-workstation/{__version__}" + (f" {purpose}" if purpose else "")
    return httpx.Client(
        base_url=base_url.rstrip("/"),
        headers={"Authorization": f"Bearer {token}", "User-Agent": agent},
        timeout=timeout,
        transport=transport,
    )


def plain_client(
    base_url: str, *, timeout: float = 15.0, transport: httpx.BaseTransport | None = None
) -> httpx.Client:
    """The same client without a bearer token (a site that signs in its own way)."""
    if transport is None:
        transport = httpx.HTTPTransport(verify=_tls_context(), socket_options=_SOCKET_OPTIONS)
    return httpx.Client(
        base_url=base_url.rstrip("/"),
        headers={"User-Agent": f"editorial-workstation/{__version__}"},
        timeout=timeout,
        transport=transport,
    )


def json_or_none(response: httpx.Response) -> Any:
    """The response body as JSON, or None when it is not JSON."""
    try:
        return response.json()
    except ValueError:
        return None


def problem_detail(response: httpx.Response) -> str:
    """A problem+json `detail` (cut to 300 characters), else the reason phrase."""
    body = json_or_none(response)
    if isinstance(body, dict) and body.get("detail"):
        return str(body["detail"])[:300]
    return response.reason_phrase or "error"
