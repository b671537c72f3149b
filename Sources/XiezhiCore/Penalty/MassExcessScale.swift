/// 车货总质量超限罚款标准 — a scale of per-tonne fines on the mass over the limit, with a lenient tier and a cap.
///
/// Covers both shapes in the delta: Order 62 Art. 43(二) (≤1,000 kg over → warning; otherwise 500 yuan per
/// 1,000 kg of the whole excess, cap 30,000 yuan) and 浙江省公路条例 Art. 53 (≤20 % over → education; the
/// part 20–50 % → 300 yuan/t; the part above 50 % → 500 yuan/t; cap 30,000 yuan). Masses are kilograms.
public struct MassExcessScale: Hashable, Sendable, Codable {
    /// The tier that is not fined (警告 or 批评教育); `nil` when every excess is fined.
    public var lenient: LenientTier?
    /// The per-tonne bands; each prices the part of the excess between its `from` and `to`.
    public var bands: [RateBand]
    /// 最高罚款 — the cap on this violation's fine.
    public var cap: CitedAmount
    /// How part tonnes count.
    public var massCounting: MassCounting
    /// How the summed amount is rounded before the cap.
    public var amountRounding: AmountRounding
    /// Why this counting and rounding were chosen (for the legal office).
    public var countingNote: String?

    /// Creates a scale; throws `invalid_benchmark_value` when the bands are empty, out of order, overlap, or
    /// leave part of the excess unpriced.
    public init(
        lenient: LenientTier?, bands: [RateBand], cap: CitedAmount,
        massCounting: MassCounting, amountRounding: AmountRounding, countingNote: String? = nil
    ) throws {
        self.lenient = lenient
        self.bands = bands
        self.cap = cap
        self.massCounting = massCounting
        self.amountRounding = amountRounding
        self.countingNote = countingNote
        if let problem {
            throw DomainError(code: "invalid_benchmark_value", reason: "mass_excess scale: \(problem)")
        }
    }

    /// What is wrong with the bands as a whole, or `nil`; pricing re-checks it, since the properties are mutable.
    var problem: String? {
        guard let first = bands.first else { return "a mass_excess scale needs at least one band" }
        if let lenient, lenient.outcome != .warning, lenient.outcome != .educationNoPenalty {
            return "the lenient tier's outcome must be 'warning' or 'education_no_penalty'"
        }
        if let band = bands.first(where: { $0.yuanPerTonne < 0 || $0.yuanPerTonne > PlausibleBound.yuanPerTonne }) {
            return "yuanPerTonne must be ≥ 0 (and at most \(PlausibleBound.yuanPerTonne)), got \(band.yuanPerTonne)"
        }
        let thresholds = (lenient.map { [$0.upTo] } ?? []) + bands.flatMap { [$0.from] + ($0.to.map { [$0] } ?? []) }
        if let threshold = thresholds.first(where: { !$0.isPlausible }) {
            return "threshold \(threshold) is outside 0…\(PlausibleBound.kg) kg or 0…\(PlausibleBound.percent) %"
        }
        if cap.yuan < 0 || cap.yuan > PlausibleBound.yuan {
            return "the cap must be ≥ 0 yuan (and at most \(PlausibleBound.yuan)), got \(cap.yuan)"
        }
        for band in bands {
            if let to = band.to, let order = band.from.compare(to), order != .less {
                return "a band's 'from' (\(band.from)) must be below its 'to' (\(to))"
            }
        }
        for (earlier, later) in zip(bands, bands.dropFirst()) {
            if let end = earlier.to, end.compare(later.from) == .greater {
                return "bands overlap: one ends at \(end) but the next starts at \(later.from)"
            }
            if let order = earlier.from.compare(later.from), order != .less {
                return "bands must be in ascending order of 'from'"
            }
        }
        if bands.dropLast().contains(where: { $0.to == nil }) {
            return "only the last band may be open-ended (no 'to')"
        }
        if let lenient {
            if lenient.upTo.compare(first.from) == .less {
                return "the first band starts at \(first.from), above the lenient tier's end \(lenient.upTo): the excess between would be unpriced"
            }
        } else if !first.from.isZero {
            return "without a lenient tier the first band must start at 0"
        }
        return nil
    }

    /// Every citation, in file order.
    public var citations: [Citation] {
        (lenient.map { [$0.citation] } ?? []) + bands.map(\.citation) + [cap.citation]
    }

    private enum CodingKeys: String, CodingKey {
        case type, lenient, bands, cap, massCounting, amountRounding, countingNote
    }

