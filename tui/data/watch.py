"""Notice when the data file or its seed texts change, however an editor saves them."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from tui.data.safefiles import Refused, capped_chunks
from tui.data.yamlnodes import MAX_BYTES

Signature = tuple[tuple[str, int, int, int] | tuple[str], ...]


def _signature(paths: Iterable[Path]) -> Signature:
    out: list[tuple[str, int, int, int] | tuple[str]] = []
    for path in paths:
        try:
            stat = os.stat(path)
        except OSError:
            out.append((str(path),))  # missing for now
            continue
        out.append((str(path), stat.st_mtime_ns, stat.st_size, stat.st_ino))
    return tuple(out)


def _digest(paths: Iterable[Path]) -> str:
    """A hash of the files' bytes; a file that cannot be read (gone, a folder, a FIFO now)
    counts by the reason, so a change in what is wrong is a change too. Read like the loader
    reads: never blocking on a FIFO, never past the size cap."""
    # SHA-1 for telling a save from the last one, not for security: here (with the CPU's SHA
    # instructions) it hashes 17 MB in 13 ms, BLAKE2b in 32, and this runs on the UI thread.
    digest = hashlib.sha1(usedforsecurity=False)
    for path in paths:
        each = hashlib.sha1(usedforsecurity=False)  # kept only when the file is read whole
        try:
            for chunk in capped_chunks(path, MAX_BYTES):
                each.update(chunk)
        except Refused as refused:
            digest.update(f"unreadable: {refused}".encode())
        else:
            digest.update(each.digest())
        digest.update(b"\0")
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class Look:
    """What the watched files were at one moment: their stat signature and a hash of their bytes."""

    signature: Signature
    digest: str

    def covers(self, paths: list[Path]) -> bool:
        """Whether this look is of exactly these files (the signature names each one first)."""
        return [entry[0] for entry in self.signature] == [str(path) for path in paths]


class FileWatch:
    """Polled, not event-driven: inode-changing saves (write-temp-and-rename) defeat file watchers.

    `poll()` reports a change only once the files' (mtime, size, inode) has held still for one
    poll (so a half-written file is not loaded, and a file that vanishes for a moment during an
    editor's delete-and-recreate is not an error), and the bytes differ from the last ones
    reported (so a save that changes nothing does not redraw). A file that stays gone for a
    whole poll, or becomes a folder, is a change: the app reloads and says why it is stale.
    """

    def __init__(self, paths: Callable[[], list[Path]]) -> None:
        self._paths = paths
        self._pending: Signature | None = None
        self._seen: Signature | None = None
        self._digest = ""
        self.sync()

    @staticmethod
    def look(paths: list[Path]) -> Look:
        """The files as they are now (reads them all: in the thread that loaded them, the app
        hashes a 17 MB file off the UI thread)."""
        return Look(_signature(paths), _digest(paths))

    def sync(self, look: Look | None = None) -> None:
        """Take the files as seen: as they are now, or as `look` found them (after the app
        loaded them itself)."""
        look = look or self.look(self._paths())
        self._pending = self._seen = look.signature
        self._digest = look.digest

    def poll(self) -> bool:
        paths = self._paths()
        signature = _signature(paths)
        if signature != self._pending:
            self._pending = signature  # still moving: look again next tick
            return False
        if signature == self._seen:
            return False
        self._seen = signature
        digest = _digest(paths)
        if digest == self._digest:
            return False
        self._digest = digest
        return True
