"""The service against its own OpenAPI document: schemathesis with every check, on a live
loopback server (SQLite and PostgreSQL). Reader pages, feeds and the newsletter's forms are
not API operations; test_service_reader.py and test_newsletter.py test them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from service_helpers import RunningService

from workstation.service.auth import Role

CONFIG = Path(__file__).resolve().parents[2] / "schemathesis.toml"
EXAMPLES = 40


def test_every_operation_answers_as_its_document_says(
    service: RunningService, tmp_path: Path
) -> None:
    """0 failures with --checks all: status codes, content types (problem+json for errors),
    response schemas, required headers (Idempotency-Key), Allow on 405, negative and positive
    data. The seed is fixed so that a failure reproduces; schemathesis.toml says why a few
    answers (412, 422, 428) are expected for schema-valid requests."""
    command = [
        str(Path(sys.executable).with_name("schemathesis")),
        "--config-file",
        str(CONFIG),
        "run",
        f"{service.url}/api/v1/openapi.json",
        "--checks",
        "all",
        # --checks all on the command line outranks the config file: the one check it says
        # misreads this API (use_after_free on the presence list) is left out here too.
        "--exclude-checks",
        "use_after_free",
        "--header",
        f"Authorization: Bearer {service.tokens[Role.ADMIN]}",
        "--max-examples",
        str(EXAMPLES),
        "--seed",
        "17",
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=900, cwd=tmp_path)
    assert result.returncode == 0, result.stdout[-8000:] + result.stderr[-2000:]
    assert "Failures:" not in result.stdout and "Tested: " in result.stdout, result.stdout
