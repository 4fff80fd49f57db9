"""Đề án Desktop: tracks Định Hóa district's 2016–2020 projects (Đề án)."""

__version__ = "0.1.0"
# The store's schema this app writes. Bump with every migration module added under ``models/migrations/`` (named
# ``v0002_…`` for version 2). Here, not in ``models.schema``, so start-up can read it before the database layer loads.
SCHEMA_VERSION = 6
# The setting under which the seed version is kept (services.seed); part of the kept figures' key, read at start-up.
SEED_KEY = "seed_version"
APP_NAME = "Đề án Desktop"
ORG_NAME = "Ban Tổ chức Huyện ủy Định Hóa"
