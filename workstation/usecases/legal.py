"""Legal and Editors' Code flags on a story and its legal sign-off, kept by the service (a
flagged story goes live only while a named signer's sign-off covers its text)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workstation.store.db import Database
from workstation.usecases.history import HistoryError, answer, remote_story

FLAGS = (
    "defamation",
    "court-reporting",
    "anonymity",
    "health-privacy",
    "suicide-reporting",
    "sponsored",
)
"""The service's words: defamation risk, court reporting (active proceedings), anonymity
(sexual offences, children), health privacy, suicide reporting, sponsored content."""

LegalError = HistoryError


@dataclass(frozen=True)
class LegalState:
    flags: tuple[str, ...]
    signed_off: bool
    signed_by: str = ""
    signed_version: int | None = None
    note: str = ""


def _state(data: dict[str, Any]) -> LegalState:
    signoff = data.get("signoff") or {}
    return LegalState(
        flags=tuple(data.get("flags", ())),
        signed_off=bool(data.get("signed_off")),
        signed_by=str(signoff.get("user", "")),
        signed_version=signoff.get("version"),
        note=str(signoff.get("note", "")),
    )


def legal_state(db: Database, article_ref: str, target: str | None = None) -> LegalState:
    with remote_story(db, article_ref, target) as (article_id, client):
        return _state(answer(client.get(f"/api/v1/articles/{article_id}/legal")))


def set_flags(
    db: Database, article_ref: str, flags: list[str], target: str | None = None
) -> LegalState:
    unknown = [flag for flag in flags if flag not in FLAGS]
    if unknown:
        raise LegalError(f"unknown flag {unknown[0]!r}; known: {', '.join(FLAGS)}")
    with remote_story(db, article_ref, target) as (article_id, client):
        response = client.put(f"/api/v1/articles/{article_id}/legal", json={"flags": flags})
        return _state(answer(response))


def sign_off(
    db: Database, article_ref: str, note: str = "", target: str | None = None
) -> LegalState:
    with remote_story(db, article_ref, target) as (article_id, client):
        response = client.post(f"/api/v1/articles/{article_id}/signoff", json={"note": note})
        return _state(answer(response))


def state_as_json(state: LegalState) -> dict[str, Any]:
    return {
        "flags": list(state.flags),
        "signed_off": state.signed_off,
        "signed_by": state.signed_by,
        "signed_version": state.signed_version,
        "note": state.note,
    }
