/// A dimension the laser measures and a fingerprint holds.
public enum ShipDimension: String, CaseIterable, Hashable, Codable, Sendable {
    /// 船长 — overall length.
    case length
    /// 船宽 — beam.
    case beam
    /// 水面以上高度 — air draft.
    case airDraft = "air_draft"

    /// The Chinese name, e.g. `船长`.
    public var chineseName: String {
        switch self {
        case .length: "船长"
        case .beam: "船宽"
        case .airDraft: "水面以上高度"
        }
    }
}
