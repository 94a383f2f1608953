"""One task runner: a single thread for the database, a small pool for rendering and network.

Jobs take plain data and return plain data; callbacks run on the GUI thread (delivered by a
queued signal), so only callbacks touch widgets.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


class TaskRunner(QObject):
    """Runs jobs off the GUI thread and calls back on it."""

    _sig_finished = Signal(object)
    """Internal: a finished job's (callback, value) pair, queued to the GUI thread."""

    sig_error = Signal(str)
    """A job failed and nobody handled it; the text is for the status bar."""

    def __init__(self, parent: QObject | None = None, pool_size: int = 2) -> None:
        super().__init__(parent)
        self._db = ThreadPoolExecutor(1, thread_name_prefix="db")
        self._pool = ThreadPoolExecutor(pool_size, thread_name_prefix="work")
        self._sig_finished.connect(self._deliver)
        self._closed = False
        self._pending = 0
        self._lock = threading.Lock()
        self._durable: set[Future[Any]] = set()

    def submit_db(
        self,
        job: Callable[..., Any],
        *args: Any,
        on_success: Callback | None = None,
        on_error: ErrorCallback | None = None,
    ) -> Future[Any]:
        """Run `job` on the one database thread (SQLite writes serialize anyway)."""
        return self._submit(self._db, job, args, on_success, on_error)

    def submit(
        self,
        job: Callable[..., Any],
        *args: Any,
        on_success: Callback | None = None,
        on_error: ErrorCallback | None = None,
        durable: bool = False,
    ) -> Future[Any]:
        """Run `job` on the pool (rendering, checking, network). A `durable` job (one that
        writes a file the user asked for) is waited for when the window closes; the others
        are not: the store's writes go through `submit_db`, and a sync or publish cut short
        is taken up again next time, as after a kill."""
        future = self._submit(self._pool, job, args, on_success, on_error)
        if durable and not future.cancelled():
            with self._lock:
                self._durable.add(future)
            future.add_done_callback(self._forget)
        return future

    def _forget(self, future: Future[Any]) -> None:
        with self._lock:
            self._durable.discard(future)

    @property
    def pending(self) -> int:
        """Jobs submitted whose callbacks have not run yet."""
        return self._pending

    def _submit(
        self,
        executor: ThreadPoolExecutor,
        job: Callable[..., Any],
        args: tuple[Any, ...],
        on_success: Callback | None,
        on_error: ErrorCallback | None,
    ) -> Future[Any]:
        if self._closed:  # the window is closing: late timers must not restart work
            dropped: Future[Any] = Future()
            dropped.cancel()
            return dropped
        with self._lock:
            self._pending += 1
        future = executor.submit(job, *args)

        def finished(done: Future[Any]) -> None:
            if done.cancelled():  # dropped at shutdown: nobody is waiting for it
                return
            exc = done.exception()
            if exc is not None:
                self._sig_finished.emit((on_error, exc, True))
            else:
                self._sig_finished.emit((on_success, done.result(), False))

        future.add_done_callback(finished)
        return future

    def _deliver(self, item: tuple[Callable[[Any], None] | None, Any, bool]) -> None:
        callback, value, failed = item
        with self._lock:
            self._pending -= 1
        if self._closed:
            return
        if failed and callback is None:
            log.error("background job failed", exc_info=value)
            self.sig_error.emit(str(value) or type(value).__name__)
            return
        if callback is not None:
            callback(value)

    def shutdown(self, wait_for_pool: bool = True) -> None:
        """Finish queued database work (nothing typed is lost) and durable pool jobs, then
        stop both executors.

        With `wait_for_pool` False the other pool jobs still running (rendering, linting,
        suggestions, a sync round) are not waited for, so a quit does not wait on them
        (issue 19): the process exits under them as it could be killed under them."""
        self._closed = True
        self._db.shutdown(wait=True)
        with self._lock:
            durable = list(self._durable)
        wait(durable)
        self._pool.shutdown(wait=wait_for_pool, cancel_futures=True)


class Generation:
    """A counter to drop stale results: take `next()` when asking, check `is_current` on reply."""

    def __init__(self) -> None:
        self._value = 0

    def next(self) -> int:
        self._value += 1
        return self._value

    def is_current(self, value: int) -> bool:
        return value == self._value
