"""Connecting to a shared PostgreSQL server: the URL from its parts, a connection test, the password in the keyring.

The window remembers host, port, database and user per Windows user (its settings file); the password goes to the
operating system's keyring (Windows Credential Manager) through ``keyring`` when that is installed, and is otherwise
asked at each start — never written to a file.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from ..models.engine import describe, make_database, open_failure_message

KEYRING_SERVICE = "Đề án Desktop"
DEFAULT_PORT = 5432


@dataclass(frozen=True)
class ServerAddress:
    host: str
    port: int
    database: str
    user: str

    def url(self, password: str) -> str:
        credentials = quote(self.user, safe="") + (f":{quote(password, safe='')}" if password else "")
        return f"postgresql://{credentials}@{self.host}:{self.port}/{quote(self.database, safe='')}"

    @property
    def key(self) -> str:
        """The keyring's account name for this server and user."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"


def check_address(address: ServerAddress) -> str | None:
    """What is missing from the address, in Vietnamese, or None."""
    if not address.host.strip():
        return "Chưa nhập địa chỉ máy chủ."
    if not address.database.strip():
        return "Chưa nhập tên cơ sở dữ liệu."
    if not address.user.strip():
        return "Chưa nhập tên người dùng."
    if not 0 < address.port < 65536:
        return "Cổng phải từ 1 đến 65535."
    return None


def test_connection(url: str) -> str | None:
    """Connect once and leave; None when it works, else one Vietnamese sentence saying why not."""
    database = make_database(url)
    try:
        database.connect()
        database.execute_sql("SELECT 1")
    except Exception as error:  # noqa: BLE001 - every failure becomes the sentence shown in the dialog
        return open_failure_message(error, url) or f"Không kết nối được {describe(url)}: {error}"
    finally:
        if not database.is_closed():
            database.close()
    return None


def keyring_available() -> bool:
    try:
        import keyring  # noqa: F401
    except ImportError:
        return False
    return True


def saved_password(address: ServerAddress) -> str | None:
    if not keyring_available():
        return None
    import keyring

    try:
        return keyring.get_password(KEYRING_SERVICE, address.key)
    except Exception:  # noqa: BLE001 - no usable keyring backend on this machine: ask instead
        return None


def save_password(address: ServerAddress, password: str) -> bool:
    """Keep the password in the OS keyring; False when there is none (the window then asks at each start)."""
    if not keyring_available():
        return False
    import keyring

    try:
        keyring.set_password(KEYRING_SERVICE, address.key, password)
    except Exception:  # noqa: BLE001 - no usable keyring backend
        return False
    return True