    public init(from decoder: any Decoder) throws {
        try BenchmarkDecoding.rejectUnknownKeys(
            in: decoder, allowed: ["type", "lenient", "bands", "cap", "massCounting", "amountRounding", "countingNote"]
        )
        let container = try decoder.container(keyedBy: CodingKeys.self)
        lenient = try container.decodeIfPresent(LenientTier.self, forKey: .lenient)
        bands = try container.decode([RateBand].self, forKey: .bands)
        cap = try container.decode(CitedAmount.self, forKey: .cap)
        massCounting = try container.decode(MassCounting.self, forKey: .massCounting)
        amountRounding = try container.decode(AmountRounding.self, forKey: .amountRounding)
        countingNote = try container.decodeIfPresent(String.self, forKey: .countingNote)

        if let problem { throw BenchmarkDecoding.invalid(decoder, problem) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(lenient, forKey: .lenient)
        try container.encode(bands, forKey: .bands)
        try container.encode(cap, forKey: .cap)
        try container.encode(massCounting, forKey: .massCounting)
        try container.encode(amountRounding, forKey: .amountRounding)
        try container.encodeIfPresent(countingNote, forKey: .countingNote)
    }
}

/// A point on the excess-mass axis: a fixed number of kilograms, or a percentage of the vehicle's limit.
///
/// Written as `…Kg` or `…PercentOfLimit` (`upToKg`, `fromPercentOfLimit`, `toKg`): exactly one per point.
public enum MassThreshold: Hashable, Sendable, CustomStringConvertible {
    /// Kilograms over the limit, e.g. 1,000 (Order 62 Art. 43(二)).
    case kg(Int)
    /// Percent of the limit, e.g. 20 (浙江省公路条例 Art. 53).
    case percentOfLimit(Int)

    /// The threshold in hundredths of a kilogram for a vehicle with `limitKg`; exact for whole percentages.
    func centiKg(limitKg: Int) -> Int {
        switch self {
        case .kg(let kg): kg * 100
        case .percentOfLimit(let percent): limitKg * percent
        }
    }

    /// Within 0…10,000 t or 0…10,000 %, so the arithmetic cannot overflow.
    var isPlausible: Bool {
        switch self {
        case .kg(let kg): kg >= 0 && kg <= PlausibleBound.kg
        case .percentOfLimit(let percent): percent >= 0 && percent <= PlausibleBound.percent
        }
    }

    var isZero: Bool {
        switch self {
        case .kg(let value), .percentOfLimit(let value): value == 0
        }
    }

    /// Compares two thresholds of the same unit; `nil` when the units differ (depends on the limit).
    func compare(_ other: MassThreshold) -> Order? {
        switch (self, other) {
        case (.kg(let a), .kg(let b)), (.percentOfLimit(let a), .percentOfLimit(let b)):
            a < b ? .less : (a > b ? .greater : .same)
        default: nil
        }
    }

    enum Order { case less, same, greater }

    /// `1,000 千克` or `20%`.
    var chinese: String {
        switch self {
        case .kg(let kg): "\(NoticeFormat.grouped(kg)) 千克"
        case .percentOfLimit(let percent): "\(percent)%"
        }
    }

    /// `1,000 千克` or `20% ` — spaced before a following Chinese word (`以内`, `部分`).
    var chineseBeforeWord: String {
        switch self {
        case .kg: chinese
        case .percentOfLimit: chinese + " "
        }
    }

    public var description: String {
        switch self {
        case .kg(let kg): "\(kg) kg"
        case .percentOfLimit(let percent): "\(percent)% of the limit"
        }
    }

    /// Decodes the one of `<prefix>Kg` / `<prefix>PercentOfLimit` that is present; `nil` when neither is.
    static func decode(prefix: String, in decoder: any Decoder) throws -> MassThreshold? {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        let kgKey = AnyCodingKey(stringValue: prefix + "Kg")
        let percentKey = AnyCodingKey(stringValue: prefix + "PercentOfLimit")
        let kg = try container.decodeIfPresent(Int.self, forKey: kgKey)
        let percent = try container.decodeIfPresent(Int.self, forKey: percentKey)
        switch (kg, percent) {
        case (nil, nil):
            return nil
        case (let kg?, nil):
            try BenchmarkDecoding.require(kg >= 0 && kg <= PlausibleBound.kg, decoder, "\(kgKey.stringValue) must be between 0 and \(PlausibleBound.kg)")
            return .kg(kg)
        case (nil, let percent?):
            try BenchmarkDecoding.require(
                percent >= 0 && percent <= PlausibleBound.percent, decoder, "\(percentKey.stringValue) must be between 0 and \(PlausibleBound.percent)"
            )
            return .percentOfLimit(percent)
        case (_?, _?):
            throw DomainError(
                code: "invalid_benchmark_value",
                reason: "\(BenchmarkDecoding.path(decoder.codingPath)): give either \(kgKey.stringValue) or \(percentKey.stringValue), not both"
            )
        }
    }

    func encode(prefix: String, to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        switch self {
        case .kg(let kg): try container.encode(kg, forKey: AnyCodingKey(stringValue: prefix + "Kg"))
        case .percentOfLimit(let percent): try container.encode(percent, forKey: AnyCodingKey(stringValue: prefix + "PercentOfLimit"))
        }
    }
}

/// 不予罚款的档次 — the excess up to which the outcome is a warning (警告) or education without penalty (批评教育).
public struct LenientTier: Hashable, Sendable, Codable {
    /// The end of the tier, inclusive ("未超过").
    public var upTo: MassThreshold
    /// `warning` or `education_no_penalty`.
    public var outcome: PenaltyOutcome
    /// The article the tier comes from.
    public var citation: Citation
    /// Free text for the legal office.
    public var note: String?

