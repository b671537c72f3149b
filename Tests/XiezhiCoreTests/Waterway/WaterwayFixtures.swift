import Foundation
import Testing
import XiezhiCore
import XiezhiData

/// Shared inputs for the waterway tests: the real rules file and demo region, ships, positions laid along the demo
/// waterways, passages, and JSON surgery on the real file.
enum WaterwayFixtures {
    static let jiashan = JurisdictionCode(rawValue: "330421")!
    static let xiuzhou = JurisdictionCode(rawValue: "330411")!
    static let songjiang = JurisdictionCode(rawValue: "310117")!

    static func realBytes() throws -> Data { try BundledData.rulesFile("waterway.json") }

    /// The shipped `Data/rules/waterway.json`, decoded.
    static func rules() throws -> WaterwayRules { try WaterwayRules(json: try realBytes()) }

    /// The shipped rules placed in the demo region.
    static func geography() throws -> WaterwayGeography {
        try WaterwayGeography(rules: try rules(), region: try DemoRegion.region())
    }

    /// A monitor over the real rules and demo region.
    static func monitor(_ profiles: [VesselProfile], fingerprints: FingerprintLibrary = FingerprintLibrary()) throws -> WaterwayMonitor {
        WaterwayMonitor(geography: try geography(), registry: try VesselRegistry(profiles), fingerprints: fingerprints)
    }

    /// The real file as a mutable JSON tree.
    static func realTree() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: try realBytes()) as? [String: Any])
    }

    /// The real file with `edit` applied to its JSON tree, decoded.
    static func edited(_ edit: (inout [String: Any]) throws -> Void) throws -> WaterwayRules {
        var tree = try realTree()
        try edit(&tree)
        return try WaterwayRules(json: try JSONSerialization.data(withJSONObject: tree))
    }

    /// The `DomainError` an edit of the real file produces; fails the test when none.
    static func refusal(_ edit: (inout [String: Any]) throws -> Void) throws -> DomainError {
        do {
            _ = try edited(edit)
        } catch let error as DomainError {
            return error
        }
        Issue.record("the edited file was accepted")
        return DomainError(code: "none", reason: "")
    }

    // MARK: - Time

    /// An instant given in China time.
    static func china(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int = 0) -> Date {
        ChinaTime.calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second))!
    }

    /// 2026-03-05 10:00 China time.
    static let morning = china(2026, 3, 5, 10, 0)

    // MARK: - Ships

    static func mmsi(_ number: Int) -> MMSI { try! MMSI(number) }
    static func name(_ text: String) -> VesselName { try! VesselName(text) }

    /// A registered ship.
    static func profile(
        _ text: String, mmsi: Int? = nil, length: Double? = 45, beam: Double? = 10.8, mustCarryAIS: Bool = false,
        cargoClass: CargoClass? = nil
    ) -> VesselProfile {
        let registration = try! VesselRegistration(lengthMetres: length, beamMetres: beam)
        return VesselProfile(
            vessel: Vessel(name: name(text), mmsi: mmsi.map(Self.mmsi), registration: registration),
            mustCarryAIS: mustCarryAIS, cargoClass: cargoClass)
    }

    static func laser(_ length: Double?, _ beam: Double?, _ airDraft: Double? = nil) -> LaserMeasurement {
        try! LaserMeasurement(lengthMetres: length, beamMetres: beam, airDraftMetres: airDraft)
    }

    static func passage(
        _ id: String, at checkpoint: String = "hongqitang-checkpoint", time: Date, direction: PassageDirection? = .forward,
        ocr: String? = nil, confidence: Double? = 0.95, laser: LaserMeasurement? = nil
    ) -> CheckpointPassage {
        try! CheckpointPassage(
            id: id, checkpoint: checkpoint, time: time, direction: direction, ocrName: ocr, ocrConfidence: ocr == nil ? nil : confidence,
            laser: laser, photos: ["photo/\(id).jpg"])
    }

    static func position(
        _ mmsi: Int, _ point: GeoPoint, _ time: Date, knots: Double? = 8, course: Double? = nil,
        status: NavigationStatus? = .underwayUsingEngine
    ) -> VesselPosition {
        VesselPosition(
            mmsi: Self.mmsi(mmsi), time: time, longitude: point.longitude, latitude: point.latitude, speedKnots: knots,
            courseDegrees: course, headingDegrees: nil, navigationStatus: status)
    }

    // MARK: - Places along the demo waterways

    /// A waterway's line in the demo region.
    static func line(_ waterway: String) throws -> GeoPolyline {
        try #require(try DemoRegion.region().waterway(waterway)).line
    }

    /// The point `metres` along a waterway's line from its first point, shifted `offset` metres to the left of the
    /// direction of travel (negative: right).
    static func point(on waterway: String, at metres: Double, offset: Double = 0) throws -> GeoPoint {
        let line = try line(waterway)
        let base = try #require(line.point(atChainage: metres))
        guard offset != 0 else { return base }
        // The segment the point lies on gives the direction of travel.
        let ahead = try #require(line.point(atChainage: metres + 1))
        let plane = LocalPlane(origin: base)
        let direction = plane.project(ahead)
        guard direction.length > 0 else { return base }
        let scale = offset / direction.length
        return base.offsetBy(east: -direction.y * scale, north: direction.x * scale)
    }

    /// Metres along a waterway's line to the point of it nearest `point`.
    static func chainage(of point: GeoPoint, on waterway: String) throws -> Double {
        try #require(try line(waterway).chainage(of: point))
    }

    /// Positions of a ship sailing along a waterway: from `start` metres along its line at `knots` (negative: against
    /// the line's order), one every `interval` seconds for `duration` seconds from `time`.
    static func track(
        _ mmsi: Int, on waterway: String, from start: Double, knots: Double, at time: Date, duration: TimeInterval,
        interval: TimeInterval = 10, offset: Double = 0
    ) throws -> [VesselPosition] {
        var positions: [VesselPosition] = []
        var elapsed = 0.0
        while elapsed <= duration {
            let metres = start + knots * 1852 / 3600 * elapsed
            positions.append(position(mmsi, try point(on: waterway, at: metres, offset: offset), time.addingTimeInterval(elapsed), knots: abs(knots)))
            elapsed += interval
        }
        return positions
    }

    /// Metres along the Hangshen line to the Hongqitang checkpoint line.
    static func hongqitangChainage() throws -> Double {
        try chainage(of: try #require(try rules().checkpoint("hongqitang-checkpoint")).line.midpoint, on: "hangshen")
    }

    /// Metres along the Grand Canal line to the Siguqiao checkpoint line.
    static func siguqiaoChainage() throws -> Double {
        try chainage(of: try #require(try rules().checkpoint("siguqiao-checkpoint")).line.midpoint, on: "grand-canal")
    }
}
