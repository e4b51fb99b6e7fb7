"""Read files whose names come from a data file: regular files only, never blocking, never past a cap."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path, PurePosixPath, PureWindowsPath


class Refused(Exception):
    """A file peacedash will not read; the message says why in the user's words and quotes nothing of it."""


def kind_of(mode: int) -> str:
    """What a file is, as a noun phrase: 'a folder', 'a named pipe (FIFO)', …"""
    if stat.S_ISREG(mode):
        return "a file"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"  # a door, a whiteout: nothing a seeds folder should hold


def _regular(path: Path, missing: str) -> None:
    """Refused unless the path (after links) is a regular file; `missing` says what absence means."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise Refused(missing) from None
    except PermissionError:
        raise Refused("cannot be read: permission denied") from None
    except OSError as error:
        raise Refused(f"cannot be read: {error.strerror or error}") from None
    if not stat.S_ISREG(mode):
        raise Refused(f"is {kind_of(mode)}, not a text file")


def read_capped(path: Path, cap: int) -> bytes:
    """The bytes of a regular file of at most `cap` bytes (see capped_chunks)."""
    return b"".join(capped_chunks(path, cap))


def capped_chunks(path: Path, cap: int) -> Iterator[bytes]:
    """The bytes of a regular file of at most `cap` bytes, a megabyte at a time (the file watch
    hashes them as they come: joined first, a 17 MB file took twice as long on the UI thread).

    The type is checked with stat before opening, so a FIFO or device is never opened (opening a
    FIFO blocks until a writer comes); the open is non-blocking all the same and the type is
    checked again on the open descriptor, in case the file was swapped in between. At most cap+1
    bytes are read, whatever st_size says (it is 0 for /dev/zero and for FIFOs).
    """
    _regular(path, "does not exist (deleted or moved?)")
    flags = (
        os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    )
    try:
        fd = os.open(path, flags)
    except PermissionError:
        raise Refused("cannot be read: permission denied") from None
    except OSError as error:
        raise Refused(f"cannot be read: {error.strerror or error}") from None
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode):
            raise Refused("is not a regular file")
        if opened.st_size > cap:  # known too big: say so without reading it
            raise Refused(f"is {opened.st_size:,} bytes, larger than the {cap:,} bytes peacedash reads")
        left = cap + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            left -= len(chunk)
            if left <= 0:
                raise Refused(f"is larger than the {cap:,} bytes peacedash reads")
            yield chunk
    except OSError as error:  # the fstat or a read (a stale handle on a network share)
        raise Refused(f"cannot be read: {error.strerror or error}") from None
    finally:
        os.close(fd)


def path_problem(name: str) -> str | None:
    """Why a file name from a data file is not a plain relative path inside its folder, or None."""
    if not name.strip():
        return "is empty"
    if "\x00" in name:
        return "holds a NUL character"
    if (
        PurePosixPath(name).is_absolute()
        or PureWindowsPath(name).is_absolute()
        or PureWindowsPath(name).drive
    ):
        return "is an absolute path: name a file inside the seeds folder, relative to it"
    if ".." in PurePosixPath(name.replace("\\", "/")).parts:
        return "climbs out with '..': name a file inside the seeds folder"
    return None


def inside(folder: Path, name: str) -> Path:
    """The real path of `name` inside `folder`, after symlinks; Refused if it is not a regular file there."""
    problem = path_problem(name)
    if problem:
        raise Refused(problem)
    real_folder = folder.resolve()
    target = (real_folder / name).resolve()
    if not target.is_relative_to(real_folder):
        raise Refused("is a link that leads out of the seeds folder")
    _regular(target, "is not in the seeds folder")
    return target
