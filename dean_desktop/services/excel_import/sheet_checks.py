"""Checks on a workbook's sheets before their rows are trusted: which of two sheets of one role is the return, and
formulas whose result was never saved (they read as blank)."""

from __future__ import annotations

import unicodedata

from .issues import Issue
from .matching import SHEET_LABELS
from .reader import SheetInfo, Workbook

MAX_FORMULA_ISSUES = 20


def ignored_sheet(sheet: SheetInfo, used: SheetInfo, label: str) -> Issue:
    """The warning for a sheet of a role whose other sheet was read (a hidden stale copy, or a weaker name)."""
    if not sheet.visible and used.visible:
        return Issue(
            sheet.name,
            None,
            None,
            f'trang tính ẩn này cũng là trang "{label}"; đã đọc trang đang hiện "{used.name}" và bỏ qua trang ẩn. '
            "Nếu trang ẩn mới là số liệu đúng, hãy hiện nó, xóa trang kia rồi nhập lại.",
        )
    return Issue(
        sheet.name,
        None,
        None,
        f'trang tính này cũng giống trang "{label}" nhưng đã dùng trang "{used.name}"; bỏ qua trang này.',
    )


def competing_sheets(book: Workbook, competing: dict[str, list[SheetInfo]], kinds: dict[str, SheetInfo]) -> list[Issue]:
    """Two visible sheets holding data for one role (`Cán bộ` and `Cán bộ (2)`): which is the return is unknown.
    When only one of them holds anything, it is the one read."""
    issues = []
    for kind, sheets in competing.items():
        filled = [s for s in sheets if any(any(v is not None for v in row) for row in book.rows(s))]
        if len(filled) == 1:
            kinds[kind] = filled[0]
        elif len(filled) > 1 and kind in SHEET_LABELS:
            names = ", ".join(f'"{s.name}"' for s in filled)
            issues.append(
                Issue(
                    None,
                    None,
                    None,
                    f'có {len(filled)} trang tính cùng là trang "{SHEET_LABELS[kind]}" ({names}) và đều đang hiện; '
                    "không biết trang nào là số liệu đúng. Hãy xóa (hoặc ẩn) các trang cũ, chỉ để lại một trang rồi "
                    "nhập lại.",
                )
            )
    return issues


def unsaved_formulas(book: Workbook, kinds: dict[str, SheetInfo]) -> list[Issue]:
    """A formula whose result was never saved reads as blank: refused in the sheets the import reads."""
    issues = []
    for sheet in {s.raw_name: s for s in kinds.values()}.values():
        cells = book.unsaved_formulas.get(unicodedata.normalize("NFC", sheet.raw_name), [])
        for row, column in cells[:MAX_FORMULA_ISSUES]:
            issues.append(
                Issue(
                    sheet.name,
                    row,
                    column,
                    f"ô {column}{row} có công thức nhưng chưa có kết quả được lưu (tệp do một chương trình khác tạo, "
                    "chưa mở bằng Excel). Hãy mở tệp bằng Excel hoặc LibreOffice, bấm Lưu rồi gửi lại.",
                )
            )
        if len(cells) > MAX_FORMULA_ISSUES:
            issues.append(
                Issue(sheet.name, None, None, f"và {len(cells) - MAX_FORMULA_ISSUES} ô công thức khác như vậy.")
            )
    return issues
