-- A workspace as kaizen wrote it at schema version 1 (the first merge of issue 10: the
-- migration ledger and the organisations), with one organisation, as a fixture for the
-- migration to the current version. Never edit: it stands for files users already have.
PRAGMA application_id = 1264209457;
CREATE TABLE schema_migrations (
  version INTEGER PRIMARY KEY,
  description TEXT NOT NULL
) STRICT;
CREATE TABLE organisations (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('trust','provider','council','partnership','service')),
  parent TEXT REFERENCES organisations(code)
) STRICT;
INSERT INTO schema_migrations VALUES (1, 'migration ledger and organisations');
INSERT INTO organisations VALUES ('RXX', 'Example Hospitals NHS Trust', 'trust', NULL);
PRAGMA user_version = 1;
