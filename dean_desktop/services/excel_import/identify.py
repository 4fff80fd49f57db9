"""Which unit and period a return is for: the typed `Thông tin chung`, the form's hidden `_meta`, effective dates."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import timedelta
from functools import lru_cache

from ...paths import resource_dir
from ..formatting import format_date
from ..legacy_text import decode_tcvn3, decode_vni
from ..periods import Period, PeriodError, implausible_period, parse_period, period_from_code
from ..rows import UnitRow
from ..units import UnitNotFoundError, resolve_unit
from ..vntext import fold
from .issues import Findings
from .labels import LabelValue
from .matching import key
from .reader import CP1252_CHARS, Cell
from .values import is_blank, text

_PERIOD_PREFIX = re.compile(r"^(?:ky bao cao|bao cao ky|bao cao|ky bc|ky|thoi gian|nam bao cao)\s*[:\-]?\s*")
_UNIT_SUFFIX = re.compile(r"\s*[,\-–(]?\s*(?:huyen\s+dinh hoa|dinh hoa|tinh thai nguyen|thai nguyen)\b.*$")
_UNIT_PREFIX = re.compile(r"^(?:ubnd|uy ban nhan dan|dang uy|dang bo|hdnd)\s+")
_KIND_AFTER = re.compile(r"\s*[,\-–(]?\s*(?:xa|thi tran)\s*\)?$")  # "Chợ Chu thị trấn", "Bảo Linh (xã)"
# "Ủy ban MTTQ huyện Định Hóa", "Huyện đoàn Định Hóa": the district's own name after an agency whose name ends in
# "huyện" (or is "Huyện đoàn"); dropping only the place name keeps the "huyện" that is part of the agency's name.
_PLACE_SUFFIX = re.compile(r"\s*[,\-–(]?\s*(?:dinh hoa|tinh thai nguyen|thai nguyen)\b.*$")


def read_meta(rows: Sequence[Sequence[Cell]]) -> dict[str, str]:
    """The hidden `_meta` sheet of forms written by the app: form, form_version, unit_code, period."""
    meta: dict[str, str] = {}
    for row in rows[:20]:
        if len(row) >= 2 and isinstance(row[0], str) and not is_blank(row[1]):
            meta[key(row[0]).replace(" ", "_")] = text(row[1])
    return meta


def _period_variants(raw: str) -> list[str]:
    folded = fold(raw)
    stripped = _PERIOD_PREFIX.sub("", folded)
    variants = [raw, stripped]
    variants.append(re.sub(r"^ca nam\s+", "nam ", stripped))
    variants.append(re.sub(r"\(.*?\)", "", stripped).strip())
    variants.append(re.sub(r"^(?:0?6|sau) thang (?:nam\s+)?(\d{4})$", r"6 thang dau nam \1", stripped))
    variants.append(re.sub(r"^nam\s+(\d{4})\s*$", r"\1", stripped))
    return variants


def parse_period_loose(value: Cell) -> Period:
    """``parse_period`` plus the wrappers people add: "Kỳ báo cáo: Năm 2017", "Cả năm 2017", "6 tháng năm 2017"."""
    if isinstance(value, int) and not isinstance(value, bool):
        return parse_period(str(value))
    raw = text(value)
    first_error: PeriodError | None = None
    for variant in _period_variants(raw):
        try:
            return parse_period(variant)
        except PeriodError as error:
            first_error = first_error or error
    assert first_error is not None
    raise first_error


# The abbreviations agencies write their names with (folded, whole words), longest first.
_ABBREVIATIONS = sorted(
    {
        "vp": "van phong", "ub": "uy ban", "ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan",
        "ubkt": "uy ban kiem tra", "mttq": "mat tran to quoc", "ubmttq": "uy ban mat tran to quoc", "hu": "huyen uy",
        "lhpn": "lien hiep phu nu", "ccb": "cuu chien binh", "ldld": "lien doan lao dong", "tt": "trung tam",
        "bdct": "boi duong chinh tri", "ttbdct": "trung tam boi duong chinh tri", "tc kh": "tai chinh ke hoach",
        "kt ht": "kinh te ha tang", "nn ptnt": "nong nghiep phat trien nong thon", "tn mt": "tai nguyen moi truong",
        "tnmt": "tai nguyen moi truong", "gd dt": "giao duc dao tao", "gddt": "giao duc dao tao",
        "vh tt": "van hoa thong tin", "ld tb xh": "lao dong thuong binh xa hoi",
        "ldtb xh": "lao dong thuong binh xa hoi", "ldtbxh": "lao dong thuong binh xa hoi",
    }.items(),
    key=lambda item: -len(item[0]),
)  # fmt: skip


def _expanded(name: str) -> str:
    """A name with its abbreviations written out and "và", "&", "-" dropped: "Phòng GD&ĐT", "Phòng Giáo dục - Đào
    tạo" and "Phòng Giáo dục và Đào tạo" all give "phong giao duc dao tao"."""
    text = " " + " ".join(w for w in re.sub(r"[^0-9a-z]+", " ", fold(name)).split() if w != "va") + " "
    for short, long in _ABBREVIATIONS:
        text = text.replace(f" {short} ", f" {long} ")
    return " ".join(text.split())


