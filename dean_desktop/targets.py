"""What a database target is — a SQLite file or a PostgreSQL server URL — told without importing any database code.

The window uses it at start-up, before the store's modules are loaded.
"""

from __future__ import annotations

import os
from pathlib import Path
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


def sqlite_uri(path: Path, mode: str = "ro") -> str:
    """A ``file:`` URI with an empty authority (Windows' SQLite refuses ``file://server/…``, STACK-FACTS.md)."""
    text = os.path.abspath(path)
    if os.sep == "\\":
        if text.upper().startswith("\\\\?\\UNC\\"):  # long form of \\server\share
            text = "\\\\" + text[8:]
        elif text.startswith("\\\\?\\"):  # long form of C:\…
            text = text[4:]
        text = text.replace("\\", "/")
    if not text.startswith("/"):  # C:/… → /C:/…
        text = "/" + text
    return "file://" + quote(text, safe="/:") + f"?mode={mode}"
