"""copy-db: the whole open database into an empty file or server database, checked end to end.

The way a desk database moves to the office server, and a server's data comes home as one file (PRODUCT.md §8).
The copy is checked by reopening it: every table holds as many rows as the source, and the indicators computed on
both ends are the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..models import db
from ..models.engine import describe, is_server, is_server_url
from ..models.schema import open_database, opened_target
from ..models.transfer import copy_to, row_counts
from .errors import DomainError
from .indicators import indicator_report


@dataclass(frozen=True)
class CopyResult:
    target: str  # as shown to users (no password)
    rows: int
    tables: dict[str, int]


def _figures() -> object:
    return indicator_report(None).as_json()


def _reopen(target: str | Path) -> None:
    open_database(target)


def copy_database(target: str | Path) -> CopyResult:
    """Copy the open database into ``target`` (a new file or an empty server database) and check the copy.

    The open database stays the open one afterwards."""
    source = opened_target()
    if source is None:
        raise DomainError("Chưa mở cơ sở dữ liệu nào.")
    if not is_server_url(target) and not is_server(db) and Path(target).resolve() == Path(str(source)).resolve():
        raise DomainError("Không thể chép cơ sở dữ liệu vào chính nó; hãy chọn một tệp mới.")
    before_counts, before_figures = row_counts(), _figures()
    copied = copy_to(target)
    try:
        _reopen(target)
        after_counts, after_figures = row_counts(), _figures()
    finally:
        _reopen(source)
    if copied != before_counts or after_counts != before_counts or after_figures != before_figures:
        raise DomainError(
            f"Bản chép ở {describe(target)} không khớp với dữ liệu gốc (số dòng hoặc chỉ tiêu khác nhau); "
            "đừng dùng bản chép này và hãy báo cho người quản trị."
        )
    return CopyResult(describe(target), sum(after_counts.values()), after_counts)
