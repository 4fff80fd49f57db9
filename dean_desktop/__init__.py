"""Đề án Desktop: tracks Định Hóa district's 2016–2020 projects (Đề án)."""

__version__ = "0.1.0"
APP_NAME = "Đề án Desktop"
ORG_NAME = "Ban Tổ chức Huyện ủy Định Hóa"
