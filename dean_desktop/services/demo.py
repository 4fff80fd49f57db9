"""Clearly marked sample data, so a newcomer sees every tab and indicator working. Running it twice adds nothing.

Sample data lives in a database of its own (``paths.sample_db_path``), marked by the ``demo_data`` setting; it is
never put into a database that already holds real work, so no database mixes the two.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from ..models import Setting, SteeringMember, Task, db
from . import checklist, roster, rotations
from .periods import parse_period
from .returns import CadreData, EdocData, OfficeData, ReturnData, save_return
from .sample_data import DEMO_KEY, DEMO_MARK, RealDataError, holds_real_data, is_sample_database
from .units import list_units
from .vocab import TASK_STATUS

__all__ = ["DEMO_KEY", "DEMO_MARK", "DemoResult", "RealDataError", "holds_real_data", "is_sample_database", "load_demo"]

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đinh", "Ma", "Lương", "Hà", "Triệu", "Nông", "Đặng", "Vũ", "Bùi"]
MIDDLE_M = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Thanh"]
MIDDLE_F = ["Thị", "Thu", "Thanh", "Ngọc", "Hồng"]
GIVEN_M = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Đức",
    "Hải",
    "Hùng",
    "Khánh",
    "Long",
    "Mạnh",
    "Nam",
    "Phong",
    "Quân",
    "Sơn",
    "Thắng",
    "Tuấn",
    "Việt",
    "Vinh",
]
GIVEN_F = [
    "Anh",
    "Ánh",
    "Chi",
    "Dung",
    "Giang",
    "Hằng",
    "Hoa",
    "Huyền",
    "Lan",
    "Linh",
    "Mai",
    "Nga",
    "Oanh",
    "Thảo",
    "Trang",
    "Yến",
]
ETHNIC = ["Kinh", "Tày", "Nùng", "Dao", "Sán Chay", "Mông"]
ORGS = ["Đảng ủy", "HĐND", "UBND", "Ủy ban MTTQ", "Hội Phụ nữ", "Đoàn Thanh niên", "Hội Nông dân", "Hội Cựu chiến binh"]
ROLES = ["Trưởng ban", "Phó Trưởng ban Thường trực", "Phó Trưởng ban"] + ["Ủy viên"] * 13
POSITIONS = [
    "Bí thư Huyện ủy",
    "Trưởng Ban Tổ chức Huyện ủy",
    "Phó Chủ tịch UBND huyện",
    "Chánh Văn phòng Huyện ủy",
    "Trưởng Ban Tuyên giáo",
    "Trưởng Ban Dân vận",
    "Chủ nhiệm UBKT Huyện ủy",
    "Trưởng phòng Nội vụ",
    "Giám đốc Trung tâm BDCT",
    "Chủ tịch UBMTTQ huyện",
    "Bí thư Huyện đoàn",
    "Chủ tịch Hội Nông dân",
    "Chủ tịch Hội LHPN",
    "Trưởng phòng Tư pháp",
    "Chánh Thanh tra huyện",
    "Phó Ban Tổ chức Huyện ủy",
]


@dataclass(frozen=True)
class DemoResult:
    added: bool
    returns: int
    members: int
    rotations: int
    tasks: int


def _name(rng: random.Random, female: bool) -> str:
    middle = rng.choice(MIDDLE_F if female else MIDDLE_M)
    given = rng.choice(GIVEN_F if female else GIVEN_M)
    return f"{rng.choice(FAMILY)} {middle} {given}"


def _cadres(rng: random.Random, count: int, district: bool, year: int) -> list[CadreData]:
    rows = []
    progress = (year - 2016) * 0.05  # qualifications improve a little each year
    for seq in range(1, count + 1):
        female = rng.random() < 0.35
        roll = rng.random()
        if district:
            education = "thac_si" if roll < 0.10 + progress else ("tien_si" if roll < 0.11 + progress else "dai_hoc")
            theory = "cao_cap" if rng.random() < 0.50 + progress else ("cu_nhan" if rng.random() < 0.1 else "trung_cap")
        else:
            education = "dai_hoc" if roll < 0.55 + progress else ("cao_dang" if roll < 0.7 else "trung_cap")
            theory = "trung_cap" if rng.random() < 0.7 else "so_cap"
        rows.append(
            CadreData(
                full_name=_name(rng, female),
                birth_year=rng.randint(1962, 1990),
                education=education,
                political_theory=theory,
                gender="Nữ" if female else "Nam",
                ethnicity=rng.choice(ETHNIC),
                position="Trưởng phòng" if seq == 1 else rng.choice(["Phó Trưởng phòng", "Phó Chủ tịch", "Chủ tịch"]),
                major=rng.choice(["Luật", "Kinh tế", "Hành chính", "Nông nghiệp", "Sư phạm"]),
                state_mgmt=rng.choice(["chuyen_vien", "chuyen_vien_chinh", "chua_boi_duong"]),
                it_skill=rng.choice(["Chứng chỉ B", "Ứng dụng CNTT cơ bản", ""]),
                language=rng.choice(["Tiếng Anh B", ""]),
                notes=DEMO_MARK,
                seq=seq,
            )
        )
    return rows


def load_demo() -> DemoResult:
    """Fill the open database with sample data; a second run changes nothing.

    Raises:
        RealDataError: the database already holds real work.
    """
    if is_sample_database():
        return DemoResult(False, 0, 0, 0, 0)
    if holds_real_data():
        raise RealDataError(
            "Cơ sở dữ liệu này đã có số liệu thật (báo cáo, thành viên, nhiệm vụ hoặc chỉnh sửa), nên không nạp "
            "dữ liệu mẫu vào đó để hai loại không bị trộn lẫn. Hãy chạy lệnh demo không kèm --db: dữ liệu mẫu sẽ "
            "được nạp vào một cơ sở dữ liệu mẫu riêng."
        )
    rng = random.Random(2016)
    units = list_units()
    returns = 0
    with db.atomic():
        for year in (2016, 2017, 2018):
            period = parse_period(f"Năm {year}")
            for unit in units:
                if not unit.valid_on(period.end):
                    continue
                district = unit.kind == "huyen"
                office = None
                edoc = None
                if not district:
                    has_office = rng.random() < 0.45 + 0.2 * (year - 2016)
                    office = OfficeData(
                        has_office=has_office,
                        floor_area=round(rng.uniform(15, 45), 1) if has_office else None,
                        computers=rng.randint(1, 4),
                        printers=rng.randint(0, 2),
                        scanners=rng.randint(0, 1),
                        internet=rng.random() < 0.9,
                        staff=rng.randint(1, 4),
                        procedures_posted=rng.random() < 0.8,
                        in_use_since=date(year, rng.randint(1, 12), 1) if has_office else None,
                        notes=f"{DEMO_MARK}" + ("" if has_office else " — chưa có phòng riêng"),
                    )
                    edoc = [
                        EdocData(
                            org_name=org,
                            exchanges=rng.random() < 0.5 + 0.2 * (year - 2016),
                            seq=i + 1,
                            since=date(year, 6, 1),
                            notes=DEMO_MARK,
                        )
                        for i, org in enumerate(ORGS)
                    ]
                save_return(
                    ReturnData(
                        unit_id=unit.id,
                        period=period,
                        office=office,
                        edoc=edoc,
                        cadres=_cadres(rng, rng.randint(6, 12) if district else rng.randint(4, 7), district, year),
                        reported_on=date(year, 12, 20),
                        reporter="Cán bộ mẫu",
                        source_file=f"{DEMO_MARK}.xlsx",
                    ),
                    source="demo",
                )
                returns += 1
        members = _demo_roster(rng, units)
        rotation_count = _demo_rotations(rng)
        task_count = _demo_tasks(rng)
        Setting.create(key=DEMO_KEY, value=date.today().isoformat())
    return DemoResult(True, returns, members, rotation_count, task_count)


def _demo_roster(rng: random.Random, units: list) -> int:  # type: ignore[type-arg]
    communes = [u.id for u in units if u.is_commune]
    agencies = [u.id for u in units if not u.is_commune]
    if SteeringMember.select().count():
        return 0
    for index in range(16):
        assigned = communes[index * 3 % len(communes) : index * 3 % len(communes) + 2] + [
            agencies[index % len(agencies)]
        ]
        roster.add_member(
            roster.MemberInput(
                full_name=_name(rng, index % 5 == 4),
                role=ROLES[index],
                position=POSITIONS[index],
                phone=f"0912 {rng.randint(100, 999)} {rng.randint(100, 999)}",
                email=f"bcd{index + 1:02d}@dinhhoa.example.vn",
            ),
            unit_ids=assigned,
            source="demo",
        )
    return 16


def _demo_rotations(rng: random.Random) -> int:
    existing = {(r.decision_no, r.full_name) for r in rotations.list_rotations()}
    count = 0
    for i in range(5):
        name = _name(rng, False)
        number = f"{120 + i * 17}-QĐ/HU"
        if (number, name) in existing:
            continue
        rotations.add_rotation(
            rotations.RotationInput(
                full_name=name,
                from_position=f"Trưởng phòng, {rng.choice(['Phòng Nội vụ', 'Phòng Tư pháp', 'Phòng Y tế'])}",
                to_position=f"Bí thư Đảng ủy xã {rng.choice(['Bảo Linh', 'Phú Đình', 'Điềm Mặc', 'Quy Kỳ'])}",
                decision_no=number,
                decision_date=date(2017 + i // 2, 3 + i, 15),
                months=rng.choice([24, 36, 60]),
                notes=DEMO_MARK,
            ),
            source="demo",
        )
        count += 1
    return count


def _demo_tasks(rng: random.Random) -> int:
    if Task.select().count():
        return 0
    members = roster.list_members()
    statuses = list(TASK_STATUS)
    count = 0
    for group in checklist.list_groups():
        for i in range(3):
            status = statuses[(group.number + i) % len(statuses)]
            deadline = date(2017 + (group.number + i) % 4, 6 if i % 2 else 12, 30)
            checklist.add_task(
                group.id,
                checklist.TaskInput(
                    title=f"Nhiệm vụ {i + 1} của nhóm {group.number} ({DEMO_MARK})",
                    member_id=members[(group.number + i) % len(members)].id if members else None,
                    deadline=deadline,
                    status=status,
                    completed_on=deadline if status == "hoan_thanh" else None,
                    evidence=f"{50 + group.number * 3 + i}-KH/HU" if status == "hoan_thanh" else "",
                ),
                source="demo",
            )
            count += 1
    return count
