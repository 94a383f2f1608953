"""The page's interactive parts: the newsletter form's fields and the audience gate's script.

The script is the only one the page runs (the policy allows it by hash): it remembers a
reader's "I am a healthcare professional" in the browser (localStorage) and opens the gated
body. Without it the declaration link still opens the body (CSS :target), just not for good.
"""

from __future__ import annotations

from typing import Any

from workstation.domain.newsletter import CONSENT_TEXT, SUBSCRIBE_PATH, consent_version
from workstation.domain.preferences import Preferences

DECLARED_KEY = "ew-hcp-declared"
GATE_SCRIPT = (
    "(function(){var d=document.documentElement,k='" + DECLARED_KEY + "';"
    "try{if(localStorage.getItem(k)==='yes'){d.classList.add('hcp-ok');}}catch(e){}"
    "document.addEventListener('click',function(e){"
    "var b=e.target&&e.target.closest?e.target.closest('[data-declare]'):null;"
    "if(!b){return;}e.preventDefault();"
    "try{localStorage.setItem(k,'yes');}catch(x){}d.classList.add('hcp-ok');});})();"
)


def newsletter_form(prefs: Preferences, token: str) -> dict[str, Any]:
    """What the signup form posts to the service: where, the token, the consent wording."""
    return {
        "action": prefs.site_url.rstrip("/") + SUBSCRIBE_PATH,
        "token": token,
        "consent": CONSENT_TEXT,
        "consent_version": consent_version(),
    }
