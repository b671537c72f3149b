import Foundation
import GRDB
import XiezhiCore
import XiezhiStore

/// Takes weigh-in-motion records to their disposition, all in one transaction per batch:
/// validate → station and lane known → judge (pure) → evidence status of the station on the record's day →
/// store (idempotent on station + record id) → and for an evidence-grade overload with a readable plate, open a
/// case at the clue stage with the evidence package (or link the record to the open case of the same trip).
///
/// Decision: the case opens at 线索, not 立案 — 行政处罚法 Art. 41 requires the agency to review electronic records
/// before they are evidence, so filing stays with two certified officers; the clue carries the judgement, the
/// station's calibration and the benchmark's quote. An unreadable plate or an axle configuration not in the
/// limits table goes to the manual-review queue; a device fault, a within-tolerance pass and a screening-only
/// station never open a case.
struct WeighIngest {
    let node: Node

    /// What happened to one record.
    enum Disposition: String, Codable, Sendable {
        case compliant, withinTolerance = "within_tolerance", deviceFault = "device_fault", screeningOnly = "screening_only"
        case manualReview = "manual_review", caseOpened = "case_opened", linkedToCase = "linked_to_case", duplicate
    }

    struct Outcome: Codable, Sendable {
        var index: Int
        var station: String?
        var recordId: String?
        var disposition: Disposition?
        var overloadClass: String?
        var caseId: String?
        var error: RecordError?
    }

    struct RecordError: Codable, Sendable {
        var code: String
        var reason: String
    }

    struct Report: Codable, Sendable {
        var accepted: Int
        var duplicates: Int
        var rejected: Int
        var casesOpened: Int
        var results: [Outcome]
    }

    /// The system actor that opens non-site clues: it may register a clue (a case handler's right) in the
    /// station's agency, and nothing more.
    static func systemActor(_ jurisdiction: JurisdictionCode) -> CaseActor {
        CaseActor(accountId: "system:wim", role: .caseHandler, jurisdiction: jurisdiction, certified: false)
    }

