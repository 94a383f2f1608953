"""Attach the features that build on the main window: house style, related, publishing, review.

Called once after first paint, so their imports never delay the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workstation.gui.main_window import MainWindow


def attach_features(window: MainWindow) -> dict[str, Any]:
    """Attach every feature; returns them by name (the window keeps them alive)."""
    from workstation.gui.publish_controller import attach_publishing
    from workstation.gui.related_panel import attach_related_picker
    from workstation.gui.review_panel import attach_review
    from workstation.gui.style_check import attach_style_checking

    return {
        "style": attach_style_checking(window),
        "related": attach_related_picker(window),
        "publishing": attach_publishing(window),
        "review": attach_review(window),
    }
