import Foundation
import GRDB
import XiezhiCore

/// Weigh-in-motion records with their judgement, stored idempotently on (station, record id), with the
/// per-station daily statistics and the manual-review queue read from them.
public struct WeighRecordStore: Sendable {
    public let database: NodeDatabase

    public init(database: NodeDatabase) {
        self.database = database
    }

    /// One judged record ready to store.
    public struct Row: Sendable {
        public var record: WeighRecord
        public var judgement: OverloadJudgement
        /// The normalised subject key, when the plate was read.
        public var subject: String?
        public var evidence: Bool
        public var screeningReasons: [String]
        /// `none`, or why a person must look at it (`unreadable_plate`, `unlisted_configuration`).
        public var review: String
        public var caseID: String?

        public init(record: WeighRecord, judgement: OverloadJudgement, subject: String?, evidence: Bool, screeningReasons: [String], review: String, caseID: String?) {
            self.record = record
            self.judgement = judgement
            self.subject = subject
            self.evidence = evidence
            self.screeningReasons = screeningReasons
            self.review = review
            self.caseID = caseID
        }
    }

    /// Whether a record is already stored (inside the caller's transaction).
    public static func exists(station: String, recordID: String, in db: Database) throws -> Bool {
        let statement = try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM weigh_record WHERE station = ? AND record_id = ?)")
        return try Bool.fetchOne(statement, arguments: [station, recordID]) ?? false
    }

    /// Whether the full verdict is worth its bytes: every pass that is not plainly compliant. A plain compliant pass
    /// keeps its limit and class in columns and its record in `data`.
    public static func keepsFullJudgement(_ judgement: OverloadJudgement) -> Bool {
        judgement.overloadClass != .compliant || !judgement.dimensionExcesses.isEmpty
    }

    /// Inserts one row inside the caller's transaction; returns false when (station, record id) was already there.
    @discardableResult
    public static func insert(_ row: Row, at date: Date, in db: Database) throws -> Bool {
        let judgement = row.judgement
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO weigh_record (station, record_id, time, day, lane, plate, subject, axle_count, gross_kg, limit_kg, over_kg, over_pct,
                    class, tags, evidence, screening_reasons, review, case_id, data, judgement, ingested_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(station, record_id) DO NOTHING
                """)
        var reasons = JSONText(capacity: 64)
        reasons.beginArray()
        for (index, reason) in row.screeningReasons.enumerated() {
            if index > 0 { reasons.comma() }
            reasons.string(reason)
        }
        reasons.endArray()
        var tags = ","
        for tag in judgement.tags { tags += tag.id + "," }
        try statement.execute(
            arguments: [row.record.station, row.record.recordID, Timestamp.format(row.record.time), CalendarDate(chinaDateOf: row.record.time).description,
                        row.record.lane, row.record.plate.isEmpty ? nil : row.record.plate, row.subject, row.record.axles.count, row.record.grossKg,
                        judgement.limitKg, judgement.overKg, judgement.overPct?.value,
                        judgement.overloadClass.rawValue, tags, row.evidence,
                        reasons.string, row.review, row.caseID, row.record.jsonText,
                        keepsFullJudgement(judgement) ? try CanonicalJSON.storedString(judgement) : nil, Timestamp.format(date)])
        return db.changesCount == 1
    }

    /// A stored record with its judgement and disposition.
    public struct Stored: Sendable, Codable {
        public var record: WeighRecord
        /// The full verdict; `nil` for a plain compliant pass (``keepsFullJudgement(_:)``).
        public var judgement: OverloadJudgement?
        public var subject: String?
        public var evidence: Bool
        public var screeningReasons: [String]
        public var review: String
        public var caseID: String?
        public var ingestedAt: Date
    }

    /// The records behind a case (its evidence package), oldest first.
    public func records(caseID: String) throws -> [Stored] {
        try database.writer.read { db in
            try GRDB.Row.fetchAll(db, sql: "SELECT * FROM weigh_record WHERE case_id = ? ORDER BY time", arguments: [caseID]).map(Self.stored)
        }
    }

    /// Records waiting for a person (unreadable plate, unlisted configuration) at the given stations, newest first.
    public func reviewQueue(stations: [String], limit: Int, offset: Int) throws -> (items: [Stored], total: Int) {
        guard !stations.isEmpty else { return ([], 0) }
        let marks = stations.map { _ in "?" }.joined(separator: ",")
        return try database.writer.read { db in
            let arguments = StatementArguments(stations)
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM weigh_record WHERE review != 'none' AND station IN (\(marks))", arguments: arguments) ?? 0
            let items = try GRDB.Row.fetchAll(
                db, sql: "SELECT * FROM weigh_record WHERE review != 'none' AND station IN (\(marks)) ORDER BY time DESC LIMIT ? OFFSET ?",
                arguments: arguments + [limit, offset]
            ).map(Self.stored)
            return (items, total)
        }
    }

    /// One station-day of counts.
    public struct DailyStatistics: Sendable, Codable, Hashable {
        public var station: String
        public var day: String
        public var passes: Int
        public var overloaded: Int
        public var withinTolerance: Int
        public var over40Percent: Int
        public var over100Percent: Int
        public var hundredTonne: Int
        public var deviceFaults: Int
        public var screeningOnly: Int
        public var casesOpened: Int
    }

    /// Per station per day between two China dates (inclusive).
    public func dailyStatistics(stations: [String], from: CalendarDate, to: CalendarDate) throws -> [DailyStatistics] {
        guard !stations.isEmpty else { return [] }
        let marks = stations.map { _ in "?" }.joined(separator: ",")
        return try database.writer.read { db in
            try GRDB.Row.fetchAll(
                db,
                sql: """
                    SELECT station, day, COUNT(*) AS passes,
                        SUM(class = 'overloaded') AS overloaded, SUM(class = 'within_tolerance') AS within_tolerance,
                        SUM(class = 'overloaded' AND tags LIKE '%,over_40_percent,%') AS over40,
                        SUM(class = 'overloaded' AND tags LIKE '%,over_100_percent,%') AS over100,
                        SUM(class = 'overloaded' AND tags LIKE '%,hundred_tonne,%') AS hundred,
                        SUM(class = 'device_fault') AS faults, SUM(class = 'overloaded' AND evidence = 0) AS screening,
                        COUNT(DISTINCT case_id) AS cases
                    FROM weigh_record WHERE station IN (\(marks)) AND day BETWEEN ? AND ?
                    GROUP BY station, day ORDER BY day, station
                    """,
                arguments: StatementArguments(stations) + [from.description, to.description]
            ).map { row in
                DailyStatistics(
                    station: row["station"], day: row["day"], passes: row["passes"], overloaded: row["overloaded"], withinTolerance: row["within_tolerance"],
                    over40Percent: row["over40"], over100Percent: row["over100"], hundredTonne: row["hundred"], deviceFaults: row["faults"],
                    screeningOnly: row["screening"], casesOpened: row["cases"])
            }
        }
    }

    static func stored(_ row: GRDB.Row) throws -> Stored {
        let decoder = CanonicalJSON.decoder
        func decode<T: Decodable>(_ type: T.Type, _ column: String) throws -> T {
            do {
                return try decoder.decode(type, from: Data((row[column] as String).utf8))
            } catch {
                throw StoreError(code: "corrupt_weigh_record", reason: "column \(column) of a weigh record does not decode: \(error)")
            }
        }
        return Stored(
            record: try decode(WeighRecord.self, "data"),
            judgement: (row["judgement"] as String?) == nil ? nil : try decode(OverloadJudgement.self, "judgement"), subject: row["subject"],
            evidence: row["evidence"], screeningReasons: try decode([String].self, "screening_reasons"), review: row["review"], caseID: row["case_id"],
            ingestedAt: Timestamp.parse(row["ingested_at"] as String) ?? .distantPast)
    }
}
