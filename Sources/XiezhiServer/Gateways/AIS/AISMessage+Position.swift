import XiezhiWire

extension AISMessage {
    /// For a message that reports a station's position: whether its latitude and longitude are available
    /// (not the 91°/181° "not available" values nor out of range). Nil for messages without a position.
    ///
    /// Types 1–3, 4/11, 9, 18, 19 and 21 carry 1/10 000 minute; type 27 carries 1/10 minute.
    var positionIsAvailable: Bool? {
        switch self {
        case .positionReport(let report): Self.available(longitude: report.longitude, latitude: report.latitude, perDegree: 600_000)
        case .baseStationReport(let report): Self.available(longitude: report.longitude, latitude: report.latitude, perDegree: 600_000)
        case .sarAircraftReport(let report): Self.available(longitude: report.longitude, latitude: report.latitude, perDegree: 600_000)
        case .classBPositionReport(let report): Self.available(longitude: report.longitude, latitude: report.latitude, perDegree: 600_000)
        case .classBExtendedReport(let report): Self.available(longitude: report.longitude, latitude: report.latitude, perDegree: 600_000)
        case .aidToNavigationReport(let report): Self.available(longitude: report.longitude, latitude: report.latitude, perDegree: 600_000)
        case .longRangeReport(let report): Self.available(longitude: report.longitude, latitude: report.latitude, perDegree: 600)
        default: nil
        }
    }

    private static func available(longitude: Int, latitude: Int, perDegree: Int) -> Bool {
        abs(longitude) <= 180 * perDegree && abs(latitude) <= 90 * perDegree
    }
}
