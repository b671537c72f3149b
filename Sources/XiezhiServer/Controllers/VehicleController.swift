import Foundation
import Hummingbird
import NIOCore
import XiezhiCore
import XiezhiStore

/// Monitored vehicles' positions: the latest of each, and a track as GeoJSON.
struct VehicleController: APIController {
    let node: Node

    func register(on api: APIRouter) {
        api.on(.get, "/api/v1/vehicles", access: .roles(.caseReaders), summary: "Monitored vehicles' latest positions (since: ISO 8601, default the last hour; limit)") { request, context in
            let query = request.uri.queryParameters
            var since = node.now().addingTimeInterval(-3600)
            if let text = query.get("since") {
                guard let date = Timestamp.parse(text) ?? (try? Date.ISO8601FormatStyle().parse(text)) else {
                    throw Problem.badRequest("invalid_query", "'since' must be an ISO 8601 time")
                }
                since = date
            }
            return Listing(items: try TerminalStore(database: node.database, signingKey: nil).latest(since: since, limit: try Pagination.limit(query, maximum: 5_000)))
        }
        api.on(.get, "/api/v1/vehicles/{plate}/track", access: .roles(.caseReaders), summary: "A vehicle's track as GeoJSON (from, to: ISO 8601)") { request, context in
            let plateText = try context.parameters.require("plate")
            let query = request.uri.queryParameters
            let color = try PlateColor(query.get("plate_color") ?? "yellow")
            let vehicle = try VehicleKey(plate: plateText.removingPercentEncoding ?? plateText, color: color)
            let (from, to) = try TrackGeoJSON.window(query, now: node.now())
            let positions = try TerminalStore(database: node.database, signingKey: nil).track(
                subject: SubjectKey.vehicle(vehicle).stringValue, from: from, to: to, limit: 50_000)
            return try TrackGeoJSON(vehicle: vehicle, positions: positions).response()
        }
    }
}

/// A track: one LineString feature of the whole path, then a Point feature per position with its time and speed.
struct TrackGeoJSON: Encodable {
    struct Feature: Encodable {
        var type = "Feature"
        var geometry: Geometry
        var properties: [String: JSONValue]
    }

    struct Geometry: Encodable {
        var type: String
        var coordinates: JSONValue
    }

    var type = "FeatureCollection"
    var features: [Feature]

    /// The track of `subject` (its key or MMSI as text) through `points`, each with the properties of its Point feature.
    init(subject: (key: String, value: String), points: [(longitude: Double, latitude: Double, properties: [String: JSONValue])]) {
        let line = Feature(
            geometry: Geometry(type: "LineString", coordinates: .array(points.map { .array([.number($0.longitude), .number($0.latitude)]) })),
            properties: ["kind": .string("track"), subject.key: .string(subject.value), "positions": .number(Double(points.count))])
        features = [line] + points.map { point in
            var properties = point.properties
            properties["kind"] = .string("position")
            return Feature(geometry: Geometry(type: "Point", coordinates: .array([.number(point.longitude), .number(point.latitude)])), properties: properties)
        }
    }

    init(vehicle: VehicleKey, positions: [VehiclePosition]) {
        self.init(subject: ("vehicle", vehicle.stringValue), points: positions.map { position in
            (position.longitude, position.latitude, [
                "time": .string(Timestamp.format(position.time)), "speed_kmh": .number(position.speedKmh), "heading": .number(Double(position.heading)),
                "alarm_bits": .number(Double(position.alarmBits)), "terminal": .string(position.terminal),
            ])
        })
    }

    /// The response: `application/geo+json`.
    func response() throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/geo+json"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try APIJSON.encoder.encode(self))))
    }

    /// Reads `from` and `to` (ISO 8601) from a query, defaulting to the last 24 hours before `now`.
    static func window(_ query: Parameters, now: Date) throws -> (from: Date, to: Date) {
        func time(_ name: String, default value: Date) throws -> Date {
            guard let text = query.get(name) else { return value }
            guard let date = Timestamp.parse(text) ?? (try? Date.ISO8601FormatStyle().parse(text)) else {
                throw Problem.badRequest("invalid_query", "'\(name)' must be an ISO 8601 time")
            }
            return date
        }
        let to = try time("to", default: now)
        let from = try time("from", default: to.addingTimeInterval(-86400))
        guard from <= to else { throw Problem.badRequest("invalid_query", "'from' is after 'to'") }
        return (from, to)
    }
}