    /// Creates a lenient tier.
    public init(upTo: MassThreshold, outcome: PenaltyOutcome, citation: Citation, note: String? = nil) {
        self.upTo = upTo
        self.outcome = outcome
        self.citation = citation
        self.note = note
    }

    private enum CodingKeys: String, CodingKey { case outcome, citation, note }

    public init(from decoder: any Decoder) throws {
        try BenchmarkDecoding.rejectUnknownKeys(
            in: decoder, allowed: ["upToKg", "upToPercentOfLimit", "outcome", "citation", "note"]
        )
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard let upTo = try MassThreshold.decode(prefix: "upTo", in: decoder) else {
            throw DomainError(
                code: "invalid_benchmarks",
                reason: "\(BenchmarkDecoding.path(decoder.codingPath)): the lenient tier needs upToKg or upToPercentOfLimit"
            )
        }
        self.upTo = upTo
        outcome = try container.decode(PenaltyOutcome.self, forKey: .outcome)
        citation = try container.citation(.citation, in: decoder)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        try BenchmarkDecoding.require(
            outcome == .warning || outcome == .educationNoPenalty, decoder,
            "the lenient tier's outcome must be 'warning' or 'education_no_penalty'"
        )
    }

    public func encode(to encoder: any Encoder) throws {
        try upTo.encode(prefix: "upTo", to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(citation, forKey: .citation)
        try container.encodeIfPresent(note, forKey: .note)
    }
}

/// 按吨计罚的一段 — the part of the excess between `from` and `to` (open-ended when `to` is absent), fined per tonne.
public struct RateBand: Hashable, Sendable, Codable {
    /// Where the band starts on the excess (exclusive).
    public var from: MassThreshold
    /// Where it ends (inclusive); `nil` for open-ended.
    public var to: MassThreshold?
    /// Yuan per tonne (1,000 kg) of the excess inside this band.
    public var yuanPerTonne: Int
    /// The article the band's numbers come from.
    public var citation: Citation
    /// Free text for the legal office.
    public var note: String?

    /// Creates a band.
    public init(from: MassThreshold, to: MassThreshold?, yuanPerTonne: Int, citation: Citation, note: String? = nil) {
        self.from = from
        self.to = to
        self.yuanPerTonne = yuanPerTonne
        self.citation = citation
        self.note = note
    }

    private enum CodingKeys: String, CodingKey { case yuanPerTonne, citation, note }

    public init(from decoder: any Decoder) throws {
        try BenchmarkDecoding.rejectUnknownKeys(
            in: decoder,
            allowed: ["fromKg", "fromPercentOfLimit", "toKg", "toPercentOfLimit", "yuanPerTonne", "citation", "note"]
        )
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard let from = try MassThreshold.decode(prefix: "from", in: decoder) else {
            throw DomainError(
                code: "invalid_benchmarks",
                reason: "\(BenchmarkDecoding.path(decoder.codingPath)): a band needs fromKg or fromPercentOfLimit"
            )
        }
        self.from = from
        to = try MassThreshold.decode(prefix: "to", in: decoder)
        yuanPerTonne = try container.decode(Int.self, forKey: .yuanPerTonne)
        citation = try container.citation(.citation, in: decoder)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        try BenchmarkDecoding.require(
            yuanPerTonne >= 0 && yuanPerTonne <= PlausibleBound.yuanPerTonne, decoder,
            "yuanPerTonne must be ≥ 0 (and at most \(PlausibleBound.yuanPerTonne)), got \(yuanPerTonne)"
        )
        if let to, let order = from.compare(to) {
            try BenchmarkDecoding.require(order == .less, decoder, "a band's 'from' must be below its 'to'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        try from.encode(prefix: "from", to: encoder)
        try to?.encode(prefix: "to", to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(yuanPerTonne, forKey: .yuanPerTonne)
        try container.encode(citation, forKey: .citation)
        try container.encodeIfPresent(note, forKey: .note)
    }

    /// `超限部分`, `超限 20%–50% 部分`, `超限 50% 以上部分`, `超限 1,000 千克以内部分`.
    var chineseLabel: String {
        switch (from.isZero, to) {
        case (true, nil): "超限部分"
        case (true, let end?): "超限 \(end.chineseBeforeWord)以内部分"
        case (false, nil): "超限 \(from.chineseBeforeWord)以上部分"
        case (false, let end?): "超限 \(MassThreshold.range(from, end))部分"
        }
    }
}

extension MassThreshold {
    /// `20%–50% ` or `1,000–5,000 千克` (the unit written once when both ends share it), spaced before a word.
    static func range(_ from: MassThreshold, _ to: MassThreshold) -> String {
        switch (from, to) {
        case (.percentOfLimit(let a), .percentOfLimit(let b)): "\(a)%–\(b)% "
        case (.kg(let a), .kg(let b)): "\(NoticeFormat.grouped(a))–\(NoticeFormat.grouped(b)) 千克"
        default: "\(from.chinese)–\(to.chineseBeforeWord)"
        }
    }
}
