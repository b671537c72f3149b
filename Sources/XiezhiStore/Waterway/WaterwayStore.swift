import Foundation
import GRDB
import XiezhiCore

/// Checkpoint passages (as the checkpoint systems sent them, with the identification once judged), the fingerprint
/// library (船舶指纹库) and the vessels of the subject register the waterway monitor identifies against.
public struct WaterwayStore: Sendable {
    public let database: NodeDatabase

    public init(database: NodeDatabase) {
        self.database = database
    }

    /// A photo of a passage: where it is kept and the SHA-256 of its bytes (so the evidence can be verified later).
    public struct Photo: Sendable, Hashable, Codable {
        public var ref: String
        public var sha256: String

        public init(ref: String, sha256: String) {
            self.ref = ref
            self.sha256 = sha256
        }
    }

    /// A stored passage with its photos and, once judged, its identification.
    public struct StoredPassage: Sendable, Codable {
        public var passage: CheckpointPassage
        public var photos: [Photo]
        public var receivedAt: Date
        public var identification: Identification?
    }

    /// Stores passages; one already stored (same checkpoint and id) is skipped. Returns the ones that were new, in
    /// the order given.
    public func insert(_ passages: [(passage: CheckpointPassage, photos: [Photo])], at date: Date) throws -> [CheckpointPassage] {
        guard !passages.isEmpty else { return [] }
        let received = Timestamp.format(date)
        return try database.writer.write { db in
            let statement = try db.cachedStatement(sql: """
                INSERT INTO waterway_passage (checkpoint, id, time, day, data, photos, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(checkpoint, id) DO NOTHING
                """)
            var inserted: [CheckpointPassage] = []
            for (passage, photos) in passages {
                try statement.execute(arguments: [
                    passage.checkpoint, passage.id, Timestamp.format(passage.time), CalendarDate(chinaDateOf: passage.time).description,
                    try CanonicalJSON.storedString(passage), try CanonicalJSON.storedString(photos), received,
                ])
                if db.changesCount == 1 { inserted.append(passage) }
            }
            return inserted
        }
    }

    /// Records the identifications of judged passages.
    public func record(_ identifications: [Identification], at date: Date) throws {
        guard !identifications.isEmpty else { return }
        let judged = Timestamp.format(date)
        try database.writer.write { db in
            let statement = try db.cachedStatement(sql: """
                UPDATE waterway_passage SET judged_at = ?, identified = ?, vessel = ?, mmsi = ?, confidence = ?, method = ?, identification = ?
                WHERE checkpoint = ? AND id = ?
                """)
            for identification in identifications {
                try statement.execute(arguments: [
                    judged, identification.isIdentified, identification.vessel?.value, identification.mmsi?.number, identification.confidence,
                    identification.method.map(\.rawValue).joined(separator: "+"), try CanonicalJSON.storedString(identification),
                    identification.checkpoint, identification.passage,
                ])
            }
        }
    }

    /// Passages, newest first, filtered by checkpoint and time.
    public func passages(checkpoint: String?, from: Date?, to: Date?, limit: Int, offset: Int) throws -> (items: [StoredPassage], total: Int) {
        var conditions = ["time >= ?", "time <= ?"]
        var arguments: StatementArguments = [Timestamp.format(from ?? .distantPast), Timestamp.format(to ?? .distantFuture)]
        if let checkpoint {
            conditions.append("checkpoint = ?")
            arguments += [checkpoint]
        }
        let filter = conditions.joined(separator: " AND ")
        return try database.writer.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM waterway_passage WHERE \(filter)", arguments: arguments) ?? 0
            let items = try Row.fetchAll(
                db, sql: "SELECT * FROM waterway_passage WHERE \(filter) ORDER BY time DESC LIMIT ? OFFSET ?", arguments: arguments + [limit, offset]
            ).map { try Self.stored(from: $0) }
            return (items, total)
        }
    }

    /// Passages not judged yet whose time is after `since`, oldest first (reloaded into the monitor at start).
    public func unjudged(since: Date) throws -> [CheckpointPassage] {
        try database.writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM waterway_passage WHERE judged_at IS NULL AND time >= ? ORDER BY time", arguments: [Timestamp.format(since)]
            ).map { try Self.stored(from: $0).passage }
        }
    }

    /// 识别率 — per checkpoint, the judged passages of a China calendar day and how many were identified.
    public func identificationRates(day: CalendarDate) throws -> [IdentificationRate] {
        try database.writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT checkpoint, COUNT(*) AS passages, SUM(identified) AS identified FROM waterway_passage
                WHERE day = ? AND judged_at IS NOT NULL GROUP BY checkpoint ORDER BY checkpoint
                """, arguments: [day.description]
            ).map { row in
                IdentificationRate(checkpoint: row["checkpoint"], day: day, passages: row["passages"], identified: row["identified"] ?? 0)
            }
        }
    }

    /// The persisted fingerprint library.
    public func fingerprints() throws -> FingerprintLibrary {
        try database.writer.read { db in
            let decoder = CanonicalJSON.decoder
            return FingerprintLibrary(try String.fetchAll(db, sql: "SELECT data FROM vessel_fingerprint").map {
                try decoder.decode(VesselFingerprint.self, from: Data($0.utf8))
            })
        }
    }

    /// Saves fingerprints (replacing the stored ones of the same ships).
    public func save(_ fingerprints: [VesselFingerprint], at date: Date) throws {
        guard !fingerprints.isEmpty else { return }
        try database.writer.write { db in
            let statement = try db.cachedStatement(sql: """
                INSERT INTO vessel_fingerprint (vessel, data, updated_at) VALUES (?, ?, ?)
                ON CONFLICT(vessel) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at
                """)
            for fingerprint in fingerprints {
                try statement.execute(arguments: [fingerprint.vessel.value, try CanonicalJSON.storedString(fingerprint), Timestamp.format(date)])
            }
        }
    }

    /// The records of the vessels in the subject register (as JSON), for the monitor's registry.
    public func registeredVesselRecords() throws -> [String] {
        try database.writer.read { db in try String.fetchAll(db, sql: "SELECT data FROM subject WHERE kind = 'vessel' ORDER BY key") }
    }

    static func stored(from row: Row) throws -> StoredPassage {
        let decoder = CanonicalJSON.decoder
        let passage = try decoder.decode(CheckpointPassage.self, from: Data((row["data"] as String).utf8))
        let photos = (try? decoder.decode([Photo].self, from: Data((row["photos"] as String).utf8))) ?? []
        let identification = (row["identification"] as String?).flatMap { try? decoder.decode(Identification.self, from: Data($0.utf8)) }
        return StoredPassage(
            passage: passage, photos: photos, receivedAt: Timestamp.parse(row["received_at"] as String) ?? .distantPast,
            identification: identification)
    }
}
