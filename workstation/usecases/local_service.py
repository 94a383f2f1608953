"""The embedded default: with no account set up, a service on loopback so Publish works at once."""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass

from workstation import secrets
from workstation.domain.publication import Account
from workstation.paths import DataDir
from workstation.service.auth import Role, authenticate, create_token
from workstation.service.config import ServiceConfig
from workstation.service.db import open_service_database, sqlite_url_for
from workstation.service.server import DEFAULT_PORT, BackgroundServer
from workstation.store.db import Database
from workstation.store.outbox import OutboxRepository
from workstation.usecases.credentials import secret_name
from workstation.usecases.publishing import PublishingError

LOCAL_ACCOUNT = "local"
# Set to 0 to never start the embedded service (e.g. a desk that only publishes to a newsroom).
DISABLE_ENV = "WORKSTATION_LOCAL_SERVICE"
LOCAL_USER = "local-desk"


@dataclass
class LocalService:
    """The running embedded service and the account that points at it."""

    server: BackgroundServer
    account: Account

    def stop(self) -> None:
        self.server.stop()


def needs_local_service(db: Database) -> bool:
    """True when there is no account, or the only one is the embedded one (restart it);
    never when WORKSTATION_LOCAL_SERVICE=0."""
    if os.environ.get(DISABLE_ENV) == "0":
        return False
    with db.session() as session:
        accounts = OutboxRepository(session).accounts()
    return not accounts or [a.name for a in accounts] == [LOCAL_ACCOUNT]


def _free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def start_local_service(data: DataDir, db: Database, port: int = DEFAULT_PORT) -> LocalService:
    """Start the service in the data dir's service/ on loopback (the usual port when free), make
    sure its token is in the keyring, and point the `local` account at it."""
    try:  # fail before starting anything when the token would have nowhere safe to go
        token = secrets.get_secret(secret_name(LOCAL_ACCOUNT))
    except secrets.SecretsUnavailable as exc:
        raise PublishingError(str(exc)) from None
    url = sqlite_url_for(data.service)
    service_db = open_service_database(url)
    try:
        with service_db.session() as session:
            if token is None or authenticate(session, token) is None:
                token = create_token(session, LOCAL_USER, Role.ADMIN)
                store_token = True
            else:
                store_token = False
    finally:
        service_db.close()
    if store_token:
        try:
            secrets.set_secret(secret_name(LOCAL_ACCOUNT), token)
        except secrets.SecretsUnavailable as exc:
            raise PublishingError(str(exc)) from None
    server = BackgroundServer(
        ServiceConfig(database_url=url), port=port if _free(port) else 0
    ).start()
    account = Account(LOCAL_ACCOUNT, "service", server.url, True)
    with db.session() as session:
        OutboxRepository(session).save_account(account)
    return LocalService(server, account)
