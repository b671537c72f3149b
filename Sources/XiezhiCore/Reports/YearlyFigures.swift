import Foundation

/// The figures an agency publishes for a period (seed 004: 行政处罚案件 9,278, 罚款1万元以上 579, 停业整顿 39, 申请法院
/// 强制执行 14, 行刑衔接 16, 首违免罚 1,225, 非现处罚 6,438 = 69.39 %), computed from the cases. Pure.
///
/// Counting rules: a penalty case counts in the period its decision was made; court enforcement by the date of the
/// application; a criminal transfer by the date it was reported; a first-violation waiver by its decision date. A
/// non-site case is one the node opened from a device's record (its first actor is a `system:` account, e.g.
/// `system:wim`), not an officer's on-site finding.
public struct YearlyFigures: Codable, Sendable, Hashable {
    public var jurisdiction: JurisdictionCode
    public var from: Date
    public var to: Date
    /// 行政处罚案件.
    public var penaltyCases: Int
    /// 罚款1万元以上案件 (threshold from `yearly-report.json`).
    public var largeFineCases: Int
    public var largeFineYuan: Int
    /// 停业整顿案件: a suspension of a licence or a halt of operations among the measures.
    public var suspensionCases: Int
    /// 申请法院强制执行案件.
    public var courtEnforcementCases: Int
    /// 行刑衔接案件.
    public var criminalTransfers: Int
    /// 首违免罚.
    public var firstViolationWaivers: Int
    /// 非现场处罚案件 and their share of all penalty cases, percent with two decimals (nil without cases).
    public var nonSitePenaltyCases: Int
    public var nonSiteSharePercent: Double?
    public var nonSiteShareTargetPercent: Int
    /// Fines decided in the period.
    public var finesDecidedYuan: Double
    /// Cases opened in the period, by violation kind.
    public var casesOpenedByKind: [String: Int]

    public init(cases: [EnforcementCase], jurisdiction: JurisdictionCode, from: Date, to: Date, rules: YearlyReportRules) {
        func inPeriod(_ date: Date?) -> Bool { date.map { from <= $0 && $0 < to } ?? false }
        let own = cases.filter { $0.jurisdiction == jurisdiction }
        let decided = own.filter { inPeriod($0.decision?.decidedAt) }
        self.jurisdiction = jurisdiction
        self.from = from
        self.to = to
        penaltyCases = decided.count
        largeFineCases = decided.filter { ($0.decision?.fineTotal ?? .zero) >= rules.largeFine }.count
        largeFineYuan = rules.largeFine.wholeYuan
        suspensionCases = decided.filter { $0.decision?.measures.contains { $0.kind == .suspension || $0.kind == .productionHalt } ?? false }.count
        courtEnforcementCases = own.filter { inPeriod($0.courtApplication?.at) }.count
        criminalTransfers = own.filter { inPeriod($0.criminalReferral?.reportedAt) }.count
        firstViolationWaivers = own.filter { $0.noPenalty?.ground == .firstViolation && inPeriod($0.noPenalty?.decidedAt) }.count
        nonSitePenaltyCases = decided.filter(\.isOpenedByDevice).count
        nonSiteSharePercent = decided.isEmpty ? nil : (Double(nonSitePenaltyCases) * 10_000 / Double(decided.count)).rounded() / 100
        nonSiteShareTargetPercent = rules.nonSiteShareTargetPercent
        finesDecidedYuan = decided.reduce(Money.zero) { $0 + ($1.decision?.fineTotal ?? .zero) }.yuan
        var byKind: [String: Int] = [:]
        for value in own where inPeriod(value.history.first?.at ?? value.discoveredAt) { byKind[value.violationKind, default: 0] += 1 }
        casesOpenedByKind = byKind
    }
}

extension EnforcementCase {
    /// Whether the node opened the case from a device's record (非现场执法) rather than an officer.
    public var isOpenedByDevice: Bool { history.first?.actor.accountId.hasPrefix("system:") ?? false }
}
