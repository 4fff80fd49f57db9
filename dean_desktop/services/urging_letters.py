"""Urging letters (công văn đôn đốc): one Party-format letter to each unit that has something to chase for a period,
addressed to the unit's Party committee, naming each item with its figures and the steering-committee member who
follows the unit as the contact. What to chase comes from the urging service; this module only words the letter."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .completeness import default_period
from .errors import DomainError
from .party_document import (
    LETTER_SUFFIX,
    Block,
    Paragraph,
    PartyDocument,
    PartyHeader,
    number_line,
)
from .periods import Period, PeriodError, implausible_period
from .projects import list_projects
from .report_content import Signing
from .roster import list_members
from .rows import MemberRow, UnitRow
from .urging import UnitUrging, urging_by_unit
from .vntext import fold, match_key

PROJECTS = (
    "Đề án tiếp tục nâng cao chất lượng đội ngũ cán bộ và Đề án đẩy mạnh công tác cải cách hành chính"
    " trong hệ thống chính trị huyện Định Hóa giai đoạn 2016 - 2020"
)
ISSUER_OFFICE = "Ban Tổ chức Huyện ủy"


def addressee(unit: UnitRow) -> str:
    """The unit's Party committee: "Đảng ủy xã Linh Thông", "Đảng ủy thị trấn Chợ Chu", "Chi bộ Phòng Nội vụ"."""
    if unit.kind == "thi_tran":
        name = re.sub(r"(?i)^thị trấn\s+", "", unit.name)
        return f"Đảng ủy thị trấn {name}"
    if unit.kind == "xa":
        name = re.sub(r"(?i)^xã\s+", "", unit.name)
        return f"Đảng ủy xã {name}"
    return f"Chi bộ {unit.name}"


def unit_phrase(unit: UnitRow) -> str:
    """How the letter names the unit in a sentence: "xã Linh Thông", "thị trấn Chợ Chu", "Phòng Nội vụ"."""
    if unit.kind == "xa" and not fold(unit.name).startswith("xa "):
        return f"xã {unit.name}"
    if unit.kind == "thi_tran":
        return re.sub(r"(?i)^thị trấn", "thị trấn", unit.name)
    return unit.name


def _contact_text(member: MemberRow) -> str:
    role = f"{member.role} Ban Chỉ đạo" if member.role else "thành viên Ban Chỉ đạo"
    details = [role]
    if member.position:
        details.append(member.position)
    text = f"đồng chí {member.full_name} ({', '.join(details)})"
    if member.phone:
        text += f", điện thoại {member.phone}"
    return text


def _item_text(text: str) -> str:
    return text if text.endswith((".", ")")) else f"{text}."


def letter_document(entry: UnitUrging, period: Period, today: date, signing: Signing) -> PartyDocument:
    """The urging letter to one unit."""
    to, name = addressee(entry.unit), unit_phrase(entry.unit)
    blocks: list[Block] = [
        PartyHeader(today, number_line(signing.number, LETTER_SUFFIX), "V/v đôn đốc thực hiện các Đề án"),
        Paragraph(f"Kính gửi: {to}", align="center", indent=False, space_above=True),
        Paragraph(
            f"Thực hiện {PROJECTS}, qua theo dõi kỳ báo cáo {period.label}, {ISSUER_OFFICE} thấy {name}"
            f" còn {len(entry.items)} nội dung chưa hoàn thành như sau:",
            keep_with_next=True,
        ),
    ]
    blocks += [
        Paragraph(f"{number}. {_item_text(item.text)}", keep_with_next=number < len(entry.items))
        for number, item in enumerate(entry.items, start=1)
    ]
    blocks.append(
        Paragraph(
            f"{ISSUER_OFFICE} đề nghị {to} chỉ đạo khắc phục các nội dung trên và gửi báo cáo kết quả về"
            f" {ISSUER_OFFICE} trong thời gian sớm nhất."
        )
    )
    if entry.contacts:
        who = "; ".join(_contact_text(m) for m in entry.contacts)
        blocks.append(
            Paragraph(
                f"Thành viên Ban Chỉ đạo phụ trách theo dõi, đôn đốc {name}: {who}. Quá trình thực hiện có vướng mắc,"
                f" đề nghị liên hệ {'các đồng chí' if len(entry.contacts) > 1 else 'đồng chí'} để được hướng dẫn."
            )
        )
    else:
        blocks.append(
            Paragraph(f"Quá trình thực hiện có vướng mắc, đề nghị liên hệ {ISSUER_OFFICE} để được hướng dẫn.")
        )
    recipients = (
        "Như trên,",
        *(f"Đồng chí {m.full_name} (thành viên BCĐ)," for m in entry.contacts),
        "Lưu Ban Tổ chức Huyện ủy.",
    )
    blocks.append(signing.signature(recipients=recipients))
    return PartyDocument(f"Công văn đôn đốc – {entry.unit.name}", tuple(blocks))


