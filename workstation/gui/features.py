"""The features the window composes: house style, related, publishing, review, history, legal.

Each receives the window's `Host` and nothing else. Their modules (and httpx, SQLAlchemy's
models, the house-style loader behind them: about a second of imports) are loaded by
`import_features` on a worker thread after the first paint; `attach_features` then only builds
widgets on the GUI thread, so keys typed during start-up are not held up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

    from workstation.gui.host import Host


def import_features() -> dict[str, Callable[[Host], Any]]:
    """The feature attachers by name; importing them is the worker-thread job (no widgets)."""
    from workstation.gui.history_panel import attach_history
    from workstation.gui.legal_panel import attach_legal
    from workstation.gui.media_panel import attach_media
    from workstation.gui.publish_controller import attach_publishing
    from workstation.gui.related_panel import attach_related_picker
    from workstation.gui.review_panel import attach_review
    from workstation.gui.style_check import attach_style_checking

    return {
        "style": attach_style_checking,
        "related": attach_related_picker,
        "publishing": attach_publishing,
        "review": attach_review,
        "media": attach_media,
        "history": attach_history,
        "legal": attach_legal,
    }


def attach_features(host: Host) -> dict[str, Any]:
    """Attach every feature; returns them by name (the window keeps them alive)."""
    return {name: attach(host) for name, attach in import_features().items()}
