/// 外廓尺寸超限罚款标准 — fine ranges by how far the height, width or length is over, and how the amount is picked.
///
/// Order 62 Art. 43(一): ≤4.2 m high, ≤3 m wide and ≤20 m long → up to 200 yuan; ≤4.5 / ≤3.75 / ≤28 m →
/// 200–1,000 yuan; beyond any of those → 1,000–3,000 yuan. Each dimension over its Art. 3 limit falls in the
/// first band whose maxima it does not exceed; the vehicle takes the highest band of its dimensions. The law
/// gives a range; the band's `pick` (the benchmark) chooses the amount inside it. Lengths are millimetres.
public struct DimensionBandScale: Hashable, Sendable, Codable {
    /// 限值 — the limits beyond which a vehicle is over-dimension (Order 62 Art. 3).
    public var limits: DimensionLimits
    /// The bands, lowest first; every band but the last has maxima, the last is open-ended.
    public var bands: [DimensionBand]
    /// How a picked amount is rounded.
    public var amountRounding: AmountRounding
    /// Free text for the legal office.
    public var countingNote: String?

    /// Creates a scale; throws `invalid_benchmark_value` unless the bands rise above the limits and only the
    /// last is open-ended.
    public init(limits: DimensionLimits, bands: [DimensionBand], amountRounding: AmountRounding, countingNote: String? = nil) throws {
        self.limits = limits
        self.bands = bands
        self.amountRounding = amountRounding
        self.countingNote = countingNote
        if let problem {
            throw DomainError(code: "invalid_benchmark_value", reason: "dimension_bands scale: \(problem)")
        }
    }

    /// What is wrong with the bands as a whole, or `nil`; pricing re-checks it, since the properties are mutable.
    var problem: String? {
        guard let last = bands.last else { return "a dimension_bands scale needs at least one band" }
        guard last.maxima == nil else { return "the last band must be open-ended (no max…Mm keys)" }
        if let (band, problem) = bands.lazy.compactMap({ band in band.problem.map { (band, $0) } }).first {
            return "band '\(band.labelZh)': \(problem)"
        }
        var floor = limits.sizes
        for band in bands.dropLast() {
            guard let maxima = band.maxima else {
                return "band '\(band.labelZh)' is open-ended but is not the last band"
            }
            for dimension in Dimension.allCases where maxima[dimension] <= floor[dimension] {
                return "band '\(band.labelZh)': the maximum \(dimension.rawValue) must be above the limit and the previous band's maximum"
            }
            floor = maxima
        }
        return nil
    }

    /// Every citation, in file order.
    public var citations: [Citation] {
        [limits.citation] + bands.flatMap { band in [band.citation] + (band.pick.citation.map { [$0] } ?? []) }
    }

    private enum CodingKeys: String, CodingKey { case type, limits, bands, amountRounding, countingNote }

