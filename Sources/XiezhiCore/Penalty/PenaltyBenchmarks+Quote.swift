extension PenaltyBenchmarks {
    /// Quotes one violation in `jurisdiction` from the benchmark that applies there.
    ///
    /// Throws `invalid_facts` for non-positive measurements, `unknown_violation`, `no_benchmark`, and
    /// `facts_mismatch` when the facts do not fit the violation's scale (masses for an over-dimension).
    /// Facts within the limits give a quote with outcome `none`, not an error.
    public func quote(jurisdiction: JurisdictionCode, violation: String, facts: PenaltyFacts) throws -> PenaltyQuote {
        let resolved = try benchmark(for: jurisdiction, violation: violation)
        let priced: PricedScale
        switch (resolved.scale, facts) {
        case (.massExcess(let scale), .mass(let mass)):
            priced = try scale.price(try mass.validated())
        case (.dimensionBands(let scale), .dimensions(let dimensions)):
            priced = try scale.price(try dimensions.validated())
        default:
            throw DomainError(
                code: "facts_mismatch",
                reason: "'\(violation)' is priced by a \(resolved.scale.type.rawValue) scale, which cannot use \(facts.scaleType.rawValue) facts"
            )
        }
        var steps = priced.steps
        var citations = priced.citations
        if priced.outcome != .none {
            // After the facts lines, say which benchmark applies.
            let insertAt = steps.firstIndex { $0.kind != .facts } ?? steps.count
            steps.insert(PenaltyStep(kind: .facts, label: "适用裁量基准", line: resolved.chineseLine), at: insertAt)
            if let basis = resolved.adoptionBasis { citations.insert(basis, at: 0) }
        }
        return PenaltyQuote(
            jurisdiction: jurisdiction, violation: resolved.violation, outcome: priced.outcome, amount: priced.amount,
            citations: citations.withoutRepeats(), benchmark: resolved, steps: steps
        )
    }

    /// Quotes 超限运输 by total mass (`overload`): the limit and the gross mass in kilograms, taken as given
    /// (no weighing tolerance is deducted here).
    public func quoteOverload(jurisdiction: JurisdictionCode, limitKg: Int, grossKg: Int) throws -> PenaltyQuote {
        try quote(jurisdiction: jurisdiction, violation: "overload", facts: .mass(MassFacts(limitKg: limitKg, grossKg: grossKg)))
    }

    /// Quotes several violations of one vehicle at once and combines them by the jurisdiction's rule
    /// (Order 62 Art. 43 ¶2: the fines are added, the total capped at 30,000 yuan).
    ///
    /// Throws `invalid_facts` for no charges, `duplicate_charge` when a violation appears twice, and every
    /// error of ``quote(jurisdiction:violation:facts:)``.
    public func quote(jurisdiction: JurisdictionCode, charges: [PenaltyCharge]) throws -> CombinedPenaltyQuote {
        guard !charges.isEmpty else {
            throw DomainError(code: "invalid_facts", reason: "a combined quote needs at least one violation")
        }
        var seen = Set<String>()
        for charge in charges where !seen.insert(charge.violation).inserted {
            throw DomainError(code: "duplicate_charge", reason: "'\(charge.violation)' appears twice; one act is priced once")
        }
        let parts = try charges.map { try quote(jurisdiction: jurisdiction, violation: $0.violation, facts: $0.facts) }
        let combination = try combinationRule(for: jurisdiction)
        return CombinedPenaltyQuote(jurisdiction: jurisdiction, parts: parts, combination: combination)
    }
}

/// 一项违法 — one violation id and its facts, for a combined quote.
public struct PenaltyCharge: Hashable, Sendable {
    /// The violation id, e.g. `over_dimension`.
    public var violation: String
    /// Its measured facts.
    public var facts: PenaltyFacts

    /// Creates a charge.
    public init(violation: String, facts: PenaltyFacts) {
        self.violation = violation
        self.facts = facts
    }
}
