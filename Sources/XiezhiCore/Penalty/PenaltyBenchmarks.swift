import Foundation

/// 裁量基准 — the discretion benchmarks of every jurisdiction, decoded and checked from
/// `Data/rules/penalty-benchmarks.json`.
///
/// Every number in the file stands beside its citation; decoding refuses a number without one, an unknown key,
/// an unknown scale type, a negative cap, an undeclared violation and an adoption that points nowhere. Lookups
/// go county → prefecture → province → national (行政处罚法 Art. 34: benchmarks are set by the agencies and
/// published).
public struct PenaltyBenchmarks: Hashable, Sendable, Codable {
    /// The file's Chinese title.
    public var titleZh: String?
    /// The edition, recorded in every quote.
    public var edition: String
    /// Free text for the legal office.
    public var note: String?
    /// The violation kinds the file prices.
    public var violationKinds: [ViolationKind]
    /// The entries, one per level (`national`, `33`, `330482`, …).
    public var entries: [BenchmarkEntry]

    /// Builds and checks benchmarks; throws the same errors as decoding.
    public init(
        titleZh: String? = nil, edition: String, note: String? = nil,
        violationKinds: [ViolationKind], entries: [BenchmarkEntry]
    ) throws {
        self.titleZh = titleZh
        self.edition = edition
        self.note = note
        self.violationKinds = violationKinds
        self.entries = entries
        try validate()
    }

    /// Decodes and checks the benchmark file's bytes; every failure is a ``DomainError`` naming the place.
    public init(json: Data) throws {
        do {
            self = try JSONDecoder().decode(PenaltyBenchmarks.self, from: json)
        } catch let error as DecodingError {
            throw BenchmarkDecoding.domainError(from: error)
        }
    }

    private enum CodingKeys: String, CodingKey { case titleZh, edition, note, violationKinds, entries }

    public init(from decoder: any Decoder) throws {
        try BenchmarkDecoding.rejectUnknownKeys(in: decoder, allowed: ["titleZh", "edition", "note", "violationKinds", "entries"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        titleZh = try container.decodeIfPresent(String.self, forKey: .titleZh)
        edition = try container.decode(String.self, forKey: .edition)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        violationKinds = try container.decode([ViolationKind].self, forKey: .violationKinds)
        entries = try container.decode([BenchmarkEntry].self, forKey: .entries)
        try validate()
    }

    /// The checks that span entries: unique ids and codes, declared violations, matching scale types, adoptions.
    private func validate() throws {
        func refuse(_ code: String, _ reason: String) -> DomainError { DomainError(code: code, reason: reason) }
        guard !edition.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw refuse("invalid_benchmarks", "the benchmark file needs an 'edition', recorded in every quote")
        }
        var kinds: [String: ViolationKind] = [:]
        for kind in violationKinds {
            guard kinds.updateValue(kind, forKey: kind.id) == nil else {
                throw refuse("duplicate_benchmark_entry", "violation kind '\(kind.id)' is declared twice")
            }
        }
        var byScope: [BenchmarkScope: BenchmarkEntry] = [:]
        for entry in entries {
            guard byScope.updateValue(entry, forKey: entry.code) == nil else {
                throw refuse("duplicate_benchmark_entry", "there are two entries for '\(entry.code)'")
            }
            guard !entry.nameZh.isEmpty else {
                throw refuse("invalid_benchmarks", "entry '\(entry.code)' needs a Chinese name (nameZh)")
            }
        }
        for entry in entries {
            for (id, benchmark) in entry.violations.sorted(by: { $0.key < $1.key }) {
                guard let kind = kinds[id] else {
                    throw refuse(
                        "unknown_violation",
                        "entry '\(entry.code)' prices '\(id)', which is not declared in violationKinds"
                    )
                }
                switch benchmark {
                case .scale(let scale, _):
                    guard scale.type == kind.scaleType else {
                        throw refuse(
                            "scale_type_mismatch",
                            "entry '\(entry.code)' prices '\(id)' with a \(scale.type.rawValue) scale, but the kind uses \(kind.scaleType.rawValue)"
                        )
                    }
                case .adopts(let target, _, _):
                    guard target != entry.code, let source = byScope[target], case .scale? = source.violations[id] else {
                        throw refuse(
                            "invalid_adoption",
                            "entry '\(entry.code)' applies the '\(id)' scale of '\(target)', but '\(target)' has no scale of its own for '\(id)'"
                        )
                    }
                }
            }
        }
    }

    /// The declared violation kind with `id`, or `unknown_violation`.
    public func violationKind(_ id: String) throws -> ViolationKind {
        guard let kind = violationKinds.first(where: { $0.id == id }) else {
            let known = violationKinds.map(\.id).joined(separator: ", ")
            throw DomainError(code: "unknown_violation", reason: "no benchmark knows the violation '\(id)'; known: \(known)")
        }
        return kind
    }

    /// The entry written for exactly `scope`, if any.
    public func entry(_ scope: BenchmarkScope) -> BenchmarkEntry? {
        entries.first { $0.code == scope }
    }

    /// The benchmark for `violation` in `jurisdiction`: the county's entry, else the prefecture's, the
    /// province's, then the national default; says which entry it used and where the scale is written.
    ///
    /// Throws `unknown_violation` for an undeclared id and `no_benchmark` when no level prices it.
    public func benchmark(for jurisdiction: JurisdictionCode, violation: String) throws -> ResolvedBenchmark {
        let kind = try violationKind(violation)
        var searched: [BenchmarkScope] = []
        for scope in BenchmarkScope.lookupOrder(for: jurisdiction) {
            searched.append(scope)
            guard let entry = entry(scope), let benchmark = entry.violations[violation] else { continue }
            switch benchmark {
            case .scale(let scale, let note):
                return ResolvedBenchmark(
                    edition: edition, jurisdiction: jurisdiction, violation: kind,
                    entry: scope, entryNameZh: entry.nameZh, scaleSource: scope, scaleSourceNameZh: entry.nameZh,
                    adoptionBasis: nil, note: note, scale: scale, searched: searched
                )
            case .adopts(let target, let basis, let note):
                // validate() guarantees the target exists and writes its own scale.
                guard let source = self.entry(target), case .scale(let scale, _)? = source.violations[violation] else { continue }
                return ResolvedBenchmark(
                    edition: edition, jurisdiction: jurisdiction, violation: kind,
                    entry: scope, entryNameZh: entry.nameZh, scaleSource: target, scaleSourceNameZh: source.nameZh,
                    adoptionBasis: basis, note: note, scale: scale, searched: searched
                )
            }
        }
        throw DomainError(
            code: "no_benchmark",
            reason: "no benchmark prices '\(violation)' for \(jurisdiction): no county, prefecture, province or national entry has it"
        )
    }

    /// The rule for several violations in `jurisdiction`, looked up like ``benchmark(for:violation:)``.
    ///
    /// Throws `no_benchmark` when no level states one.
    public func combinationRule(for jurisdiction: JurisdictionCode) throws -> ResolvedCombinationRule {
        for scope in BenchmarkScope.lookupOrder(for: jurisdiction) {
            if let entry = entry(scope), let rule = entry.combinedViolations {
                return ResolvedCombinationRule(rule: rule, entry: scope, entryNameZh: entry.nameZh)
            }
        }
        throw DomainError(
            code: "no_benchmark",
            reason: "no entry for \(jurisdiction) or above states how several violations combine (combinedViolations)"
        )
    }
}
