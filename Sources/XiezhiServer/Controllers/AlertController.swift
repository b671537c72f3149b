import Foundation
import Hummingbird
import XiezhiCore
import XiezhiStore

/// The alert queue: what the detectors found, for the agency where it happened and the agency told (joint zone);
/// open a case from an alert, or dismiss it with a reason.
struct AlertController: APIController {
    let node: Node
    var store: AlertStore { AlertStore(database: node.database, signingKey: node.key) }

    /// Who works the queue.
    static let handlers: Set<Role> = [.officer, .caseHandler, .commander]

    struct DismissRequest: Decodable {
        var reason: String
    }

    /// An alert with its detector clue decoded (measurements, citation, evidence positions).
    struct AlertView: ResponseEncodable, Sendable {
        var alert: AlertStore.Alert
        var clue: JSONValue

        init(_ alert: AlertStore.Alert) {
            var stripped = alert
            stripped.data = ""
            self.alert = stripped
            clue = JSONValue.parse(alert.data)
        }
    }

    /// A detector's clue kind → the violation kind a case records (names in ``CaseService``).
    static let violationKinds: [String: String] = [
        "speeding": "speeding", "fatigue_driving": "fatigue_driving", "early_morning_operation": "bus_night_ban",
        "route_deviation": "bus_off_route", "hazmat_without_waybill": "hazmat_no_waybill", "signal_lost": "terminal_signal_lost",
    ]

    func register(on api: APIRouter) {
        api.on(.get, "/api/v1/alerts", access: .roles(.caseReaders), summary: "The agency's alerts, newest first (status, kind, since, limit, offset)") { request, context in
            let account = try context.requireAccount()
            let query = request.uri.queryParameters
            let status = try query.get("status").map { text in
                guard let status = AlertStore.Status(rawValue: text) else {
                    throw Problem.badRequest("invalid_query", "'status' is one of \(AlertStore.Status.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return status
            }
            var since: Date?
            if let text = query.get("since") {
                guard let date = Timestamp.parse(text) ?? (try? Date.ISO8601FormatStyle().parse(text)) else {
                    throw Problem.badRequest("invalid_query", "'since' must be an ISO 8601 time")
                }
                since = date
            }
            let limit = try Pagination.limit(query)
            let offset = try Pagination.offset(query)
            let (items, total) = try store.list(for: account.jurisdiction, status: status, kind: query.get("kind"), since: since, limit: limit, offset: offset)
            return Page(items: items.map(AlertView.init), total: total, limit: limit, offset: offset)
        }
        api.on(.get, "/api/v1/alerts/{id}", access: .roles(.caseReaders), summary: "One alert with its evidence") { _, context in
            AlertView(try alert(context))
        }
        api.on(.post, "/api/v1/alerts/{id}/dismiss", access: .roles(Self.handlers), summary: "Set an open alert aside, with the reason") { request, context in
            let account = try context.requireAccount()
            let current = try alert(context)
            let body = try await request.decode(as: DismissRequest.self, context: context)
            guard !body.reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw Problem.badRequest("reason_required", "say why the alert is set aside") }
            try await node.database.writer.write { db in
                try store.resolve(id: current.id, status: .dismissed, note: body.reason, caseID: nil, by: account.id, at: node.now(), in: db)
            }
            return AlertView(try store.alert(id: current.id) ?? current)
        }
        api.on(.post, "/api/v1/alerts/{id}/case", access: .roles([.officer, .caseHandler]), summary: "Open a case (clue stage) from an alert, with its evidence in the facts") { _, context in
            let account = try context.requireAccount()
            let current = try alert(context)
            let service = CaseService(node: node)
            let intake = try service.admissible(try Self.intake(current, service: service), by: account)
            let now = node.now()
            let key = node.key
            let opened = try await node.database.writer.write { db in
                let opened = try CaseStore.open(intake, id: UUID().uuidString.lowercased(), by: CaseService.actor(account), at: now, in: db, key: key)
                try store.resolve(id: current.id, status: .caseOpened, note: nil, caseID: opened.id, by: account.id, at: now, in: db)
                return opened
            }
            return EditedResponse(status: .created, response: try service.detail(opened, for: account))
        }
    }

    func alert(_ context: XiezhiRequestContext) throws -> AlertStore.Alert {
        let account = try context.requireAccount()
        let id = try context.parameters.require("id")
        guard let alert = try store.alert(id: id), alert.jurisdiction == account.jurisdiction || alert.notify == account.jurisdiction else {
            throw Problem.notFound("no alert \(id) for agency \(account.jurisdiction)")
        }
        return alert
    }

    /// The clue a case starts from: the alert's facts, each measurement against its limit and article, the evidence
    /// positions' count.
    static func intake(_ alert: AlertStore.Alert, service: CaseService) throws -> ClueIntake {
        guard let violation = violationKinds[alert.kind] else {
            throw Problem(status: .unprocessableContent, code: "not_a_violation", detail: "a '\(alert.kindName)' alert is information for the agency, not a violation to open a case on")
        }
        var facts = [alert.summary]
        if let clue = try? CanonicalJSON.decoder.decode(MonitoringClue.self, from: Data(alert.data.utf8)) {
            facts += clue.measurements.map { "\($0.description)（\($0.citation)）" }
            facts.append("依据：\(clue.citation)；定位数据 \(clue.evidence.count) 条（\(ChinaTime.format(clue.start)) 至 \(ChinaTime.format(clue.end))）。")
        }
        return ClueIntake(
            jurisdiction: alert.jurisdiction ?? JurisdictionCode(rawValue: "000000")!, subject: alert.subject, partyKind: .individual, violationKind: violation,
            facts: facts.joined(separator: "\n"), place: CasePlace(text: "经纬度 \(alert.longitude), \(alert.latitude)", longitude: alert.longitude, latitude: alert.latitude),
            occurredAt: alert.occurredAt, discoveredAt: alert.detectedAt, source: "\(alert.kindName)预警 \(alert.id)")
    }
}
