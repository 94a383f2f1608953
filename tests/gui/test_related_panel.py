"""The related picker: suggestions follow the draft off the GUI thread; picks go to the window."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fake_host import FakeDocument, make_host
from pytestqt.qtbot import QtBot

from workstation.domain.article import Article, Origin, Status
from workstation.domain.preferences import Preferences
from workstation.gui.host import Host
from workstation.gui.related_panel import RelatedPicker, attach_related_picker
from workstation.paths import DataDir
from workstation.usecases import articles
from workstation.usecases.archive_import import save_archive_articles
from workstation.usecases.workspace import Workspace, open_workspace


def archive_story(article_id: str, headline: str, body: str, **fields: object) -> Article:
    values: dict[str, object] = {"origin": Origin.ARCHIVE, "status": Status.PUBLISHED,
                                 "published_at": datetime(2024, 6, 1, tzinfo=UTC)}  # fmt: skip
    values.update(fields)
    return Article(id=article_id, headline=headline, body=body, **values)  # type: ignore[arg-type]


ARCHIVE = [
    archive_story("nurses-1", "Nurses vote to strike over pay", "Nurses reject the pay offer.",
                  tags=("pay",), standfirst="Union members back strike action"),
    archive_story("nurses-2", "Nurses strike called off", "Nurses accept the pay deal."),
    archive_story("nurses-3", "Nurses pay deal approved", "The pay deal for nurses is approved."),
    archive_story("nurses-gone", "Nurses pay story withdrawn", "Nurses pay nurses pay.",
                  status=Status.WITHDRAWN),
    archive_story("parking-1", "Hospital parking charges scrapped", "Parking charges go."),
    archive_story("parking-2", "Parking fees return at hospitals", "Parking fees come back."),
]  # fmt: skip


@pytest.fixture(autouse=True)
def _no_semantic_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lexical only, even where the semantic extra is installed (its model loads for seconds)."""
    monkeypatch.setattr("workstation.gui.related_panel.load_embedder", lambda: None)


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    opened = open_workspace(DataDir(tmp_path / "data"))
    opened.prefs = Preferences(related_max=2)
    save_archive_articles(opened.db, ARCHIVE)
    yield opened
    opened.close()


@pytest.fixture
def document() -> FakeDocument:
    return FakeDocument()


@pytest.fixture
def host(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path, document: FakeDocument
) -> Iterator[Host]:
    built = make_host(workspace, tmp_path / "host", document)
    qtbot.addWidget(built.dialog_parent())
    yield built
    built.tasks.shutdown()


@pytest.fixture
def picker(qtbot: QtBot, host: Host) -> RelatedPicker:
    return attach_related_picker(host)


def shown_ids(picker: RelatedPicker) -> list[str]:
    widget = picker.panel.suggestions
    return [widget.item(row).data(0x0100) for row in range(widget.count())]


DRAFT = Article(id="draft", headline="Nurses threaten to strike over pay",
                body="Nurses say the pay offer is too low. Nurses will vote.")  # fmt: skip


def test_docked_with_a_translated_title(picker: RelatedPicker, host: Host) -> None:
    assert [(d.widget(), d.windowTitle()) for d in host.docks] == [
        (picker.panel, "Related articles")
    ]


def test_suggestions_exclude_withdrawn_and_update(qtbot: QtBot, picker: RelatedPicker,
                                                  host: Host) -> None:  # fmt: skip
    with qtbot.waitSignal(picker.sig_suggestions_ready, timeout=10_000):
        host.sig_article_changed.emit(DRAFT)
    ids = shown_ids(picker)
    assert ids[0] == "nurses-1" and set(ids) == {"nurses-1", "nurses-2", "nurses-3"}
    text = picker.panel.suggestions.item(0).text()
    assert "Nurses vote to strike over pay" in text and "1 June 2024" in text
    assert "Union members back strike action" in text and "Why: shared terms:" in text

    rewritten = DRAFT.with_changes(headline="Parking charges at hospitals",
                                   body="Parking charges and parking fees.")  # fmt: skip
    host.sig_article_changed.emit(rewritten)
    qtbot.waitUntil(lambda: set(shown_ids(picker)) == {"parking-1", "parking-2"}, timeout=10_000)


def test_the_draft_itself_is_never_suggested(qtbot: QtBot, picker: RelatedPicker,
                                             host: Host) -> None:  # fmt: skip
    as_draft = ARCHIVE[0].with_changes(status=Status.PUBLISHED)
    with qtbot.waitSignal(picker.sig_suggestions_ready, timeout=10_000):
        host.sig_article_changed.emit(as_draft)
    assert "nurses-1" not in shown_ids(picker) and shown_ids(picker)


