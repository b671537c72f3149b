/// 追责时效 — an act undiscovered for this long is no longer punished (行政处罚法 Art. 36).
///
/// Counted from the act, or from its end when the act continues; the case's `occurredAt` is that instant.
public struct LimitationRules: Hashable, Codable, Sendable {
    /// The general period (2 years).
    public var general: StatutoryPeriod
    /// The period for acts concerning life, health or financial safety that caused harm (5 years).
    public var safetyWithHarm: StatutoryPeriod

    /// Creates the value with every field given.
    public init(general: StatutoryPeriod, safetyWithHarm: StatutoryPeriod) {
        self.general = general
        self.safetyWithHarm = safetyWithHarm
    }

    /// The period that applies to a case.
    public func period(concernsSafetyWithHarm: Bool) -> StatutoryPeriod {
        concernsSafetyWithHarm ? safetyWithHarm : general
    }
}