def _by_expanded_name(raw: str, units: list[UnitRow]) -> UnitRow | None:
    """The one unit whose name or an alias reads the same once abbreviations are written out, else None."""
    wanted = {_expanded(raw), _expanded(_PLACE_SUFFIX.sub("", fold(raw)))}
    found = [u for u in units if wanted & {_expanded(n) for n in (u.name, *u.aliases)}]
    return found[0] if len(found) == 1 else None


def resolve_unit_loose(raw: str, units: list[UnitRow]) -> UnitRow:
    """``resolve_unit`` plus what people wrap a unit name in ("UBND xã …", "…, huyện Định Hóa") and the usual
    abbreviations of agency names ("VP Huyện ủy", "Phòng LĐTB&XH", "Hội CCB huyện")."""
    try:
        return resolve_unit(raw, units)
    except UnitNotFoundError as error:
        folded = fold(raw)
        stripped = _UNIT_SUFFIX.sub("", folded)
        variants = (
            stripped,
            _UNIT_PREFIX.sub("", stripped),
            _PLACE_SUFFIX.sub("", folded),
            _KIND_AFTER.sub("", stripped),
        )
        for variant in variants:
            if variant and variant != folded:
                try:
                    return resolve_unit(variant, units)
                except UnitNotFoundError:
                    continue
        found = _by_expanded_name(raw, units) or _by_legacy_reading(raw, units)
        if found is None:
            raise error
        return found


def _by_legacy_reading(raw: str, units: list[UnitRow]) -> UnitRow | None:
    """A unit name typed in a legacy encoding that also reads as Unicode ("LAM VÓ" is VNI for "LAM VĨ"), in a sheet
    with too little other legacy text to tell: the one unit that a TCVN3 or VNI reading of it names, else None."""
    if raw.isascii() or any(ch not in CP1252_CHARS for ch in raw):
        return None
    found = set()
    for reading in (decode_vni(raw), decode_tcvn3(raw), decode_tcvn3(raw, capitals=True)):
        if reading != raw:
            try:
                found.add(resolve_unit(reading, units))
            except UnitNotFoundError:
                continue
    return found.pop() if len(found) == 1 else None


def unit_title(unit: UnitRow, units: Sequence[UnitRow] = (), capital: bool = False) -> str:
    """ "xã Kim Sơn", "Thị trấn Chợ Chu", "Phòng Nội vụ"."""
    title = f"xã {unit.name}" if unit.kind == "xa" else unit.name
    return title[:1].upper() + title[1:] if capital else title


