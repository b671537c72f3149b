import Foundation
import GRDB

/// The node's rule tables (penalty benchmarks, procedure clocks, joint-zone width …), kept in the database so
/// that every change is audited. A fresh data directory is seeded from the bundled files; an administrator can
/// replace a table through the API, and the change (old and new SHA-256, new content) goes into the audit log.
public struct RuleTableStore: Sendable {
    public let database: NodeDatabase
    public let signingKey: NodeKey?

    public init(database: NodeDatabase, signingKey: NodeKey?) {
        self.database = database
        self.signingKey = signingKey
    }

    public struct Table: Sendable, Hashable, Codable {
        public var name: String
        public var content: String
        public var sha256: String
        public var version: Int
        public var updatedAt: Date
        public var updatedBy: String
    }

    /// Inserts each table that the database does not have yet (seeding); existing tables are left alone.
    public func seed(_ tables: [String: String], at date: Date, by actor: String) throws {
        let key = signingKey
        try database.writer.write { db in
            for (name, content) in tables.sorted(by: { $0.key < $1.key }) {
                let exists = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM rule_table WHERE name = ?)", arguments: [name]) ?? false
                if !exists { try Self.write(name: name, content: content, previous: nil, at: date, by: actor, in: db, key: key) }
            }
        }
    }

    /// Replaces one table's content (already validated by the caller) and audits the change.
    @discardableResult
    public func replace(name: String, content: String, at date: Date, by actor: String) throws -> Table {
        let key = signingKey
        return try database.writer.write { db in
            let previous = try Row.fetchOne(db, sql: "SELECT sha256, version FROM rule_table WHERE name = ?", arguments: [name])
            try Self.write(name: name, content: content, previous: previous, at: date, by: actor, in: db, key: key)
            return try Self.table(name: name, in: db)!
        }
    }

    public func table(name: String) throws -> Table? {
        try database.writer.read { db in try Self.table(name: name, in: db) }
    }

    public func all() throws -> [Table] {
        try database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM rule_table ORDER BY name").map(Self.table(from:))
        }
    }

    private static func write(name: String, content: String, previous: Row?, at date: Date, by actor: String, in db: Database, key: NodeKey?) throws {
        let sha = SHA256Hex.of(content)
        let version = (previous?["version"] as Int? ?? 0) + 1
        try db.execute(
            sql: """
                INSERT INTO rule_table (name, content, sha256, version, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(name) DO UPDATE SET content = excluded.content, sha256 = excluded.sha256, version = excluded.version,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """,
            arguments: [name, content, sha, version, Timestamp.format(date), actor])
        struct Change: Encodable { var previousSHA256: String?; var sha256: String; var version: Int; var content: String }
        try AuditLog.append(
            AuditRecord(actor: actor, action: previous == nil ? "rule_table.seeded" : "rule_table.updated", entityType: "rule_table",
                        entityID: name, payload: Change(previousSHA256: previous?["sha256"], sha256: sha, version: version, content: content)),
            at: date, in: db, signingKey: key)
    }

    private static func table(name: String, in db: Database) throws -> Table? {
        try Row.fetchOne(db, sql: "SELECT * FROM rule_table WHERE name = ?", arguments: [name]).map(table(from:))
    }

    private static func table(from row: Row) -> Table {
        let updated: String = row["updated_at"]
        return Table(name: row["name"], content: row["content"], sha256: row["sha256"], version: row["version"],
                     updatedAt: Timestamp.parse(updated) ?? .distantPast, updatedBy: row["updated_by"])
    }
}
