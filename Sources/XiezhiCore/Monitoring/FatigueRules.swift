/// 疲劳驾驶 — the driving-time limits: 4 h continuous by day (道路交通安全法实施条例 Art. 62(7)), 2 h at night, a rest of
/// at least 20 min, at most 8 h in any 24 h (道路运输车辆动态监督管理办法, rules.md A6).
///
/// JSON: `{"appliesTo", "continuousDayMinutes", "continuousNightMinutes", "minimumRestMinutes", "dailyMaxMinutes",
/// "dailyWindowHours"}`, each number a ``CitedValue``.
public struct FatigueRules: Hashable, Sendable, Decodable {
    /// The vehicle kinds the limits are checked for.
    public var appliesTo: Set<MonitoredVehicleKind>
    /// The longest continuous driving by day, minutes (240).
    public var continuousDayMinutes: CitedValue
    /// The longest continuous driving at night, minutes (120).
    public var continuousNightMinutes: CitedValue
    /// The shortest stop that counts as a rest, minutes (20): a shorter stop does not end continuous driving.
    public var minimumRestMinutes: CitedValue
    /// The most driving in any rolling window, minutes (480).
    public var dailyMaxMinutes: CitedValue
    /// The rolling window, hours (24).
    public var dailyWindowHours: CitedValue

    /// Creates the rules.
    public init(
        appliesTo: Set<MonitoredVehicleKind>, continuousDayMinutes: CitedValue, continuousNightMinutes: CitedValue,
        minimumRestMinutes: CitedValue, dailyMaxMinutes: CitedValue, dailyWindowHours: CitedValue
    ) {
        self.appliesTo = appliesTo
        self.continuousDayMinutes = continuousDayMinutes
        self.continuousNightMinutes = continuousNightMinutes
        self.minimumRestMinutes = minimumRestMinutes
        self.dailyMaxMinutes = dailyMaxMinutes
        self.dailyWindowHours = dailyWindowHours
    }

    private enum CodingKeys: String, CodingKey {
        case appliesTo, continuousDayMinutes, continuousNightMinutes, minimumRestMinutes, dailyMaxMinutes, dailyWindowHours
    }

    /// Decodes strictly (see `MonitoringRulesDecoding`); the daily maximum must fit in its window.
    public init(from decoder: any Decoder) throws {
        try MonitoringRulesDecoding.rejectUnknownKeys(
            in: decoder,
            allowed: ["appliesTo", "continuousDayMinutes", "continuousNightMinutes", "minimumRestMinutes", "dailyMaxMinutes", "dailyWindowHours"]
        )
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let minutes = 1...MonitoringRulesDecoding.Bound.minutes
        appliesTo = try container.monitoredKinds(.appliesTo, in: decoder)
        continuousDayMinutes = try container.citedValue(.continuousDayMinutes, in: decoder, minutes)
        continuousNightMinutes = try container.citedValue(.continuousNightMinutes, in: decoder, minutes)
        minimumRestMinutes = try container.citedValue(.minimumRestMinutes, in: decoder, minutes)
        dailyMaxMinutes = try container.citedValue(.dailyMaxMinutes, in: decoder, minutes)
        dailyWindowHours = try container.citedValue(.dailyWindowHours, in: decoder, 1...MonitoringRulesDecoding.Bound.hours)
        try MonitoringRulesDecoding.require(
            dailyMaxMinutes.value < dailyWindowHours.value * 60, decoder,
            "dailyMaxMinutes (\(dailyMaxMinutes.value)) must be shorter than the window (\(dailyWindowHours.value) h)")
    }
}