def test_picks_go_to_the_window_leave_suggestions_and_respect_the_maximum(
    qtbot: QtBot,
    picker: RelatedPicker,
    host: Host,
) -> None:
    with qtbot.waitSignal(picker.sig_suggestions_ready, timeout=10_000):
        host.sig_article_changed.emit(DRAFT)
    panel = picker.panel
    assert panel.add_pick("nurses-2")
    assert host.document.related == ("nurses-2",)
    qtbot.waitUntil(lambda: "nurses-2" not in shown_ids(picker), timeout=10_000)
    assert panel.add_pick("nurses-1")
    assert host.document.related == ("nurses-2", "nurses-1")
    assert panel.is_full() and not panel.add_pick("nurses-3")
    assert "2 of 2 (the maximum)" in panel.chosen_label.text()
    assert not panel.add_suggestion.isEnabled()

    panel.move_pick(1, 0)  # what a drag does
    assert host.document.related == ("nurses-1", "nurses-2")
    panel.chosen.setCurrentRow(0)
    panel.remove_selected()
    assert host.document.related == ("nurses-2",)
    qtbot.waitUntil(lambda: "nurses-1" in shown_ids(picker), timeout=10_000)


def test_dragging_in_the_model_reports_the_new_order(qtbot: QtBot, picker: RelatedPicker,
                                                     host: Host) -> None:  # fmt: skip
    with qtbot.waitSignal(picker.sig_suggestions_ready, timeout=10_000):
        host.sig_article_changed.emit(DRAFT)
    picker.panel.add_pick("nurses-1")
    picker.panel.add_pick("nurses-2")
    model = picker.panel.chosen.model()
    from PySide6.QtCore import QModelIndex

    with qtbot.waitSignal(picker.panel.sig_picks_changed, timeout=5_000):
        assert model.moveRow(QModelIndex(), 1, QModelIndex(), 0)
    assert host.document.related == ("nurses-2", "nurses-1")


def test_opening_an_article_shows_its_saved_picks(qtbot: QtBot, picker: RelatedPicker,
                                                  host: Host) -> None:  # fmt: skip
    with_picks = DRAFT.with_changes(related=("parking-1", "not-there"))
    host.sig_article_changed.emit(with_picks)
    chosen = picker.panel.chosen
    qtbot.waitUntil(lambda: chosen.count() == 2 and "Hospital parking" in chosen.item(0).text(),
                    timeout=10_000)  # fmt: skip
    assert "not-there" in chosen.item(1).text()
    assert picker.panel.picks() == ("parking-1", "not-there")
    qtbot.waitUntil(lambda: bool(shown_ids(picker)), timeout=10_000)
    assert "parking-1" not in shown_ids(picker)


def test_search_box_searches_the_whole_archive(qtbot: QtBot, picker: RelatedPicker) -> None:
    panel = picker.panel
    with qtbot.waitSignal(panel.sig_search_results_shown, timeout=10_000) as blocker:
        panel.search_box.setText("parking fe")
    assert blocker.args == [1]
    assert "Parking fees return at hospitals" in panel.results.item(0).text()
    panel.results.setCurrentRow(0)
    panel.add_result.click()
    assert panel.picks() == ("parking-2",)
    with qtbot.waitSignal(panel.sig_search_results_shown, timeout=10_000):
        panel.search_box.clear()
    assert panel.results.count() == 0


@pytest.fixture
def archive_in_home(seeded_home: DataDir) -> DataDir:
    """The lead's GUI test home (one draft) with a small archive added."""
    opened = open_workspace(seeded_home)
    save_archive_articles(opened.db, ARCHIVE)
    opened.close()
    return seeded_home


def test_in_the_main_window_picks_are_saved_with_the_article(
    qtbot: QtBot,
    archive_in_home: DataDir,
    window,
) -> None:
    picker = attach_related_picker(window.host)
    window.editor.setPlainText("Nurses say the pay offer is too low. Nurses will vote on pay.")
    qtbot.waitUntil(lambda: "nurses-1" in shown_ids(picker), timeout=20_000)
    assert "nurses-gone" not in shown_ids(picker)
    assert picker.panel.add_pick("nurses-1")
    draft_id = window.current_article().id
    opened = open_workspace(archive_in_home)
    try:
        qtbot.waitUntil(
            lambda: articles.get_article(opened.db, draft_id).related == ("nurses-1",),
            timeout=20_000,
        )
    finally:
        opened.close()


class WordCountEmbedder:
    """A tiny stand-in for the semantic extra's model."""

    name = "word-count-v1"

    def embed(self, texts: Sequence[str]) -> list[Sequence[float]]:
        return [[float(len(text.split())), 1.0, float(text.count("pay"))] for text in texts]


def test_with_the_semantic_extra_stories_are_embedded_and_reranked(
    qtbot: QtBot, host: Host, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("workstation.gui.related_panel.load_embedder", WordCountEmbedder)
    picker = attach_related_picker(host)

    def stored() -> int:
        with workspace.db.engine.connect() as conn:
            query = "SELECT count(*) FROM archive_fts_vectors"
            return int(conn.exec_driver_sql(query).scalar_one())

    qtbot.waitUntil(lambda: stored() == len(ARCHIVE) - 1, timeout=10_000)  # not the withdrawn
    with qtbot.waitSignal(picker.sig_suggestions_ready, timeout=10_000):
        host.sig_article_changed.emit(DRAFT)
    assert picker.finder is not None
    hits = picker.finder.suggest(DRAFT, k=3)
    assert hits and all("cosine" in hit.details for hit in hits)
