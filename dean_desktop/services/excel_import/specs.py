"""The labels and columns of the exchange workbooks (PRODUCT.md §4) with the spellings communes use for them."""

from __future__ import annotations

from .matching import fields

INFO = fields(
    ("unit", "Đơn vị", ["ten don vi", "don vi bao cao", "co quan don vi", "co quan", "xa thi tran", "ten xa",
                        "ten co quan", "ten co quan don vi", "don vi gui bao cao", "xa", "don vi"], True),
    ("period", "Kỳ báo cáo", ["ky", "ky bc", "thoi ky bao cao", "bao cao ky", "ky bao cao", "nam bao cao",
                              "thoi gian bao cao", "ky bao cao nam"], True),
    ("reported_on", "Ngày lập", ["ngay lap", "ngay bao cao", "ngay lap bao cao", "ngay lap bieu", "ngay"]),
    ("reporter", "Người lập", ["nguoi lap", "nguoi lap bieu", "nguoi bao cao", "nguoi lap bao cao", "can bo lap bieu",
                               "ho ten nguoi lap", "nguoi thuc hien", "nguoi tong hop"]),
    ("phone", "Điện thoại", ["dien thoai", "so dien thoai", "sdt", "dt", "dien thoai lien he", "so dt", "dtdd",
                             "dien thoai nguoi lap"]),
)  # fmt: skip

OFFICE = fields(
    ("has_office", "Có phòng làm việc riêng", ["phong lam viec rieng", "co phong lam viec rieng", "phong rieng",
                                               "co phong rieng", "phong lam viec", "co phong lam viec",
                                               "phong lam viec rieng cua bo phan mot cua"], True),
    ("floor_area", "Diện tích phòng (m²)", ["dien tich phong", "dien tich", "dien tich phong lam viec",
                                             "dien tich m2", "dien tich su dung", "dien tich phong m2"]),
    ("computers", "Số máy vi tính", ["so may vi tinh", "may vi tinh", "so may tinh", "may tinh",
                                     "so luong may vi tinh", "so luong may tinh"]),
    ("printers", "Số máy in", ["so may in", "may in", "so luong may in"]),
    ("scanners", "Số máy quét", ["so may quet", "may quet", "may scan", "so may scan", "may scanner",
                                 "so luong may quet", "may quet tai lieu"]),
    ("internet", "Kết nối Internet", ["ket noi internet", "internet", "co ket noi internet", "ket noi mang internet",
                                      "mang internet", "ket noi mang"]),
    ("staff", "Số công chức làm việc", ["so cong chuc lam viec", "so cong chuc", "cong chuc lam viec",
                                        "so can bo cong chuc lam viec", "so nguoi lam viec", "so cbcc",
                                        "so luong cong chuc", "so cong chuc lam viec tai bo phan"]),
    ("procedures_posted", "Niêm yết công khai TTHC", ["niem yet cong khai tthc", "niem yet tthc", "cong khai tthc",
                                                       "niem yet cong khai thu tuc hanh chinh", "niem yet cong khai",
                                                       "niem yet"]),
    ("in_use_since", "Ngày đưa vào sử dụng", ["ngay dua vao su dung", "dua vao su dung", "ngay su dung",
                                              "thoi gian dua vao su dung", "dua vao su dung tu ngay",
                                              "ngay bat dau su dung", "nam dua vao su dung"]),
    ("notes", "Ghi chú", ["ghi chu", "gc"]),
)  # fmt: skip

_STT = ("stt", "Số thứ tự", ["stt", "tt", "so tt", "so thu tu"])
_NOTES = ("notes", "Ghi chú", ["ghi chu", "gc"])
_NAME = ("full_name", "Họ và tên", ["ho va ten", "ho ten", "ho, ten", "ho va ten can bo", "ten", "ho ten can bo",
                                   "ho va ten khai sinh", "ho dem va ten", "ho va ten dang dung"], True)  # fmt: skip

EDOC = fields(
    _STT,
    ("org_name", "Tổ chức", ["to chuc", "ten to chuc", "co quan to chuc", "co quan", "don vi", "ten co quan",
                             "ten don vi", "to chuc co so", "co quan don vi", "ten co quan don vi", "ten to chuc co so",
                             "to chuc dang chinh quyen doan the", "co quan to chuc co so"], True),
    ("exchanges", "Trao đổi văn bản điện tử", ["trao doi van ban dien tu", "trao doi vbdt", "trao doi vb dien tu",
                                                "van ban dien tu", "vbdt", "co trao doi van ban dien tu",
                                                "trao doi van ban qua mang", "trao doi van ban", "trao doi",
                                                "ket noi", "su dung van ban dien tu", "trao doi vb dt"], True),
    ("since", "Từ ngày", ["tu ngay", "ngay bat dau", "thoi gian bat dau", "tu thoi diem", "bat dau tu", "thoi diem",
                          "ngay trien khai", "tu thang", "tu nam", "ngay bat dau trao doi", "thoi gian"]),
    _NOTES,
)  # fmt: skip

