/// 裁量基准条目 — one jurisdiction level's benchmarks: a scale (or an adopted one) per violation kind, and
/// optionally the rule for several violations at once.
///
/// A violation or a combination rule missing here is looked up at the next, wider level.
public struct BenchmarkEntry: Hashable, Sendable, Codable {
    /// The level: `national`, a province `33`, a prefecture `3304`, a county `330482`.
    public var code: BenchmarkScope
    /// The Chinese name, e.g. `浙江省`.
    public var nameZh: String
    /// Free text for the legal office.
    public var note: String?
    /// 多项违法 — how several violations of one vehicle combine; `nil` to use a wider level's rule.
    public var combinedViolations: CombinationRule?
    /// The benchmark per violation id.
    public var violations: [String: ViolationBenchmark]

    /// Creates an entry; checks across entries happen when the benchmarks are built.
    public init(
        code: BenchmarkScope, nameZh: String, note: String? = nil,
        combinedViolations: CombinationRule? = nil, violations: [String: ViolationBenchmark]
    ) {
        self.code = code
        self.nameZh = nameZh
        self.note = note
        self.combinedViolations = combinedViolations
        self.violations = violations
    }

    private enum CodingKeys: String, CodingKey { case code, nameZh, note, combinedViolations, violations }

    public init(from decoder: any Decoder) throws {
        try BenchmarkDecoding.rejectUnknownKeys(in: decoder, allowed: ["code", "nameZh", "note", "combinedViolations", "violations"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(BenchmarkScope.self, forKey: .code)
        nameZh = try container.decode(String.self, forKey: .nameZh)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        combinedViolations = try container.decodeIfPresent(CombinationRule.self, forKey: .combinedViolations)
        violations = try container.decodeIfPresent([String: ViolationBenchmark].self, forKey: .violations) ?? [:]
    }
}

/// How one violation is priced at one level: by its own scale, or by adopting another level's scale.
public enum ViolationBenchmark: Hashable, Sendable, Codable {
    /// The level defines the scale itself.
    case scale(PenaltyScale, note: String?)
    /// 适用其他条目 — the level applies another entry's scale (e.g. Shanghai applies the national one), on a
    /// stated legal basis.
    case adopts(BenchmarkScope, basis: Citation, note: String?)

    private enum CodingKeys: String, CodingKey { case scale, appliesScaleOf, basis, note }

    public init(from decoder: any Decoder) throws {
        try BenchmarkDecoding.rejectUnknownKeys(in: decoder, allowed: ["scale", "appliesScaleOf", "basis", "note"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let note = try container.decodeIfPresent(String.self, forKey: .note)
        switch (container.contains(.scale), container.contains(.appliesScaleOf)) {
        case (true, false):
            try BenchmarkDecoding.require(!container.contains(.basis), decoder, "'basis' belongs with 'appliesScaleOf'; a scale's numbers carry their own citations")
            self = .scale(try container.decode(PenaltyScale.self, forKey: .scale), note: note)
        case (false, true):
            let target = try container.decode(BenchmarkScope.self, forKey: .appliesScaleOf)
            self = .adopts(target, basis: try container.citation(.basis, in: decoder), note: note)
        default:
            throw DomainError(
                code: "invalid_benchmarks",
                reason: "\(BenchmarkDecoding.path(decoder.codingPath)): give exactly one of 'scale' or 'appliesScaleOf'"
            )
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .scale(let scale, let note):
            try container.encode(scale, forKey: .scale)
            try container.encodeIfPresent(note, forKey: .note)
        case .adopts(let target, let basis, let note):
            try container.encode(target, forKey: .appliesScaleOf)
            try container.encode(basis, forKey: .basis)
            try container.encodeIfPresent(note, forKey: .note)
        }
    }

    /// The note written beside this violation in the file.
    public var note: String? {
        switch self {
        case .scale(_, let note), .adopts(_, _, let note): note
        }
    }
}

/// 多项违法累计 — how the fines of several violations by one vehicle combine (Order 62 Art. 43 ¶2: added
/// together, total capped at 30,000 yuan).
public struct CombinationRule: Hashable, Sendable, Codable {
    /// `sum_with_cap`, the only rule known so far.
    public var rule: Rule
    /// The cap on the total, whole yuan.
    public var capYuan: Int
    /// The article the cap comes from (Order 62 Art. 43 ¶2).
    public var citation: Citation
    /// Free text for the legal office.
    public var note: String?

    /// Creates a rule; the cap must be ≥ 0.
    public init(rule: Rule = .sumWithCap, capYuan: Int, citation: Citation, note: String? = nil) {
        self.rule = rule
        self.capYuan = capYuan
        self.citation = citation
        self.note = note
    }

    /// The known combination rules.
    public enum Rule: String, Hashable, Sendable, Codable, CaseIterable {
        /// 累计，最高不超过上限 — add the fines together, cap the total.
        case sumWithCap = "sum_with_cap"

        public init(from decoder: any Decoder) throws {
            self = try decodeKnown(Self.self, from: decoder, what: "combination rule")
        }
    }

    private enum CodingKeys: String, CodingKey { case rule, capYuan, citation, note }

    public init(from decoder: any Decoder) throws {
        try BenchmarkDecoding.rejectUnknownKeys(in: decoder, allowed: ["rule", "capYuan", "citation", "note"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        rule = try container.decode(Rule.self, forKey: .rule)
        capYuan = try container.decode(Int.self, forKey: .capYuan)
        citation = try container.citation(.citation, in: decoder)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        try BenchmarkDecoding.require(
            capYuan >= 0 && capYuan <= PlausibleBound.yuan, decoder, "capYuan must be ≥ 0 (and at most \(PlausibleBound.yuan)), got \(capYuan)"
        )
    }
}
