import Foundation

/// 执法案件 — one case from the clue to its end, with every record and its full timeline.
///
/// A plain value: ``CaseWorkflow`` returns a changed copy for each action. The server stores it as JSON and
/// indexes `id`, `jurisdiction`, `subject`, `violationKind`, `stage`, `occurredAt` and `decision?.number`.
public struct EnforcementCase: Hashable, Codable, Sendable {
    /// The case id (assigned by the caller).
    public var id: String
    /// The agency the case belongs to.
    public var jurisdiction: JurisdictionCode
    /// The subject key, e.g. `vehicle:浙F12345:yellow`.
    public var subject: String
    /// Individual or organisation.
    public var partyKind: PartyKind
    /// The violation kind id, e.g. `overload`.
    public var violationKind: String
    /// The facts, in Chinese.
    public var facts: String
    /// Where it happened.
    public var place: CasePlace?
    /// When the act happened (or ended, for a continuing act).
    public var occurredAt: Date
    /// When the agency discovered it (the limitation test, 行政处罚法 Art. 36).
    public var discoveredAt: Date
    /// Whether the 5-year limitation applies (life, health or financial safety, with harm).
    public var concernsSafetyWithHarm: Bool
    /// Where the clue came from.
    public var source: String
    /// The current stage.
    public var stage: CaseStage

    /// 立案, once approved.
    public var filing: Filing?
    /// 不予立案, if refused.
    public var filingRefusal: SignedEntry?
    /// Extensions of the decision limit.
    public var decisionLimitExtensions: [SignedEntry]
    /// The evidence, in order of recording.
    public var evidence: [EvidenceItem]
    /// The current notice of the intended penalty.
    public var notice: PenaltyNotice?
    /// The party's statements.
    public var statements: [PartyStatement]
    /// The hearing, if requested.
    public var hearing: Hearing?
    /// The consent to electronic service, if given.
    public var serviceConsent: ServiceConsent?
    /// The current legal review.
    public var legalReview: LegalReview?
    /// The penalty decision (ordinary or summary).
    public var decision: PenaltyDecision?
    /// The no-penalty decision.
    public var noPenalty: NoPenaltyDecision?
    /// The suspected-crime report and transfer.
    public var criminalReferral: CriminalReferral?
    /// The service of the decision.
    public var service: ServiceRecord?
    /// The filing of an on-the-spot decision with the agency.
    public var summaryFiling: SignedEntry?
    /// Payments.
    public var payments: [FinePayment]
    /// 催告书 served.
    public var reminders: [SignedEntry]
    /// Reviews and lawsuits.
    public var appeals: [Appeal]
    /// The application to the court.
    public var courtApplication: CourtApplication?
    /// 结案.
    public var closing: SignedEntry?
    /// Everything that happened, in order.
    public var history: [CaseEvent]
    /// Non-site cases: the attempts to tell the owner (浙江省公路条例 Art. 40). Absent in cases stored before
    /// the field existed.
    public var ownerNotices: [OwnerNotice]?
    /// Non-site cases: the owner came forward to be dealt with (接受处理).
    public var ownerAppearance: SignedEntry?
    /// The driver of the act (`person:<ID>`), once established (认定驾驶人).
    public var driver: String?
    /// The carrier operating the vehicle (`organisation:<USCC>`), from the register or established in the case.
    public var carrier: String?

    /// A new case at the clue stage, with no records and no history.
    public init(
        id: String, jurisdiction: JurisdictionCode, subject: String, partyKind: PartyKind, violationKind: String,
        facts: String, place: CasePlace?, occurredAt: Date, discoveredAt: Date, concernsSafetyWithHarm: Bool,
        source: String
    ) {
        self.id = id
        self.jurisdiction = jurisdiction
        self.subject = subject
        self.partyKind = partyKind
        self.violationKind = violationKind
        self.facts = facts
        self.place = place
        self.occurredAt = occurredAt
        self.discoveredAt = discoveredAt
        self.concernsSafetyWithHarm = concernsSafetyWithHarm
        self.source = source
        self.stage = .clue
        self.filing = nil
        self.filingRefusal = nil
        self.decisionLimitExtensions = []
        self.evidence = []
        self.notice = nil
        self.statements = []
        self.hearing = nil
        self.serviceConsent = nil
        self.legalReview = nil
        self.decision = nil
        self.noPenalty = nil
        self.criminalReferral = nil
        self.service = nil
        self.summaryFiling = nil
        self.payments = []
        self.reminders = []
        self.appeals = []
        self.courtApplication = nil
        self.closing = nil
        self.history = []
    }

    /// The total paid so far.
    public var amountPaid: Money { payments.reduce(Money.zero) { $0 + $1.amount } }

    /// The appeal still pending, if any.
    public var pendingAppeal: Appeal? { appeals.first { $0.isPending } }

    /// Whether an appeal set the decision aside.
    public var decisionRevoked: Bool { appeals.contains { $0.outcome == .revoked } }

    /// The account ids of the investigators: the filing officers and whoever collected evidence.
    public var investigatorIds: Set<String> {
        Set((filing?.officers.map(\.accountId) ?? []) + evidence.map(\.collectedBy))
    }
}
