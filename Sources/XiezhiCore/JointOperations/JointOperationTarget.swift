/// What a joint operation goes after (整治重点).
public enum JointOperationTarget: String, Codable, Sendable, CaseIterable {
    /// 治理超限超载.
    case overload
    /// 打击非法营运（客运）.
    case illegalPassengerTransport = "illegal_passenger_transport"
    /// 危险货物道路运输.
    case dangerousGoods = "dangerous_goods"
    /// 水路运输（内河船舶）.
    case waterway
    /// 道路运输市场秩序（无证经营、站外揽客等）.
    case transportMarketOrder = "transport_market_order"

    public var chineseName: String {
        switch self {
        case .overload: "超限超载"
        case .illegalPassengerTransport: "非法客运"
        case .dangerousGoods: "危险货物运输"
        case .waterway: "水路运输"
        case .transportMarketOrder: "运输市场秩序"
        }
    }
}
