"""What differs between the two engines the models run on: a SQLite file and a PostgreSQL server.

Every engine-specific statement lives here (pragmas, the schema version, bulk inserts, folded-text search, the
write lock); the rest of the app speaks peewee. A SQLite file is checked read-only before anything can write to it,
so a file the app refuses is left exactly as it was.
"""

from __future__ import annotations

import os
import sqlite3
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from peewee import Database, DatabaseProxy, Model, PostgresqlDatabase, SqliteDatabase

from ..errors import UserError
from ..targets import describe, is_server_url, sqlite_uri

SQLITE_HEADER = b"SQLite format 3\x00"
# How long a writer waits for another (SQLite busy_timeout, PostgreSQL lock_timeout); tests shorten it.
BUSY_TIMEOUT_MS = int(os.environ.get("DEAN_DESKTOP_BUSY_TIMEOUT_MS") or 10_000)
SQLITE_PRAGMAS: dict[str, object] = {
    # First: every later pragma (journal_mode=wal needs an exclusive lock) then waits for another process instead of
    # failing at once with "database is locked" (two processes creating the same new file).
    "busy_timeout": BUSY_TIMEOUT_MS,
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "full",
    # SQLite's own default (2 MB). The OS caches the file anyway; a bigger page cache only kept a copy of every
    # page read (a 50,000-cadre register read grew the window by ~10 MB) without making anything measurably faster.
    "cache_size": -2000,
}
# Key of the PostgreSQL advisory lock that serialises writers, as SQLite's BEGIN IMMEDIATE does.
WRITE_LOCK_KEY = 0x0DEA_2016


class DatabaseOpenError(UserError):
    """The database cannot be used; the message says why in Vietnamese and the database was not changed."""


class SchemaTooNewError(DatabaseOpenError):
    """The database was written by a newer version of the app (refused before anything is written to it)."""


# --- targets -------------------------------------------------------------------------------------------------------
def server_params(url: str) -> dict[str, Any]:
    """peewee/psycopg connection parameters of ``postgresql://USER:PASSWORD@HOST:PORT/DBNAME``."""
    parts = urlsplit(url)
    name = unquote(parts.path.lstrip("/"))
    if not name:
        raise DatabaseOpenError(
            f'Địa chỉ máy chủ "{describe(url)}" thiếu tên cơ sở dữ liệu '
            "(dạng đúng: postgresql://NGƯỜI_DÙNG:MẬT_KHẨU@MÁY_CHỦ:CỔNG/TÊN_CSDL)."
        )
    try:
        port = parts.port
    except ValueError as error:
        raise DatabaseOpenError(f'Cổng trong địa chỉ máy chủ "{describe(url)}" không hợp lệ.') from error
    params: dict[str, Any] = {"database": name, "connect_timeout": 10}
    if parts.hostname:
        params["host"] = unquote(parts.hostname)
    if port:
        params["port"] = port
    if parts.username:
        params["user"] = unquote(parts.username)
    if parts.password is not None:
        params["password"] = unquote(parts.password)
    return params


