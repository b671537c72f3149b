import Foundation
import Hummingbird
import XiezhiCore
import XiezhiStore

/// Vessels heard over AIS: the latest positions (for the map), one vessel, a track as GeoJSON.
struct VesselController: APIController {
    let node: Node
    var store: VesselStore { VesselStore(database: node.database) }

    /// A vessel with its length and beam worked out from the AIS dimensions.
    struct VesselView: ResponseEncodable, Sendable {
        var mmsi: Int
        var name: String?
        var callSign: String?
        var shipType: Int?
        var lengthM: Int?
        var beamM: Int?
        var staticData: VesselStore.StaticReport?
        var latest: VesselStore.Position?
        /// The subject register's entry under `mmsi:<MMSI>` (inland registry name, AIS duty, cargo), when registered.
        var registered: JSONValue?

        init(_ vessel: VesselStore.Vessel, registered: JSONValue? = nil) {
            mmsi = vessel.mmsi
            name = vessel.staticData?.name
            callSign = vessel.staticData?.callSign
            shipType = vessel.staticData?.shipType
            lengthM = vessel.staticData?.lengthMetres
            beamM = vessel.staticData?.beamMetres
            staticData = vessel.staticData
            latest = vessel.latest
            self.registered = registered
        }
    }

    func register(on api: APIRouter) {
        api.on(.get, "/api/v1/vessels", access: .roles(.caseReaders), summary: "Vessels heard over AIS, latest position first (since: ISO 8601; limit)") { request, _ in
            let query = request.uri.queryParameters
            let limit = try Pagination.limit(query, maximum: 5_000)
            var since: Date?
            if let text = query.get("since") {
                guard let date = Timestamp.parse(text) ?? (try? Date.ISO8601FormatStyle().parse(text)) else {
                    throw Problem.badRequest("invalid_query", "'since' must be an ISO 8601 time")
                }
                since = date
            }
            let items = try store.latest(since: since, limit: limit).map { VesselView($0) }
            return Page(items: items, total: items.count, limit: limit, offset: 0)
        }
        api.on(.get, "/api/v1/vessels/{mmsi}", access: .roles(.caseReaders), summary: "One vessel: AIS static data, latest position, register entry") { _, context in
            let mmsi = try Self.mmsi(context)
            guard let vessel = try store.vessel(mmsi: mmsi) else { throw Problem.notFound("MMSI \(mmsi) has not been heard") }
            let entry = try SubjectStore(database: node.database, signingKey: nil).entry(key: "mmsi:\(mmsi)")
            return VesselView(vessel, registered: entry.map { JSONValue.parse($0.data) })
        }
        api.on(.get, "/api/v1/vessels/{mmsi}/track", access: .roles(.caseReaders), summary: "A vessel's AIS track as GeoJSON (from, to: ISO 8601)") { request, context in
            let mmsi = try Self.mmsi(context)
            let (from, to) = try TrackGeoJSON.window(request.uri.queryParameters, now: node.now())
            let positions = try store.track(mmsi: mmsi, from: from, to: to, limit: 50_000)
            return try TrackGeoJSON(subject: ("mmsi", String(mmsi)), points: positions.map { position in
                var properties: [String: JSONValue] = ["time": .string(Timestamp.format(position.time)), "message_type": .number(Double(position.messageType))]
                if let speed = position.speedKnots { properties["speed_knots"] = .number(speed) }
                if let course = position.courseDegrees { properties["course"] = .number(course) }
                if let heading = position.heading { properties["heading"] = .number(Double(heading)) }
                if let status = position.navigationStatus { properties["status"] = .number(Double(status)) }
                return (position.longitude, position.latitude, properties)
            }).response()
        }
    }

    static func mmsi(_ context: XiezhiRequestContext) throws -> Int {
        let text = try context.parameters.require("mmsi")
        guard text.count == 9, let value = Int(text), value > 0 else { throw Problem.badRequest("invalid_mmsi", "an MMSI has 9 digits, not '\(text)'") }
        return value
    }
}
