"""Drive a program on a real pseudo-terminal: time to a marker on screen, and key-press latency."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time
from collections.abc import Sequence

ANSI = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")


class Terminal:
    """A child process on a pty of a fixed size."""

    def __init__(
        self, argv: Sequence[str], size: tuple[int, int] = (120, 40), env: dict[str, str] | None = None
    ) -> None:
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # the child
            os.execvpe(argv[0], list(argv), {**os.environ, "TERM": "xterm-256color", **(env or {})})
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        self.seen = b""

    def _read(self, timeout: float) -> bytes:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return b""
        try:
            return os.read(self.fd, 1 << 16)
        except OSError:
            return b""

    def wait_for(self, marker: bytes, limit: float = 60.0) -> float:
        """Seconds from start until the marker appears in the output (escape codes removed)."""
        deadline = time.perf_counter() + limit
        while time.perf_counter() < deadline:
            chunk = self._read(0.05)
            if chunk:
                self.seen += chunk
                if marker in ANSI.sub(b"", self.seen):
                    return time.perf_counter() - self.started
        raise TimeoutError(f"{marker!r} did not appear within {limit} s")

    def settle(self, quiet: float = 0.3) -> None:
        """Read until the program has been silent for `quiet` seconds."""
        while self._read(quiet):
            pass

    def key_latency(self, key: bytes, quiet: float = 0.1, limit: float = 5.0) -> float:
        """Seconds from writing a key until the last byte of the redraw it caused: the redraw has
        ended once the program has been silent for `quiet` seconds.

        100 ms, not less: Textual draws at most 60 frames a second, and one key's redraw used to
        be several frames 30-45 ms apart (the cursor, then the source pane, then a scrollbar);
        a 30 ms window stopped at the first and recorded 20 ms for redraws that ended at
        115-200 ms."""
        self.settle()
        start = time.perf_counter()
        os.write(self.fd, key)
        last = None
        deadline = start + limit
        while time.perf_counter() < deadline:
            chunk = self._read(quiet if last else limit)
            if not chunk:
                break
            last = time.perf_counter()
        if last is None:
            raise TimeoutError("the key caused no redraw")
        return last - start

    def close(self) -> None:
        try:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(self.fd)
