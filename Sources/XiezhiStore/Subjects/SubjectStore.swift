import Foundation
import GRDB
import XiezhiCore

/// The register of subjects (vehicles, carriers, drivers, vessels, owners) by their `SubjectKey` string.
/// Each is stored as the domain record's JSON; registration is audited.
public struct SubjectStore: Sendable {
    public let database: NodeDatabase
    public let signingKey: NodeKey?

    public init(database: NodeDatabase, signingKey: NodeKey?) {
        self.database = database
        self.signingKey = signingKey
    }

    /// A stored subject: its key, kind, a display label (e.g. `浙F12345（黄色）`), and the record as JSON.
    public struct Entry: Sendable, Hashable, Codable {
        public var key: String
        public var kind: String
        public var label: String
        public var data: String
        public var jurisdiction: JurisdictionCode
        public var registeredBy: String
        public var registeredAt: Date

        public init(key: String, kind: String, label: String, data: String, jurisdiction: JurisdictionCode, registeredBy: String, registeredAt: Date) {
            self.key = key
            self.kind = kind
            self.label = label
            self.data = data
            self.jurisdiction = jurisdiction
            self.registeredBy = registeredBy
            self.registeredAt = registeredAt
        }
    }

    /// Registers a subject; a key already registered is refused with `already_exists`.
    public func register(_ entry: Entry) throws {
        let key = signingKey
        try database.writer.write { db in
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM subject WHERE key = ?)", arguments: [entry.key]) == true {
                throw DomainError(code: "already_exists", reason: "subject \(entry.label) is already registered")
            }
            try db.execute(
                sql: "INSERT INTO subject (key, kind, label, data, jurisdiction, registered_by, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [entry.key, entry.kind, entry.label, entry.data, entry.jurisdiction.rawValue, entry.registeredBy, Timestamp.format(entry.registeredAt)])
            struct Registered: Encodable { var kind: String; var label: String }
            // The audit entry names the subject by its masked label, not the full record (personal data stays in one place).
            try AuditLog.append(
                AuditRecord(actor: entry.registeredBy, action: "subject.registered", entityType: "subject", entityID: entry.label,
                            payload: Registered(kind: entry.kind, label: entry.label)),
                at: entry.registeredAt, in: db, signingKey: key)
        }
    }

    /// The carrier (`organisation:<USCC>`) a registered vehicle names, inside the caller's transaction.
    public static func carrier(ofVehicle key: String, in db: Database) throws -> String? {
        let statement = try db.cachedStatement(sql: "SELECT json_extract(data, '$.carrier') FROM subject WHERE key = ? AND kind = 'vehicle'")
        return try String.fetchOne(statement, arguments: [key]).map { "organisation:\($0)" }
    }

    /// The carrier a registered vehicle names, in a read of its own.
    public func carrier(ofVehicle key: String) throws -> String? {
        try database.writer.read { db in try Self.carrier(ofVehicle: key, in: db) }
    }

    /// How many registered vehicles name this carrier (`organisation:<USCC>`): the fleet 一超四罚 measures a
    /// carrier's share against.
    public func fleetSize(carrier: String) throws -> Int {
        let code = carrier.hasPrefix("organisation:") ? String(carrier.dropFirst("organisation:".count)) : carrier
        return try database.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM subject WHERE kind = 'vehicle' AND json_extract(data, '$.carrier') = ?", arguments: [code]) ?? 0
        }
    }

    public func entry(key: String) throws -> Entry? {
        try database.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM subject WHERE key = ?", arguments: [key]).map(Self.entry(from:))
        }
    }

    /// Subjects of a kind (or all), whose label contains `text`, by label; with the total count.
    public func search(kind: String?, text: String?, limit: Int, offset: Int) throws -> (items: [Entry], total: Int) {
        try database.writer.read { db in
            var clauses: [String] = []
            var arguments: StatementArguments = []
            if let kind { clauses.append("kind = ?"); arguments += [kind] }
            if let text, !text.isEmpty { clauses.append("label LIKE ? ESCAPE '\\'"); arguments += ["%" + Self.escapeLike(text) + "%"] }
            let whereClause = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM subject \(whereClause)", arguments: arguments) ?? 0
            let items = try Row.fetchAll(
                db, sql: "SELECT * FROM subject \(whereClause) ORDER BY label LIMIT ? OFFSET ?", arguments: arguments + [limit, offset]
            ).map(Self.entry(from:))
            return (items, total)
        }
    }

    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }

    static func entry(from row: Row) -> Entry {
        let registered: String = row["registered_at"]
        let jurisdiction: String = row["jurisdiction"]
        return Entry(
            key: row["key"], kind: row["kind"], label: row["label"], data: row["data"],
            jurisdiction: JurisdictionCode(rawValue: jurisdiction) ?? JurisdictionCode(rawValue: "000000")!,
            registeredBy: row["registered_by"], registeredAt: Timestamp.parse(registered) ?? .distantPast)
    }
}