CADRES = fields(
    _STT,
    _NAME,
    ("birth_year", "Năm sinh", ["nam sinh", "ngay sinh", "ngay thang nam sinh", "ngay, thang, nam sinh", "sinh nam",
                                "ns", "nam sinh nam nu", "ngay thang nam sinh nam nu"], True),
    ("gender", "Giới tính", ["gioi tinh", "nam nu", "nam/nu", "gt", "phai"]),
    ("ethnicity", "Dân tộc", ["dan toc", "dt", "dan toc thieu so"]),
    ("position", "Chức vụ", ["chuc vu", "chuc danh", "chuc vu hien tai", "chuc vu chuc danh", "chuc vu hien nay",
                             "chuc vu don vi cong tac", "chuc vu dang chinh quyen", "chuc vu, chuc danh"]),
    ("education", "Chuyên môn", ["chuyen mon", "trinh do chuyen mon", "tdcm", "trinh do cm", "chuyen mon nghiep vu",
                                 "trinh do chuyen mon nghiep vu", "trinh do dao tao", "bang cap", "hoc vi",
                                 "trinh do chuyen mon cao nhat", "cm"], True),
    ("major", "Chuyên ngành", ["chuyen nganh", "chuyen nganh dao tao", "nganh", "nganh dao tao", "nganh hoc"]),
    ("political_theory", "Lý luận chính trị", ["ly luan chinh tri", "llct", "trinh do llct",
                                               "trinh do ly luan chinh tri",
                                               "ly luan ct", "ll chinh tri", "chinh tri", "tdllct", "lyluan chinh tri",
                                               "trinh do chinh tri", "ly luan"], True),
    ("state_mgmt", "Quản lý nhà nước", ["quan ly nha nuoc", "qlnn", "trinh do qlnn", "trinh do quan ly nha nuoc",
                                        "boi duong qlnn", "ql nha nuoc", "quan ly nn"]),
    ("it_skill", "Tin học", ["tin hoc", "trinh do tin hoc", "th"]),
    ("language", "Ngoại ngữ", ["ngoai ngu", "trinh do ngoai ngu", "nn", "tieng anh"]),
    _NOTES,
)  # fmt: skip

ROTATIONS = fields(
    _STT,
    _NAME,
    ("from_position", "Chức vụ, đơn vị trước luân chuyển", [
        "chuc vu don vi truoc luan chuyen", "truoc luan chuyen", "chuc vu truoc luan chuyen",
        "don vi truoc luan chuyen",
        "noi cong tac truoc", "chuc vu don vi cong tac truoc khi luan chuyen", "truoc khi luan chuyen",
        "chuc vu don vi cong tac truoc luan chuyen", "chuc vu don vi hien tai", "chuc vu noi cong tac truoc"]),
    ("from_head", "Cấp trưởng", ["cap truong", "la cap truong", "cap truong co khong", "chuc vu cap truong",
                                 "giu chuc vu cap truong"]),
    ("from_unit", "Đơn vị trước", ["don vi truoc", "don vi cong tac truoc", "co quan truoc luan chuyen",
                                   "co quan truoc"]),
    ("to_position", "Chức vụ, đơn vị luân chuyển đến", [
        "chuc vu don vi luan chuyen den", "luan chuyen den", "noi luan chuyen den", "chuc vu don vi sau luan chuyen",
        "don vi luan chuyen den", "sau luan chuyen", "chuc vu luan chuyen den", "noi den",
        "chuc vu don vi moi", "luan chuyen toi", "chuc vu don vi den"]),
    ("to_unit", "Đơn vị đến", ["don vi den", "xa thi tran den", "don vi moi", "co quan den"]),
    ("decision_no", "Số quyết định", ["so quyet dinh", "so qd", "quyet dinh so", "so ky hieu quyet dinh", "quyet dinh",
                                      "qd so", "so hieu quyet dinh", "so va ky hieu"]),
    ("decision_date", "Ngày quyết định", ["ngay quyet dinh", "ngay qd", "ngay ky quyet dinh", "ngay ky",
                                          "ngay ban hanh",
                                          "ngay ky qd", "ngay thang nam quyet dinh"]),
    ("months", "Thời gian (tháng)", ["thoi gian", "thoi gian thang", "thoi gian luan chuyen", "so thang",
                                     "thoi gian luan chuyen thang", "thoi han luan chuyen", "thoi han"]),
    _NOTES,
)  # fmt: skip

ROSTER = fields(
    _STT,
    _NAME,
    ("position", "Chức vụ", ["chuc vu", "chuc vu don vi cong tac", "chuc vu hien nay", "chuc vu chinh quyen",
                             "chuc vu co quan", "chuc vu cong tac"]),
    ("role", "Chức danh trong Ban Chỉ đạo", ["chuc danh trong ban chi dao", "chuc danh bcd", "chuc danh trong bcd",
                                             "nhiem vu trong bcd", "vai tro", "chuc vu trong bcd",
                                             "chuc vu trong ban chi dao", "chuc danh", "vai tro trong bcd"]),
    ("phone", "Điện thoại", ["dien thoai", "so dien thoai", "sdt", "dt", "dien thoai di dong", "dd", "so dt",
                             "dien thoai lien he", "dtdd"]),
    ("email", "Email", ["email", "e mail", "thu dien tu", "dia chi email", "hop thu dien tu", "dia chi thu dien tu"]),
    ("units", "Đơn vị phụ trách", ["don vi phu trach", "dia ban phu trach", "phu trach don vi", "don vi theo doi",
                                   "phu trach", "don vi duoc phan cong", "phu trach dia ban", "theo doi don vi",
                                   "don vi phu trach theo doi", "dia ban theo doi"]),
)  # fmt: skip
