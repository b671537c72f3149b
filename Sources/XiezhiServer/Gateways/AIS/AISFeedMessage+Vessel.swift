import Foundation
import XiezhiStore
import XiezhiWire

extension AISFeedMessage {
    /// The fix time: the receiver's tag-block time (`c:`) when it sent one, else when the node read the line.
    var fixTime: Date { receiveTime ?? receivedAt }

    /// The vessel position this message reports (types 1–3, 18, 19, 27), or nil: other types, an unavailable
    /// position (91°/181°), or our own station's VDO.
    var vesselPosition: VesselStore.Position? {
        guard !isOwnShip else { return nil }
        /// Raw values in the message's units; `speedNA`/`courseNA` are the "not available" codes.
        func make(_ header: AISHeader, _ longitude: Int, _ latitude: Int, perDegree: Double, speed: Int, speedScale: Double, speedNA: Int,
                  course: Int, courseScale: Double, courseNA: Int, heading: Int?, status: Int?) -> VesselStore.Position? {
            let lon = Double(longitude) / perDegree
            let lat = Double(latitude) / perDegree
            guard abs(lon) <= 180, abs(lat) <= 90 else { return nil }
            return VesselStore.Position(
                mmsi: header.mmsi, time: fixTime, longitude: lon, latitude: lat, speedKnots: speed >= speedNA ? nil : Double(speed) / speedScale,
                courseDegrees: course >= courseNA ? nil : Double(course) / courseScale, heading: heading.flatMap { $0 == 511 ? nil : $0 },
                navigationStatus: status, messageType: header.messageType, feed: feed)
        }
        switch message {
        case .positionReport(let m):
            return make(m.header, m.longitude, m.latitude, perDegree: 600_000, speed: m.speedOverGround, speedScale: 10, speedNA: 1023,
                        course: m.courseOverGround, courseScale: 10, courseNA: 3600, heading: m.trueHeading, status: m.navigationStatus)
        case .classBPositionReport(let m):
            return make(m.header, m.longitude, m.latitude, perDegree: 600_000, speed: m.speedOverGround, speedScale: 10, speedNA: 1023,
                        course: m.courseOverGround, courseScale: 10, courseNA: 3600, heading: m.trueHeading, status: nil)
        case .classBExtendedReport(let m):
            return make(m.header, m.longitude, m.latitude, perDegree: 600_000, speed: m.speedOverGround, speedScale: 10, speedNA: 1023,
                        course: m.courseOverGround, courseScale: 10, courseNA: 3600, heading: m.trueHeading, status: nil)
        case .longRangeReport(let m):
            // Type 27: 1/10 minute, whole knots (63 = not available), whole degrees (511 = not available).
            return make(m.header, m.longitude, m.latitude, perDegree: 600, speed: m.speedOverGround, speedScale: 1, speedNA: 63,
                        course: m.courseOverGround, courseScale: 1, courseNA: 360, heading: nil, status: m.navigationStatus)
        default:
            return nil
        }
    }

    /// The static data this message carries (types 5, 19, 24), or nil.
    var vesselStatic: VesselStore.StaticReport? {
        func text(_ value: String) -> String? {
            let trimmed = value.trimmingCharacters(in: CharacterSet(charactersIn: "@ "))
            return trimmed.isEmpty ? nil : trimmed
        }
        func dimension(_ value: Int) -> Int? { value == 0 ? nil : value }
        switch message {
        case .staticVoyageData(let m):
            return VesselStore.StaticReport(
                mmsi: m.header.mmsi, name: text(m.shipName), callSign: text(m.callSign), imo: m.imo == 0 ? nil : m.imo, shipType: m.shipType == 0 ? nil : m.shipType,
                toBow: dimension(m.dimensions.toBow), toStern: dimension(m.dimensions.toStern), toPort: dimension(m.dimensions.toPort),
                toStarboard: dimension(m.dimensions.toStarboard), draughtMetres: m.draught == 0 ? nil : Double(m.draught) / 10, destination: text(m.destination))
        case .classBExtendedReport(let m):
            return VesselStore.StaticReport(
                mmsi: m.header.mmsi, name: text(m.shipName), shipType: m.shipType == 0 ? nil : m.shipType, toBow: dimension(m.dimensions.toBow),
                toStern: dimension(m.dimensions.toStern), toPort: dimension(m.dimensions.toPort), toStarboard: dimension(m.dimensions.toStarboard))
        case .staticDataReport(let m):
            switch m.part {
            case .a(let shipName):
                return VesselStore.StaticReport(mmsi: m.header.mmsi, name: text(shipName))
            case .b(let part):
                return VesselStore.StaticReport(
                    mmsi: m.header.mmsi, callSign: text(part.callSign), shipType: part.shipType == 0 ? nil : part.shipType,
                    toBow: part.dimensions.flatMap { dimension($0.toBow) }, toStern: part.dimensions.flatMap { dimension($0.toStern) },
                    toPort: part.dimensions.flatMap { dimension($0.toPort) }, toStarboard: part.dimensions.flatMap { dimension($0.toStarboard) })
            }
        default:
            return nil
        }
    }
}
