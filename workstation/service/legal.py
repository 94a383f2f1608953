"""Legal and Editors' Code flags on a story, and the sign-off a flagged story needs before it
goes live: given by a named signer (the site's legal role), stored with the version it covers,
and void once the headline, standfirst or body differ from that version."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from workstation.service.models import ArticleRecord, SignoffRecord
from workstation.service.problems import Problem
from workstation.service.review_models import SiteSettingRecord

LEGAL_FLAGS = (
    "defamation",
    "court-reporting",
    "anonymity",
    "health-privacy",
    "suicide-reporting",
    "sponsored",
)
"""Defamation risk; court reporting (active proceedings); anonymity (sexual offences,
children); health privacy; suicide reporting (Samaritans' guidelines); sponsored content."""
SIGNED_FIELDS = ("headline", "standfirst", "body")
SIGNERS_KEY = "legal_signers"


def signers(session: Session) -> list[str]:
    row = session.get(SiteSettingRecord, SIGNERS_KEY)
    return [name for name in (row.value.split("\n") if row else []) if name]


def set_signers(session: Session, names: list[str]) -> None:
    value = "\n".join(dict.fromkeys(n.strip() for n in names if n.strip()))
    row = session.get(SiteSettingRecord, SIGNERS_KEY)
    if row is None:
        session.add(SiteSettingRecord(key=SIGNERS_KEY, value=value))
    else:
        row.value = value


def latest_signoff(session: Session, article_id: str) -> SignoffRecord | None:
    return session.scalars(
        select(SignoffRecord)
        .where(SignoffRecord.article_id == article_id)
        .order_by(SignoffRecord.id.desc())
        .limit(1)
    ).first()


def covers(session: Session, record: ArticleRecord, version: int | None) -> bool:
    """Whether the latest sign-off covers `version` (default: the current one)."""
    from workstation.service.articles import revision_content

    signoff = latest_signoff(session, record.id)
    if signoff is None:
        return False
    _v, signed = revision_content(session, record, signoff.version)
    _v, going = revision_content(session, record, version)
    return all(signed.get(name) == going.get(name) for name in SIGNED_FIELDS)


def check_signed_off(session: Session, record: ArticleRecord, version: int | None) -> None:
    """422 when a flagged story would go live without a sign-off covering that version."""
    if record.legal_flags and not covers(session, record, version):
        raise Problem(
            422,
            "this story carries legal flags ("
            + ", ".join(record.legal_flags)
            + "): it needs a legal sign-off of this version before it goes live",
            kind="legal-signoff-required",
        )


def sign_off(
    session: Session, record: ArticleRecord, user: str, note: str, now: datetime
) -> SignoffRecord:
    if user not in signers(session):
        raise Problem(403, f"{user} is not one of this site's legal signers", kind="forbidden")
    row = SignoffRecord(
        article_id=record.id, version=record.version, user=user, note=note.strip(), created_at=now
    )
    session.add(row)
    session.flush()
    return row
