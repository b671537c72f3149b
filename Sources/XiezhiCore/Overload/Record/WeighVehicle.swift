/// 车型 — the vehicle class a weigh-in-motion record reports, as Order 62 Art. 3 distinguishes them.
///
/// Written in the record as `truck` or `combination`. The gross-mass limit depends on it: a three-axle truck is
/// limited to 25 t, a three-axle combination to 27 t (交通运输部令2016年第62号 第三条第一款第（五）项).
public enum WeighVehicle: String, CaseIterable, Hashable, Codable, Sendable {
    /// 货车 — a rigid goods vehicle.
    case truck
    /// 汽车列车 — a combination: a tractor with a semi-trailer, or a truck with a full trailer.
    case combination

    /// `货车` or `汽车列车`.
    public var chineseName: String {
        switch self {
        case .truck: "货车"
        case .combination: "汽车列车"
        }
    }

    /// Decodes `truck` or `combination`; anything else is `invalid_vehicle`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let vehicle = WeighVehicle(rawValue: text) else {
            throw DomainError(code: "invalid_vehicle", reason: "'\(text)' is not a vehicle class; use 'truck' (货车) or 'combination' (汽车列车)")
        }
        self = vehicle
    }

    /// Encodes the raw value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
