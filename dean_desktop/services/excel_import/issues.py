"""Problems found in a workbook: errors block the file, warnings never do; legacy-text repairs are listed too."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import DomainError


@dataclass(frozen=True)
class Issue:
    """One problem, located as precisely as the workbook allows (sheet, Excel row number, column or label)."""

    sheet: str | None
    row: int | None
    column: str | None
    message: str

    def text(self) -> str:
        """``Cán bộ, dòng 14, cột "Lý luận chính trị": …`` — the place first, then the problem."""
        place = []
        if self.sheet:
            place.append(self.sheet)
        if self.row is not None:
            place.append(f"dòng {self.row}")
        if self.column:
            place.append(f'cột "{self.column}"')
        return f"{', '.join(place)}: {self.message}" if place else self.message

    def as_json(self) -> dict[str, object]:
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "message": self.message}


@dataclass
class Repair:
    """A text cell converted from a legacy Vietnamese encoding (TCVN3 or VNI) to Unicode."""

    sheet: str
    row: int | None
    column: str | None
    before: str
    after: str
    encoding: str  # "tcvn3", "tcvn3h" (capital font) or "vni"


MAX_ERRORS_PER_SHEET = 100


@dataclass
class Findings:
    """Errors and warnings collected while reading one file."""

    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)

    def error(self, sheet: str | None, row: int | None, column: str | None, message: str) -> None:
        if sum(1 for e in self.errors if e.sheet == sheet) == MAX_ERRORS_PER_SHEET:
            self.errors.append(
                Issue(sheet, None, None, f"có quá nhiều lỗi; chỉ liệt kê {MAX_ERRORS_PER_SHEET} lỗi đầu.")
            )
        if sum(1 for e in self.errors if e.sheet == sheet) <= MAX_ERRORS_PER_SHEET:
            self.errors.append(Issue(sheet, row, column, message))

    def warn(self, sheet: str | None, row: int | None, column: str | None, message: str) -> None:
        self.warnings.append(Issue(sheet, row, column, message))


class WorkbookRefused(DomainError):
    """The file cannot be read as a workbook at all (not a workbook, broken, protected, absurdly large)."""


ENCODING_LABELS = {"tcvn3": "TCVN3 (ABC)", "tcvn3h": "TCVN3 (ABC, phông chữ hoa)", "vni": "VNI-Windows"}
