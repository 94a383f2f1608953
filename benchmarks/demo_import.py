"""Import of the demo archive into an empty data dir, median of 5 runs."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import median, table


def main() -> None:
    from workstation.store.db import open_database
    from workstation.usecases.demo import demo_files, load_demo

    times = []
    for _ in range(5):
        with tempfile.TemporaryDirectory() as tmp:
            db = open_database(Path(tmp) / "w.sqlite3")
            start = time.perf_counter()
            count = load_demo(db)
            times.append(time.perf_counter() - start)
            db.close()
    size = sum(len(data) for _, data in demo_files())
    print("Demo archive import into an empty database (median of 5)\n")
    print(
        table(
            ["articles", "KB", "median (ms)", "per article (ms)"],
            [
                [
                    count,
                    size // 1024,
                    f"{median(times) * 1000:.0f}",
                    f"{median(times) * 1000 / count:.1f}",
                ]
            ],
        )
    )


if __name__ == "__main__":
    main()
