import Foundation
import GRDB
import XiezhiCore

/// 受检指令 recorded from alerts: each order with who recorded it, audited; listed on the alert and on the case
/// opened from it.
public struct InspectionOrderStore: Sendable {
    public let database: NodeDatabase
    public let signingKey: NodeKey?

    public init(database: NodeDatabase, signingKey: NodeKey?) {
        self.database = database
        self.signingKey = signingKey
    }

    /// A recorded order.
    public struct Record: Sendable, Codable, Hashable {
        public var id: String
        public var alertID: String
        public var order: InspectionOrder
        public var recordedBy: String
        public var recordedAt: Date
    }

    /// Records an order on an alert (audited as `alert.inspection_ordered`).
    public func record(_ order: InspectionOrder, alertID: String, id: String, by actor: String, at date: Date) throws -> Record {
        let record = Record(id: id, alertID: alertID, order: order, recordedBy: actor, recordedAt: date)
        let key = signingKey
        try database.writer.write { db in
            try db.execute(
                sql: "INSERT INTO inspection_order (id, alert_id, data, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [id, alertID, try CanonicalJSON.string(order), actor, Timestamp.format(date)])
            try AuditLog.append(
                AuditRecord(actor: actor, action: "alert.inspection_ordered", entityType: "alert", entityID: alertID, payload: order),
                at: date, in: db, signingKey: key)
        }
        return record
    }

    /// The orders given from an alert, oldest first.
    public func orders(alertID: String) throws -> [Record] {
        try database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM inspection_order WHERE alert_id = ? ORDER BY recorded_at", arguments: [alertID]).map(Self.record(from:))
        }
    }

    /// The orders given from the alerts a case was opened from, oldest first.
    public func orders(caseID: String) throws -> [Record] {
        try database.writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT o.* FROM inspection_order o JOIN alert a ON a.id = o.alert_id WHERE a.case_id = ? ORDER BY o.recorded_at
                """, arguments: [caseID]
            ).map(Self.record(from:))
        }
    }

    static func record(from row: Row) throws -> Record {
        Record(
            id: row["id"], alertID: row["alert_id"], order: try CanonicalJSON.decoder.decode(InspectionOrder.self, from: Data((row["data"] as String).utf8)),
            recordedBy: row["recorded_by"], recordedAt: Timestamp.parse(row["recorded_at"] as String) ?? .distantPast)
    }
}
