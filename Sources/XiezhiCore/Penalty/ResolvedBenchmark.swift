/// The benchmark that applies to one violation in one jurisdiction, and which entry it came from.
///
/// Recorded in every quote so a decision shows exactly which benchmark (edition, entry, scale) was applied,
/// even after the file changes: the same truck gets different fines either side of the Pinghu–Jinshan line.
public struct ResolvedBenchmark: Hashable, Sendable, Codable {
    /// The benchmark file's edition.
    public var edition: String
    /// The jurisdiction asked about.
    public var jurisdiction: JurisdictionCode
    /// The violation priced.
    public var violation: ViolationKind
    /// The entry found for the violation (county, prefecture, province or national).
    public var entry: BenchmarkScope
    /// That entry's Chinese name, e.g. `上海市`.
    public var entryNameZh: String
    /// Where the scale itself is written: `entry`, or the entry it adopts (Shanghai → national).
    public var scaleSource: BenchmarkScope
    /// The Chinese name of `scaleSource`.
    public var scaleSourceNameZh: String
    /// Why an adopted scale applies here (the local rule deferring to another), `nil` when not adopted.
    public var adoptionBasis: Citation?
    /// The note beside the violation in the entry found.
    public var note: String?
    /// The scale applied.
    public var scale: PenaltyScale
    /// The scopes looked at, in order, up to and including `entry`.
    public var searched: [BenchmarkScope]

    /// Creates a resolved benchmark (``PenaltyBenchmarks/benchmark(for:violation:)`` builds these).
    public init(
        edition: String, jurisdiction: JurisdictionCode, violation: ViolationKind,
        entry: BenchmarkScope, entryNameZh: String, scaleSource: BenchmarkScope, scaleSourceNameZh: String,
        adoptionBasis: Citation?, note: String?, scale: PenaltyScale, searched: [BenchmarkScope]
    ) {
        self.edition = edition
        self.jurisdiction = jurisdiction
        self.violation = violation
        self.entry = entry
        self.entryNameZh = entryNameZh
        self.scaleSource = scaleSource
        self.scaleSourceNameZh = scaleSourceNameZh
        self.adoptionBasis = adoptionBasis
        self.note = note
        self.scale = scale
        self.searched = searched
    }

    /// `适用裁量基准：浙江省`, or `适用裁量基准：上海市，适用全国（国家规定）标准`; adds `（依据待核）` when the
    /// adoption's basis is unverified.
    public var chineseLine: String {
        guard scaleSource != entry else { return "适用裁量基准：\(entryNameZh)" }
        let pending = adoptionBasis?.confidence == .unverified ? "（依据待核）" : ""
        return "适用裁量基准：\(entryNameZh)，适用\(scaleSourceNameZh)标准\(pending)"
    }
}

/// The rule for several violations that applies in one jurisdiction, and which entry it came from.
public struct ResolvedCombinationRule: Hashable, Sendable, Codable {
    /// The rule.
    public var rule: CombinationRule
    /// The entry the rule was found in.
    public var entry: BenchmarkScope
    /// That entry's Chinese name.
    public var entryNameZh: String

    /// Creates a resolved rule.
    public init(rule: CombinationRule, entry: BenchmarkScope, entryNameZh: String) {
        self.rule = rule
        self.entry = entry
        self.entryNameZh = entryNameZh
    }
}
