"""Property: random concurrent edits on two or three workstations, offline spells, sync orders.

Edits are saved as the window saves them, or made in a file: export, edit, import, with the
file's updated_at as exported, long past or far ahead (issue 20).

After everyone syncs, all hold the same text; every edit is in it or kept as a conflict revision.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from review_support import Profile
from service_helpers import RunningService, start_service

from workstation.domain.merge import join_paragraphs, split_paragraphs
from workstation.service.auth import Role
from workstation.service.db import sqlite_url_for
from workstation.store.repository import ArticleRepository
from workstation.store.sync_state import SyncRepository
from workstation.usecases.articles import (
    create_article,
    export_article,
    get_article,
    import_files,
    save_working_copy,
)

PARAGRAPHS = 6
STAMPS = {"import-past": "2001-01-01T00:00:00+00:00", "import-future": "2099-01-01T00:00:00+00:00"}
VIAS = ["save", "save", "import", *STAMPS]


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[RunningService, list[str]]]:
    for running in start_service(sqlite_url_for(tmp_path_factory.mktemp("prop-service"))):
        tokens = [running.new_token(f"user{i}", Role.SUBEDITOR) for i in range(3)]
        yield running, tokens


@dataclass(frozen=True)
class Edit:
    ws: int
    kind: str  # "append" to a paragraph, or "insert" a new one after it
    paragraph: int
    # "save" as the window does, or export → edit the file → import, the file's updated_at
    # kept as exported, or rewritten to long ago or far ahead (issue 20)
    via: str = "save"


@dataclass(frozen=True)
class SyncStep:
    ws: int


@dataclass(frozen=True)
class Net:
    ws: int
    online: bool


Step = Edit | SyncStep | Net


def steps(workstations: int, own_paragraphs: bool) -> st.SearchStrategy[list[Step]]:
    def edit(ws: int) -> st.SearchStrategy[Step]:
        if own_paragraphs:  # each workstation edits only its own paragraphs: never a conflict
            mine = [p for p in range(PARAGRAPHS) if p % workstations == ws]
            paragraph = st.sampled_from(mine)
        else:
            paragraph = st.integers(0, 2)  # few paragraphs: edits collide often
        return st.builds(
            Edit,
            st.just(ws),
            st.sampled_from(["append", "insert"]),
            paragraph,
            st.sampled_from(VIAS),
        )

    ws = st.integers(0, workstations - 1)
    one = st.one_of(
        ws.flatmap(edit),
        ws.flatmap(edit),
        st.builds(SyncStep, ws),
        st.builds(Net, ws, st.booleans()),
    )
    return st.lists(one, min_size=1, max_size=18)


def _apply_edit(profile: Profile, article_id: str, edit: Edit, token: str) -> None:
    article = get_article(profile.db, article_id)
    paragraphs = split_paragraphs(article.body)
    label = f"P{edit.paragraph}"
    index = next(i for i, p in enumerate(paragraphs) if p.startswith(label))
    old = paragraphs[index]
    new = f"{old} {token}" if edit.kind == "append" else f"{old}\n\nN {token}"
    if edit.via == "save":
        body = join_paragraphs([*paragraphs[:index], new, *paragraphs[index + 1 :]])
        save_working_copy(profile.db, article.with_changes(body=body))
        return
    text = export_article(profile.db, article_id)
    assert text.count(old) == 1, (old, text)
    text = text.replace(old, new)
    if edit.via != "import":
        text, count = re.subn(r"(?m)^updated_at:.*$", f"updated_at: '{STAMPS[edit.via]}'", text)
        assert count == 1
    path = profile.home / f"edit-{token}.md"
    path.write_text(text, encoding="utf-8")
    import_files(profile.db, [path])


def _conflict_texts(profile: Profile, article_id: str) -> str:
    with profile.db.session() as session:
        revisions = ArticleRepository(session).revisions(article_id)
        conflicts = SyncRepository(session, profile.name).conflicts(article_id)
    kept = {r.id: r.article.body for r in revisions if r.reason == "conflict-local"}
    assert all(c.local_revision_id in kept for c in conflicts)
    return "\n".join(kept.values())


def _run(
    shared: tuple[RunningService, list[str]], workstations: int, script: list[Step]
) -> tuple[list[Profile], str, dict[str, int]]:
    service, tokens = shared
    folder = Path(tempfile.mkdtemp(prefix="review-prop-"))
    profiles = [
        Profile(f"ws{i}", folder / f"ws{i}", service.url, tokens[i]) for i in range(workstations)
    ]
    body = join_paragraphs([f"P{i} text." for i in range(PARAGRAPHS)])
    article = create_article(profiles[0].db, "Concurrent edits", body=body)
    for profile in profiles:
        assert profile.sync().online
    authors: dict[str, int] = {}
    for number, step in enumerate(script):
        profile = profiles[step.ws]
        if isinstance(step, Edit):
            token = f"t{number}x"
            _apply_edit(profile, article.id, step, token)
            authors[token] = step.ws
        elif isinstance(step, Net):
            profile.network.online = step.online
        else:
            profile.sync()
    for profile in profiles:
        profile.network.online = True
    for _round in range(3):
        for profile in profiles:
            report = profile.sync()
            assert report.online and not report.error, report.lines()
    return profiles, article.id, authors


def _check(profiles: list[Profile], article_id: str, authors: dict[str, int]) -> str:
    texts = {get_article(p.db, article_id).body for p in profiles}
    assert len(texts) == 1, texts
    final = texts.pop()
    kept = [_conflict_texts(p, article_id) for p in profiles]
    event("conflicts kept" if any(kept) else "no conflict")
    for token, ws in authors.items():
        assert token in final or token in kept[ws], (token, ws, final)
    return final


FAST = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FAST
@given(st.integers(2, 3).flatmap(lambda n: st.tuples(st.just(n), steps(n, own_paragraphs=True))))
def test_edits_to_own_paragraphs_all_arrive_everywhere(
    shared: tuple[RunningService, list[str]], case: tuple[int, list[Step]]
) -> None:
    workstations, script = case
    profiles, article_id, authors = _run(shared, workstations, script)
    try:
        final = _check(profiles, article_id, authors)
        for token in authors:
            assert token in final
        for profile in profiles:
            with profile.db.session() as session:
                assert SyncRepository(session, profile.name).conflicts() == []
    finally:
        for profile in profiles:
            profile.close()
        shutil.rmtree(profiles[0].home.parent, ignore_errors=True)


@FAST
@given(st.integers(2, 3).flatmap(lambda n: st.tuples(st.just(n), steps(n, own_paragraphs=False))))
def test_overlapping_edits_converge_and_conflicts_are_kept(
    shared: tuple[RunningService, list[str]], case: tuple[int, list[Step]]
) -> None:
    workstations, script = case
    profiles, article_id, authors = _run(shared, workstations, script)
    try:
        _check(profiles, article_id, authors)
    finally:
        for profile in profiles:
            profile.close()
        shutil.rmtree(profiles[0].home.parent, ignore_errors=True)
