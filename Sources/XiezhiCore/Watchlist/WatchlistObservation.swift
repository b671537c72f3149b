import Foundation

/// What one of the node's sensors saw, reduced to what a watchlist can match: a plate (with its colour when read) or
/// a ship (its MMSI from AIS, or its name as a checkpoint camera read it).
public enum WatchlistObservation: Hashable, Sendable {
    case vehicle(plate: String, colour: PlateColor?)
    case ship(mmsi: String?, name: String?)
}

/// The sensor that saw it and where: the throttle counts sightings per entry and per sensor.
public struct WatchlistSensor: Hashable, Sendable, Codable {
    /// The kind of sensor.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// A JT/T 808 terminal's position report (车载终端定位).
        case jt808
        /// A weigh-in-motion station's record (动态称重检测点).
        case wim
        /// An AIS position report (船舶自动识别系统).
        case ais
        /// A waterway checkpoint passage (水上卡口过船记录).
        case checkpoint

        /// The sensor kind in Chinese, for alerts.
        public var chineseName: String {
            switch self {
            case .jt808: "车载卫星定位终端"
            case .wim: "动态称重检测点"
            case .ais: "船舶AIS"
            case .checkpoint: "水上卡口"
            }
        }
    }

    public var kind: Kind
    /// The terminal's phone, the station's or checkpoint's id, the AIS feed.
    public var id: String
    /// The place in words (the station's or checkpoint's name), when there is one.
    public var place: String?
    public var longitude: Double
    public var latitude: Double
    /// The agency whose area the sighting is in (the station's or checkpoint's, or the region's at a position).
    public var jurisdiction: JurisdictionCode

    public init(kind: Kind, id: String, place: String?, longitude: Double, latitude: Double, jurisdiction: JurisdictionCode) {
        self.kind = kind
        self.id = id
        self.place = place
        self.longitude = longitude
        self.latitude = latitude
        self.jurisdiction = jurisdiction
    }

    /// The throttle's key: the sensor kind and id.
    public var key: String { "\(kind.rawValue):\(id)" }
}
