/// 轴 — one axle of a weigh-in-motion record, front to back: its weight, its group, tyres, drive and suspension.
///
/// JSON: `{"weight_kg", "group", "tyres": "single" | "dual", "drive", "air_suspension"}`; axles of one tandem or
/// tridem share a `group` number (Order 62 Art. 3 ¶2(一): a tandem counts as two axles, a tridem as three). The
/// optional `wide_tyres` (an extension) says whether single tyres are compliant wide tyres; most devices cannot tell.
public struct WeighAxle: Hashable, Codable, Sendable {
    /// 轴重 — the weight on this axle in kilograms.
    public var weightKg: Int
    /// 轴组号 — axles of one tandem or tridem share it; a single axle has a number of its own.
    public var group: Int
    /// 单轮胎 or 双轮胎 on each side.
    public var tyres: TyreFitting
    /// 驱动轴 — whether this axle is driven.
    public var drive: Bool
    /// 空气悬架 — whether this axle has air suspension.
    public var airSuspension: Bool
    /// 加宽轮胎 — `true` when single tyres are compliant wide tyres (Order 62 Art. 3 ¶2(二) exception), `false` when
    /// they are known not to be, `nil` when the device does not say.
    public var wideTyres: Bool?

    /// Creates an axle.
    public init(weightKg: Int, group: Int, tyres: TyreFitting, drive: Bool, airSuspension: Bool, wideTyres: Bool? = nil) {
        self.weightKg = weightKg
        self.group = group
        self.tyres = tyres
        self.drive = drive
        self.airSuspension = airSuspension
        self.wideTyres = wideTyres
    }

    private enum CodingKeys: String, CodingKey {
        case weightKg = "weight_kg"
        case group
        case tyres
        case drive
        case airSuspension = "air_suspension"
        case wideTyres = "wide_tyres"
    }

    /// Decodes the snake_case keys explicitly, whatever the decoder's key strategy.
    public init(from decoder: any Decoder) throws {
        self = try RecordKeys.decode(decoder) { keys in try WeighAxle(keys: keys) }
    }

    private init(keys: RecordKeys) throws {
        weightKg = try keys.decode(Int.self, "weight_kg")
        group = try keys.decode(Int.self, "group")
        tyres = try keys.decode(TyreFitting.self, "tyres")
        drive = try keys.decode(Bool.self, "drive")
        airSuspension = try keys.decode(Bool.self, "air_suspension")
        wideTyres = try keys.decodeIfPresent(Bool.self, "wide_tyres")
    }

    /// Encodes the snake_case keys; `wide_tyres` only when known.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(weightKg, forKey: .weightKg)
        try container.encode(group, forKey: .group)
        try container.encode(tyres, forKey: .tyres)
        try container.encode(drive, forKey: .drive)
        try container.encode(airSuspension, forKey: .airSuspension)
        try container.encodeIfPresent(wideTyres, forKey: .wideTyres)
    }
}
