import Foundation
import GRDB
import XiezhiCore

/// The register of weigh-in-motion stations. Registering or changing a station (its calibration, its activation)
/// is audited: those facts decide whether its records are evidence.
public struct WeighStationStore: Sendable {
    public let database: NodeDatabase
    public let signingKey: NodeKey?

    public init(database: NodeDatabase, signingKey: NodeKey?) {
        self.database = database
        self.signingKey = signingKey
    }

    /// Creates or replaces a station (validated first).
    public func save(_ station: WeighStation, by actor: String, at date: Date) throws {
        try station.validate()
        let key = signingKey
        try database.writer.write { db in
            let existed = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM weigh_station WHERE id = ?)", arguments: [station.id]) ?? false
            try db.execute(
                sql: """
                    INSERT INTO weigh_station (id, jurisdiction, data, updated_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET jurisdiction = excluded.jurisdiction, data = excluded.data, updated_at = excluded.updated_at
                    """,
                arguments: [station.id, station.jurisdiction.rawValue, try CanonicalJSON.string(station), Timestamp.format(date)])
            try AuditLog.append(
                AuditRecord(actor: actor, action: existed ? "station.updated" : "station.registered", entityType: "station", entityID: station.id, payload: station),
                at: date, in: db, signingKey: key)
        }
    }

    public func station(id: String) throws -> WeighStation? {
        try database.writer.read { db in try Self.station(id: id, in: db) }
    }

    public func all() throws -> [WeighStation] {
        try database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT data FROM weigh_station ORDER BY jurisdiction, id").map(Self.decode)
        }
    }

    static func station(id: String, in db: Database) throws -> WeighStation? {
        try String.fetchOne(db, sql: "SELECT data FROM weigh_station WHERE id = ?", arguments: [id]).map(decode)
    }

    static func decode(_ text: String) throws -> WeighStation {
        do {
            return try CanonicalJSON.decoder.decode(WeighStation.self, from: Data(text.utf8))
        } catch {
            throw StoreError(code: "corrupt_station", reason: "a stored station does not decode: \(error)")
        }
    }
}
