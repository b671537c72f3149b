import Foundation
import GRDB
import XiezhiCore

/// Dangerous-goods electronic waybills (电子运单) and approved passenger routes (班线): what the vehicle-monitoring
/// rules check moving vehicles against. Filing is audited.
public struct WaybillStore: Sendable {
    public let database: NodeDatabase
    public let signingKey: NodeKey?

    public init(database: NodeDatabase, signingKey: NodeKey?) {
        self.database = database
        self.signingKey = signingKey
    }

    /// Files a waybill; an id already filed is refused (`already_exists`).
    public func file(_ waybill: ElectronicWaybill, by actor: String, at date: Date) throws {
        let key = signingKey
        try database.writer.write { db in
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM waybill WHERE id = ?)", arguments: [waybill.id]) == true {
                throw DomainError(code: "already_exists", reason: "waybill \(waybill.id) is already filed")
            }
            try db.execute(
                sql: "INSERT INTO waybill (id, vehicle, valid_from, valid_to, data, filed_by, filed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [waybill.id, SubjectKey.vehicle(waybill.vehicle).stringValue, Timestamp.format(waybill.validFrom), Timestamp.format(waybill.validTo),
                            try CanonicalJSON.string(waybill), actor, Timestamp.format(date)])
            struct Filed: Encodable { var vehicle: String; var unNumber: String; var validTo: Date }
            try AuditLog.append(
                AuditRecord(actor: actor, action: "waybill.filed", entityType: "waybill", entityID: waybill.id,
                            payload: Filed(vehicle: waybill.vehicle.stringValue, unNumber: waybill.unNumber.description, validTo: waybill.validTo)),
                at: date, in: db, signingKey: key)
        }
    }

    /// A vehicle's waybills whose validity ends after `after`, earliest first.
    public func waybills(vehicle: VehicleKey, endingAfter after: Date) throws -> [ElectronicWaybill] {
        try database.writer.read { db in try Self.waybills(vehicle: vehicle, endingAfter: after, in: db) }
    }

    /// ``waybills(vehicle:endingAfter:)`` inside a read the caller holds.
    public static func waybills(vehicle: VehicleKey, endingAfter after: Date, in db: Database) throws -> [ElectronicWaybill] {
        try String.fetchAll(
            db, sql: "SELECT data FROM waybill WHERE vehicle = ? AND valid_to >= ? ORDER BY valid_from",
            arguments: [SubjectKey.vehicle(vehicle).stringValue, Timestamp.format(after)]
        ).map { try CanonicalJSON.decoder.decode(ElectronicWaybill.self, from: Data($0.utf8)) }
    }

    /// Waybills filed, newest first.
    public func recent(limit: Int, offset: Int) throws -> (items: [ElectronicWaybill], total: Int) {
        try database.writer.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM waybill") ?? 0
            let items = try String.fetchAll(db, sql: "SELECT data FROM waybill ORDER BY filed_at DESC LIMIT ? OFFSET ?", arguments: [limit, offset])
                .map { try CanonicalJSON.decoder.decode(ElectronicWaybill.self, from: Data($0.utf8)) }
            return (items, total)
        }
    }

    /// Files or replaces an approved route, audited.
    public func file(_ route: ApprovedRoute, jurisdiction: JurisdictionCode, by actor: String, at date: Date) throws {
        let key = signingKey
        try database.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO approved_route (id, data, jurisdiction, filed_by, filed_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET data = excluded.data, jurisdiction = excluded.jurisdiction, filed_by = excluded.filed_by,
                        filed_at = excluded.filed_at
                    """,
                arguments: [route.id, try CanonicalJSON.string(route), jurisdiction.rawValue, actor, Timestamp.format(date)])
            struct Filed: Encodable { var name: String; var vehicles: [String]; var lengthKm: Double }
            try AuditLog.append(
                AuditRecord(actor: actor, action: "route.filed", entityType: "route", entityID: route.id,
                            payload: Filed(name: route.nameZh, vehicles: route.vehicles.map(\.stringValue), lengthKm: (route.lengthKm * 10).rounded() / 10)),
                at: date, in: db, signingKey: key)
        }
    }

    /// Every approved route.
    public func routes() throws -> [ApprovedRoute] {
        try database.writer.read { db in try Self.routes(in: db) }
    }

    /// ``routes()`` inside a read the caller holds.
    public static func routes(in db: Database) throws -> [ApprovedRoute] {
        try String.fetchAll(db, sql: "SELECT data FROM approved_route ORDER BY id").map { try CanonicalJSON.decoder.decode(ApprovedRoute.self, from: Data($0.utf8)) }
    }
}
