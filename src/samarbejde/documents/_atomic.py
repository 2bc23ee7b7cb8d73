"""Writing a file atomically: a temporary file beside it, fsync, then a rename."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from pathlib import Path as FilePath

__all__ = ["write_atomically"]


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace the file at ``path`` by ``data``, or leave it as it was.

    The bytes go to a temporary file in the same directory, which is flushed to disk
    and renamed over ``path``: a failure (a full disk, an interrupt) never leaves a
    half-written file, and removes the temporary one. The new file keeps the old one's
    identity where a rename allows: its mode bits (and owner and group, where
    permitted); a symbolic link is followed, so its target is replaced and the link
    kept. A hard link cannot survive an atomic replace: the path given gets the new
    content and other names of the old file keep the old content (see the design
    notes, "dump is atomic first"). A path that names no regular file but a device
    (``/dev/stdout``) or a FIFO is written into, as there is nothing to replace: a rename
    would put a file where the device was. A FIFO without a reader is an error
    (``ENXIO``), not a wait.

    Raises:
        OSError: The file cannot be written.
    """
    if not os.fspath(path):  # ``Path("")`` would be the current folder
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), "")
    file = FilePath(path)
    try:
        old: os.stat_result | None = file.stat()  # of what a link points to
    except FileNotFoundError:
        old = None
    if old is not None and not stat.S_ISREG(old.st_mode):
        _write_into(file, data, old)
        return
    target = FilePath(os.path.realpath(file)) if file.is_symlink() else file
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            if old is not None:
                _keep_identity(stream.fileno(), old)
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _fsync_directory(target.parent)


def _write_into(target: FilePath, data: bytes, old: os.stat_result) -> None:
    """Write ``data`` into a device or FIFO; a directory is an error, as for a rename."""
    if stat.S_ISDIR(old.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
    flags = os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    descriptor = os.open(target, flags)
    try:
        os.set_blocking(descriptor, True)
        with os.fdopen(descriptor, "wb", closefd=False) as stream:
            stream.write(data)
    finally:
        os.close(descriptor)


def _keep_identity(descriptor: int, old: os.stat_result) -> None:
    """Give the new file the old one's owner, group (where permitted) and mode bits."""
    if hasattr(os, "fchown"):
        with contextlib.suppress(OSError):  # only root may give a file away
            os.fchown(descriptor, old.st_uid, old.st_gid)
    os.chmod(descriptor, stat.S_IMODE(old.st_mode))  # after chown, which clears set-id bits


def _fsync_directory(directory: FilePath) -> None:
    """Make the rename durable: fsync the directory, where the platform allows it."""
    try:
        handle = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:  # pragma: no cover - e.g. Windows cannot open directories
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(handle)
    finally:
        os.close(handle)
