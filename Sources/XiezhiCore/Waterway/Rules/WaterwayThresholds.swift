import Foundation

/// 分辖区阈值 — the waterway thresholds that differ between jurisdictions: the AIS gap, the muck-ship stop and the
/// dangerous-goods stop, with a national default and overrides per province (2 digits), prefecture (4) or county (6,
/// GB/T 2260). The most specific override that sets a threshold applies, threshold by threshold.
///
/// JSON: `{"national": {"aisGap", "muckStop", "dangerousGoodsStop"}, "overrides": [{"jurisdiction", "nameZh",
/// "aisGap"?, "muckStop"?, "dangerousGoodsStop"?}]}`, each threshold `{"minutes", "citation", "note"?}`.
public struct WaterwayThresholds: Hashable, Sendable, Decodable {
    /// The defaults everywhere without an override.
    public var national: WaterwayThresholdSet
    /// Province, prefecture and county overrides.
    public var overrides: [WaterwayThresholdOverride]

    /// Creates the table; throws `invalid_waterway_value` for an override written twice.
    public init(national: WaterwayThresholdSet, overrides: [WaterwayThresholdOverride]) throws {
        self.national = national
        self.overrides = overrides
        if let duplicate = WaterwayRulesDecoding.duplicate(in: overrides.map(\.jurisdiction)) {
            throw DomainError(code: WaterwayRulesDecoding.invalidValueCode, reason: "thresholds.overrides: '\(duplicate)' is written twice")
        }
    }

    /// Which threshold of the set.
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        /// AIS信号中断 — silence of an underway ship inside coverage (minutes).
        case aisGap
        /// 渣土船停泊 — a muck ship stopped outside the approved unloading sites (minutes).
        case muckStop
        /// 危险品船停泊 — a dangerous-goods ship stopped in a forbidden segment (minutes).
        case dangerousGoodsStop

        /// The Chinese name used in clues.
        public var chineseName: String {
            switch self {
            case .aisGap: "AIS信号中断时长"
            case .muckStop: "渣土船核准消纳点外停泊时长"
            case .dangerousGoodsStop: "危险品船禁停区段停泊时长"
            }
        }
    }

    /// The threshold of `kind` in force at `jurisdiction` (the national default when `nil` or without an override).
    public func applied(_ kind: Kind, at jurisdiction: JurisdictionCode?) -> AppliedThreshold {
        var best: (scope: String, threshold: CitedThreshold)?
        if let code = jurisdiction?.rawValue {
            for override in overrides where code.hasPrefix(override.jurisdiction) {
                guard let threshold = override.threshold(kind) else { continue }
                if override.jurisdiction.count > best?.scope.count ?? 0 {
                    best = (override.jurisdiction, threshold)
                }
            }
        }
        let chosen = best ?? ("national", national.threshold(kind))
        return AppliedThreshold(chosen.threshold, nameZh: kind.chineseName, scope: chosen.scope)
    }

    private enum CodingKeys: String, CodingKey { case national, overrides }

    /// Decodes strictly (see `WaterwayRulesDecoding`).
    public init(from decoder: any Decoder) throws {
        let container = try WaterwayRulesDecoding.keyed(decoder, CodingKeys.self, allowed: ["national", "overrides"])
        national = try container.decode(WaterwayThresholdSet.self, forKey: .national)
        overrides = try container.decodeIfPresent([WaterwayThresholdOverride].self, forKey: .overrides) ?? []
        if let duplicate = WaterwayRulesDecoding.duplicate(in: overrides.map(\.jurisdiction)) {
            throw WaterwayRulesDecoding.invalid(decoder, "overrides: '\(duplicate)' is written twice")
        }
    }
}

/// The national set of jurisdiction-dependent thresholds.
public struct WaterwayThresholdSet: Hashable, Sendable, Decodable {
    /// AIS信号中断 — minutes of silence of an underway ship inside coverage.
    public var aisGap: CitedThreshold
    /// 渣土船停泊 — minutes a muck ship may stop outside the approved unloading sites.
    public var muckStop: CitedThreshold
    /// 危险品船停泊 — minutes a dangerous-goods ship may stop in a forbidden segment.
    public var dangerousGoodsStop: CitedThreshold

    /// Creates the set.
    public init(aisGap: CitedThreshold, muckStop: CitedThreshold, dangerousGoodsStop: CitedThreshold) {
        self.aisGap = aisGap
        self.muckStop = muckStop
        self.dangerousGoodsStop = dangerousGoodsStop
    }

    /// The threshold of `kind`.
    public func threshold(_ kind: WaterwayThresholds.Kind) -> CitedThreshold {
        switch kind {
        case .aisGap: aisGap
        case .muckStop: muckStop
        case .dangerousGoodsStop: dangerousGoodsStop
        }
    }

