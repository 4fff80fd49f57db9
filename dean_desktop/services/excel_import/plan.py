"""Analysing one file before anything is written: what it is, for which unit and period, and what would change."""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import astuple, dataclass, field
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING

from ...models import Cadre, EdocOrg, OfficeReadiness, Project, UnitReturn
from ..errors import DomainError
from ..periods import Period
from ..returns import CadreData, OfficeData, ReturnData, stored_return
from ..rows import UnitRow
from ..units import list_units
from ..vntext import fold
from .cadres import parse_cadres
from .identify import identify, read_meta
from .issues import Findings, Issue, Repair
from .labels import read_labels
from .matching import SHEET_LABELS, match_sheets
from .reader import Cell, SheetInfo, Workbook, file_too_big, open_database_refusal, open_workbook_bytes
from .sheet_checks import competing_sheets, ignored_sheet, unsaved_formulas
from .specs import CADRES, EDOC, INFO, OFFICE
from .tables import locate_table
from .unit_return import parse_edoc, parse_info, parse_office

if TYPE_CHECKING:
    from .district import DistrictPayload

log = logging.getLogger(__name__)

RETURN_KINDS = ("info", "office", "edoc", "cadres")
DISTRICT_KINDS = ("rotations", "roster", "targets")
SUMMARY_FORM = "summary"  # the `_meta` form of the summary workbook: only its `Chỉ tiêu` sheet is read back
UNCHANGED_MESSAGE = "Tệp này đã được nhập trước đó; không thay đổi gì."
SAME_CONTENT_MESSAGE = "Nội dung trùng với báo cáo đã nhập trước đó cho đơn vị và kỳ này; không thay đổi gì."


@dataclass
class SectionDiff:
    added: int = 0
    changed: int = 0
    removed: int = 0

    @property
    def any(self) -> bool:
        return bool(self.added or self.changed or self.removed)


