import Foundation
import Testing
import XiezhiCore

/// A two-jurisdiction region small enough to break on purpose: Pinghu (west square) and Jinshan (east square)
/// share the edge at longitude 121.1, which is their border; one site in Pinghu on one road.
enum SmallRegion {
    static let west = [[121.0, 30.7], [121.1, 30.7], [121.1, 30.75], [121.1, 30.8], [121.0, 30.8], [121.0, 30.7]]
    static let east = [[121.1, 30.7], [121.2, 30.7], [121.2, 30.8], [121.1, 30.8], [121.1, 30.75], [121.1, 30.7]]

    static func features() -> [[String: Any]] {
        [
            ["type": "Feature", "geometry": ["type": "Polygon", "coordinates": [west]],
             "properties": ["kind": "jurisdiction", "code": "330482", "name": "平湖市", "province": "浙江省", "agency": "平湖市交通运输行政执法队"]],
            ["type": "Feature", "geometry": ["type": "Polygon", "coordinates": [east]],
             "properties": ["kind": "jurisdiction", "code": "310116", "name": "金山区", "province": "上海市", "agency": "上海市金山区交通行政执法大队"]],
            ["type": "Feature", "geometry": ["type": "LineString", "coordinates": [[121.1, 30.7], [121.1, 30.75], [121.1, 30.8]]],
             "properties": ["kind": "border", "id": "pinghu-jinshan", "name": "平湖—金山", "between": ["330482", "310116"]]],
            ["type": "Feature", "geometry": ["type": "Point", "coordinates": [121.05, 30.75]],
             "properties": ["kind": "site", "id": "station", "name": "联合执法站", "site_type": "joint_station",
                            "jurisdiction": "330482", "road": "G228", "stake": "K3584+400"]],
            ["type": "Feature", "geometry": ["type": "LineString", "coordinates": [[121.0, 30.75], [121.2, 30.75]]],
             "properties": ["kind": "road", "id": "G228", "name": "228国道", "ref": "G228"]],
        ]
    }

    static func data(_ features: [[String: Any]], extra: [String: Any] = [:]) throws -> Data {
        var root: [String: Any] = ["type": "FeatureCollection", "features": features]
        root.merge(extra) { $1 }
        return try JSONSerialization.data(withJSONObject: root)
    }

    static let rule = Data(#"{"width_m": 5000, "citation": {"law": "协作安排", "article": "相互延伸五公里", "confidence": "secondary"}}"#.utf8)

    static func properties(_ features: inout [[String: Any]], _ index: Int, _ change: (inout [String: Any]) -> Void) {
        var properties = features[index]["properties"] as! [String: Any]
        change(&properties)
        features[index]["properties"] = properties
    }
}

/// One way to break the small region, and the error code it must give.
enum Malformation: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case notJSON, notACollection, unsupportedGeometryType, unknownKind, missingKind, missingName
    case jurisdictionAsLine, openRing, shortRing, latitudeOutOfRange, badCode, duplicateCode, duplicateSiteID
    case borderToUnknownJurisdiction, borderBetweenOneJurisdiction, borderBetweenThree, borderOffTheOutline
    case siteOutsideItsJurisdiction, siteInUnknownJurisdiction, unknownSiteType, siteOnUnknownRoad, lineOfOnePoint
    case negativeWidth, ruleNotJSON

    var testDescription: String { rawValue }

    var expectedCode: String {
        switch self {
        case .notJSON, .notACollection, .unsupportedGeometryType: "malformed_region"
        case .unknownKind: "unknown_feature_kind"
        case .missingKind, .missingName: "missing_property"
        case .jurisdictionAsLine, .openRing, .shortRing, .latitudeOutOfRange, .lineOfOnePoint: "invalid_geometry"
        case .badCode: "invalid_jurisdiction"
        case .duplicateCode, .duplicateSiteID: "duplicate_id"
        case .borderToUnknownJurisdiction, .siteInUnknownJurisdiction: "unknown_jurisdiction"
        case .borderBetweenOneJurisdiction, .borderBetweenThree: "invalid_border"
        case .borderOffTheOutline: "border_not_shared"
        case .siteOutsideItsJurisdiction: "site_outside_jurisdiction"
        case .unknownSiteType: "unknown_site_type"
        case .siteOnUnknownRoad: "unknown_reference"
        case .negativeWidth, .ruleNotJSON: "invalid_joint_zone_rule"
        }
    }