@lru_cache(maxsize=1)
def _merge_notes() -> dict[str, str]:
    """The legal basis of each merger, from the seed's unit notes ("… (Nghị quyết 814/NQ-UBTVQH14)")."""
    try:
        data = json.loads((resource_dir() / "seed" / "units.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    notes = {}
    for row in data.get("units", []):
        match = re.search(r"\(([^()]*)\)\s*$", row.get("note") or "")
        if match:
            notes[row["code"]] = match.group(1)
    return notes


def check_effective(unit: UnitRow, period: Period, units: Sequence[UnitRow]) -> str | None:
    """Why this unit cannot report for this period (merged, not yet founded), or None."""
    if unit.valid_to is not None and period.end > unit.valid_to:
        since = format_date(unit.valid_to + timedelta(days=1))
        successor = next((u for u in units if u.name == unit.merged_into), None)
        if successor is not None:
            basis = _merge_notes().get(unit.code)
            basis_text = f" ({basis})" if basis else ""
            return (
                f"{unit_title(unit, capital=True)} đã sáp nhập vào {unit_title(successor)} từ {since}{basis_text}; "
                f"báo cáo kỳ {period.label} phải do {unit_title(successor)} gửi."
            )
        return f"{unit_title(unit, capital=True)} không còn từ {since}; không nhận báo cáo kỳ {period.label}."
    if unit.valid_from is not None and period.start < unit.valid_from:
        return (
            f"{unit_title(unit, capital=True)} được thành lập từ {format_date(unit.valid_from)}; "
            f"không nhận báo cáo kỳ {period.label}."
        )
    return None


def identify(
    sheet: str,
    unit_item: LabelValue | None,
    period_item: LabelValue | None,
    meta: dict[str, str],
    units: list[UnitRow],
    found: Findings,
    project_years: Sequence[tuple[int, int]] = (),
) -> tuple[UnitRow | None, Period | None]:
    """The unit and period: typed values win; the form's `_meta` fills gaps; a typed unit that is not the form's
    unit is refused (a form filled with another unit's data would replace the form's unit)."""
    meta_unit = None
    code = meta.get("unit_code", "")
    if code:
        code = code.zfill(5) if code.isdigit() else code
        meta_unit = next((u for u in units if u.code == code), None)
    meta_period = None
    if meta.get("period"):
        try:
            meta_period = period_from_code(meta["period"])
        except PeriodError:
            meta_period = None

    unit = _typed_unit(sheet, unit_item, units, meta_unit, found)
    period = _typed_period(sheet, period_item, meta_period, found)
    if period is not None:
        why = implausible_period(period, project_years)
        if why:
            advice = "; hãy kiểm tra lại Kỳ báo cáo rồi nhập lại."
            found.error(sheet, period_item.row if period_item else None, "Kỳ báo cáo", why + advice)
            return unit, None
    if unit is not None and period is not None:
        reason = check_effective(unit, period, units)
        if reason:
            found.error(sheet, unit_item.row if unit_item else None, "Đơn vị" if unit_item else None, reason)
            return unit, period
        if not unit.active:
            found.warn(sheet, None, None, f"{unit_title(unit, capital=True)} đang được đánh dấu ngừng theo dõi.")
    return unit, period


def _typed_unit(
    sheet: str, item: LabelValue | None, units: list[UnitRow], meta_unit: UnitRow | None, found: Findings
) -> UnitRow | None:
    if item is None or is_blank(item.value):
        if meta_unit is not None:
            return meta_unit
        found.error(sheet, item.row if item else None, "Đơn vị", "chưa ghi tên đơn vị (bắt buộc).")
        return None
    raw = text(item.value)
    try:
        unit = resolve_unit_loose(raw, units)
    except UnitNotFoundError as error:
        if meta_unit is not None:
            found.error(
                sheet, item.row, "Đơn vị",
                f'đơn vị ghi là "{raw}", không phải {meta_unit.name} mà biểu mẫu này được lập cho. Nếu đây là báo '
                f"cáo của {meta_unit.name}, hãy sửa ô Đơn vị; nếu là của đơn vị khác, hãy dùng biểu mẫu của đơn vị "
                "đó.",
            )  # fmt: skip
            return None
        found.error(sheet, item.row, "Đơn vị", str(error))
        return None
    if meta_unit is not None and meta_unit.id != unit.id:
        found.error(
            sheet, item.row, "Đơn vị",
            f'đơn vị ghi là "{raw}" ({unit.name}) nhưng biểu mẫu được lập cho {meta_unit.name}; không nhập để khỏi '
            f"ghi đè số liệu của {meta_unit.name}. Hãy dùng biểu mẫu của {unit.name} (hoặc sửa ô Đơn vị nếu ghi "
            "nhầm).",
        )  # fmt: skip
        return None
    return unit


def _typed_period(sheet: str, item: LabelValue | None, meta_period: Period | None, found: Findings) -> Period | None:
    if item is None or is_blank(item.value):
        if meta_period is not None:
            return meta_period
        found.error(sheet, item.row if item else None, "Kỳ báo cáo", "chưa ghi kỳ báo cáo (bắt buộc).")
        return None
    try:
        period = parse_period_loose(item.value)
    except PeriodError as error:
        if meta_period is not None:
            found.warn(sheet, item.row, "Kỳ báo cáo", f"{error}. Lấy theo mẫu: {meta_period.label}.")
            return meta_period
        found.error(sheet, item.row, "Kỳ báo cáo", str(error))
        return None
    if meta_period is not None and meta_period != period:
        found.warn(
            sheet, item.row, "Kỳ báo cáo",
            f"kỳ ghi là {period.label} nhưng mẫu được lập cho kỳ {meta_period.label}; lấy theo kỳ đã ghi.",
        )  # fmt: skip
    return period
