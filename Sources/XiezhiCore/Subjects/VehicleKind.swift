/// 车辆类别 — the classes transport enforcement distinguishes (两客一危 and heavy freight first).
public enum VehicleKind: String, CaseIterable, Hashable, Codable, Sendable {
    /// 营运客车 — bus or coach in passenger service (班线客车, 旅游客车).
    case bus
    /// 货车 — goods vehicle.
    case truck
    /// 牵引车 — tractor unit of an articulated vehicle.
    case tractor
    /// 挂车 — trailer or semi-trailer.
    case trailer
    /// 危险货物运输车辆 — dangerous-goods vehicle.
    case dangerousGoods = "dangerous_goods"
    /// 小型汽车 — car.
    case car
    /// 其他 — any other class.
    case other

    /// The Chinese name, e.g. `危险货物运输车辆`.
    public var chineseName: String {
        switch self {
        case .bus: "营运客车"
        case .truck: "货车"
        case .tractor: "牵引车"
        case .trailer: "挂车"
        case .dangerousGoods: "危险货物运输车辆"
        case .car: "小型汽车"
        case .other: "其他"
        }
    }
}
