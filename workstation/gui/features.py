"""The features the window composes: house style, related, publishing, review.

Each receives the window's `Host` and nothing else. Called once after first paint, so their
imports never delay the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workstation.gui.host import Host


def attach_features(host: Host) -> dict[str, Any]:
    """Attach every feature; returns them by name (the window keeps them alive)."""
    from workstation.gui.publish_controller import attach_publishing
    from workstation.gui.related_panel import attach_related_picker
    from workstation.gui.review_panel import attach_review
    from workstation.gui.style_check import attach_style_checking

    return {
        "style": attach_style_checking(host),
        "related": attach_related_picker(host),
        "publishing": attach_publishing(host),
        "review": attach_review(host),
    }
