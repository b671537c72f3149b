/// 监管类别 — the enforcement class of a ship by what it carries: the rules for muck and dangerous goods differ.
public enum CargoClass: String, CaseIterable, Hashable, Codable, Sendable {
    /// 普通船舶 — any other ship.
    case general
    /// 渣土船 — a construction-muck (spoil) carrier: unloading only at approved sites.
    case muck
    /// 危险品船 — a dangerous-goods carrier (oil, chemicals, gas): escorted through the region.
    case dangerousGoods = "dangerous_goods"

    /// The Chinese name, e.g. `渣土船`.
    public var chineseName: String {
        switch self {
        case .general: "普通船舶"
        case .muck: "渣土船"
        case .dangerousGoods: "危险品船"
        }
    }

    /// The class a ship's name implies: 渣 a muck carrier, 油 and 化 dangerous goods, anything else general.
    public static func implied(by name: VesselName) -> CargoClass {
        switch name.type {
        case .muck: .muck
        case .tanker, .chemical: .dangerousGoods
        default: .general
        }
    }
}
