import Foundation
import Hummingbird
import NIOCore
import ServiceLifecycle
import XiezhiCore
import XiezhiStore

/// The command centre's data: headline figures, and the live feed (server-sent events) the console listens to
/// instead of reloading: alerts, dispatch orders and units as they change, and the figures every 15 s.
struct CommandController: APIController {
    let node: Node

    /// How often the feed looks for changes, and how often it sends the figures.
    static let pollInterval: Duration = .seconds(2)
    static let figuresEvery = 8
    /// A stream ends after this long; the browser's EventSource reconnects at once, and the reconnection checks the
    /// session again (an expired or revoked token stops the feed).
    static let streamLifetime: TimeInterval = 600

    func register(on api: APIRouter) {
        api.on(.get, "/api/v1/command/figures", access: .roles(.caseReaders), summary: "Headline figures: today's alerts, open cases, clocks due, partner requests waiting, orders, units, non-site share") { _, context in
            let account = try context.requireAccount()
            return FiguresResponse(figures: try CommandFigures(node: node, jurisdiction: account.jurisdiction))
        }
        api.on(.get, "/api/v1/events", access: .roles(.caseReaders), summary: "Live feed (text/event-stream): alert, order, unit and figures events for the agency; once=true sends the current state and ends") { request, context in
            let account = try context.requireAccount()
            let once = request.uri.queryParameters.get("once") == "true"
            let feed = LiveFeed(node: node, jurisdiction: account.jurisdiction)
            var headers = HTTPFields()
            headers[.contentType] = "text/event-stream; charset=utf-8"
            headers[.cacheControl] = "no-cache"
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                try await feed.stream(to: &writer, once: once)
                try await writer.finish(nil)
            })
        }
    }

    struct FiguresResponse: ResponseEncodable, Sendable {
        var figures: CommandFigures
        func encode(to encoder: any Encoder) throws { try figures.encode(to: encoder) }
    }
}

/// One client's live feed. It polls the store (cheap indexed queries on `updated_at`), so it sees changes from any
/// source — detectors, other requests, the sweep — without a publish hook in each. Ends when the client goes away,
/// when the node shuts down gracefully, or after the first snapshot with `once`.
struct LiveFeed: Sendable {
    let node: Node
    let jurisdiction: JurisdictionCode

    func stream(to writer: inout any ResponseBodyWriter, once: Bool) async throws {
        var since = node.now().addingTimeInterval(-3600)
        let ends = Date().addingTimeInterval(CommandController.streamLifetime)
        try await send(&writer, event: "hello", json: ["jurisdiction": jurisdiction.rawValue])
        var tick = 0
        while true {
            let now = node.now()
            for alert in try AlertStore(database: node.database, signingKey: nil).changed(since: since, for: jurisdiction) {
                try await send(&writer, event: "alert", value: AlertController.AlertView(alert))
            }
            let dispatch = DispatchController(node: node)
            for order in try DispatchStore(database: node.database, signingKey: nil).changed(since: since)
            where order.jurisdiction == jurisdiction || order.partnerJurisdiction == jurisdiction {
                try await send(&writer, event: "order", value: try dispatch.view(order, detail: false))
            }
            let names = try UnitController(node: node).memberNames()
            for unit in try UnitStore(database: node.database, signingKey: nil).changed(since: since) {
                try await send(&writer, event: "unit", value: UnitController.UnitView(unit, names: names))
            }
            if tick % CommandController.figuresEvery == 0 {
                try await send(&writer, event: "figures", value: try CommandFigures(node: node, jurisdiction: jurisdiction))
            }
            tick += 1
            // Changes stamped within the last poll are looked at again next time (ids dedupe on the client).
            since = now.addingTimeInterval(-0.5)
            if once || Task.isShuttingDownGracefully || Task.isCancelled || Date() > ends { return }
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: CommandController.pollInterval) }
            } catch {
                return
            }
            try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
        }
    }

    private func send(_ writer: inout any ResponseBodyWriter, event: String, value: some Encodable) async throws {
        let data = try APIJSON.encoder.encode(value)
        try await writer.write(ByteBuffer(string: "event: \(event)\ndata: \(String(decoding: data, as: UTF8.self))\n\n"))
    }

    private func send(_ writer: inout any ResponseBodyWriter, event: String, json: [String: String]) async throws {
        try await send(&writer, event: event, value: json)
    }
}
