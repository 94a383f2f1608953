"""One real WordPress (MariaDB + PHP's built-in server) for the whole session of tests."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "gui"))  # journeys: the window driven as a person does
sys.path.insert(0, str(HERE.parent / "service"))  # fault_proxy
from wordpress_peer import WordPressSite, available, running_wordpress  # noqa: E402


@pytest.fixture(scope="session")
def wordpress(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WordPressSite]:
    missing = available()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must install WordPress (.ci/run): {missing}")
        pytest.skip(missing)
    with running_wordpress(tmp_path_factory.mktemp("wordpress")) as site:
        yield site
