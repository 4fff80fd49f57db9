"""Schema migrations shipped with the app; ``schema.open_database`` runs the ones a database still needs.

How it works
------------
* The schema version lives in the database file (``PRAGMA user_version``). A new database is created at
  ``schema.SCHEMA_VERSION`` directly from the models; an older one is upgraded one step at a time.
* Each step is a module here named ``vNNNN_what_it_does.py``, where NNNN (four digits) is the version the step
  produces: ``v0002_add_unit_phone.py`` turns a version-1 database into version 2. It exposes ``migrate(db)``, which
  receives the peewee database and changes it with SQL or ``playhouse.migrate.SqliteMigrator``.
* Before each step the runner backs the file up with SQLite's online backup API into the ``sao-luu`` folder beside it
  (``<name>-<time>-truoc-nang-cap-vNNNN.db``), then runs the step and the ``user_version`` bump in ONE transaction:
  a step that fails leaves the database exactly as the step found it, and the app reports it.
* A database whose version is above ``SCHEMA_VERSION`` was written by a newer app and is refused, untouched.

Adding a step
-------------
1. Change the models, write ``vNNNN_….py`` with ``migrate(db)``, and bump ``SCHEMA_VERSION`` in
   ``dean_desktop/__init__.py`` to NNNN.
   Versions must be contiguous (2, 3, 4…); ``tests/models/test_migrations.py`` checks the names.
2. Keep a step transactional: no ``PRAGMA foreign_keys``/``journal_mode`` changes and no ``VACUUM`` inside it (SQLite
   ignores or refuses them in a transaction). To rebuild a table, use the create-copy-drop-rename sequence.
3. Never edit a released step; fix forward with a new one.
4. Run ``python tests/data/make_schema_fixture.py`` to commit ``tests/data/schema_vNNNN.db`` and its figures. Every
   fixture of an earlier version must still open with its recorded figures (test_migrations).
5. PyInstaller: the steps are found with ``pkgutil`` and imported by name, so the build must collect them
   (``--collect-submodules dean_desktop.models.migrations`` or ``hiddenimports`` in the spec file).
"""
