"""What a CLI handler gets: the workspace (opened on first use), output streams, errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO

from workstation.files import write_text_atomically
from workstation.paths import data_dir
from workstation.usecases.workspace import Workspace, WorkspaceError, open_workspace


class CliError(Exception):
    """A failure to report as one line on stderr with a non-zero exit code."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class CliContext:
    """Lazily opened workspace plus the streams; closed by the dispatcher."""

    def __init__(self, data_dir_arg: str | None, out: TextIO, err: TextIO) -> None:
        self.data_dir_arg = data_dir_arg
        self.out = out
        self.err = err
        self._workspace: Workspace | None = None

    @property
    def workspace(self) -> Workspace:
        if self._workspace is None:
            try:
                self._workspace = open_workspace(data_dir(self.data_dir_arg))
            except WorkspaceError as exc:
                raise CliError(str(exc)) from None
            except OSError as exc:
                raise CliError(f"cannot use the data dir: {exc.strerror}: {exc.filename}") from None
        return self._workspace

    def print(self, text: str = "") -> None:
        print(text, file=self.out)

    def write_file(self, path: Path, text: str) -> None:
        """Write an output file whole or not at all; a failure is a one-line CLI error."""
        try:
            write_text_atomically(path, text)
        except OSError as exc:
            raise CliError(f"cannot write {path}: {exc.strerror or exc}") from None

    def print_json(self, data: Any) -> None:
        json.dump(data, self.out, indent=2, ensure_ascii=False)
        self.out.write("\n")

    def close(self) -> None:
        if self._workspace is not None:
            self._workspace.close()
            self._workspace = None
