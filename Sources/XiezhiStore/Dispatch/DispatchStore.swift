import Foundation
import GRDB
import XiezhiCore

/// Dispatch orders (派单) and the evidence attached to them. Every change is written with its audit entry in the
/// same transaction, together with the unit's status (busy while it works an order).
public struct DispatchStore: Sendable {
    public let database: NodeDatabase
    public let signingKey: NodeKey?

    public init(database: NodeDatabase, signingKey: NodeKey?) {
        self.database = database
        self.signingKey = signingKey
    }

    /// Evidence attached on site.
    public struct Evidence: Codable, Sendable, Hashable {
        public var id: Int64
        /// `photo` or `note`.
        public var kind: String
        public var name: String?
        public var mediaType: String?
        public var sha256: String
        public var note: String?
        public var addedBy: String
        public var addedAt: Date
    }

    /// Stores a new order, audited.
    public static func insert(_ order: DispatchOrder, in db: Database, key: NodeKey?) throws {
        try db.execute(
            sql: """
                INSERT INTO dispatch_order (id, jurisdiction, partner_jurisdiction, unit_id, alert_id, case_id, state, data, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [order.id, order.jurisdiction.rawValue, order.partnerJurisdiction?.rawValue, order.unitID, order.alertID, order.caseID, order.state.rawValue,
                        try CanonicalJSON.string(order), Timestamp.format(order.createdAt), Timestamp.format(order.createdAt)])
        try audit(order, at: order.createdAt, in: db, key: key)
    }

    /// Stores an order's new state, audited with its last step.
    public static func update(_ order: DispatchOrder, at date: Date, in db: Database, key: NodeKey?) throws {
        try db.execute(
            sql: "UPDATE dispatch_order SET state = ?, unit_id = ?, case_id = ?, data = ?, updated_at = ? WHERE id = ?",
            arguments: [order.state.rawValue, order.unitID, order.caseID, try CanonicalJSON.string(order), Timestamp.format(date), order.id])
        try audit(order, at: date, in: db, key: key)
    }

    static func audit(_ order: DispatchOrder, at date: Date, in db: Database, key: NodeKey?) throws {
        guard let step = order.history.last else { return }
        struct Step: Encodable { var state: String; var unit: String; var note: String? }
        try AuditLog.append(
            AuditRecord(actor: step.actor, action: "dispatch.\(step.action)", entityType: "dispatch_order", entityID: order.id,
                        payload: Step(state: order.state.rawValue, unit: order.unitID, note: step.note)),
            at: date, in: db, signingKey: key)
    }

    public func order(id: String) throws -> DispatchOrder? {
        try database.writer.read { db in try Self.order(id: id, in: db) }
    }

    public static func order(id: String, in db: Database) throws -> DispatchOrder? {
        try String.fetchOne(db, sql: "SELECT data FROM dispatch_order WHERE id = ?", arguments: [id]).map(decode)
    }

    /// Orders commanded by an agency or waiting for it as the partner, newest first; only active ones when asked.
    public func orders(for jurisdiction: JurisdictionCode, activeOnly: Bool, limit: Int) throws -> [DispatchOrder] {
        try database.writer.read { db in
            let states = activeOnly ? " AND state IN ('dispatched', 'accepted', 'arrived', 'reported', 'awaiting_partner')" : ""
            return try String.fetchAll(
                db, sql: "SELECT data FROM dispatch_order WHERE (jurisdiction = ? OR partner_jurisdiction = ?)\(states) ORDER BY created_at DESC LIMIT ?",
                arguments: [jurisdiction.rawValue, jurisdiction.rawValue, limit]
            ).map(Self.decode)
        }
    }

    /// Orders for the given units, newest first.
    public func orders(units: [String], limit: Int) throws -> [DispatchOrder] {
        guard !units.isEmpty else { return [] }
        return try database.writer.read { db in
            let marks = Array(repeating: "?", count: units.count).joined(separator: ",")
            return try String.fetchAll(
                db, sql: "SELECT data FROM dispatch_order WHERE unit_id IN (\(marks)) ORDER BY created_at DESC LIMIT ?",
                arguments: StatementArguments(units) + [limit]
            ).map(Self.decode)
        }
    }

    /// Orders waiting to be accepted (for the escalation sweep).
    public func waiting() throws -> [DispatchOrder] {
        try database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT data FROM dispatch_order WHERE state IN ('dispatched', 'awaiting_partner')").map(Self.decode)
        }
    }

    /// Orders changed since an instant (the live feed).
    public func changed(since date: Date) throws -> [DispatchOrder] {
        try database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT data FROM dispatch_order WHERE updated_at > ? ORDER BY updated_at", arguments: [Timestamp.format(date)])
                .map(Self.decode)
        }
    }

    /// The order open for an alert or a case, if any (each is dispatched once at a time).
    public static func activeOrder(alertID: String?, caseID: String?, in db: Database) throws -> DispatchOrder? {
        let open = "state NOT IN ('closed', 'declined', 'cancelled')"
        if let alertID, let found = try String.fetchOne(db, sql: "SELECT data FROM dispatch_order WHERE alert_id = ? AND \(open) LIMIT 1", arguments: [alertID]) {
            return try decode(found)
        }
        if let caseID, let found = try String.fetchOne(db, sql: "SELECT data FROM dispatch_order WHERE case_id = ? AND \(open) LIMIT 1", arguments: [caseID]) {
            return try decode(found)
        }
        return nil
    }

    /// Attaches a photo (its bytes, hashed here) or a note to an order, audited with the hash.
    public func addEvidence(orderID: String, kind: String, name: String?, mediaType: String?, content: Data?, note: String?, by actor: String, at date: Date) throws -> Evidence {
        let sha = SHA256Hex.of(content ?? Data((note ?? "").utf8))
        return try database.writer.write { db in
            try db.execute(
                sql: "INSERT INTO dispatch_evidence (order_id, kind, name, media_type, sha256, content, note, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [orderID, kind, name, mediaType, sha, content, note, actor, Timestamp.format(date)])
            let id = db.lastInsertedRowID
            struct Added: Encodable { var kind: String; var sha256: String; var name: String? }
            try AuditLog.append(
                AuditRecord(actor: actor, action: "dispatch.evidence", entityType: "dispatch_order", entityID: orderID, payload: Added(kind: kind, sha256: sha, name: name)),
                at: date, in: db, signingKey: signingKey)
            return Evidence(id: id, kind: kind, name: name, mediaType: mediaType, sha256: sha, note: note, addedBy: actor, addedAt: date)
        }
    }

    public func evidence(orderID: String) throws -> [Evidence] {
        try database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT id, kind, name, media_type, sha256, note, added_by, added_at FROM dispatch_evidence WHERE order_id = ? ORDER BY id", arguments: [orderID])
                .map { row in
                    Evidence(
                        id: row["id"], kind: row["kind"], name: row["name"], mediaType: row["media_type"], sha256: row["sha256"], note: row["note"],
                        addedBy: row["added_by"], addedAt: Timestamp.parse(row["added_at"] as String) ?? .distantPast)
                }
        }
    }

    /// A photo's bytes and media type.
    public func evidenceContent(orderID: String, id: Int64) throws -> (Data, String?)? {
        try database.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT content, media_type FROM dispatch_evidence WHERE order_id = ? AND id = ? AND content IS NOT NULL", arguments: [orderID, id])
                .map { row -> (Data, String?) in (row["content"], row["media_type"]) }
        }
    }

    static func decode(_ text: String) throws -> DispatchOrder {
        try CanonicalJSON.decoder.decode(DispatchOrder.self, from: Data(text.utf8))
    }
}
