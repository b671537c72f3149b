import Foundation
import Hummingbird
import XiezhiCore
import XiezhiStore

/// The weigh-in-motion stations: listed with whether their records are evidence today (and why not);
/// registered or changed (calibration renewed, activation) by the agency's administrator or head.
struct WeighStationController: APIController {
    let node: Node
    var store: WeighStationStore { WeighStationStore(database: node.database, signingKey: node.key) }

    struct StationView: ResponseEncodable, Sendable {
        var station: WeighStation
        var evidenceToday: Bool
        var screeningReasons: [String]
    }

    func view(_ station: WeighStation) -> StationView {
        let status = station.evidenceStatus(at: node.now(), rules: node.rules.current.nonSite)
        return StationView(station: station, evidenceToday: status.isEvidence, screeningReasons: status.reasons)
    }

    func register(on api: APIRouter) {
        api.on(.get, "/api/v1/wim/stations", access: .authenticated, summary: "Weigh-in-motion stations with their evidence status today") { _, _ in
            try store.all().map(view)
        }
        api.on(.get, "/api/v1/wim/stations/{id}", access: .authenticated, summary: "One weigh-in-motion station") { _, context in
            let id = try context.parameters.require("id")
            guard let station = try store.station(id: id) else { throw Problem.notFound("no station \(id)") }
            return view(station)
        }
        api.on(.put, "/api/v1/wim/stations/{id}", access: .roles([.admin, .agencyHead]), summary: "Register or update a station of my agency (audited)") { request, context in
            let account = try context.requireAccount()
            let id = try context.parameters.require("id")
            let station = try await request.decode(as: WeighStation.self, context: context)
            guard station.id == id else { throw Problem.badRequest("invalid_station", "the body's id '\(station.id)' differs from the path's '\(id)'") }
            guard station.jurisdiction == account.jurisdiction else {
                throw Problem.forbidden("wrong_jurisdiction", "agency \(account.jurisdiction) registers only its own stations")
            }
            if let existing = try store.station(id: id), existing.jurisdiction != account.jurisdiction {
                throw Problem.forbidden("wrong_jurisdiction", "station \(id) belongs to agency \(existing.jurisdiction)")
            }
            try store.save(station, by: account.id, at: node.now())
            return view(station)
        }
    }
}
