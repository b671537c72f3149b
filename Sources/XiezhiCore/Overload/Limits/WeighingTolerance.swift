/// 称重检测允许误差 — how far over the limit a weighing may be and still be treated as not over, per jurisdiction.
///
/// The national default is 5 %: the MoT said in 2021 that a weighing "不大于认定标准105%" is for now treated as not
/// over (secondary source; said of highway-entrance weighing). An override is written for a province (2 digits), a
/// prefecture (4) or a county (6, GB/T 2260); the most specific one applies. The tolerance only decides whether a
/// weighing is a violation; the excess is always measured from the legal limit (see ``OverloadJudgement``).
/// JSON: `{"national": {"percent", "citation", "note"?}, "overrides": [{"jurisdiction", "nameZh", "percent",
/// "citation", "note"?}]}`.
public struct WeighingTolerance: Hashable, Sendable, Decodable {
    /// The default everywhere without an override.
    public var national: CitedPercentage
    /// Province, prefecture and county overrides.
    public var overrides: [ToleranceOverride]

    /// Creates the table; throws `invalid_limit_value` for a duplicate override.
    public init(national: CitedPercentage, overrides: [ToleranceOverride]) throws {
        self.national = national
        self.overrides = overrides
        if let duplicate = Self.duplicate(in: overrides) {
            throw DomainError(code: "invalid_limit_value", reason: "tolerance.overrides: '\(duplicate)' is written twice")
        }
    }

    /// The tolerance in force for `jurisdiction`: its county's override, else its prefecture's, its province's, or the
    /// national default.
    public func resolved(for jurisdiction: JurisdictionCode) -> AppliedTolerance {
        // The longest override that is a prefix of the code (6, then 4, then 2 digits); no allocation per call.
        let code = jurisdiction.rawValue.utf8
        var best: ToleranceOverride?
        for override in overrides {
            let scope = override.jurisdiction.utf8
            guard code.starts(with: scope), scope.count > (best?.jurisdiction.utf8.count ?? 0) else { continue }
            best = override
        }
        if let best {
            return AppliedTolerance(percentage: best.percentage, citation: best.citation, scope: best.jurisdiction, scopeNameZh: best.nameZh)
        }
        return AppliedTolerance(percentage: national.percentage, citation: national.citation, scope: "national", scopeNameZh: "全国")
    }

    private static func duplicate(in overrides: [ToleranceOverride]) -> String? {
        var seen = Set<String>()
        return overrides.first { !seen.insert($0.jurisdiction).inserted }?.jurisdiction
    }

    private enum CodingKeys: String, CodingKey { case national, overrides }

