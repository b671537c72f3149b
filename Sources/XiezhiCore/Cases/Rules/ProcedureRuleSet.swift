/// The complete procedural rules that apply in one jurisdiction: the national defaults with local overrides applied.
///
/// Obtained from ``ProcedureRules/resolved(for:)``; every number in it carries its ``Citation``.
public struct ProcedureRuleSet: Hashable, Codable, Sendable {
    /// 作出处罚决定期限 and its extension.
    public var decision: DecisionTimeRules
    /// 送达.
    public var service: ServiceRules
    /// 听证.
    public var hearing: HearingRules
    /// 陈述、申辩.
    public var statement: StatementRules
    /// 法制审核.
    public var legalReview: LegalReviewRules
    /// 缴纳罚款 and 加处罚款.
    public var payment: PaymentRules
    /// 催告 and 申请法院强制执行.
    public var enforcement: EnforcementRules
    /// 追责时效.
    public var limitation: LimitationRules
    /// 简易程序.
    public var summary: SummaryProcedureRules
    /// 首违不罚清单.
    public var firstViolation: FirstViolationList
    /// 行刑衔接.
    public var criminalTransfer: CriminalTransferRules
    /// 一事不再罚.
    public var doublePenalty: DoublePenaltyRules
    /// 调查取证.
    public var investigation: InvestigationRules
    /// The working days working-day periods count (set by ``ProcedureRules/resolved(for:)``).
    public var workCalendar: WorkCalendar?
    /// ``workCalendar``, or weekends only when unset.
    public var calendar: WorkCalendar { workCalendar ?? .weekendsOnly }

    /// Creates the value with every field given.
    public init(
        decision: DecisionTimeRules, service: ServiceRules, hearing: HearingRules, statement: StatementRules,
        legalReview: LegalReviewRules, payment: PaymentRules, enforcement: EnforcementRules,
        limitation: LimitationRules, summary: SummaryProcedureRules, firstViolation: FirstViolationList,
        criminalTransfer: CriminalTransferRules, doublePenalty: DoublePenaltyRules, investigation: InvestigationRules
    ) {
        self.decision = decision
        self.service = service
        self.hearing = hearing
        self.statement = statement
        self.legalReview = legalReview
        self.payment = payment
        self.enforcement = enforcement
        self.limitation = limitation
        self.summary = summary
        self.firstViolation = firstViolation
        self.criminalTransfer = criminalTransfer
        self.doublePenalty = doublePenalty
        self.investigation = investigation
    }

    /// These rules with every section `override` sets replaced by the override's section.
    public func applying(_ override: ProcedureOverride) -> ProcedureRuleSet {
        var rules = self
        if let value = override.decision { rules.decision = value }
        if let value = override.service { rules.service = value }
        if let value = override.hearing { rules.hearing = value }
        if let value = override.statement { rules.statement = value }
        if let value = override.legalReview { rules.legalReview = value }
        if let value = override.payment { rules.payment = value }
        if let value = override.enforcement { rules.enforcement = value }
        if let value = override.limitation { rules.limitation = value }
        if let value = override.summary { rules.summary = value }
        if let value = override.firstViolation { rules.firstViolation = value }
        if let value = override.criminalTransfer { rules.criminalTransfer = value }
        if let value = override.doublePenalty { rules.doublePenalty = value }
        if let value = override.investigation { rules.investigation = value }
        return rules
    }
}
