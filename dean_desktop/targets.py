"""What a database target is — a SQLite file or a PostgreSQL server URL — told without importing any database code.

The window uses it at start-up, before the store's modules are loaded.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePath, PureWindowsPath
from urllib.parse import quote, unquote, urlsplit

SERVER_SCHEMES = ("postgresql", "postgres")


def is_server_url(target: object) -> bool:
    return isinstance(target, str) and target.split("://", 1)[0].lower() in SERVER_SCHEMES and "://" in target


def describe(target: object) -> str:
    """The database as shown to users: a file path, or a server URL without its password."""
    if is_server_url(target):
        parts = urlsplit(str(target))
        user = f"{unquote(parts.username)}@" if parts.username else ""
        host = parts.hostname or "localhost"
        port = f":{parts.port}" if parts.port else ""
        return f"{parts.scheme}://{user}{host}{port}{parts.path}"
    return str(target)


def is_server_target(target: object) -> bool:
    """True for a ``postgresql://`` URL (a shared server), False for a database file."""
    return is_server_url(target)


def target_label(target: object) -> str:
    """The database as shown to users: the file path, or the server URL without its password."""
    return describe(target)


def target_name(target: object) -> str:
    """A short name for the window title: the file name, or the server database's name."""
    if is_server_url(target):
        return describe(target).rsplit("/", 1)[-1]
    return Path(str(target)).name


def sqlite_uri(path: PurePath, mode: str = "ro") -> str:
    """A SQLite URI that opens ``path`` (made absolute) in ``mode``, with an EMPTY authority, also for a network share.

    ``Path.as_uri()`` puts a UNC path's server in the authority (``file://server/share/x.db``), which Python's
    Windows SQLite refuses ("invalid uri authority", no SQLITE_ALLOW_URI_AUTHORITY); a mapped drive resolves to such a
    path too. ``file:`` + ``//`` (empty authority) + the path with forward slashes keeps the server in the path:
    ``file:////server/share/x.db``, ``file:///C:/x.db``, ``file:///home/x.db``. ``?``, ``#`` and ``%`` in a
    name are percent-encoded, as are spaces and non-ASCII letters (UTF-8), which SQLite decodes.
    """
    if isinstance(path, Path):
        path = Path(os.path.abspath(path))
    text = str(path)
    if isinstance(path, PureWindowsPath):
        if text.upper().startswith("\\\\?\\UNC\\"):  # long form of \\server\share
            text = "\\\\" + text[8:]
        elif text.startswith("\\\\?\\"):  # long form of C:\…
            text = text[4:]
        text = text.replace("\\", "/")
    if not text.startswith("/"):  # C:/… → /C:/…
        text = "/" + text
    return "file://" + quote(text, safe="/:") + f"?mode={mode}"
