import Foundation
import GRDB
import XiezhiCore

/// JT/T 808 terminals registered to vehicles, and the positions they report.
public struct TerminalStore: Sendable {
    public let database: NodeDatabase
    public let signingKey: NodeKey?

    public init(database: NodeDatabase, signingKey: NodeKey?) {
        self.database = database
        self.signingKey = signingKey
    }

    /// Registers (or re-registers) a terminal to a vehicle, audited.
    public func register(_ registration: TerminalRegistration, jurisdiction: JurisdictionCode, by actor: String, at date: Date) throws {
        let key = signingKey
        try database.writer.write { db in try Self.register(registration, jurisdiction: jurisdiction, by: actor, at: date, key: key, in: db) }
    }

    /// ``register(_:jurisdiction:by:at:)`` from async code (the gateway's open registration): GRDB's async writer, so no
    /// cooperative thread waits for the write lock or the commit.
    public func enrol(_ registration: TerminalRegistration, jurisdiction: JurisdictionCode, by actor: String, at date: Date) async throws {
        let key = signingKey
        try await database.writer.write { db in try Self.register(registration, jurisdiction: jurisdiction, by: actor, at: date, key: key, in: db) }
    }

    static func register(
        _ registration: TerminalRegistration, jurisdiction: JurisdictionCode, by actor: String, at date: Date, key: NodeKey?, in db: Database
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO terminal (phone, subject, kind, carrier, authentication_code, jurisdiction, registered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(phone) DO UPDATE SET subject = excluded.subject, kind = excluded.kind, carrier = excluded.carrier,
                    authentication_code = excluded.authentication_code, jurisdiction = excluded.jurisdiction
                """,
            arguments: [registration.phone, SubjectKey.vehicle(registration.vehicle).stringValue, registration.kind.rawValue,
                        registration.carrier?.value, registration.authenticationCode, jurisdiction.rawValue, Timestamp.format(date)])
        struct Registered: Encodable { var phone: String; var vehicle: String; var kind: String; var carrier: String? }
        try AuditLog.append(
            AuditRecord(actor: actor, action: "terminal.registered", entityType: "terminal", entityID: registration.phone,
                        payload: Registered(phone: registration.phone, vehicle: registration.vehicle.stringValue, kind: registration.kind.rawValue,
                                            carrier: registration.carrier?.value)),
            at: date, in: db, signingKey: key)
    }

    /// The registration of a terminal phone, or nil when unknown.
    public func terminal(phone: String) throws -> TerminalRegistration? {
        try database.writer.read { db in try Self.terminal(phone: phone, in: db) }
    }

    /// ``terminal(phone:)`` from async code.
    public func lookUp(phone: String) async throws -> TerminalRegistration? {
        try await database.read { db in try Self.terminal(phone: phone, in: db) }
    }

    static func terminal(phone: String, in db: Database) throws -> TerminalRegistration? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM terminal WHERE phone = ?", arguments: [phone]) else { return nil }
        guard case .vehicle(let vehicle) = try SubjectKey(row["subject"] as String), let kind = MonitoredVehicleKind(rawValue: row["kind"]) else {
            throw StoreError(code: "corrupt_terminal", reason: "terminal \(phone) has a bad subject or kind")
        }
        return TerminalRegistration(
            phone: phone, vehicle: vehicle, kind: kind, carrier: try (row["carrier"] as String?).map { try UnifiedSocialCreditCode($0) },
            authenticationCode: row["authentication_code"])
    }

    /// Remembers the protocol version a terminal speaks and when it was last seen.
    public func touch(phone: String, version: String?, at date: Date) async throws {
        try await database.writer.write { db in
            try db.execute(
                sql: "UPDATE terminal SET protocol_version = COALESCE(?, protocol_version), last_seen_at = ? WHERE phone = ?",
                arguments: [version, Timestamp.format(date), phone])
        }
    }

    /// Stores positions durably (one transaction) and moves each vehicle's latest position forward.
    public func store(_ positions: [VehiclePosition]) throws {
        guard !positions.isEmpty else { return }
        try database.writer.write { db in try Self.insert(positions, in: db) }
    }

    /// ``store(_:)`` from async code: GRDB's async writer, so no cooperative thread waits for the write lock or the
    /// commit.
    public func persist(_ positions: [VehiclePosition]) async throws {
        guard !positions.isEmpty else { return }
        try await database.writer.write { db in try Self.insert(positions, in: db) }
    }

    static func insert(_ positions: [VehiclePosition], in db: Database) throws {
        let insert = try db.cachedStatement(sql: """
            INSERT INTO vehicle_position (subject, terminal, time, lon, lat, speed_kmh, heading, altitude, alarm_bits, status_bits, received_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let latest = try db.cachedStatement(sql: """
            INSERT INTO vehicle_latest (subject, terminal, time, lon, lat, speed_kmh, heading, alarm_bits, status_bits)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(subject) DO UPDATE SET terminal = excluded.terminal, time = excluded.time, lon = excluded.lon, lat = excluded.lat,
                speed_kmh = excluded.speed_kmh, heading = excluded.heading, alarm_bits = excluded.alarm_bits, status_bits = excluded.status_bits
            WHERE excluded.time > vehicle_latest.time
            """)
        // Every position goes into the track; the latest table needs only each vehicle's newest of the batch (a group
        // commit holds many reports of the same vehicles).
        var newest: [String: Int] = [:]
        for (index, position) in positions.enumerated() {
            let time = Timestamp.format(position.time)
            try insert.execute(arguments: [position.subject, position.terminal, time, position.longitude, position.latitude, position.speedKmh,
                                           position.heading, position.altitude, Int64(position.alarmBits), Int64(position.statusBits),
                                           Timestamp.format(position.receivedAt)])
            if let seen = newest[position.subject], positions[seen].time >= position.time { continue }
            newest[position.subject] = index
        }
        for index in newest.values.sorted() {
            let position = positions[index]
            try latest.execute(arguments: [position.subject, position.terminal, Timestamp.format(position.time), position.longitude, position.latitude,
                                           position.speedKmh, position.heading, Int64(position.alarmBits), Int64(position.statusBits)])
        }
    }

    /// A vehicle's positions between two times, oldest first (at most `limit`).
    public func track(subject: String, from: Date, to: Date, limit: Int) throws -> [VehiclePosition] {
        try database.writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM vehicle_position WHERE subject = ? AND time BETWEEN ? AND ? ORDER BY time LIMIT ?",
                arguments: [subject, Timestamp.format(from), Timestamp.format(to), limit]
            ).map { row in
                VehiclePosition(
                    subject: row["subject"], terminal: row["terminal"], time: Timestamp.parse(row["time"] as String) ?? .distantPast,
                    longitude: row["lon"], latitude: row["lat"], speedKmh: row["speed_kmh"], heading: row["heading"], altitude: row["altitude"],
                    alarmBits: UInt32(truncatingIfNeeded: row["alarm_bits"] as Int64), statusBits: UInt32(truncatingIfNeeded: row["status_bits"] as Int64),
                    receivedAt: Timestamp.parse(row["received_at"] as String) ?? .distantPast)
            }
        }
    }
}

