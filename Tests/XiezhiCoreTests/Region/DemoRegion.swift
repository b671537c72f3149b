import Foundation
import XiezhiCore
import XiezhiData

/// The bundled demo region, loaded once, and its raw GeoJSON read without the code under test.
enum DemoRegion {
    static let bytes = Result { try Data(contentsOf: BundledData.demoRegion) }
    static let ruleBytes = Result { try BundledData.rulesFile("joint-zone.json") }
    static let loaded = Result { try Region(geoJSON: try bytes.get(), jointZoneRule: try ruleBytes.get()) }
    static let raw = Result { try RawRegion(try bytes.get()) }

    static func region() throws -> Region { try loaded.get() }
    static func rawRegion() throws -> RawRegion { try raw.get() }

    /// The cross-provincial border segments the demo region must have.
    static let borderIDs = [
        "pinghu-jinshan", "jiashan-jinshan", "jiashan-qingpu", "jiashan-wujiang", "xiuzhou-wujiang",
        "tongxiang-wujiang", "wujiang-qingpu",
    ]
}

/// The demo GeoJSON parsed with `JSONSerialization`: outer rings by code, border lines by id, sites, lines.
struct RawRegion: Sendable {
    var rings: [String: [GeoPoint]] = [:]
    var borders: [String: (between: [String], line: [GeoPoint])] = [:]
    var lines: [String: [GeoPoint]] = [:]
    var sites: [(id: String, type: String, jurisdiction: String, point: GeoPoint, road: String?, waterway: String?)] = []

    /// A member the raw reader expected is missing or of the wrong type.
    struct Missing: Error {}

    private static func need<T>(_ value: T?) throws -> T {
        guard let value else { throw Missing() }
        return value
    }

    init(_ data: Data) throws {
        let root = try Self.need(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let features = try Self.need(root["features"] as? [[String: Any]])
        func point(_ value: Any) throws -> GeoPoint {
            let pair = try Self.need(value as? [Double])
            return GeoPoint(longitude: pair[0], latitude: pair[1])
        }
        for feature in features {
            let properties = try Self.need(feature["properties"] as? [String: Any])
            let geometry = try Self.need(feature["geometry"] as? [String: Any])
            let coordinates = try Self.need(geometry["coordinates"] as? [Any])
            switch properties["kind"] as? String {
            case "jurisdiction":
                let rings = try Self.need(coordinates as? [[Any]])
                self.rings[try Self.need(properties["code"] as? String)] = try rings[0].map(point)
            case "border":
                borders[try Self.need(properties["id"] as? String)] =
                    (try Self.need(properties["between"] as? [String]), try coordinates.map(point))
            case "road", "waterway":
                lines[try Self.need(properties["id"] as? String)] = try coordinates.map(point)
            case "site":
                sites.append((try Self.need(properties["id"] as? String), try Self.need(properties["site_type"] as? String),
                              try Self.need(properties["jurisdiction"] as? String), try point(coordinates),
                              properties["road"] as? String, properties["waterway"] as? String))
            default:
                break
            }
        }
    }
}
