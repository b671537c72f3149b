import Crypto
import Foundation
import GRDB

/// Appends to and reads the hash-chained audit log. Appending happens inside the caller's write transaction,
/// so the entry commits or rolls back together with the change it describes.
public enum AuditLog {
    /// How many entries between two automatic signed checkpoints.
    public static let checkpointInterval: Int64 = 50

    /// Appends one entry after the current head and returns it. Signs a checkpoint every ``checkpointInterval``
    /// entries when a key is given.
    @discardableResult
    public static func append(_ record: AuditRecord, at date: Date, in db: Database, signingKey: NodeKey?) throws -> AuditEntry {
        let head = try Row.fetchOne(db.cachedStatement(sql: "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"))
        let seq: Int64 = (head?["seq"] ?? 0) + 1
        let prevHash: String = head?["hash"] ?? AuditEntry.genesisHash
        let at = Timestamp.format(date)
        let hash = AuditEntry.computeHash(
            seq: seq, at: at, actor: record.actor, action: record.action, entityType: record.entityType,
            entityID: record.entityID, payload: record.payload, prevHash: prevHash)
        try db.cachedStatement(sql: """
                INSERT INTO audit_log (seq, at, actor, action, entity_type, entity_id, payload, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(
            arguments: [seq, at, record.actor, record.action, record.entityType, record.entityID, record.payload, prevHash, hash])
        if let signingKey, seq % checkpointInterval == 0 {
            try checkpoint(seq: seq, hash: hash, at: date, in: db, key: signingKey)
        }
        return AuditEntry(
            seq: seq, at: Timestamp.parse(at) ?? date, actor: record.actor, action: record.action,
            entityType: record.entityType, entityID: record.entityID, payload: record.payload, prevHash: prevHash, hash: hash)
    }

    /// Signs the current head as a checkpoint (if it isn't one already). Called at shutdown and by
    /// `xiezhi audit checkpoint`; returns the checkpointed sequence number, or nil for an empty log.
    @discardableResult
    public static func checkpointHead(at date: Date, in db: Database, key: NodeKey) throws -> Int64? {
        guard let head = try Row.fetchOne(db.cachedStatement(sql: "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")) else { return nil }
        let seq: Int64 = head["seq"]
        if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM audit_checkpoint WHERE seq = ?)", arguments: [seq]) == true {
            return seq
        }
        try checkpoint(seq: seq, hash: head["hash"], at: date, in: db, key: key)
        return seq
    }

    /// The bytes a checkpoint signature covers.
    static func checkpointMessage(seq: Int64, hash: String, at: String) -> Data {
        Data("xiezhi-audit-checkpoint\n\(seq)\n\(hash)\n\(at)".utf8)
    }

    private static func checkpoint(seq: Int64, hash: String, at date: Date, in db: Database, key: NodeKey) throws {
        let at = Timestamp.format(date)
        let signature = try key.privateKey.signature(for: checkpointMessage(seq: seq, hash: hash, at: at))
        try db.cachedStatement(sql: "INSERT INTO audit_checkpoint (seq, hash, at, public_key, signature) VALUES (?, ?, ?, ?, ?)").execute(
            arguments: [seq, hash, at, key.publicKeyBase64, signature.base64EncodedString()])
    }

    /// Entries about one entity, oldest first (a case's timeline).
    public static func entries(entityType: String, entityID: String, in db: Database) throws -> [AuditEntry] {
        try Row.fetchAll(
            db, sql: "SELECT * FROM audit_log WHERE entity_type = ? AND entity_id = ? ORDER BY seq",
            arguments: [entityType, entityID]
        ).map(entry(from:))
    }

    /// A page of entries, newest first, optionally filtered.
    public static func page(entityType: String?, actor: String?, beforeSeq: Int64?, limit: Int, in db: Database) throws -> [AuditEntry] {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let entityType { clauses.append("entity_type = ?"); arguments += [entityType] }
        if let actor { clauses.append("actor = ?"); arguments += [actor] }
        if let beforeSeq { clauses.append("seq < ?"); arguments += [beforeSeq] }
        let whereClause = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        arguments += [limit]
        return try Row.fetchAll(db, sql: "SELECT * FROM audit_log \(whereClause) ORDER BY seq DESC LIMIT ?", arguments: arguments)
            .map(entry(from:))
    }

    static func entry(from row: Row) -> AuditEntry {
        let atText: String = row["at"]
        return AuditEntry(
            seq: row["seq"], at: Timestamp.parse(atText) ?? .distantPast, actor: row["actor"], action: row["action"],
            entityType: row["entity_type"], entityID: row["entity_id"], payload: row["payload"],
            prevHash: row["prev_hash"], hash: row["hash"])
    }
}
