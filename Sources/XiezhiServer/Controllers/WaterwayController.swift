import Foundation
import Hummingbird
import XiezhiCore
import XiezhiStore

/// 船舶电子卡口: the checkpoints, the passages their systems send (stored, then identified by the waterway monitoring:
/// OCR name, laser fingerprint and AIS line crossing fused), and the identification rate per checkpoint per day.
struct WaterwayController: APIController {
    let node: Node
    var store: WaterwayStore { WaterwayStore(database: node.database) }

    static let maximumBatch = 5_000

    /// A passage as a checkpoint system sends it.
    struct PassageInput: Decodable {
        var id: String
        var checkpoint: String
        var time: Date
        var direction: PassageDirection?
        var ocrName: String?
        var ocrConfidence: Double?
        var laser: LaserMeasurement?
        var photos: [WaterwayStore.Photo]?
    }

    struct Batch: Decodable {
        var passages: [PassageInput]
    }

    struct BatchReport: ResponseEncodable, Sendable {
        var received: Int
        var stored: Int
        var duplicates: Int
        /// Alerts raised while judging (only when the node judges passages at once, i.e. has no AIS feed).
        var alertsRaised: Int
    }

    struct PassageView: Encodable, Sendable {
        var passage: CheckpointPassage
        var checkpointNameZh: String?
        var directionZh: String?
        var photos: [WaterwayStore.Photo]
        var receivedAt: Date
        /// `null` until judged (the AIS window closes a few minutes after the passage).
        var identification: Identification?
        var methodZh: String?
    }

    struct CheckpointView: Encodable, Sendable {
        var checkpoint: Checkpoint
        var waterwayNameZh: String?
    }

    struct RateView: Encodable, Sendable {
        var checkpoint: String
        var checkpointNameZh: String?
        var day: CalendarDate
        var passages: Int
        var identified: Int
        var rate: Double
    }

    struct RateReport: ResponseEncodable, Sendable {
        var day: CalendarDate
        var checkpoints: [RateView]
    }

    func register(on api: APIRouter) {
        api.on(.post, "/api/v1/waterway/passages", access: .roles([.admin, .caseHandler, .officer]), summary: "Store a batch of checkpoint passages (idempotent per checkpoint and id); they are identified once their AIS window closes") { request, _ in
            var request = request
            let body = try await request.collectBody(upTo: 64 << 20)
            let batch = try APIJSON.decodeBody(Batch.self, from: Data(body.readableBytesView))
            guard batch.passages.count <= Self.maximumBatch else {
                throw Problem.badRequest("batch_too_large", "at most \(Self.maximumBatch) passages per batch, got \(batch.passages.count)")
            }
            var accepted: [(passage: CheckpointPassage, photos: [WaterwayStore.Photo])] = []
            for input in batch.passages {
                let passage = try CheckpointPassage(
                    id: input.id, checkpoint: input.checkpoint, time: input.time, direction: input.direction, ocrName: input.ocrName,
                    ocrConfidence: input.ocrConfidence, laser: input.laser, photos: (input.photos ?? []).map(\.ref))
                accepted.append((passage, input.photos ?? []))
            }
            let report = try await CheckpointPassageIngest(node: node).ingest(accepted)
            return BatchReport(received: report.received, stored: report.stored, duplicates: report.received - report.stored, alertsRaised: report.alertsRaised)
        }
        api.on(.get, "/api/v1/waterway/passages", access: .roles(.caseReaders), summary: "Checkpoint passages with their identification, newest first (checkpoint, from, to, limit, offset)") { request, _ in
            let query = request.uri.queryParameters
            let limit = try Pagination.limit(query)
            let offset = try Pagination.offset(query)
            let from = try Self.time(query.get("from"), name: "from")
            let to = try Self.time(query.get("to"), name: "to")
            let rules = node.rules.current.waterway
            let (items, total) = try store.passages(checkpoint: query.get("checkpoint"), from: from, to: to, limit: limit, offset: offset)
            return Page(items: items.map { stored in
                let checkpoint = rules.checkpoint(stored.passage.checkpoint)
                return PassageView(
                    passage: stored.passage, checkpointNameZh: checkpoint?.nameZh,
                    directionZh: stored.passage.direction.flatMap { direction in checkpoint?.directionNameZh(direction) }, photos: stored.photos,
                    receivedAt: stored.receivedAt, identification: stored.identification, methodZh: stored.identification?.methodZh)
            }, total: total, limit: limit, offset: offset)
        }
        api.on(.get, "/api/v1/waterway/checkpoints", access: .roles(.caseReaders), summary: "The electronic checkpoints of the waterway rules") { _, _ in
            let current = node.rules.current
            let items = current.waterway.checkpoints.map { CheckpointView(checkpoint: $0, waterwayNameZh: current.region.waterway($0.waterway)?.name) }
            return Page(items: items, total: items.count, limit: items.count, offset: 0)
        }
        api.on(.get, "/api/v1/waterway/identification-rate", access: .roles(.caseReaders), summary: "Identification rate per checkpoint for a China calendar day (day: YYYY-MM-DD, default today)") { request, _ in
            var day = CalendarDate(chinaDateOf: node.now())
            if let text = request.uri.queryParameters.get("day") {
                guard let parsed = CalendarDate(iso: text) else { throw Problem.badRequest("invalid_query", "'day' is a date, YYYY-MM-DD") }
                day = parsed
            }
            let rules = node.rules.current.waterway
            let rates = try store.identificationRates(day: day)
            return RateReport(day: day, checkpoints: rules.checkpoints.map { checkpoint in
                let rate = rates.first { $0.checkpoint == checkpoint.id } ?? IdentificationRate(checkpoint: checkpoint.id, day: day, passages: 0, identified: 0)
                return RateView(
                    checkpoint: checkpoint.id, checkpointNameZh: checkpoint.nameZh, day: day, passages: rate.passages, identified: rate.identified,
                    rate: rate.rate)
            })
        }
    }

    static func time(_ text: String?, name: String) throws -> Date? {
        guard let text else { return nil }
        guard let date = Timestamp.parse(text) else { throw Problem.badRequest("invalid_query", "'\(name)' must be an ISO 8601 time") }
        return date
    }
}
