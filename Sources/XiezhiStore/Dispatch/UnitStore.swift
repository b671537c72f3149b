import Foundation
import GRDB
import XiezhiCore

/// Enforcement units and their duty shifts (勤务). Registering a unit, changing its status and planning shifts are
/// audited; position updates (every few seconds from a phone or a terminal) are not.
public struct UnitStore: Sendable {
    public let database: NodeDatabase
    public let signingKey: NodeKey?

    public init(database: NodeDatabase, signingKey: NodeKey?) {
        self.database = database
        self.signingKey = signingKey
    }

    /// Registers a unit or replaces its registration (name, kind, members, post, terminal), audited.
    public func save(_ unit: EnforcementUnit, by actor: String, at date: Date) throws {
        try database.writer.write { db in try Self.save(unit, by: actor, at: date, in: db, key: signingKey) }
    }

    static func save(_ unit: EnforcementUnit, by actor: String, at date: Date, in db: Database, key: NodeKey?) throws {
        try write(unit, at: date, in: db)
        struct Saved: Encodable { var name: String; var kind: String; var status: String; var members: [String] }
        try AuditLog.append(
            AuditRecord(actor: actor, action: "unit.saved", entityType: "unit", entityID: unit.id,
                        payload: Saved(name: unit.name, kind: unit.kind.rawValue, status: unit.status.rawValue, members: unit.members)),
            at: date, in: db, signingKey: key)
    }

    static func write(_ unit: EnforcementUnit, at date: Date, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO unit (id, jurisdiction, kind, status, data, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET jurisdiction = excluded.jurisdiction, kind = excluded.kind, status = excluded.status,
                    data = excluded.data, updated_at = excluded.updated_at
                """,
            arguments: [unit.id, unit.jurisdiction.rawValue, unit.kind.rawValue, unit.status.rawValue, try CanonicalJSON.string(unit), Timestamp.format(date)])
    }

    /// Sets a unit's status, audited.
    public static func setStatus(_ id: String, to status: UnitStatus, by actor: String, at date: Date, in db: Database, key: NodeKey?) throws {
        guard var unit = try unit(id: id, in: db) else { throw DomainError(code: "not_found", reason: "no unit \(id)") }
        guard unit.status != status else { return }
        unit.status = status
        try write(unit, at: date, in: db)
        struct Changed: Encodable { var status: String }
        try AuditLog.append(
            AuditRecord(actor: actor, action: "unit.status", entityType: "unit", entityID: id, payload: Changed(status: status.rawValue)),
            at: date, in: db, signingKey: key)
    }

    /// Moves a unit (not audited: positions arrive every few seconds). Returns the unit, or nil when unknown.
    @discardableResult
    public func move(_ id: String, to point: GeoPoint, at date: Date) throws -> EnforcementUnit? {
        try database.writer.write { db in
            guard var unit = try Self.unit(id: id, in: db) else { return nil }
            unit.position = point
            unit.positionAt = date
            try Self.write(unit, at: date, in: db)
            return unit
        }
    }

    /// Moves the unit whose patrol car carries the JT/T 808 terminal `phone`, when there is one.
    public func moveTerminal(_ phone: String, to point: GeoPoint, at date: Date) throws {
        try database.writer.write { db in try Self.moveTerminal(phone, to: point, at: date, in: db) }
    }

    /// ``moveTerminal(_:to:at:)`` inside a write the caller holds.
    public static func moveTerminal(_ phone: String, to point: GeoPoint, at date: Date, in db: Database) throws {
        for var unit in try all(in: db) where unit.terminalPhone == phone {
            unit.position = point
            unit.positionAt = date
            try write(unit, at: date, in: db)
        }
    }

    public func unit(id: String) throws -> EnforcementUnit? {
        try database.writer.read { db in try Self.unit(id: id, in: db) }
    }

    public static func unit(id: String, in db: Database) throws -> EnforcementUnit? {
        try String.fetchOne(db, sql: "SELECT data FROM unit WHERE id = ?", arguments: [id]).map(decode)
    }

    /// Every unit (all agencies the node knows), by agency and name.
    public func all() throws -> [EnforcementUnit] {
        try database.writer.read { db in try Self.all(in: db) }
    }

    public static func all(in db: Database) throws -> [EnforcementUnit] {
        try String.fetchAll(db, sql: "SELECT data FROM unit ORDER BY jurisdiction, id").map(decode)
    }

    /// The units an account is a member of.
    public func units(member accountID: String) throws -> [EnforcementUnit] {
        try all().filter { $0.members.contains(accountID) }
    }

    /// Units changed since an instant (the live feed).
    public func changed(since date: Date) throws -> [EnforcementUnit] {
        try database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT data FROM unit WHERE updated_at > ? ORDER BY updated_at", arguments: [Timestamp.format(date)]).map(Self.decode)
        }
    }

    /// Plans a shift, audited. The unit must exist and the shift be well formed.
    public func addShift(_ shift: DutyShift, by actor: String, at date: Date) throws {
        guard shift.isWellFormed else {
            throw DomainError(code: "invalid_shift", reason: "a shift needs a post and must end after it starts, within 24 hours")
        }
        try database.writer.write { db in
            guard try Self.unit(id: shift.unitID, in: db) != nil else { throw DomainError(code: "not_found", reason: "no unit \(shift.unitID)") }
            try db.execute(
                sql: "INSERT INTO duty_shift (unit_id, post, starts_at, ends_at, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [shift.unitID, shift.post, Timestamp.format(shift.startsAt), Timestamp.format(shift.endsAt), actor, Timestamp.format(date)])
            try AuditLog.append(
                AuditRecord(actor: actor, action: "duty_shift.planned", entityType: "unit", entityID: shift.unitID, payload: shift),
                at: date, in: db, signingKey: signingKey)
        }
    }

    /// Shifts overlapping [from, to), by start.
    public func shifts(from: Date, to: Date) throws -> [DutyShift] {
        try database.writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM duty_shift WHERE ends_at > ? AND starts_at < ? ORDER BY starts_at, unit_id",
                arguments: [Timestamp.format(from), Timestamp.format(to)]
            ).map { row in
                DutyShift(
                    unitID: row["unit_id"], post: row["post"], startsAt: Timestamp.parse(row["starts_at"] as String) ?? .distantPast,
                    endsAt: Timestamp.parse(row["ends_at"] as String) ?? .distantPast)
            }
        }
    }

    static func decode(_ text: String) throws -> EnforcementUnit {
        try CanonicalJSON.decoder.decode(EnforcementUnit.self, from: Data(text.utf8))
    }
}
