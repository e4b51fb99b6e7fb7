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
from typing import NamedTuple

try:
    import pyte
except ImportError:  # the bench extra, not the test one
    raise SystemExit("python -m bench needs pyte, a VT emulator: pip install -e '.[test,bench]'") from None

ANSI = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")


class KeyTiming(NamedTuple):
    """Seconds from writing a key to the last byte of its redraw, and to the last of those
    bytes that changed what the terminal shows (a repaint of cells with what they already hold
    changes nothing a person can see)."""

    last_byte: float
    on_screen: float | None
    """None when the bytes changed nothing on screen."""


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
        # What the terminal shows, kept by a VT emulator: fed outside the timed stretches, so
        # emulating costs no key its time.
        self.screen = pyte.Screen(*size)
        self._stream = pyte.ByteStream(self.screen)
        self._unfed = 0

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

    def forget_seen(self) -> None:
        """Start `wait_for` afresh (a marker already on screen is not found again); what was
        read is emulated first."""
        self._feed()
        self.seen, self._unfed = b"", 0

    def _feed(self, data: bytes = b"") -> None:
        self._stream.feed(self.seen[self._unfed :] + data)
        self._unfed = len(self.seen)

    def _shown(self) -> tuple[tuple[pyte.screens.Char, ...], ...]:
        width, buffer = self.screen.columns, self.screen.buffer
        return tuple(tuple(buffer[y][x] for x in range(width)) for y in range(self.screen.lines))

    def settle(self, quiet: float = 0.3) -> None:
        """Read until the program has been silent for `quiet` seconds."""
        self._feed()
        while chunk := self._read(quiet):
            self._feed(chunk)

    def key_latency(self, key: bytes, quiet: float = 0.1, limit: float = 5.0) -> float:
        """Seconds from writing a key until the last byte of the redraw it caused."""
        return self.key_timing(key, quiet, limit).last_byte

    def key_timing(self, key: bytes, quiet: float = 0.1, limit: float = 5.0) -> KeyTiming:
        """A key's redraw timed to its last byte and to its last change on screen: the redraw
        has ended once the program has been silent for `quiet` seconds.

        100 ms, not less: Textual draws at most 60 frames a second, and one key's redraw used to
        be several frames 30-45 ms apart (the cursor, then the source pane, then a scrollbar);
        a 30 ms window stopped at the first and recorded 20 ms for redraws that ended at
        115-200 ms. The bytes are read with their times and emulated after."""
        self.settle()
        chunks: list[tuple[float, bytes]] = []
        start = time.perf_counter()
        os.write(self.fd, key)
        deadline = start + limit
        while time.perf_counter() < deadline:
            chunk = self._read(quiet if chunks else limit)
            if not chunk:
                break
            chunks.append((time.perf_counter(), chunk))
        if not chunks:
            raise TimeoutError("the key caused no redraw")
        shown, changed = self._shown(), None
        for at, chunk in chunks:
            self._feed(chunk)
            now = self._shown()
            if now != shown:
                shown, changed = now, at
        return KeyTiming(chunks[-1][0] - start, None if changed is None else changed - start)

    def close(self) -> None:
        try:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(self.fd)
