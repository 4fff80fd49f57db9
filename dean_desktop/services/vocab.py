"""Controlled vocabularies of the returns: codes stored in the database, Vietnamese labels shown and written."""

from __future__ import annotations

from .vntext import fold

EDUCATION: dict[str, str] = {
    "chua_dao_tao": "Chưa qua đào tạo",
    "so_cap": "Sơ cấp",
    "trung_cap": "Trung cấp",
    "cao_dang": "Cao đẳng",
    "dai_hoc": "Đại học",
    "thac_si": "Thạc sĩ",
    "tien_si": "Tiến sĩ",
}
POSTGRAD = ("thac_si", "tien_si")

POLITICAL_THEORY: dict[str, str] = {
    "chua_dao_tao": "Chưa qua đào tạo",
    "so_cap": "Sơ cấp",
    "trung_cap": "Trung cấp",
    "cao_cap": "Cao cấp",
    "cu_nhan": "Cử nhân",
}
SENIOR_THEORY = ("cao_cap", "cu_nhan")

STATE_MGMT: dict[str, str] = {
    "chua_boi_duong": "Chưa qua bồi dưỡng",
    "chuyen_vien": "Chuyên viên",
    "chuyen_vien_chinh": "Chuyên viên chính",
    "chuyen_vien_cao_cap": "Chuyên viên cao cấp",
}

GENDERS = ("Nam", "Nữ")

TASK_STATUS: dict[str, str] = {
    "chua_bat_dau": "Chưa thực hiện",
    "dang_thuc_hien": "Đang thực hiện",
    "hoan_thanh": "Hoàn thành",
    "tam_dung": "Tạm dừng",
}
TASK_DONE = "hoan_thanh"

COMMITTEE_ROLES = ("Trưởng ban", "Phó Trưởng ban Thường trực", "Phó Trưởng ban", "Ủy viên", "Thư ký")

UNIT_KINDS: dict[str, str] = {"xa": "Xã", "thi_tran": "Thị trấn", "huyen": "Cấp huyện"}


def yes_no_label(value: bool | None) -> str:
    return "" if value is None else ("Có" if value else "Không")


# The 54 officially recognised ethnic groups (Danh mục các dân tộc Việt Nam, GSO), in the official order.
ETHNIC_GROUPS: tuple[str, ...] = (
    "Kinh", "Tày", "Thái", "Hoa", "Khơ-me", "Mường", "Nùng", "Mông", "Dao", "Gia-rai",
    "Ngái", "Ê-đê", "Ba-na", "Xơ-đăng", "Sán Chay", "Cơ-ho", "Chăm", "Sán Dìu", "Hrê", "Mnông",
    "Ra-glai", "Xtiêng", "Bru-Vân Kiều", "Thổ", "Giáy", "Cơ-tu", "Gié-Triêng", "Mạ", "Khơ-mú", "Co",
    "Tà-ôi", "Chơ-ro", "Kháng", "Xinh-mun", "Hà Nhì", "Chu-ru", "Lào", "La Chí", "La Ha", "Phù Lá",
    "La Hủ", "Lự", "Lô Lô", "Chứt", "Mảng", "Pà Thẻn", "Cờ Lao", "Cống", "Bố Y", "Si La",
    "Pu Péo", "Brâu", "Ơ Đu", "Rơ-măm",
)  # fmt: skip

# Other names and spellings of the ethnic groups people write (folded, letters only); see ethnic_group().
ETHNIC_ALIASES: dict[str, str] = {
    "viet": "Kinh", "nguoikinh": "Kinh", "khmer": "Khơ-me", "khmerkrom": "Khơ-me",
    "hmong": "Mông", "meo": "Mông", "hmoong": "Mông", "man": "Dao", "daodo": "Dao", "daotien": "Dao",
    "daoquanchet": "Dao", "daothanhy": "Dao", "daologang": "Dao", "daoquantrang": "Dao", "caolan": "Sán Chay",
    "sanchi": "Sán Chay", "caolansanchi": "Sán Chay", "sanchaycaolan": "Sán Chay", "sanchaycaolansanchi": "Sán Chay",
    "sandeo": "Sán Dìu", "thaiden": "Thái", "thaitrang": "Thái", "han": "Hoa", "jrai": "Gia-rai",
    "rhade": "Ê-đê", "bahnar": "Ba-na", "sedang": "Xơ-đăng", "xedang": "Xơ-đăng", "kho": "Cơ-ho", "koho": "Cơ-ho",
    "stieng": "Xtiêng", "vankieu": "Bru-Vân Kiều", "bru": "Bru-Vân Kiều", "katu": "Cơ-tu", "trieng": "Gié-Triêng",
    "giatrieng": "Gié-Triêng", "khmu": "Khơ-mú", "xacau": "Khơ-mú", "paco": "Tà-ôi", "pako": "Tà-ôi",
    "chauro": "Chơ-ro", "nungan": "Nùng", "nungphansinh": "Nùng", "nungchao": "Nùng", "nunginh": "Nùng",
}  # fmt: skip


def _ethnic_key(text: str) -> str:
    folded = fold(text)
    for prefix in ("dan toc ", "dt ", "dt. "):
        if folded.startswith(prefix):
            folded = folded[len(prefix) :]
    return "".join(ch for ch in folded if ch.isalnum())


_ETHNIC_BY_KEY: dict[str, str] = {_ethnic_key(name): name for name in ETHNIC_GROUPS}


def ethnic_group(text: str | None) -> str | None:
    """The official name of an ethnic group as typed (``Tày``, ``TAY``, ``H'Mông``, ``Cao Lan``…), or None."""
    if not text:
        return None
    found = _ethnic_key(text)
    return _ETHNIC_BY_KEY.get(found) or ETHNIC_ALIASES.get(found)
