"""`workstation … | head`: when the reader of stdout goes away, the command stops quietly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_related_piped_into_head_prints_no_traceback(tmp_path: Path) -> None:
    exe = str(Path(sys.executable).with_name("workstation"))
    data = str(tmp_path / "data")
    subprocess.run([exe, "--data-dir", data, "demo", "load"], check=True, capture_output=True)
    listed = subprocess.run(
        [exe, "--data-dir", data, "list"], check=True, capture_output=True, text=True
    )
    article_id = listed.stdout.split()[0]
    # A shell pipeline, as a person types it. `head -n 0` has gone before the command writes
    # (its start-up alone takes longer), so every write meets a closed pipe.
    pipeline = f"'{exe}' --data-dir '{data}' related -k 20 '{article_id}' | head -n 0"
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", pipeline], capture_output=True, text=True, timeout=120
    )
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr, result.stderr
    assert result.returncode in (0, 141), (result.returncode, result.stderr)
