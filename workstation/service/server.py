"""Running the service with Uvicorn: from `workstation serve`, tests and the embedded default."""

from __future__ import annotations

import dataclasses
import json
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import uvicorn
from fastapi import FastAPI

from workstation.service.app import create_app
from workstation.service.config import ServiceConfig
from workstation.service.db import sqlite_url_for
from workstation.service.logs import log_config

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765


def config_for(
    service_dir: Path | None, database_url: str | None, site_url: str = ""
) -> ServiceConfig:
    """--database-url wins; otherwise a SQLite file in the service dir."""
    if database_url:
        return ServiceConfig(database_url=database_url, site_url=site_url)
    if service_dir is None:
        raise ValueError("give a service dir or a database URL")
    return ServiceConfig(database_url=sqlite_url_for(service_dir), site_url=site_url)


CONFIG_ENV = "WORKSTATION_SERVICE_CONFIG"


def app_from_environment() -> FastAPI:
    """The app for a Uvicorn worker process: its config comes from the parent's environment
    (workers import the app afresh; they cannot be handed an object)."""
    return create_app(ServiceConfig(**json.loads(os.environ[CONFIG_ENV])))


def serve(
    config: ServiceConfig, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, workers: int = 1
) -> None:
    """Run in the foreground until interrupted; `workers` > 1 runs that many processes on
    the one port (they share everything through the database)."""
    options: dict[str, Any] = {
        "host": host,
        "port": port,
        "log_level": "info",
        "proxy_headers": False,
        "log_config": log_config(),
    }
    if workers <= 1:
        uvicorn.run(create_app(config), **options)
        return
    os.environ[CONFIG_ENV] = json.dumps(dataclasses.asdict(config))
    target = f"{__name__}:{app_from_environment.__name__}"
    uvicorn.run(target, factory=True, workers=workers, **options)


@dataclass
class BackgroundServer:
    """A service on a loopback port in a thread of this process; `stop()` ends it."""

    config: ServiceConfig
    host: str = DEFAULT_HOST
    port: int = 0
    _server: uvicorn.Server | None = field(default=None, init=False, repr=False)
    _thread: threading.Thread | None = field(default=None, init=False, repr=False)
    _ready: threading.Event = field(default_factory=threading.Event, init=False, repr=False)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self, timeout: float = 20.0) -> BackgroundServer:
        # Uvicorn binds the port itself (port 0: any free one). Handing it a pre-bound socket
        # instead loses TCP_NODELAY, which costs every response a 40 ms delayed-ACK wait.
        uv_config = uvicorn.Config(
            create_app(self.config), host=self.host, port=self.port, log_level="warning"
        )
        self._server = uvicorn.Server(uv_config)
        self._thread = threading.Thread(target=self._server.run, name="service", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive():
                raise RuntimeError(f"the service did not start on {self.host}:{self.port}")
            if time.monotonic() > deadline:
                self.stop()
                raise TimeoutError(f"the service did not start within {timeout} s")
            self._ready.wait(0.01)
        self.port = int(self._server.servers[0].sockets[0].getsockname()[1])
        return self

    def stop(self, timeout: float = 20.0) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout)
        self._server = None
        self._thread = None