    /// The region bytes and rule bytes with this fault.
    func inputs() throws -> (region: Data, rule: Data) {
        var features = SmallRegion.features()
        var rule = SmallRegion.rule
        switch self {
        case .notJSON: return (Data("{\"type\": \"FeatureCollection\", ".utf8), rule)
        case .notACollection: return (try JSONSerialization.data(withJSONObject: features[0]), rule)
        case .unsupportedGeometryType: features[3]["geometry"] = ["type": "Circle", "coordinates": [121.05, 30.75]]
        case .unknownKind: SmallRegion.properties(&features, 4) { $0["kind"] = "lake" }
        case .missingKind: SmallRegion.properties(&features, 4) { $0["kind"] = nil }
        case .missingName: SmallRegion.properties(&features, 1) { $0["name"] = "" }
        case .jurisdictionAsLine: features[0]["geometry"] = ["type": "LineString", "coordinates": SmallRegion.west]
        case .openRing: features[0]["geometry"] = ["type": "Polygon", "coordinates": [Array(SmallRegion.west.dropLast())]]
        case .shortRing: features[0]["geometry"] = ["type": "Polygon", "coordinates": [[[121.0, 30.7], [121.1, 30.7], [121.0, 30.7]]]]
        case .latitudeOutOfRange: features[3]["geometry"] = ["type": "Point", "coordinates": [121.05, 95.0]]
        case .badCode: SmallRegion.properties(&features, 1) { $0["code"] = "31011" }
        case .duplicateCode: SmallRegion.properties(&features, 1) { $0["code"] = "330482" }
        case .duplicateSiteID: features.append(features[3])
        case .borderToUnknownJurisdiction: SmallRegion.properties(&features, 2) { $0["between"] = ["330482", "320509"] }
        case .borderBetweenOneJurisdiction: SmallRegion.properties(&features, 2) { $0["between"] = ["330482", "330482"] }
        case .borderBetweenThree: SmallRegion.properties(&features, 2) { $0["between"] = ["330482", "310116", "320509"] }
        case .borderOffTheOutline:
            features[2]["geometry"] = ["type": "LineString", "coordinates": [[121.1, 30.7], [121.1001, 30.75], [121.1, 30.8]]]
        case .siteOutsideItsJurisdiction: features[3]["geometry"] = ["type": "Point", "coordinates": [121.15, 30.75]]
        case .siteInUnknownJurisdiction: SmallRegion.properties(&features, 3) { $0["jurisdiction"] = "320509" }
        case .unknownSiteType: SmallRegion.properties(&features, 3) { $0["site_type"] = "harbour" }
        case .siteOnUnknownRoad: SmallRegion.properties(&features, 3) { $0["road"] = "G99" }
        case .lineOfOnePoint: features[4]["geometry"] = ["type": "LineString", "coordinates": [[121.0, 30.75]]]
        case .negativeWidth:
            rule = Data(#"{"width_m": -5, "citation": {"law": "x", "article": "y", "confidence": "text"}}"#.utf8)
        case .ruleNotJSON: rule = Data("5 km".utf8)
        }
        return (try SmallRegion.data(features), rule)
    }
}

@Suite("Region: validation on load")
struct RegionMalformedTests {
    @Test func theSmallRegionIsValid() throws {
        let region = try Region(geoJSON: try SmallRegion.data(SmallRegion.features(), extra: ["description": "test"]),
                                jointZoneRule: SmallRegion.rule)
        #expect(region.jurisdictions.count == 2)
        #expect(region.site("station")?.stake == "K3584+400")
        let location = region.locate(GeoPoint(longitude: 121.12, latitude: 30.75))
        #expect(location.jurisdiction?.rawValue == "310116")
        #expect(location.jointZones.first?.side.rawValue == "310116")
        #expect(location.jointZones.first?.otherSide.rawValue == "330482")
        let distance = try #require(location.jointZones.first?.distance)
        #expect(abs(distance - IndependentGeodesy.haversine(GeoPoint(longitude: 121.12, latitude: 30.75),
                                                            GeoPoint(longitude: 121.1, latitude: 30.75))) < 0.5)
    }

    @Test(arguments: Malformation.allCases)
    func refusesWithASpecificCode(_ malformation: Malformation) throws {
        let (region, rule) = try malformation.inputs()
        let error = try #require(throws: DomainError.self) { try Region(geoJSON: region, jointZoneRule: rule) }
        #expect(error.code == malformation.expectedCode, "\(error.reason)")
        #expect(!error.reason.isEmpty)
    }
}
