/// 车货总质量限值 — one row of the gross-mass table of Order 62 Art. 3 ¶1 (四)–(八) / GB 1589-2016.
///
/// A row applies to one vehicle class (货车 or 汽车列车) and one axle count, or that count and more (`andMore`, the
/// "六轴及六轴以上" row); `singleDriveAxle` marks the 46,000 kg row for a tractor whose drive axle is a single axle.
/// JSON: `{"labelZh", "vehicle", "axles", "andMore"?, "singleDriveAxle"?, "limitKg", "citation", "note"?}`.
public struct GrossMassLimit: Hashable, Sendable, Decodable {
    /// The configuration's Chinese name, e.g. `三轴汽车列车`.
    public var labelZh: String
    /// 货车 or 汽车列车.
    public var vehicle: WeighVehicle
    /// The axle count (Art. 3 ¶2(一): a tandem counts two, a tridem three).
    public var axles: Int
    /// `true` when the row also covers more axles ("及以上").
    public var andMore: Bool
    /// `true` for the row that applies only when the tractor's drive axle is a single axle (驱动轴为单轴).
    public var singleDriveAxle: Bool
    /// The limit in kilograms: over it is 超限.
    public var limitKg: Int
    /// The article.
    public var citation: Citation
    /// Free text for the legal office.
    public var note: String?

    /// Creates a row.
    public init(
        labelZh: String, vehicle: WeighVehicle, axles: Int, andMore: Bool = false, singleDriveAxle: Bool = false,
        limitKg: Int, citation: Citation, note: String? = nil
    ) {
        self.labelZh = labelZh
        self.vehicle = vehicle
        self.axles = axles
        self.andMore = andMore
        self.singleDriveAxle = singleDriveAxle
        self.limitKg = limitKg
        self.citation = citation
        self.note = note
    }

    /// Whether the row covers `axleCount` axles of `vehicle` (ignoring the drive-axle condition).
    public func covers(vehicle: WeighVehicle, axleCount: Int) -> Bool {
        vehicle == self.vehicle && (andMore ? axleCount >= axles : axleCount == axles)
    }

    private enum CodingKeys: String, CodingKey { case labelZh, vehicle, axles, andMore, singleDriveAxle, limitKg, citation, note }

    /// Decodes strictly: unknown keys, missing citations and out-of-range numbers are refused (see `LimitsDecoding`).
    public init(from decoder: any Decoder) throws {
        try LimitsDecoding.rejectUnknownKeys(
            in: decoder, allowed: ["labelZh", "vehicle", "axles", "andMore", "singleDriveAxle", "limitKg", "citation", "note"]
        )
        let container = try decoder.container(keyedBy: CodingKeys.self)
        labelZh = try container.decode(String.self, forKey: .labelZh)
        vehicle = try container.decode(WeighVehicle.self, forKey: .vehicle)
        axles = try container.limitInt(.axles, in: decoder, 1...LimitsDecoding.Bound.axles)
        andMore = try container.decodeIfPresent(Bool.self, forKey: .andMore) ?? false
        singleDriveAxle = try container.decodeIfPresent(Bool.self, forKey: .singleDriveAxle) ?? false
        limitKg = try container.limitInt(.limitKg, in: decoder, 1...LimitsDecoding.Bound.kg)
        citation = try container.limitCitation(.citation, in: decoder)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        try LimitsDecoding.require(!labelZh.trimmingCharacters(in: .whitespaces).isEmpty, decoder, "a row needs its Chinese name (labelZh)")
    }
}