    private enum CodingKeys: String, CodingKey { case aisGap, muckStop, dangerousGoodsStop }

    /// Decodes strictly (see `WaterwayRulesDecoding`).
    public init(from decoder: any Decoder) throws {
        let container = try WaterwayRulesDecoding.keyed(
            decoder, CodingKeys.self, allowed: ["aisGap", "muckStop", "dangerousGoodsStop"])
        aisGap = try container.citedThreshold(.aisGap, unit: .minutes, range: WaterwayBound.minutes)
        muckStop = try container.citedThreshold(.muckStop, unit: .minutes, range: WaterwayBound.minutes)
        dangerousGoodsStop = try container.citedThreshold(.dangerousGoodsStop, unit: .minutes, range: WaterwayBound.minutes)
    }
}

/// One jurisdiction's replacements for some thresholds.
public struct WaterwayThresholdOverride: Hashable, Sendable, Decodable {
    /// A 2-digit province prefix, a 4-digit prefecture prefix or a 6-digit GB/T 2260 code.
    public var jurisdiction: String
    /// The jurisdiction's Chinese name, e.g. `嘉善县`.
    public var nameZh: String
    /// Replaces the AIS gap, when set.
    public var aisGap: CitedThreshold?
    /// Replaces the muck-ship stop, when set.
    public var muckStop: CitedThreshold?
    /// Replaces the dangerous-goods stop, when set.
    public var dangerousGoodsStop: CitedThreshold?

    /// Creates an override; throws `invalid_waterway_value` when `jurisdiction` is not 2, 4 or 6 digits.
    public init(
        jurisdiction: String, nameZh: String, aisGap: CitedThreshold? = nil, muckStop: CitedThreshold? = nil,
        dangerousGoodsStop: CitedThreshold? = nil
    ) throws {
        guard Self.isScope(jurisdiction) else {
            throw DomainError(code: WaterwayRulesDecoding.invalidValueCode, reason: "threshold override '\(jurisdiction)' is not a 2-, 4- or 6-digit GB/T 2260 code")
        }
        self.jurisdiction = jurisdiction
        self.nameZh = nameZh
        self.aisGap = aisGap
        self.muckStop = muckStop
        self.dangerousGoodsStop = dangerousGoodsStop
    }

    /// The override of `kind`, when set.
    public func threshold(_ kind: WaterwayThresholds.Kind) -> CitedThreshold? {
        switch kind {
        case .aisGap: aisGap
        case .muckStop: muckStop
        case .dangerousGoodsStop: dangerousGoodsStop
        }
    }

    static func isScope(_ text: String) -> Bool {
        [2, 4, 6].contains(text.utf8.count) && text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    private enum CodingKeys: String, CodingKey { case jurisdiction, nameZh, aisGap, muckStop, dangerousGoodsStop }

    /// Decodes strictly (see `WaterwayRulesDecoding`).
    public init(from decoder: any Decoder) throws {
        let container = try WaterwayRulesDecoding.keyed(
            decoder, CodingKeys.self, allowed: ["jurisdiction", "nameZh", "aisGap", "muckStop", "dangerousGoodsStop"])
        jurisdiction = try container.decode(String.self, forKey: .jurisdiction)
        nameZh = try container.waterwayText(.nameZh, in: decoder)
        try WaterwayRulesDecoding.require(
            Self.isScope(jurisdiction), decoder, "jurisdiction '\(jurisdiction)' is not a 2-, 4- or 6-digit GB/T 2260 code")
        aisGap = try container.citedThresholdIfPresent(.aisGap, unit: .minutes, range: WaterwayBound.minutes)
        muckStop = try container.citedThresholdIfPresent(.muckStop, unit: .minutes, range: WaterwayBound.minutes)
        dangerousGoodsStop = try container.citedThresholdIfPresent(.dangerousGoodsStop, unit: .minutes, range: WaterwayBound.minutes)
        try WaterwayRulesDecoding.require(
            aisGap != nil || muckStop != nil || dangerousGoodsStop != nil, decoder,
            "override '\(jurisdiction)' sets no threshold")
    }
}

/// Plausibility bounds on the numbers of the waterway rules, far beyond any real value. Not legal numbers.
enum WaterwayBound {
    /// Durations: 1 minute to 7 days, in minutes.
    static let minutes: ClosedRange<Double> = 1...10_080
    /// Speeds: up to 100 knots.
    static let knots: ClosedRange<Double> = 0...100
    /// Distances: up to 100 km, in metres.
    static let metres: ClosedRange<Double> = 0...100_000
    /// Ship dimensions: up to 500 m.
    static let shipMetres: ClosedRange<Double> = 0...500
    /// Durations in seconds: up to one day.
    static let seconds: ClosedRange<Double> = 0...86_400
    /// Probabilities and similarities.
    static let unit: ClosedRange<Double> = 0...1
}
