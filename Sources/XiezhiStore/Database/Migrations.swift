import GRDB

/// Named, append-only schema migrations. Never edit a released migration: add a new one.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-foundation") { db in
            // The hash-chained audit log. `seq` is dense from 1; `hash` covers every other column and `prev_hash`.
            try db.execute(sql: """
                CREATE TABLE audit_log (
                    seq INTEGER PRIMARY KEY,
                    at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    entity_type TEXT NOT NULL,
                    entity_id TEXT NOT NULL,
                    payload TEXT NOT NULL,
                    prev_hash TEXT NOT NULL,
                    hash TEXT NOT NULL UNIQUE
                );
                CREATE INDEX audit_log_entity ON audit_log(entity_type, entity_id, seq);
                CREATE TABLE audit_checkpoint (
                    seq INTEGER PRIMARY KEY REFERENCES audit_log(seq),
                    hash TEXT NOT NULL,
                    at TEXT NOT NULL,
                    public_key TEXT NOT NULL,
                    signature TEXT NOT NULL
                );
                CREATE TABLE account (
                    id TEXT PRIMARY KEY,
                    username TEXT NOT NULL UNIQUE,
                    display_name TEXT NOT NULL,
                    role TEXT NOT NULL,
                    jurisdiction TEXT NOT NULL,
                    certificate_number TEXT,
                    password_hash TEXT NOT NULL,
                    active INTEGER NOT NULL DEFAULT 1,
                    created_at TEXT NOT NULL
                );
                CREATE TABLE session (
                    token_hash TEXT PRIMARY KEY,
                    account_id TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                    created_at TEXT NOT NULL,
                    expires_at TEXT NOT NULL,
                    revoked INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX session_account ON session(account_id);
                CREATE TABLE subject (
                    key TEXT PRIMARY KEY,
                    kind TEXT NOT NULL,
                    label TEXT NOT NULL,
                    data TEXT NOT NULL,
                    jurisdiction TEXT NOT NULL,
                    registered_by TEXT NOT NULL,
                    registered_at TEXT NOT NULL
                );
                CREATE INDEX subject_kind ON subject(kind, label);
                CREATE TABLE rule_table (
                    name TEXT PRIMARY KEY,
                    content TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    updated_at TEXT NOT NULL,
                    updated_by TEXT NOT NULL
                );
                """)
        }
        return migrator
    }
}