    public init(from decoder: any Decoder) throws {
        try BenchmarkDecoding.rejectUnknownKeys(in: decoder, allowed: ["type", "limits", "bands", "amountRounding", "countingNote"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        limits = try container.decode(DimensionLimits.self, forKey: .limits)
        bands = try container.decode([DimensionBand].self, forKey: .bands)
        amountRounding = try container.decode(AmountRounding.self, forKey: .amountRounding)
        countingNote = try container.decodeIfPresent(String.self, forKey: .countingNote)

        if let problem { throw BenchmarkDecoding.invalid(decoder, problem) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(limits, forKey: .limits)
        try container.encode(bands, forKey: .bands)
        try container.encode(amountRounding, forKey: .amountRounding)
        try container.encodeIfPresent(countingNote, forKey: .countingNote)
    }
}

/// 高、宽、长 — the three overall dimensions.
public enum Dimension: String, Hashable, Sendable, Codable, CaseIterable {
    /// 总高度 — overall height from the ground.
    case height
    /// 总宽度 — overall width.
    case width
    /// 总长度 — overall length.
    case length

    /// `总高度`, `总宽度`, `总长度`.
    public var chineseName: String {
        switch self {
        case .height: "总高度"
        case .width: "总宽度"
        case .length: "总长度"
        }
    }
}

/// Height, width and length in millimetres.
public struct DimensionSizes: Hashable, Sendable {
    /// Height from the ground, mm.
    public var heightMm: Int
    /// Width, mm.
    public var widthMm: Int
    /// Length, mm.
    public var lengthMm: Int

    /// Creates sizes from millimetres.
    public init(heightMm: Int, widthMm: Int, lengthMm: Int) {
        self.heightMm = heightMm
        self.widthMm = widthMm
        self.lengthMm = lengthMm
    }

    /// The size of one dimension, mm.
    public subscript(dimension: Dimension) -> Int {
        switch dimension {
        case .height: heightMm
        case .width: widthMm
        case .length: lengthMm
        }
    }
}

/// 外廓尺寸限值 — the limits beyond which a vehicle is over-dimension, with their article.
public struct DimensionLimits: Hashable, Sendable, Codable {
    /// Height limit from the ground, mm (4,000 under Order 62 Art. 3).
    public var heightMm: Int
    /// Width limit, mm (2,550).
    public var widthMm: Int
    /// Length limit, mm (18,100).
    public var lengthMm: Int
    /// The article the limits come from.
    public var citation: Citation
    /// Free text for the legal office.
    public var note: String?

    /// Creates limits from millimetres with their citation.
    public init(heightMm: Int, widthMm: Int, lengthMm: Int, citation: Citation, note: String? = nil) {
        self.heightMm = heightMm
        self.widthMm = widthMm
        self.lengthMm = lengthMm
        self.citation = citation
        self.note = note
    }

    /// The three limits as sizes.
    public var sizes: DimensionSizes { DimensionSizes(heightMm: heightMm, widthMm: widthMm, lengthMm: lengthMm) }

    private enum CodingKeys: String, CodingKey { case heightMm, widthMm, lengthMm, citation, note }

    public init(from decoder: any Decoder) throws {
        try BenchmarkDecoding.rejectUnknownKeys(in: decoder, allowed: ["heightMm", "widthMm", "lengthMm", "citation", "note"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        heightMm = try container.decode(Int.self, forKey: .heightMm)
        widthMm = try container.decode(Int.self, forKey: .widthMm)
        lengthMm = try container.decode(Int.self, forKey: .lengthMm)
        citation = try container.citation(.citation, in: decoder)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        try BenchmarkDecoding.require(
            [heightMm, widthMm, lengthMm].allSatisfy { $0 > 0 && $0 <= PlausibleBound.mm }, decoder,
            "dimension limits must be positive millimetres (at most \(PlausibleBound.mm))"
        )
    }
}

/// 档次 — one band of Order 62 Art. 43(一): the maxima that keep a dimension in it, its fine range and the pick.
public struct DimensionBand: Hashable, Sendable, Codable {
    /// `第一档`.
    public var labelZh: String
    /// The largest sizes still in this band ("未超过"); `nil` for the open-ended last band.
    public var maxima: DimensionSizes?
    /// The lower end of the legal range, whole yuan.
    public var minYuan: Int
    /// The upper end of the legal range, whole yuan.
    public var maxYuan: Int
    /// The article the maxima and the range come from.
    public var citation: Citation
    /// Free text for the legal office.
    public var note: String?
    /// 裁量取值 — how the amount is chosen inside the range.
    public var pick: AmountPick

    /// Creates a band; throws `invalid_benchmark_value` when the range or the pick does not fit.
    public init(
        labelZh: String, maxima: DimensionSizes?, minYuan: Int, maxYuan: Int,
        citation: Citation, note: String? = nil, pick: AmountPick
    ) throws {
        self.labelZh = labelZh
        self.maxima = maxima
        self.minYuan = minYuan
        self.maxYuan = maxYuan
        self.citation = citation
        self.note = note
        self.pick = pick
        if let problem {
            throw DomainError(code: "invalid_benchmark_value", reason: "band '\(labelZh)': \(problem)")
        }
    }

    /// What is wrong with the range or the pick, or `nil`.
    var problem: String? {
        if let maxima, ![maxima.heightMm, maxima.widthMm, maxima.lengthMm].allSatisfy({ $0 > 0 && $0 <= PlausibleBound.mm }) {
            return "band maxima must be positive millimetres (at most \(PlausibleBound.mm))"
        }
        guard minYuan >= 0, maxYuan >= minYuan, maxYuan <= PlausibleBound.yuan else {
            return "need 0 ≤ minYuan ≤ maxYuan ≤ \(PlausibleBound.yuan), got \(minYuan)…\(maxYuan)"
        }
        switch pick {
        case .fixed(let amount) where amount.yuan < minYuan || amount.yuan > maxYuan:
            return "the fixed amount \(amount.yuan) yuan is outside the band's range \(minYuan)…\(maxYuan)"
        case .proportionalToWorstExcess where maxima == nil:
            return "proportional_to_worst_excess needs the band's maxima; the open-ended band must use a fixed pick"
        default:
            return nil
        }
    }

    private enum CodingKeys: String, CodingKey {
        case labelZh, maxHeightMm, maxWidthMm, maxLengthMm, minYuan, maxYuan, citation, note, pick
    }

    public init(from decoder: any Decoder) throws {
        try BenchmarkDecoding.rejectUnknownKeys(
            in: decoder,
            allowed: ["labelZh", "maxHeightMm", "maxWidthMm", "maxLengthMm", "minYuan", "maxYuan", "citation", "note", "pick"]
        )
        let container = try decoder.container(keyedBy: CodingKeys.self)
        labelZh = try container.decode(String.self, forKey: .labelZh)
        let height = try container.decodeIfPresent(Int.self, forKey: .maxHeightMm)
        let width = try container.decodeIfPresent(Int.self, forKey: .maxWidthMm)
        let length = try container.decodeIfPresent(Int.self, forKey: .maxLengthMm)
        switch (height, width, length) {
        case let (height?, width?, length?): maxima = DimensionSizes(heightMm: height, widthMm: width, lengthMm: length)
        case (nil, nil, nil): maxima = nil
        default:
            throw BenchmarkDecoding.invalid(
                decoder, "give all of maxHeightMm, maxWidthMm and maxLengthMm, or none for the open-ended last band"
            )
        }
        minYuan = try container.decode(Int.self, forKey: .minYuan)
        maxYuan = try container.decode(Int.self, forKey: .maxYuan)
        citation = try container.citation(.citation, in: decoder)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        pick = try container.decode(AmountPick.self, forKey: .pick)
        if let problem { throw BenchmarkDecoding.invalid(decoder, problem) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(labelZh, forKey: .labelZh)
        try container.encodeIfPresent(maxima?.heightMm, forKey: .maxHeightMm)
        try container.encodeIfPresent(maxima?.widthMm, forKey: .maxWidthMm)
        try container.encodeIfPresent(maxima?.lengthMm, forKey: .maxLengthMm)
        try container.encode(minYuan, forKey: .minYuan)
        try container.encode(maxYuan, forKey: .maxYuan)
        try container.encode(citation, forKey: .citation)
        try container.encodeIfPresent(note, forKey: .note)
        try container.encode(pick, forKey: .pick)
    }
}

/// 裁量取值规则 — how a band's amount is chosen inside its legal range.
public enum AmountPick: Hashable, Sendable, Codable {
    /// `fixed`: one amount for the band (e.g. the middle of the range, the "一般" tier), with its citation.
    case fixed(CitedAmount)
    /// `proportional_to_worst_excess`: min + (max − min) × how far the worst dimension sits inside the band's
    /// size interval (from the previous maximum, or the limit, to this band's maximum). Needs the band's maxima.
    case proportionalToWorstExcess(note: String?)

    /// The fixed amount's citation; `nil` for a rule that adds no number.
    public var citation: Citation? {
        if case .fixed(let amount) = self { return amount.citation }
        return nil
    }

    private enum Rule: String, CaseIterable {
        case fixed
        case proportionalToWorstExcess = "proportional_to_worst_excess"
    }

    private enum CodingKeys: String, CodingKey { case rule, yuan, citation, note }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        _ = try container.decode(String.self, forKey: .rule)
        let ruleDecoder = try container.superDecoder(forKey: .rule)
        switch try decodeKnown(Rule.self, from: ruleDecoder, what: "pick rule") {
        case .fixed:
            try BenchmarkDecoding.rejectUnknownKeys(in: decoder, allowed: ["rule", "yuan", "citation", "note"])
            let yuan = try container.decode(Int.self, forKey: .yuan)
            let citation = try container.citation(.citation, in: decoder)
            try BenchmarkDecoding.require(yuan >= 0 && yuan <= PlausibleBound.yuan, decoder, "a fixed amount must be between 0 and \(PlausibleBound.yuan) yuan")
            self = .fixed(CitedAmount(yuan: yuan, citation: citation, note: try container.decodeIfPresent(String.self, forKey: .note)))
        case .proportionalToWorstExcess:
            try BenchmarkDecoding.rejectUnknownKeys(in: decoder, allowed: ["rule", "note"])
            self = .proportionalToWorstExcess(note: try container.decodeIfPresent(String.self, forKey: .note))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .fixed(let amount):
            try container.encode(Rule.fixed.rawValue, forKey: .rule)
            try container.encode(amount.yuan, forKey: .yuan)
            try container.encode(amount.citation, forKey: .citation)
            try container.encodeIfPresent(amount.note, forKey: .note)
        case .proportionalToWorstExcess(let note):
            try container.encode(Rule.proportionalToWorstExcess.rawValue, forKey: .rule)
            try container.encodeIfPresent(note, forKey: .note)
        }
    }
}