# --- the two kinds of database --------------------------------------------------------------------------------------
class ServerDatabase(PostgresqlDatabase):
    """PostgreSQL with SQLite's ``atomic("IMMEDIATE")`` meaning: the transaction takes the one write lock at once."""

    def begin(self, isolation_level: object = None) -> None:  # type: ignore[override]
        if isolation_level == "IMMEDIATE":
            super().begin()
            self.execute_sql(f"SET LOCAL lock_timeout = '{BUSY_TIMEOUT_MS}ms'")
            self.execute_sql("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK_KEY,))
            return
        super().begin(isolation_level)


def make_database(target: str | Path) -> Database:
    if is_server_url(target):
        params = server_params(str(target))
        try:
            import psycopg  # noqa: F401 - the driver comes with the optional extra "server"
        except ImportError as error:
            raise DatabaseOpenError(
                "Bản cài đặt này chưa có phần kết nối máy chủ PostgreSQL (gói psycopg); "
                'hãy cài bản đầy đủ (pip install "dean-desktop[server]") hoặc dùng tệp cơ sở dữ liệu.'
            ) from error
        return ServerDatabase(params.pop("database"), **params)
    return SqliteDatabase(str(target), pragmas=SQLITE_PRAGMAS)


def is_server(db: Database | DatabaseProxy) -> bool:
    real = db.obj if isinstance(db, DatabaseProxy) else db
    return isinstance(real, PostgresqlDatabase)


# --- the schema version ---------------------------------------------------------------------------------------------
def schema_version(db: Database | DatabaseProxy) -> int:
    """PRAGMA user_version on SQLite; the one row of table ``schema_version`` on PostgreSQL (0 when absent)."""
    if not is_server(db):
        return int(db.execute_sql("PRAGMA user_version").fetchone()[0])
    if "schema_version" not in db.get_tables():
        return 0
    row = db.execute_sql("SELECT version FROM schema_version").fetchone()
    return int(row[0]) if row else 0


def set_schema_version(db: Database | DatabaseProxy, version: int) -> None:
    if not is_server(db):
        db.execute_sql(f"PRAGMA user_version = {int(version)}")
        return
    db.execute_sql("CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)")
    db.execute_sql("DELETE FROM schema_version")
    db.execute_sql("INSERT INTO schema_version (version) VALUES (%s)", (int(version),))


def user_tables(db: Database | DatabaseProxy) -> list[str]:
    return [t for t in db.get_tables() if t != "schema_version"]


# --- engine-specific statements -------------------------------------------------------------------------------------
def bulk_insert(
    db: Database | DatabaseProxy, table: str, columns: Sequence[str], rows: Sequence[Sequence[object]]
) -> None:
    """Insert many rows fast (the driver's executemany; ~12x faster than peewee's insert_many on SQLite)."""
    if not rows:
        return
    sql = f'INSERT INTO "{table}" ({", ".join(columns)}) VALUES ({", ".join(db.param for _ in columns)})'
    if is_server(db):
        with db.connection().cursor() as cursor:
            cursor.executemany(sql, rows)
    else:
        db.connection().executemany(sql, rows)


_INSERT_STATEMENTS: dict[tuple[type[Model], tuple[str, ...], bool], str] = {}


def insert_row(db: Database | DatabaseProxy, model: type[Model], **values: object) -> int:
    """Insert one row as ``model.create(**values)`` would (a field not given takes its default, each value goes
    through its field's ``db_value``) and return its id. The statement is written once per model and set of fields:
    peewee writes it anew for every row, which takes far longer than the database takes to run it."""
    meta = model._meta
    data = meta.get_default_dict()
    data.update(values)
    fields = [meta.fields[name] for name in data]
    server = is_server(db)
    key = (model, tuple(data), server)
    sql = _INSERT_STATEMENTS.get(key)
    if sql is None:
        columns = ", ".join(f'"{field.column_name}"' for field in fields)
        sql = f'INSERT INTO "{meta.table_name}" ({columns}) VALUES ({", ".join(db.param for _ in fields)})'
        if server:
            sql += f' RETURNING "{meta.primary_key.column_name}"'
        _INSERT_STATEMENTS[key] = sql
    cursor = db.execute_sql(sql, [field.db_value(value) for field, value in zip(fields, data.values(), strict=True)])
    return int(cursor.fetchone()[0] if server else cursor.lastrowid)


def _fold_letters() -> tuple[str, str]:
    """(letters, their folded forms) for PostgreSQL's translate(): every Vietnamese and ASCII letter, both cases,
    without diacritics, đ→d — what services.vntext.fold does to them (tests/multiuser checks both agree)."""
    base = "aăâbcdđeêghiklmnoôơpqrstuưvxyfjwz"
    letters: list[str] = []
    for ch in base:
        for tone in ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"):
            letter = unicodedata.normalize("NFC", ch + tone)
            if len(letter) == 1:
                letters += [letter, letter.upper()]
    pairs = {}
    for letter in dict.fromkeys(letters):
        bare = "".join(c for c in unicodedata.normalize("NFD", letter) if not unicodedata.combining(c))
        folded = bare.replace("đ", "d").replace("Đ", "D").lower()
        if folded != letter and len(folded) == 1:
            pairs[letter] = folded
    return "".join(pairs), "".join(pairs.values())


CHANGES_CHANNEL = "dean_desktop_changes"
# Every change writes an audit line and every import an import record: a trigger on these two tables tells the
# listening windows (LISTEN/NOTIFY, delivered at commit, once per transaction).
_NOTIFYING_TABLES = ("audit_entry", "import_record")


def create_server_functions(db: Database | DatabaseProxy) -> None:
    """SQL functions and triggers the app uses on PostgreSQL (SQLite gets vn_fold from Python, ``register_fold``).

    Run under the write lock after the tables exist; idempotent."""
    if not is_server(db):
        return
    source, target = _fold_letters()
    db.execute_sql(
        "CREATE OR REPLACE FUNCTION vn_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ "
        f"SELECT btrim(regexp_replace(lower(translate(t, '{source}', '{target}')), '\\s+', ' ', 'g')) $$"
    )
    db.execute_sql(
        "CREATE OR REPLACE FUNCTION dean_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN PERFORM pg_notify('{CHANGES_CHANNEL}', TG_TABLE_NAME); RETURN NULL; END $$"
    )
    tables = set(db.get_tables())
    for table in _NOTIFYING_TABLES:
        if table in tables:
            db.execute_sql(
                f'CREATE OR REPLACE TRIGGER dean_notify AFTER INSERT ON "{table}" '
                "FOR EACH STATEMENT EXECUTE FUNCTION dean_notify_change()"
            )


class ChangeSignal:
    """Tells cheaply whether another connection committed since the last look.

    SQLite: ``PRAGMA data_version`` on the caller's connection changes when any other connection (another process,
    or this process's worker threads) commits. PostgreSQL: a connection of its own LISTENs to the app's channel.
    """

    def __init__(self, db: Database | DatabaseProxy) -> None:
        self._db = db
        self._listener: Any = None
        self._version: int | None = None
        if is_server(db):
            import psycopg

            real = db.obj if isinstance(db, DatabaseProxy) else db
            params = dict(real.connect_params)
            self._listener = psycopg.connect(dbname=real.database, autocommit=True, **params)
            self._listener.execute(f"LISTEN {CHANGES_CHANNEL}")
        else:
            self._version = self._data_version()

    def _data_version(self) -> int:
        return int(self._db.execute_sql("PRAGMA data_version").fetchone()[0])

    def changed(self) -> bool:
        if self._listener is not None:
            return any(True for _ in self._listener.notifies(timeout=0.01, stop_after=1000))
        version = self._data_version()
        changed, self._version = version != self._version, version
        return changed

    def close(self) -> None:
        if self._listener is not None:
            self._listener.close()
            self._listener = None


def register_fold(db: Database | DatabaseProxy, fold: Callable[[str], str]) -> None:
    """Make ``vn_fold(text)`` available in SQL: the Python function on SQLite; on PostgreSQL the same folding was
    created with the schema (``create_server_functions``)."""
    if not is_server(db):
        db.register_function(fold, "vn_fold", 1, deterministic=True)


# Pages SQLite may cache during a read that passes over a whole table once (256 KiB; see one_pass_read).
ONE_PASS_CACHE_KIB = 256


@contextmanager
def one_pass_read(db: Database | DatabaseProxy) -> Iterator[None]:
    """A read that visits every page of a large table once (the whole register): the connection's page cache is
    kept small meanwhile. A page is not read twice, so caching it buys nothing, while a full cache was ~2 MB of the
    window's peak memory. Nothing to do on a server."""
    if is_server(db):
        yield
        return
    db.execute_sql(f"PRAGMA cache_size = -{ONE_PASS_CACHE_KIB}")
    try:
        yield
    finally:
        db.execute_sql(f"PRAGMA cache_size = {SQLITE_PRAGMAS['cache_size']}")


def position_sql(db: Database | DatabaseProxy) -> str:
    """Name of the SQL function giving the 1-based position of a needle in a text (0 when absent)."""
    return "strpos" if is_server(db) else "instr"


# --- checking a SQLite file without changing it ---------------------------------------------------------------------
@contextmanager
def read_only_sqlite(path: Path) -> Iterator[sqlite3.Connection]:
    """Open a file read-only; remove the empty -wal/-shm files SQLite may leave beside it when it made them."""
    extras = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    existed = {extra for extra in extras if extra.exists()}
    conn = sqlite3.connect(sqlite_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        yield conn
    finally:
        conn.close()
        wal = extras[0]
        if wal not in existed and (not wal.exists() or wal.stat().st_size == 0):
            for extra in extras:
                if extra not in existed:
                    try:
                        extra.unlink(missing_ok=True)
                    except OSError:  # held open elsewhere (Windows): harmless, leave it
                        pass


def probe_sqlite(path: Path, newest: int, core_tables: frozenset[str]) -> int | None:
    """The schema version of an existing database file, checked without writing a byte; None for a new file.

    Raises DatabaseOpenError for a folder, a file that is not a database (or is damaged or truncated), a database of
    another program, one written by a newer version (``newest``), and a location that cannot be written.
    """
    if path.is_dir():
        raise DatabaseOpenError(f"{path} là một thư mục, không phải tệp cơ sở dữ liệu; hãy chọn một tệp .db.")
    if not path.exists() or path.stat().st_size == 0:
        folder = path.parent if path.parent != Path("") else Path(".")
        if folder.exists() and not os.access(folder, os.W_OK):
            raise DatabaseOpenError(
                f"Không tạo được cơ sở dữ liệu {path}: thư mục {folder} không cho phép ghi. Hãy chọn thư mục khác."
            )
        return None
    try:
        with read_only_sqlite(path) as conn:
            conn.execute("PRAGMA schema_version").fetchone()  # reads page 1: "file is not a database" here
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
            page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.Error as error:
        raise DatabaseOpenError(open_failure_message(error, path) or damaged_message(path)) from error
    wal = path.with_name(path.name + "-wal")
    wal_size = wal.stat().st_size if wal.exists() else 0
    if wal_size == 0 and path.stat().st_size < pages * page_size:  # with a WAL, new pages may live there for now
        raise DatabaseOpenError(damaged_message(path))
    if version > newest:
        raise SchemaTooNewError(too_new_message(version, newest))
    if tables and not core_tables <= tables:
        raise DatabaseOpenError(
            f"Tệp {path} là cơ sở dữ liệu của một chương trình khác, không phải của Đề án Desktop; "
            "phần mềm không mở để tránh làm hỏng nó."
        )
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise DatabaseOpenError(read_only_message(path))
    return version


def too_new_message(version: int, newest: int) -> str:
    return (
        f"Cơ sở dữ liệu được tạo bởi phiên bản mới hơn của Đề án Desktop (lược đồ {version}, phần mềm này hỗ trợ "
        f"đến {newest}); hãy cập nhật phần mềm. Dữ liệu không bị thay đổi."
    )


def damaged_message(path: object) -> str:
    return (
        f"Tệp {path} không phải là cơ sở dữ liệu của Đề án Desktop hoặc đã bị hỏng; phần mềm không thay đổi tệp này. "
        "Hãy chọn tệp khác hoặc khôi phục từ bản sao lưu."
    )


def read_only_message(path: object) -> str:
    return (
        f"Cơ sở dữ liệu {path} chỉ đọc (tệp hoặc thư mục chứa nó không cho phép ghi); "
        "hãy chép tệp sang thư mục có quyền ghi rồi mở lại."
    )


def _chain(error: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    todo: list[BaseException | None] = [error]
    while todo:
        item = todo.pop()
        if item is None or id(item) in seen:
            continue
        seen.add(id(item))
        yield item
        todo += [item.__cause__, item.__context__]
        todo += [arg for arg in item.args if isinstance(arg, BaseException)]  # peewee wraps the driver's error


def open_failure_message(error: BaseException, target: object) -> str | None:
    """One Vietnamese sentence for an engine error met while opening or using a database, or None for a bug."""
    shown = describe(target)
    for item in _chain(error):
        if isinstance(item, UserError):
            return str(item)
        name = getattr(item, "sqlite_errorname", "") or ""
        text = str(item).lower()
        if name == "SQLITE_NOTADB" or "file is not a database" in text:
            return damaged_message(shown)
        if name.startswith("SQLITE_CORRUPT") or "malformed" in text:
            return (
                f"Cơ sở dữ liệu {shown} đã bị hỏng (không đọc được một phần dữ liệu); "
                "hãy khôi phục từ bản sao lưu (Tệp → Khôi phục dữ liệu…)."
            )
        if name.startswith("SQLITE_READONLY") or "readonly database" in text or "read-only" in text:
            return read_only_message(shown)
        if name.startswith("SQLITE_BUSY") or "database is locked" in text:
            return (
                f"Cơ sở dữ liệu {shown} đang bận: một chương trình khác đang ghi quá {BUSY_TIMEOUT_MS // 1000} giây. "
                "Hãy chờ nó xong rồi thử lại."
            )
        if name == "SQLITE_FULL" or "database or disk is full" in text:
            return f"Không ghi được vào cơ sở dữ liệu {shown} vì ổ đĩa đã đầy; hãy giải phóng dung lượng rồi thử lại."
        if name.startswith("SQLITE_CANTOPEN") or "unable to open database" in text:
            return (
                f"Không mở được cơ sở dữ liệu {shown}: thư mục không tồn tại hoặc không cho phép ghi. "
                "Hãy chọn một tệp ở thư mục có quyền ghi."
            )
        if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
            return f"Lỗi đọc ghi ổ đĩa khi dùng cơ sở dữ liệu {shown}; hãy kiểm tra ổ đĩa rồi thử lại."
        if type(item).__module__.startswith("psycopg"):
            return _server_message(item, shown)
    return None


def _server_message(error: BaseException, shown: str) -> str:
    text = str(error)
    lowered = text.lower()
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        return f"Máy chủ {shown} từ chối đăng nhập: sai tên người dùng hoặc mật khẩu."
    if "does not exist" in lowered and "database" in lowered:
        return f"Trên máy chủ chưa có cơ sở dữ liệu {shown}; hãy nhờ người quản trị tạo nó (để trống) rồi thử lại."
    if "lock timeout" in lowered or "canceling statement due to lock" in lowered:
        return f"Cơ sở dữ liệu {shown} đang bận: người khác đang ghi quá {BUSY_TIMEOUT_MS // 1000} giây; hãy thử lại."
    if "connection" in lowered or "timeout" in lowered or "could not" in lowered:
        return f"Không kết nối được máy chủ cơ sở dữ liệu {shown}; hãy kiểm tra mạng, địa chỉ và cổng."
    first = text.strip().splitlines()[0] if text.strip() else type(error).__name__
    return f"Máy chủ cơ sở dữ liệu {shown} báo lỗi: {first}"


def is_database_file(path: Path, db: Database | DatabaseProxy) -> bool:
    """True when ``path`` is the open SQLite database or one of its journals (compared by stat, never opened).

    Reading that file with ``open()`` would release SQLite's POSIX locks (STACK-FACTS.md): callers refuse instead.
    """
    real = db.obj if isinstance(db, DatabaseProxy) else db
    if not isinstance(real, SqliteDatabase) or not real.database or real.database == ":memory:":
        return False
    base = Path(real.database)
    for candidate in (base, *(base.with_name(base.name + s) for s in ("-wal", "-shm", "-journal"))):
        try:
            if os.path.samefile(path, candidate):
                return True
        except OSError:
            continue
    return False
