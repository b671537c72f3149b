import Foundation
import Hummingbird
import XiezhiCore
import XiezhiStore

/// Weigh-in-motion records in, and what they became: the batch ingest, the manual-review queue, the station
/// statistics, and a case's weighing evidence.
struct WeighRecordController: APIController {
    let node: Node
    var records: WeighRecordStore { WeighRecordStore(database: node.database) }

    /// `{"records": [...]}` where each record decodes on its own: a malformed record is reported in its slot and
    /// the others go on.
    struct Batch: Decodable {
        var records: [Slot]

        struct Slot: Decodable {
            var result: Result<WeighRecord, DomainError>

            init(from decoder: any Decoder) throws {
                do {
                    result = .success(try WeighRecord(from: decoder))
                } catch let error as DomainError {
                    result = .failure(error)
                } catch let error as DecodingError {
                    result = .failure(DomainError(code: "invalid_weigh_record", reason: APIJSON.describe(error)))
                }
            }
        }
    }

    struct Queue: ResponseEncodable, Sendable {
        var items: [WeighRecordStore.Stored]
        var total: Int
        var limit: Int
        var offset: Int
    }

    struct Statistics: ResponseEncodable, Sendable {
        var from: String
        var to: String
        var days: [WeighRecordStore.DailyStatistics]
        /// Of all cases opened in the period in this agency, the share opened from weigh records (非现场执法占比).
        var nonSiteCases: Int
        var allCases: Int
        var nonSiteSharePercent: Double?
    }

    static let maximumBatch = 5_000

    func register(on api: APIRouter) {
        api.on(.post, "/api/v1/wim/records", access: .roles([.admin, .caseHandler, .officer]), summary: "Ingest a batch of weigh-in-motion records (idempotent)") { request, context in
            let account = try context.requireAccount()
            var request = request
            let body = try await request.collectBody(upTo: 64 << 20)
            let batch = try APIJSON.decodeBody(Batch.self, from: Data(body.readableBytesView))
            guard batch.records.count <= Self.maximumBatch else {
                throw Problem.badRequest("batch_too_large", "at most \(Self.maximumBatch) records per batch, got \(batch.records.count)")
            }
            let report = try WeighIngest(node: node).ingest(batch.records.map(\.result), restrictTo: account.jurisdiction)
            context.logger.info("wim batch", metadata: ["wim.accepted": "\(report.accepted)", "wim.rejected": "\(report.rejected)", "wim.cases": "\(report.casesOpened)"])
            return WeighIngestReport(report: report)
        }
        api.on(.get, "/api/v1/wim/review", access: .roles(.caseReaders), summary: "Records waiting for manual review (unreadable plate, unlisted axle configuration)") { request, context in
            let account = try context.requireAccount()
            let query = request.uri.queryParameters
            let limit = try Pagination.limit(query)
            let offset = try Pagination.offset(query)
            let (items, total) = try records.reviewQueue(stations: try ownStations(account), limit: limit, offset: offset)
            return Queue(items: items, total: total, limit: limit, offset: offset)
        }
        api.on(.get, "/api/v1/wim/statistics", access: .authenticated, summary: "Per station per day: passes, overloads, over 40 %, over 100 %, 百吨王; the non-site share of cases") { request, context in
            let account = try context.requireAccount()
            let query = request.uri.queryParameters
            let today = CalendarDate(chinaDateOf: node.now())
            let from = try QueryDate.day(query, "from", default: today.adding(days: -6))
            let to = try QueryDate.day(query, "to", default: today)
            let days = try records.dailyStatistics(stations: try ownStations(account), from: from, to: to)
            let cases = try CaseStore(database: node.database, signingKey: nil).list(jurisdiction: account.jurisdiction, stages: [], violationKind: nil, subjectContains: nil)
                .filter { value in
                    let opened = CalendarDate(chinaDateOf: value.history.first?.at ?? value.discoveredAt)
                    return from <= opened && opened <= to
                }
            let nonSite = cases.filter { $0.history.first?.actor.accountId == WeighIngest.systemActor(account.jurisdiction).accountId }.count
            return Statistics(
                from: from.description, to: to.description, days: days, nonSiteCases: nonSite, allCases: cases.count,
                nonSiteSharePercent: cases.isEmpty ? nil : (Double(nonSite) * 10_000 / Double(cases.count)).rounded() / 100)
        }
        api.on(.get, "/api/v1/cases/{id}/weigh-records", access: .roles(.caseReaders), summary: "The weigh records behind a case, with their judgement (the evidence package)") { _, context in
            let account = try context.requireAccount()
            let id = try context.parameters.require("id")
            guard let value = try CaseStore(database: node.database, signingKey: nil).fetch(id: id), value.jurisdiction == account.jurisdiction else {
                throw Problem.notFound("no case \(id) in agency \(account.jurisdiction)")
            }
            return try records.records(caseID: id)
        }
    }

    private func ownStations(_ account: Account) throws -> [String] {
        try WeighStationStore(database: node.database, signingKey: nil).all().filter { $0.jurisdiction == account.jurisdiction }.map(\.id)
    }
}

struct WeighIngestReport: ResponseEncodable, Sendable {
    var report: WeighIngest.Report

    func encode(to encoder: any Encoder) throws { try report.encode(to: encoder) }
}

extension WeighRecordStore.Stored: ResponseEncodable {}