extension TerminalStore {
    /// A vehicle's latest position with its terminal's kind, for the situation map.
    public struct Latest: Codable, Sendable, Hashable {
        public var subject: String
        public var kind: String
        public var time: Date
        public var longitude: Double
        public var latitude: Double
        public var speedKmh: Double
        public var heading: Int
        public var alarmBits: Int
    }

    /// The latest positions reported since an instant, newest first.
    public func latest(since date: Date, limit: Int) throws -> [Latest] {
        try database.writer.read { db in
            try Row.fetchAll(
                db, sql: """
                    SELECT l.subject, COALESCE(t.kind, 'unknown') AS kind, l.time, l.lon, l.lat, l.speed_kmh, l.heading, l.alarm_bits
                    FROM vehicle_latest l LEFT JOIN terminal t ON t.phone = l.terminal
                    WHERE l.time >= ? ORDER BY l.time DESC LIMIT ?
                    """,
                arguments: [Timestamp.format(date), limit]
            ).map { row in
                Latest(
                    subject: row["subject"], kind: row["kind"], time: Timestamp.parse(row["time"] as String) ?? .distantPast, longitude: row["lon"],
                    latitude: row["lat"], speedKmh: row["speed_kmh"], heading: row["heading"], alarmBits: row["alarm_bits"])
            }
        }
    }
}
