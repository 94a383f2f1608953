"""Guard against a Qt binding that leaks references to True/None (PySide6 6.12.0 did).

Python 3.11 frees True and None when their count reaches zero and aborts: an editor emits
signals on every keystroke, so such a binding kills the app after some thousands of keys.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer, Signal


class _Emitter(QObject):
    sig_value = Signal(int)
    """Carries a number, like the editor's signals do."""


def test_emit_and_void_calls_keep_singleton_refcounts(qapp) -> None:  # type: ignore[no-untyped-def]
    emitter = _Emitter()
    received: list[int] = []
    emitter.sig_value.connect(received.append)
    timer = QTimer()
    before_true, before_none = sys.getrefcount(True), sys.getrefcount(None)
    for number in range(200):
        emitter.sig_value.emit(number)
        timer.start(10_000)
    timer.stop()
    assert received == list(range(200))
    # Other threads may hold a few references meanwhile; a leak loses one per call (200+).
    assert sys.getrefcount(True) >= before_true - 20
    assert sys.getrefcount(None) >= before_none - 20
