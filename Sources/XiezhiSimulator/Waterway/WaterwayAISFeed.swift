import Foundation
import XiezhiCore
import XiezhiWire

/// A scenario's positions as the NMEA lines an AIS receiver would serve: Class A ships send type 1 and, every six
/// minutes, type 5; Class B ships send type 18 and, every six minutes, type 24 parts A and B. Each line carries a
/// tag block with the receive time (`c:`, Unix seconds) and the station (`s:`), as shore networks add them.
public struct WaterwayAISFeed: Sendable {
    /// ITU-R M.1371: static data every 6 minutes.
    public static let staticInterval: TimeInterval = 360

    public let station: String
    private var lastStatic: [MMSI: Date] = [:]
    private var sequence = 0

    public init(station: String = "xiezhi-sim") {
        self.station = station
    }

    /// The lines of one position of `ship` (static data first when due).
    public mutating func lines(for position: VesselPosition, ship: WaterwayScenario.Ship) throws -> [String] {
        let tag = NMEATagBlock(fields: [.init(key: "s", value: station), .init(key: "c", value: String(Int(position.time.timeIntervalSince1970)))])
        var lines: [String] = []
        let channel: AISChannel = position.mmsi.number % 2 == 0 ? .a : .b
        if lastStatic[position.mmsi].map({ position.time.timeIntervalSince($0) >= Self.staticInterval }) ?? true {
            lastStatic[position.mmsi] = position.time
            for message in Self.staticMessages(ship, mmsi: position.mmsi.number) {
                sequence = (sequence + 1) % 10
                lines += try AISEncoder.sentences(message, channel: channel, sequentialID: sequence, tagBlock: tag)
            }
        }
        lines += try AISEncoder.sentences(Self.positionMessage(position, classB: ship.classB), channel: channel, tagBlock: tag)
        return lines
    }

    /// The position report of a position (type 18 for Class B, else type 1).
    public static func positionMessage(_ position: VesselPosition, classB: Bool) -> AISMessage {
        let longitude = Int((position.longitude * 600_000).rounded())
        let latitude = Int((position.latitude * 600_000).rounded())
        let speed = position.speedKnots.map { min(1022, Int(($0 * 10).rounded())) } ?? 1023
        let course = position.courseDegrees.map { Int(($0 * 10).rounded()) % 3600 } ?? 3600
        let heading = position.headingDegrees ?? 511
        let second = Calendar(identifier: .gregorian).component(.second, from: position.time)
        if classB {
            return .classBPositionReport(AISClassBPositionReport(
                header: AISHeader(messageType: 18, repeatIndicator: 0, mmsi: position.mmsi.number), speedOverGround: speed, longitude: longitude,
                latitude: latitude, courseOverGround: course, trueHeading: heading, timestampSecond: second))
        }
        return .positionReport(AISPositionReport(
            header: AISHeader(messageType: 1, repeatIndicator: 0, mmsi: position.mmsi.number), navigationStatus: position.navigationStatus?.rawValue ?? 15,
            speedOverGround: speed, longitude: longitude, latitude: latitude, courseOverGround: course, trueHeading: heading, timestampSecond: second))
    }

    /// The static data of a ship: type 5 (Class A) or type 24 parts A and B (Class B). Dimensions put the antenna a
    /// third of the length from the stern, on the centre line.
    public static func staticMessages(_ ship: WaterwayScenario.Ship, mmsi: Int) -> [AISMessage] {
        let length = Int(ship.length.rounded()), beam = Int(ship.beam.rounded())
        let dimensions = XiezhiWire.AISDimensions(toBow: length - length / 3, toStern: length / 3, toPort: beam / 2, toStarboard: beam - beam / 2)
        let shipType = switch ship.profile.cargoClass {
        case .dangerousGoods: 80
        case .muck, .general: 70
        }
        if ship.classB {
            return [
                .staticDataReport(AISStaticDataReport(header: AISHeader(messageType: 24, repeatIndicator: 0, mmsi: mmsi), part: .a(shipName: ship.aisName))),
                .staticDataReport(AISStaticDataReport(
                    header: AISHeader(messageType: 24, repeatIndicator: 0, mmsi: mmsi),
                    part: .b(.init(shipType: shipType, vendorID: "XZS", model: 0, serial: 0, callSign: ship.callSign, dimensions: dimensions, mothershipMMSI: nil)))),
            ]
        }
        return [.staticVoyageData(AISStaticVoyageData(
            header: AISHeader(messageType: 5, repeatIndicator: 0, mmsi: mmsi), callSign: ship.callSign, shipName: ship.aisName, shipType: shipType,
            dimensions: dimensions, draught: 25, destination: "JIAXING"))]
    }
}