    /// Ingests decoded records (or their decoding errors, kept in order). `restrictTo`: the agency whose stations the
    /// caller may feed (nil: any station, for the node's own importer).
    func ingest(_ items: [Result<WeighRecord, DomainError>], restrictTo jurisdiction: JurisdictionCode?) throws -> Report {
        let rules = node.rules.current
        let stations = Dictionary(uniqueKeysWithValues: try WeighStationStore(database: node.database, signingKey: nil).all().map { ($0.id, $0) })
        let now = node.now()
        let key = node.key
        let benchmarks = rules.benchmarks
        return try node.database.writer.write { db in
            var report = Report(accepted: 0, duplicates: 0, rejected: 0, casesOpened: 0, results: [])
            // A station's evidence status depends only on the China day: computed once per station-day of the batch.
            var statuses: [String: EvidenceStatus] = [:]
            report.results.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                var outcome = Outcome(index: index)
                do {
                    let record = try item.get()
                    outcome.station = record.station
                    outcome.recordId = record.recordID
                    try record.validate()
                    guard let station = stations[record.station] else {
                        throw DomainError(code: "unknown_station", reason: "station '\(record.station)' is not registered on this node")
                    }
                    if let jurisdiction, station.jurisdiction != jurisdiction {
                        throw DomainError(code: "wrong_jurisdiction", reason: "station '\(station.id)' belongs to agency \(station.jurisdiction)")
                    }
                    guard station.lanes.contains(record.lane) else {
                        throw DomainError(code: "invalid_lane", reason: "station '\(station.id)' has lanes \(station.lanes.map(String.init).joined(separator: ", ")), not \(record.lane)")
                    }
                    guard record.time <= now.addingTimeInterval(300) else {
                        throw DomainError(code: "invalid_time", reason: "the record's time \(ChinaTime.format(record.time)) is in the future (device clock?)")
                    }
                    if try WeighRecordStore.exists(station: record.station, recordID: record.recordID, in: db) {
                        outcome.disposition = .duplicate
                        report.duplicates += 1
                        report.results.append(outcome)
                        continue
                    }
                    let judgement = OverloadJudge.judge(record, jurisdiction: station.jurisdiction, limits: rules.overloadLimits)
                    outcome.overloadClass = judgement.overloadClass.rawValue
                    let statusKey = "\(station.id)\u{1F}\(CalendarDate(chinaDateOf: record.time))"
                    let status = statuses[statusKey] ?? station.evidenceStatus(at: record.time, rules: rules.nonSite)
                    statuses[statusKey] = status
                    let subject = Self.subject(of: record)
                    var row = WeighRecordStore.Row(
                        record: record, judgement: judgement, subject: subject, evidence: status.isEvidence, screeningReasons: status.reasons,
                        review: "none", caseID: nil)
                    switch judgement.overloadClass {
                    case .compliant: outcome.disposition = .compliant
                    case .withinTolerance: outcome.disposition = .withinTolerance
                    case .deviceFault: outcome.disposition = .deviceFault
                    case .unlistedConfiguration:
                        row.review = "unlisted_configuration"
                        outcome.disposition = .manualReview
                    case .overloaded:
                        if !status.isEvidence {
                            outcome.disposition = .screeningOnly
                        } else if let subject {
                            let resolved = rules.procedure.resolved(for: station.jurisdiction)
                            let span = resolved.doublePenalty.window(for: "overload").end(after: record.time, calendar: resolved.calendar).timeIntervalSince(record.time)
                            if let open = try CaseStore.openCase(
                                jurisdiction: station.jurisdiction, subject: subject, violationKind: "overload", near: record.time, window: span, in: db)
                            {
                                row.caseID = open.id
                                outcome.disposition = .linkedToCase
                            } else {
                                var intake = try Self.intake(record, judgement: judgement, station: station, status: status, subject: subject, benchmarks: benchmarks)
                                intake.carrier = try SubjectStore.carrier(ofVehicle: subject, in: db)
                                let opened = try CaseStore.open(
                                    intake, id: UUID().uuidString.lowercased(), by: Self.systemActor(station.jurisdiction), at: max(now, record.time), in: db, key: key)
                                row.caseID = opened.id
                                outcome.disposition = .caseOpened
                                report.casesOpened += 1
                            }
                        } else {
                            row.review = "unreadable_plate"
                            outcome.disposition = .manualReview
                        }
                    }
                    outcome.caseId = row.caseID
                    try WeighRecordStore.insert(row, at: now, in: db)
                    try Self.lookOut(record, station: station, lookout: node.watchlist, in: db)
                    report.accepted += 1
                } catch let error as DomainError {
                    outcome.error = RecordError(code: error.code, reason: error.reason)
                    report.rejected += 1
                }
                report.results.append(outcome)
            }
            return report
        }
    }

    /// Checks the record's plate against the watchlists (布控), inside the batch's transaction.
    static func lookOut(_ record: WeighRecord, station: WeighStation, lookout: WatchlistLookout, in db: Database) throws {
        guard let plate = record.recognisedPlate, !lookout.isIdle else { return }
        let sensor = WatchlistSensor(
            kind: .wim, id: station.id, place: station.name, longitude: station.location.longitude, latitude: station.location.latitude,
            jurisdiction: station.jurisdiction)
        try lookout.sight(.vehicle(plate: plate.value, colour: record.recognisedPlateColor), text: plate.value, by: sensor, at: record.time, in: db)
    }

    /// The subject key from the record's plate and colour, or nil when the camera could not read them.
    static func subject(of record: WeighRecord) -> String? {
        guard let plate = record.recognisedPlate, let color = record.recognisedPlateColor else { return nil }
        return SubjectKey.vehicle(VehicleKey(plate: plate, color: color)).stringValue
    }

    /// The clue: facts from the judgement, the station's calibration, the benchmark's quote; the record's own
    /// fields stay in the weigh record linked to the case (`GET /api/v1/cases/{id}/weigh-records`).
    static func intake(
        _ record: WeighRecord, judgement: OverloadJudgement, station: WeighStation, status: EvidenceStatus, subject: String,
        benchmarks: PenaltyBenchmarks
    ) throws -> ClueIntake {
        var facts = ["\(ChinaTime.format(record.time))，\(station.name)第\(record.lane)车道动态称重（记录号 \(record.recordID)）："]
        facts += judgement.judgementLines
        if case .evidence(let certificate?) = status {
            facts.append("称重设备 \(station.deviceModel)，计量检定证书 \(certificate.number)（\(certificate.issuer)，有效期 \(certificate.validFrom) 至 \(certificate.validTo)）。")
        }
        if let limit = judgement.limitKg {
            let quote = try benchmarks.quoteOverload(jurisdiction: station.jurisdiction, limitKg: limit, grossKg: record.grossKg)
            facts.append("按裁量基准测算：\(quote.outcome.chineseName) \(quote.amount) 元（\(quote.reasoning.last ?? "")）。")
        }
        if let plate = record.recognisedPlate, let city = plate.registrationCity {
            facts.append("车籍地：\(plate.provinceName)\(city.name)。")
        }
        return ClueIntake(
            jurisdiction: station.jurisdiction, subject: subject, partyKind: .individual, violationKind: "overload", facts: facts.joined(separator: "\n"),
            place: CasePlace(text: [station.name, station.stake].compactMap { $0 }.joined(separator: " "), longitude: station.location.longitude, latitude: station.location.latitude),
            occurredAt: record.time, source: "非现场治超：\(station.name) 记录 \(record.recordID)")
    }
}

/// The ingest for the node's own tools (`xiezhi import wim`): any station of the node, results summarised.
public enum WeighImport {
    /// Totals of one import.
    public struct Summary: Sendable {
        public var accepted = 0
        public var duplicates = 0
        public var rejected = 0
        public var casesOpened = 0
        /// Rejections with their row numbers (1-based data rows), at most `keepErrors`.
        public var errors: [(row: Int, code: String, reason: String)] = []

        public init() {}
    }

    /// Ingests one batch; `firstRow` numbers the rows in error messages.
    public static func ingest(_ items: [Result<WeighRecord, DomainError>], firstRow: Int, node: Node, into summary: inout Summary, keepErrors: Int = 100) throws {
        let report = try WeighIngest(node: node).ingest(items, restrictTo: nil)
        summary.accepted += report.accepted
        summary.duplicates += report.duplicates
        summary.rejected += report.rejected
        summary.casesOpened += report.casesOpened
        for outcome in report.results {
            if let error = outcome.error, summary.errors.count < keepErrors {
                summary.errors.append((firstRow + outcome.index, error.code, error.reason))
            }
        }
    }
}
