import Foundation
import GRDB
import XiezhiCore

/// Alerts: what the detectors found (a vehicle speeding, a ship with AIS off at a checkpoint …), with the
/// evidence, until a person opens a case from one or dismisses it. Idempotent on the alert's id (a detector's
/// episode id), so a replayed feed does not raise the same alert twice.
public struct AlertStore: Sendable {
    public let database: NodeDatabase
    public let signingKey: NodeKey?

    public init(database: NodeDatabase, signingKey: NodeKey?) {
        self.database = database
        self.signingKey = signingKey
    }

    /// Where an alert stands.
    public enum Status: String, Codable, Sendable, CaseIterable {
        /// New, nobody has acted on it.
        case open
        /// A case was opened from it (`case_id`).
        case caseOpened = "case_opened"
        /// Looked at and set aside, with the reason.
        case dismissed
    }

    /// One alert. `data` is the detector's clue as JSON (its measurements, citation and evidence positions).
    public struct Alert: Sendable, Codable, Hashable {
        public var id: String
        /// `vehicle_monitoring` or `waterway`.
        public var source: String
        public var kind: String
        public var kindName: String
        public var subject: String
        /// Where it happened.
        public var jurisdiction: JurisdictionCode?
        /// A neighbour to tell (joint-zone entry).
        public var notify: JurisdictionCode?
        public var occurredAt: Date
        public var detectedAt: Date
        public var longitude: Double
        public var latitude: Double
        /// The facts in Chinese.
        public var summary: String
        public var data: String
        public var status: Status
        public var statusNote: String?
        public var caseID: String?

        public init(
            id: String, source: String, kind: String, kindName: String, subject: String, jurisdiction: JurisdictionCode?, notify: JurisdictionCode?,
            occurredAt: Date, detectedAt: Date, longitude: Double, latitude: Double, summary: String, data: String, status: Status = .open,
            statusNote: String? = nil, caseID: String? = nil
        ) {
            self.id = id
            self.source = source
            self.kind = kind
            self.kindName = kindName
            self.subject = subject
            self.jurisdiction = jurisdiction
            self.notify = notify
            self.occurredAt = occurredAt
            self.detectedAt = detectedAt
            self.longitude = longitude
            self.latitude = latitude
            self.summary = summary
            self.data = data
            self.status = status
            self.statusNote = statusNote
            self.caseID = caseID
        }
    }

    /// Stores new alerts; ones already stored (same id) are skipped. Returns the ones that were new.
    @discardableResult
    public func raise(_ alerts: [Alert]) throws -> [Alert] {
        guard !alerts.isEmpty else { return [] }
        return try database.writer.write { db in try Self.insert(alerts, in: db) }
    }