@dataclass
class FilePlan:
    path: Path
    file_hash: str = ""
    kind: str | None = None  # "return", "rotations", "roster"
    unit: UnitRow | None = None
    period: Period | None = None
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    diff: dict[str, SectionDiff] = field(default_factory=dict)
    unchanged: bool = False
    payload: ReturnData | DistrictPayload | None = None
    # Whole sections already stored that importing would remove: imported only once the user confirms (the preview's
    # tick, the command line's --allow-removals).
    removals: list[Issue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def needs_confirmation(self) -> bool:
        return self.ok and not self.unchanged and bool(self.removals)

    @property
    def counts(self) -> dict[str, int]:
        if isinstance(self.payload, ReturnData):
            data = self.payload
            return {
                "office": 1 if data.office is not None else 0,
                "edoc": len(data.edoc or []),
                "cadres": len(data.cadres or []),
            }
        if self.payload is None:
            return {}
        from .district import DistrictPayload  # on use: see _analyse_district

        if isinstance(self.payload, DistrictPayload):
            counts = {}
            if self.payload.rotations is not None:
                counts["rotations"] = len(self.payload.rotations)
            if self.payload.members is not None:
                counts["members"] = len(self.payload.members)
            if self.payload.targets is not None:
                counts["targets"] = len(self.payload.targets)
            return counts
        return {}


def _pair(
    new: Iterable[tuple[Hashable, tuple[object, ...]]], old: Iterable[tuple[Hashable, tuple[object, ...]]]
) -> SectionDiff:
    """Rows matched by key (several rows may share one); unmatched new rows are added, unmatched old ones removed."""
    stored: dict[Hashable, list[tuple[object, ...]]] = defaultdict(list)
    for k, values in old:
        stored[k].append(values)
    diff = SectionDiff()
    for k, values in new:
        bucket = stored.get(k)
        if not bucket:
            diff.added += 1
            continue
        if values in bucket:
            bucket.remove(values)
        else:
            bucket.pop(0)
            diff.changed += 1
    diff.removed = sum(len(b) for b in stored.values())
    return diff


_OFFICE_FIELDS = tuple(OfficeData.__dataclass_fields__)
_EDOC_FIELDS = ("exchanges", "since", "notes")
_CADRE_FIELDS = tuple(f for f in CadreData._fields if f not in ("full_name", "birth_year", "seq"))


def return_diff(data: ReturnData) -> tuple[dict[str, SectionDiff], UnitReturn | None]:
    existing = stored_return(data.unit_id, data.period.code)
    old_office: list[tuple[Hashable, tuple[object, ...]]] = []
    old_edoc: list[tuple[Hashable, tuple[object, ...]]] = []
    old_cadres: list[tuple[Hashable, tuple[object, ...]]] = []
    if existing is not None:
        for row in OfficeReadiness.select().where(OfficeReadiness.unit_return == existing.id):
            old_office.append(("office", tuple(getattr(row, f) for f in _OFFICE_FIELDS)))
        query = EdocOrg.select(EdocOrg.org_name, *(getattr(EdocOrg, f) for f in _EDOC_FIELDS))
        for name, *rest in query.where(EdocOrg.unit_return == existing.id).tuples():
            old_edoc.append((fold(name), tuple(rest)))
        columns = [Cadre.name_folded, Cadre.birth_year, Cadre.full_name, *(getattr(Cadre, f) for f in _CADRE_FIELDS)]
        for folded, year, *rest in Cadre.select(*columns).where(Cadre.unit_return == existing.id).tuples():
            old_cadres.append(((folded, year), tuple(rest)))
    new_office = [("office", astuple(data.office))] if data.office is not None else []
    new_edoc = [(fold(e.org_name), (e.exchanges, e.since, e.notes)) for e in data.edoc or []]
    compared = attrgetter("full_name", *_CADRE_FIELDS)
    new_cadres = [((fold(c.full_name), c.birth_year), compared(c)) for c in data.cadres or []]
    diff = {
        "office": _pair(new_office, old_office),
        "edoc": _pair(new_edoc, old_edoc),
        "cadres": _pair(new_cadres, old_cadres),
    }
    return diff, existing


def _sheet_names(book: Workbook) -> str:
    return ", ".join(f'"{s.name}"' for s in book.sheets) or "(không có)"


def _content_kind(rows: list[list[Cell]], missing: set[str]) -> str | None:
    """Which of the ``missing`` return sheets these rows are, judged by their labels or table header."""
    if "info" in missing:
        labels = read_labels(rows[:30], INFO)
        if "unit" in labels and "period" in labels:
            return "info"
    if "office" in missing and "has_office" in read_labels(rows[:40], OFFICE):
        return "office"
    if "edoc" in missing:
        layout = locate_table(rows, EDOC, "org_name")
        if layout is not None and ("exchanges" in layout.columns or {"co", "khong"} <= set(layout.split)):
            return "edoc"
    if "cadres" in missing:
        layout = locate_table(rows, CADRES, "full_name")
        if layout is not None and {"education", "political_theory"} <= set(layout.columns):
            return "cadres"
    return None


def _guess_by_content(book: Workbook, kinds: dict[str, SheetInfo]) -> None:
    """Sheets with unexpected names ("Sheet1", "Biểu 02") recognised by what they hold: the labels of
    `Thông tin chung` or `Một cửa`, the header of the `Văn bản điện tử` or `Cán bộ` table."""
    used = {s.raw_name for s in kinds.values()}
    for sheet in book.sheets:
        missing = {kind for kind in RETURN_KINDS if kind not in kinds}
        if not missing:
            return
        if sheet.raw_name in used or sheet.name.startswith("_"):
            continue
        kind = _content_kind(book.rows(sheet), missing)
        if kind is not None:
            kinds[kind] = sheet
            used.add(sheet.raw_name)


@dataclass
class OpenedFile:
    """One file read and opened, before anything is checked against the store; or why it could not be."""

    path: Path
    file_hash: str = ""
    book: Workbook | None = None
    errors: list[Issue] = field(default_factory=list)


def open_file(path: Path) -> OpenedFile:
    """Read ``path`` and open it as a workbook: the checks that need no store. Never raises for a bad file: the
    reason is in ``errors``."""
    path = Path(path)
    opened = OpenedFile(path=path)
    try:
        try:
            too_big = open_database_refusal(path) or file_too_big(path, path.stat().st_size)  # refused unread
            if too_big is not None:
                raise too_big
            data = path.read_bytes()
        except FileNotFoundError:
            opened.errors.append(Issue(None, None, None, f'Không tìm thấy tệp "{path}".'))
            return opened
        except OSError as error:
            opened.errors.append(
                Issue(None, None, None, f'Không đọc được tệp "{path.name}" ({error.strerror or error}).')
            )
            return opened
        opened.file_hash = hashlib.sha256(data).hexdigest()
        opened.book = open_workbook_bytes(path, data)
    except DomainError as refusal:  # WorkbookRefused, or a reader that is not protected
        opened.errors.append(Issue(None, None, None, str(refusal)))
    except Exception as error:  # noqa: BLE001 - a bad file must never end in a traceback
        _unexpected(path, error, opened.errors)
    return opened


def _unexpected(path: Path, error: Exception, errors: list[Issue]) -> None:
    log.exception("Unexpected error while analysing %s", path)
    errors.append(Issue(None, None, None, f'Không đọc được tệp "{path.name}" (lỗi không mong đợi: {error}).'))


def analyse_file(path: Path, units: list[UnitRow] | None = None, opened: OpenedFile | None = None) -> FilePlan:
    """Read, validate and compare one workbook with the store (``opened``: the file as ``open_file`` gave it).
    Writes nothing."""
    opened = opened if opened is not None else open_file(path)
    plan = FilePlan(path=opened.path, file_hash=opened.file_hash, errors=list(opened.errors))
    book = opened.book
    if book is not None:
        try:
            _analyse_book(plan, book, units if units is not None else list_units())
        except DomainError as refusal:
            plan.errors.append(Issue(None, None, None, str(refusal)))
        except Exception as error:  # noqa: BLE001 - a bad file must never end in a traceback
            _unexpected(plan.path, error, plan.errors)
        plan.repairs = list(book.repairs)
        plan.warnings = list(book.warnings) + plan.warnings
    if plan.errors:
        plan.unchanged = False
    return plan


class ReadAhead:
    """Each file opened one step ahead, while the file before it is checked and written.

    ``open(path)`` gives what ``open_file(path)`` would. It then opens the path after it on the caller's thread and
    starts calamine parsing that file's form sheets on a background thread. calamine releases the GIL for all of its
    parsing, so on a second core this overlaps the checks and writes of ``path``. The rest of opening (reading, the
    archive guard) is Python and stays on the caller's thread: on two threads it would only take turns with the
    checks. A path asked for out of turn is opened there and then.
    """

    def __init__(self, paths: Iterable[Path]) -> None:
        order = [Path(p) for p in paths]
        self._following = dict(zip(order, order[1:], strict=False))
        self._ahead: tuple[OpenedFile, threading.Thread | None] | None = None

    def open(self, path: Path) -> OpenedFile:
        path = Path(path)
        opened = None
        if self._ahead is not None:
            ahead, parsing = self._ahead
            self._ahead = None
            if parsing is not None:
                parsing.join()  # the book is touched by one thread at a time
            opened = ahead if ahead.path == path else None
        if opened is None:
            opened = open_file(path)
        following = self._following.get(path)
        if following is not None:
            ahead = open_file(following)
            parsing = None
            if ahead.book is not None:
                sheets = list(match_sheets(ahead.book.sheets).by_kind.values())
                parsing = threading.Thread(target=ahead.book.parse_ahead, args=(sheets,), daemon=True)
                parsing.start()
            self._ahead = (ahead, parsing)
        return opened

    def analyse(self, path: Path, units: list[UnitRow] | None = None) -> FilePlan:
        """``analyse_file(path, units)``, the file read ahead."""
        return analyse_file(path, units, self.open(path))


def _analyse_book(plan: FilePlan, book: Workbook, units: list[UnitRow]) -> None:
    match = match_sheets(book.sheets)
    kinds = dict(match.by_kind)
    if "meta" in kinds and "targets" in kinds and read_meta(book.rows(kinds["meta"])).get("form") == SUMMARY_FORM:
        # The summary workbook: its other sheets are printouts, not the exchange layouts.
        kinds = {"targets": kinds["targets"]}
        match.ignored.clear()
        match.competing = {kind: sheets for kind, sheets in match.competing.items() if kind == "targets"}
        plan.warnings.append(Issue(None, None, None, 'Bảng tổng hợp của huyện: chỉ đọc trang "Chỉ tiêu".'))
    if not any(k in kinds for k in RETURN_KINDS + DISTRICT_KINDS):
        _guess_by_content(book, kinds)
    refusals = competing_sheets(book, match.competing, kinds)
    ignored = [
        ignored_sheet(sheet, kinds[kind], SHEET_LABELS[kind])
        for kind, sheet in match.ignored
        if kind in SHEET_LABELS and kind not in match.competing and sheet is not kinds[kind]
    ]
    if any(k in kinds for k in RETURN_KINDS):
        _analyse_return(plan, book, kinds, units)
    elif any(k in kinds for k in DISTRICT_KINDS):
        _analyse_district(plan, book, kinds, units)
    else:
        expected = ", ".join(f'"{label}"' for label in SHEET_LABELS.values())
        plan.errors.append(
            Issue(
                None,
                None,
                None,
                f"Không tìm thấy trang tính nào của mẫu báo cáo ({expected}); "
                f"các trang tính có trong tệp: {_sheet_names(book)}.",
            )
        )
    plan.warnings = ignored + plan.warnings
    refusals += unsaved_formulas(book, kinds)
    if refusals:
        plan.errors = refusals + plan.errors
        plan.payload, plan.diff, plan.unchanged, plan.removals = None, {}, False, []


def _analyse_return(plan: FilePlan, book: Workbook, kinds: dict[str, SheetInfo], units: list[UnitRow]) -> None:
    plan.kind = "return"
    found = Findings()
    if any(kind not in kinds for kind in RETURN_KINDS):
        _guess_by_content(book, kinds)
    if "info" not in kinds:
        found.error(
            None,
            None,
            None,
            f'Thiếu trang tính "Thông tin chung" (ghi Đơn vị và Kỳ báo cáo); '
            f"các trang tính có trong tệp: {_sheet_names(book)}.",
        )
        plan.errors, plan.warnings = found.errors, found.warnings
        return
    info_sheet = kinds["info"]
    info = parse_info(info_sheet.name, book.rows(info_sheet), found)
    meta = read_meta(book.rows(kinds["meta"])) if "meta" in kinds else {}
    years = list(Project.select(Project.start_year, Project.end_year).tuples())
    plan.unit, plan.period = identify(info_sheet.name, info.unit, info.period, meta, units, found, years)
    period = plan.period
    office = (
        parse_office(kinds["office"].name, book.rows(kinds["office"]), found, period) if "office" in kinds else None
    )
    edoc = parse_edoc(kinds["edoc"].name, book.rows(kinds["edoc"]), found, period) if "edoc" in kinds else None
    cadres = (
        parse_cadres(kinds["cadres"].name, book.rows(kinds["cadres"]), found, period) if "cadres" in kinds else None
    )
    if not found.errors and office is None and not edoc and not cadres:
        found.error(
            None,
            None,
            None,
            "Báo cáo không có số liệu nào (Một cửa, Văn bản điện tử, Cán bộ đều trống); "
            "không nhập để khỏi xóa số liệu đã có của đơn vị trong kỳ này.",
        )
    plan.errors, plan.warnings = found.errors, found.warnings
    if plan.errors or plan.unit is None or plan.period is None:
        return
    plan.payload = ReturnData(
        unit_id=plan.unit.id,
        period=plan.period,
        office=office,
        edoc=edoc,
        cadres=cadres,
        reported_on=info.reported_on,
        reporter=info.reporter,
        reporter_phone=info.phone,
        source_file=str(plan.path),
        file_hash=plan.file_hash,
    )
    plan.diff, existing = return_diff(plan.payload)
    plan.removals = _whole_sections_removed(plan, kinds)
    if existing is not None:
        same_file = existing.file_hash == plan.file_hash
        same_header = (existing.reported_on, existing.reporter, existing.reporter_phone) == (
            info.reported_on,
            info.reporter,
            info.phone,
        )
        plan.unchanged = same_file or (same_header and not any(d.any for d in plan.diff.values()))
        if plan.unchanged:
            message = UNCHANGED_MESSAGE if same_file else SAME_CONTENT_MESSAGE
            plan.warnings.append(Issue(None, None, None, message))


_SECTION_WHAT = {"office": ("Một cửa", "mục Một cửa"), "edoc": ("Văn bản điện tử", "tổ chức"),
                 "cadres": ("Cán bộ", "cán bộ")}  # fmt: skip


def _whole_sections_removed(plan: FilePlan, kinds: dict[str, SheetInfo]) -> list[Issue]:
    """Sections stored for this unit and period that the re-sent return would empty (an empty `Cán bộ` table)."""
    issues = []
    assert plan.unit is not None and plan.period is not None
    data = plan.payload
    assert isinstance(data, ReturnData)
    kept = {"office": data.office is not None, "edoc": bool(data.edoc), "cadres": bool(data.cadres)}
    for section, diff in plan.diff.items():
        if not diff.removed or kept.get(section, True):
            continue
        label, what = _SECTION_WHAT[section]
        sheet = kinds.get(section)
        why = f'trang "{sheet.name}" không có dòng nào' if sheet else f'tệp không có trang "{label}"'
        issues.append(
            Issue(
                sheet.name if sheet else None,
                None,
                None,
                f"{why}, nhưng đã lưu {diff.removed} {what} của {plan.unit.name} kỳ {plan.period.label}; nhập tệp "
                f"này sẽ xóa toàn bộ phần {label} đã lưu.",
            )
        )
    return issues


REMOVAL_HINT = (
    "Chỉ nhập khi chắc chắn muốn xóa: đánh dấu xác nhận trong cửa sổ xem trước, hoặc thêm --allow-removals vào lệnh."
)


def refuse_removals(plan: FilePlan) -> None:
    """Turn the removals that were not confirmed into errors: the file is then refused and nothing changes."""
    if plan.needs_confirmation:
        plan.errors = [Issue(i.sheet, i.row, i.column, f"{i.message} {REMOVAL_HINT}") for i in plan.removals]


def confirm_removals(plan: FilePlan) -> None:
    """The user confirmed: the removals are kept in the warnings of the import record."""
    if plan.needs_confirmation:
        plan.warnings = plan.warnings + [
            Issue(i.sheet, i.row, i.column, f"{i.message} (đã xác nhận xóa)") for i in plan.removals
        ]
        plan.removals = []


_PAYLOAD_FIELD = {"rotations": "rotations", "roster": "members", "targets": "targets"}


def _analyse_district(plan: FilePlan, book: Workbook, kinds: dict[str, SheetInfo], units: list[UnitRow]) -> None:
    # Imported on use: they pull in the roster, rotations and targets services (~25 ms), which importing the
    # communes' returns (the usual batch) never needs.
    from .district import (
        DistrictPayload,
        diff_members,
        diff_rotations,
        explain_rotations,
        parse_roster,
        parse_rotations,
    )
    from .target_sheet import diff_targets, parse_targets

    found = Findings()
    payload = DistrictPayload()
    if "rotations" in kinds:
        payload.rotations = parse_rotations(kinds["rotations"].name, book.rows(kinds["rotations"]), found)
        explain_rotations(kinds["rotations"].name, payload.rotations, units, found)
    if "roster" in kinds:
        payload.members = parse_roster(kinds["roster"].name, book.rows(kinds["roster"]), units, found)
    if "targets" in kinds:
        payload.targets = parse_targets(kinds["targets"].name, book.rows(kinds["targets"]), found)
    plan.kind = next(k for k in DISTRICT_KINDS if getattr(payload, _PAYLOAD_FIELD[k]) is not None)
    plan.errors, plan.warnings = found.errors, found.warnings
    if plan.errors:
        return
    plan.payload = payload
    if payload.rotations is not None:
        added, changed = diff_rotations(payload.rotations)
        plan.diff["rotations"] = SectionDiff(added=added, changed=changed)
    if payload.members is not None:
        added, changed = diff_members(payload.members)
        plan.diff["members"] = SectionDiff(added=added, changed=changed)
    if payload.targets is not None:
        added, changed = diff_targets(payload.targets)
        plan.diff["targets"] = SectionDiff(added=added, changed=changed)
    plan.unchanged = not any(d.any for d in plan.diff.values())
    if plan.unchanged:
        plan.warnings.append(Issue(None, None, None, "Không có gì mới so với dữ liệu đã có; không thay đổi gì."))