LETTER_PREFIX = "cong-van-don-doc-"


def letter_file_stem(unit: UnitRow) -> str:
    """An ASCII file name that survives e-mail and any Windows code page: "cong-van-don-doc-linh-thong"."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(unit.name)).strip("-") or unit.code
    return f"{LETTER_PREFIX}{slug}"


@dataclass(frozen=True, slots=True)
class Letter:
    entry: UnitUrging
    document: PartyDocument
    stem: str

    @property
    def unit_name(self) -> str:
        return self.entry.unit.name

    @property
    def item_count(self) -> int:
        return len(self.entry.items)


def urging_letters(
    period: Period | None = None,
    *,
    member_id: int | None = None,
    today: date | None = None,
    signing: Signing | None = None,
) -> tuple[Period, list[Letter]]:
    """The letters to write for ``period`` (default: the current one): one per unit with something to urge.

    A period that has not begun, or lies years outside the projects, is refused as an import refuses it (PeriodError):
    nobody can be urged to report for ``Năm 2099``."""
    today = today or date.today()
    if period is not None:
        why = implausible_period(period, [(p.start_year, p.end_year) for p in list_projects()], today)
        if why:
            raise PeriodError(f"{why[0].upper()}{why[1:]}: chưa có gì để đôn đốc. Hãy chọn một kỳ đã qua.")
    period = period or default_period()
    signing = signing or Signing()
    letters = []
    stems: set[str] = set()
    for entry in urging_by_unit(period, member_id=member_id, today=today):
        stem = letter_file_stem(entry.unit)
        if stem in stems:  # two units folding to the same name
            stem = f"{stem}-{entry.unit.code}"
        stems.add(stem)
        letters.append(Letter(entry, letter_document(entry, period, today, signing), stem))
    return period, letters


@dataclass(frozen=True, slots=True)
class WrittenLetter:
    unit_name: str
    item_count: int
    path: Path
    pdf_path: Path | None = None


@dataclass(frozen=True, slots=True)
class LettersResult:
    period: Period
    folder: Path
    letters: tuple[WrittenLetter, ...]
    older: tuple[str, ...] = ()  # letters of an earlier run left in the folder, for units not urged this time

    @property
    def item_count(self) -> int:
        return sum(letter.item_count for letter in self.letters)

    def summary(self) -> str:
        if not self.letters:
            text = f"Kỳ {self.period.label}: không có đơn vị nào cần đôn đốc; không tạo công văn nào."
        else:
            text = (
                f"Đã tạo {len(self.letters)} công văn đôn đốc kỳ {self.period.label} ({self.item_count} nội dung)"
                f" trong thư mục {self.folder}"
            )
        if self.older:
            text += (
                f"\nLưu ý: thư mục còn {len(self.older)} công văn tạo lần trước cho đơn vị lần này không cần đôn đốc"
                f" ({', '.join(self.older[:5])}{'…' if len(self.older) > 5 else ''}); hãy xóa nếu không dùng."
            )
        return text

    def as_json(self) -> dict[str, object]:
        return {
            "period": self.period.label,
            "folder": str(self.folder),
            "letters": [
                {
                    "unit": letter.unit_name,
                    "items": letter.item_count,
                    "file": str(letter.path),
                    **({"pdf": str(letter.pdf_path)} if letter.pdf_path else {}),
                }
                for letter in self.letters
            ],
            "items": self.item_count,
            "older_files": list(self.older),
        }


def resolve_member(text: str) -> MemberRow:
    """A steering-committee member by id or by name (case, diacritics and spacing ignored)."""
    members = list_members()
    text = text.strip()
    if text.isdigit():
        for member in members:
            if member.id == int(text):
                return member
    key = match_key(text)
    found = [m for m in members if match_key(m.full_name) == key]
    if not found:  # typed without diacritics: "bui van an"
        found = [m for m in members if fold(m.full_name) == fold(text)]
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise DomainError(f'Có {len(found)} thành viên Ban Chỉ đạo tên "{text}"; hãy dùng mã số của thành viên.')
    raise DomainError(f'Không có thành viên Ban Chỉ đạo nào tên "{text}".')
