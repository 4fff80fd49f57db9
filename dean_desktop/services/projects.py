"""Projects (Đề án): listing, adding one with its years and solution groups, changing it; every change audited."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import Project, SolutionGroup, db
from . import audit
from .errors import NotFoundError, ValidationError
from .vntext import fold, nfc

_CODE = re.compile(r"^[a-z0-9_]+$")


@dataclass(frozen=True, slots=True)
class ProjectInput:
    code: str
    short_name: str
    name: str
    start_year: int
    end_year: int


@dataclass(frozen=True, slots=True)
class ProjectRow:
    id: int
    code: str
    short_name: str
    name: str
    start_year: int
    end_year: int
    groups: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"{self.short_name} ({self.start_year}–{self.end_year})"


def list_projects() -> list[ProjectRow]:
    groups: dict[int, list[str]] = {}
    for project_id, name in (
        SolutionGroup.select(SolutionGroup.project, SolutionGroup.name).order_by(SolutionGroup.number).tuples()
    ):
        groups.setdefault(project_id, []).append(name)
    return [
        ProjectRow(p.id, p.code, p.short_name, p.name, p.start_year, p.end_year, tuple(groups.get(p.id, [])))
        for p in Project.select().order_by(Project.sort_order, Project.id)
    ]


def find_project(raw: str, projects: list[ProjectRow] | None = None) -> ProjectRow | None:
    """The project named by its code, short name (``CB``, ``CCHC``) or full title, case and diacritics ignored."""
    wanted = " ".join(fold(raw).split())
    for project in projects if projects is not None else list_projects():
        if wanted in {fold(project.code), fold(project.short_name), " ".join(fold(project.name).split())}:
            return project
    return None


def _clean(data: ProjectInput) -> ProjectInput:
    code = (data.code or "").strip().lower()
    if not _CODE.match(code):
        raise ValidationError(f'Mã đề án "{data.code}" không hợp lệ (chữ thường không dấu, chữ số, dấu gạch dưới).')
    short, name = " ".join(nfc(data.short_name).split()), " ".join(nfc(data.name).split())
    if not short or not name:
        raise ValidationError("Chưa nhập tên viết tắt hoặc tên đầy đủ của đề án.")
    start, end = int(data.start_year), int(data.end_year)
    if not 1945 <= start <= end <= 2100:
        raise ValidationError(f"Giai đoạn {start}–{end} không hợp lệ (năm bắt đầu không sau năm kết thúc).")
    return ProjectInput(code, short, name, start, end)


def _clean_groups(groups: list[str]) -> list[str]:
    names = [" ".join(nfc(g).split()) for g in groups]
    if any(not n for n in names):
        raise ValidationError("Tên nhóm giải pháp không được để trống.")
    return names


def add_project(data: ProjectInput, groups: list[str], source: str = "ui") -> int:
    """A new project with its solution groups numbered 1, 2, … in the order given."""
    data, names = _clean(data), _clean_groups(groups)
    with db.atomic():
        if Project.get_or_none(Project.code == data.code) is not None:
            raise ValidationError(f'Đã có đề án mã "{data.code}".')
        if find_project(data.short_name) is not None:
            raise ValidationError(f'Đã có đề án tên "{data.short_name}".')
        last = Project.select(Project.sort_order).order_by(Project.sort_order.desc()).limit(1).scalar() or 0
        project = Project.create(sort_order=int(last) + 1, **vars_of(data))
        for name, value in vars_of(data).items():
            audit.record("project", project.id, name, None, value, source)
        for number, name in enumerate(names, start=1):
            group = SolutionGroup.create(project=project, number=number, name=name)
            audit.record("solution_group", group.id, "name", None, name, source)
    return int(project.id)


def vars_of(data: ProjectInput) -> dict[str, object]:
    return {
        "code": data.code,
        "short_name": data.short_name,
        "name": data.name,
        "start_year": data.start_year,
        "end_year": data.end_year,
    }


def update_project(
    project_id: int, data: ProjectInput, source: str = "ui", *, new_groups: Sequence[str] = ()
) -> list[str]:
    """Change a project's names or years (its code stays) and add ``new_groups`` after its last group, in one
    transaction (all of it or nothing); returns the changed fields, audited."""
    data = _clean(data)
    names = _clean_groups(list(new_groups))
    with db.atomic():
        project = Project.get_or_none(Project.id == project_id)
        if project is None:
            raise NotFoundError("Không tìm thấy đề án.")
        new = {k: v for k, v in vars_of(data).items() if k != "code"}
        old = {k: getattr(project, k) for k in new}
        changed = audit.record_changes("project", project.id, old, new, source)
        if changed:
            Project.update(**new).where(Project.id == project.id).execute()
        for name in names:
            add_group(project_id, name, source)
    return changed


def add_group(project_id: int, name: str, source: str = "ui") -> int:
    """A solution group after the project's last one."""
    (name,) = _clean_groups([name])
    with db.atomic():
        last = (
            SolutionGroup.select(SolutionGroup.number)
            .where(SolutionGroup.project == project_id)
            .order_by(SolutionGroup.number.desc())
            .limit(1)
            .scalar()
        )
        group = SolutionGroup.create(project=project_id, number=int(last or 0) + 1, name=name)
        audit.record("solution_group", group.id, "name", None, name, source)
    return int(group.id)