    /// ``raise(_:)`` inside the caller's transaction (an alert written with the change that causes it).
    @discardableResult
    public static func insert(_ alerts: [Alert], in db: Database) throws -> [Alert] {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO alert (id, source, kind, kind_name, subject, jurisdiction, notify, occurred_at, detected_at, lon, lat, summary, data, status,
                updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)
            ON CONFLICT(id) DO NOTHING
            """)
        var raised: [Alert] = []
        for alert in alerts {
            try statement.execute(arguments: [
                alert.id, alert.source, alert.kind, alert.kindName, alert.subject, alert.jurisdiction?.rawValue, alert.notify?.rawValue,
                Timestamp.format(alert.occurredAt), Timestamp.format(alert.detectedAt), alert.longitude, alert.latitude, alert.summary, alert.data,
                Timestamp.format(alert.detectedAt),
            ])
            if db.changesCount == 1 { raised.append(alert) }
        }
        return raised
    }

    /// Alerts concerning an agency (where it happened, or the agency to tell), newest first, filtered.
    public func list(for jurisdiction: JurisdictionCode?, status: Status?, kind: String?, since: Date?, limit: Int, offset: Int) throws -> (items: [Alert], total: Int) {
        var conditions = ["detected_at >= ?"]
        var arguments: StatementArguments = [Timestamp.format(since ?? .distantPast)]
        if let jurisdiction {
            conditions.append("(jurisdiction = ? OR notify = ?)")
            arguments += [jurisdiction.rawValue, jurisdiction.rawValue]
        }
        if let status {
            conditions.append("status = ?")
            arguments += [status.rawValue]
        }
        if let kind {
            conditions.append("kind = ?")
            arguments += [kind]
        }
        let filter = conditions.joined(separator: " AND ")
        return try database.writer.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM alert WHERE \(filter)", arguments: arguments) ?? 0
            let items = try Row.fetchAll(db, sql: "SELECT * FROM alert WHERE \(filter) ORDER BY detected_at DESC LIMIT ? OFFSET ?", arguments: arguments + [limit, offset])
                .map(Self.alert(from:))
            return (items, total)
        }
    }

    public func alert(id: String) throws -> Alert? {
        try database.writer.read { db in try Row.fetchOne(db, sql: "SELECT * FROM alert WHERE id = ?", arguments: [id]).map(Self.alert(from:)) }
    }

    /// Sets an open alert aside (dismissed) or records the case opened from it, audited. Refuses an alert that is no
    /// longer open (`alert_not_open`).
    public func resolve(id: String, status: Status, note: String?, caseID: String?, by actor: String, at date: Date, in db: Database) throws {
        try Self.resolve(id: id, status: status, note: note, caseID: caseID, by: actor, at: date, in: db, key: signingKey)
    }

    static func resolve(id: String, status: Status, note: String?, caseID: String?, by actor: String, at date: Date, in db: Database, key: NodeKey?) throws {
        guard let current = try String.fetchOne(db, sql: "SELECT status FROM alert WHERE id = ?", arguments: [id]) else {
            throw DomainError(code: "not_found", reason: "no alert \(id)")
        }
        guard current == Status.open.rawValue else {
            throw DomainError(code: "alert_not_open", reason: "alert \(id) is already \(current)")
        }
        try db.execute(
            sql: "UPDATE alert SET status = ?, status_note = ?, case_id = ?, updated_at = ? WHERE id = ?",
            arguments: [status.rawValue, note, caseID, Timestamp.format(date), id])
        struct Resolved: Encodable { var status: String; var note: String?; var caseId: String? }
        try AuditLog.append(
            AuditRecord(actor: actor, action: "alert.\(status.rawValue)", entityType: "alert", entityID: id,
                        payload: Resolved(status: status.rawValue, note: note, caseId: caseID)),
            at: date, in: db, signingKey: key)
    }

    /// Counts by status and kind since an instant, for an agency (the command centre's figures).
    public func counts(for jurisdiction: JurisdictionCode?, since: Date) throws -> [String: Int] {
        try database.writer.read { db in
            var sql = "SELECT status, COUNT(*) AS n FROM alert WHERE detected_at >= ?"
            var arguments: StatementArguments = [Timestamp.format(since)]
            if let jurisdiction {
                sql += " AND (jurisdiction = ? OR notify = ?)"
                arguments += [jurisdiction.rawValue, jurisdiction.rawValue]
            }
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: sql + " GROUP BY status", arguments: arguments) { counts[row["status"]] = row["n"] }
            return counts
        }
    }

    public static func alert(from row: Row) -> Alert {
        Alert(
            id: row["id"], source: row["source"], kind: row["kind"], kindName: row["kind_name"], subject: row["subject"],
            jurisdiction: (row["jurisdiction"] as String?).flatMap(JurisdictionCode.init(rawValue:)),
            notify: (row["notify"] as String?).flatMap(JurisdictionCode.init(rawValue:)),
            occurredAt: Timestamp.parse(row["occurred_at"] as String) ?? .distantPast, detectedAt: Timestamp.parse(row["detected_at"] as String) ?? .distantPast,
            longitude: row["lon"], latitude: row["lat"], summary: row["summary"], data: row["data"],
            status: Status(rawValue: row["status"] as String) ?? .open, statusNote: row["status_note"], caseID: row["case_id"])
    }
}

extension AlertStore {
    /// Alerts changed since an instant, concerning an agency (the live feed).
    public func changed(since date: Date, for jurisdiction: JurisdictionCode, limit: Int = 200) throws -> [Alert] {
        try database.writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM alert WHERE updated_at > ? AND (jurisdiction = ? OR notify = ?) ORDER BY updated_at LIMIT ?",
                arguments: [Timestamp.format(date), jurisdiction.rawValue, jurisdiction.rawValue, limit]
            ).map(Self.alert(from:))
        }
    }

    /// Open alerts of the given kinds detected since an instant, oldest first (routine dispatch).
    public func open(kinds: Set<String>, since date: Date) throws -> [Alert] {
        guard !kinds.isEmpty else { return [] }
        return try database.writer.read { db in
            let marks = Array(repeating: "?", count: kinds.count).joined(separator: ",")
            return try Row.fetchAll(
                db, sql: "SELECT * FROM alert WHERE status = 'open' AND detected_at >= ? AND kind IN (\(marks)) ORDER BY detected_at",
                arguments: [Timestamp.format(date)] + StatementArguments(kinds.sorted())
            ).map(Self.alert(from:))
        }
    }
}