    /// Decodes strictly: unknown keys, missing citations and out-of-range numbers are refused (see `LimitsDecoding`).
    public init(from decoder: any Decoder) throws {
        try LimitsDecoding.rejectUnknownKeys(in: decoder, allowed: ["national", "overrides"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        national = try container.decode(CitedPercentage.self, forKey: .national)
        overrides = try container.decodeIfPresent([ToleranceOverride].self, forKey: .overrides) ?? []
        if let duplicate = Self.duplicate(in: overrides) {
            throw DomainError(code: "invalid_limit_value", reason: "\(LimitsDecoding.path(decoder.codingPath)).overrides: '\(duplicate)' is written twice")
        }
    }
}

/// A percentage with the article it comes from. JSON: `{"percent", "citation", "note"?}`.
public struct CitedPercentage: Hashable, Sendable, Decodable {
    /// The percentage (at most two decimals).
    public var percentage: Percentage
    /// The article.
    public var citation: Citation
    /// Free text for the legal office.
    public var note: String?

    /// Creates the value.
    public init(percentage: Percentage, citation: Citation, note: String? = nil) {
        self.percentage = percentage
        self.citation = citation
        self.note = note
    }

    private enum CodingKeys: String, CodingKey { case percent, citation, note }

    /// Decodes strictly: unknown keys, missing citations and out-of-range numbers are refused (see `LimitsDecoding`).
    public init(from decoder: any Decoder) throws {
        try LimitsDecoding.rejectUnknownKeys(in: decoder, allowed: ["percent", "citation", "note"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        percentage = try container.limitPercentage(.percent, in: decoder, 0...WeighingTolerance.maximumHundredths)
        citation = try container.limitCitation(.citation, in: decoder)
        note = try container.decodeIfPresent(String.self, forKey: .note)
    }
}

/// One jurisdiction's weighing tolerance. JSON: `{"jurisdiction", "nameZh", "percent", "citation", "note"?}`.
public struct ToleranceOverride: Hashable, Sendable, Decodable {
    /// A 2-digit province prefix, a 4-digit prefecture prefix or a 6-digit GB/T 2260 code.
    public var jurisdiction: String
    /// The jurisdiction's Chinese name, e.g. `浙江省`.
    public var nameZh: String
    /// The tolerance.
    public var percentage: Percentage
    /// The article or notice that sets it.
    public var citation: Citation
    /// Free text for the legal office.
    public var note: String?

    /// Creates an override; throws `invalid_limit_value` when `jurisdiction` is not 2, 4 or 6 digits.
    public init(jurisdiction: String, nameZh: String, percentage: Percentage, citation: Citation, note: String? = nil) throws {
        guard Self.isScope(jurisdiction) else {
            throw DomainError(code: "invalid_limit_value", reason: "tolerance override '\(jurisdiction)' is not a 2-, 4- or 6-digit GB/T 2260 code")
        }
        self.jurisdiction = jurisdiction
        self.nameZh = nameZh
        self.percentage = percentage
        self.citation = citation
        self.note = note
    }

    static func isScope(_ text: String) -> Bool {
        [2, 4, 6].contains(text.utf8.count) && text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    private enum CodingKeys: String, CodingKey { case jurisdiction, nameZh, percent, citation, note }

    /// Decodes strictly: unknown keys, missing citations and out-of-range numbers are refused (see `LimitsDecoding`).
    public init(from decoder: any Decoder) throws {
        try LimitsDecoding.rejectUnknownKeys(in: decoder, allowed: ["jurisdiction", "nameZh", "percent", "citation", "note"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        jurisdiction = try container.decode(String.self, forKey: .jurisdiction)
        nameZh = try container.decode(String.self, forKey: .nameZh)
        percentage = try container.limitPercentage(.percent, in: decoder, 0...WeighingTolerance.maximumHundredths)
        citation = try container.limitCitation(.citation, in: decoder)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        try LimitsDecoding.require(
            Self.isScope(jurisdiction), decoder, "jurisdiction '\(jurisdiction)' is not a 2-, 4- or 6-digit GB/T 2260 code"
        )
    }
}

extension WeighingTolerance {
    /// The largest tolerance the file may set, in hundredths of a percent (100 %): a plausibility bound, not law.
    static let maximumHundredths = 10_000
}

/// The tolerance a judgement used, with where it came from.
public struct AppliedTolerance: Hashable, Sendable, Codable {
    /// The tolerance, e.g. 5 %.
    public var percentage: Percentage
    /// The article or notice.
    public var citation: Citation
    /// `national`, or the override's 2-, 4- or 6-digit code.
    public var scope: String
    /// `全国` or the override's Chinese name.
    public var scopeNameZh: String

    /// Creates the value.
    public init(percentage: Percentage, citation: Citation, scope: String, scopeNameZh: String) {
        self.percentage = percentage
        self.citation = citation
        self.scope = scope
        self.scopeNameZh = scopeNameZh
    }

    /// The heaviest gross mass (kg) treated as not over for `limitKg`: ⌊limit × (1 + tolerance)⌋.
    ///
    /// For limits up to 10,000 t and tolerances up to 100 % (what the limits file allows); larger values are clamped.
    public func toleratedKg(limitKg: Int) -> Int {
        let limit = min(max(limitKg, 0), LimitsDecoding.Bound.kg)
        let hundredths = min(max(percentage.hundredths, 0), WeighingTolerance.maximumHundredths)
        return limit * (10_000 + hundredths) / 10_000
    }

    private enum CodingKeys: String, CodingKey {
        case percentage = "percent"
        case citation
        case scope
        case scopeNameZh = "scope_name_zh"
    }
}
