import Foundation

/// Something done to a case, with what it needs. Applied by ``CaseWorkflow/apply(_:to:by:at:rules:priorPenalties:)``.
///
/// The time of the action and the actor are passed alongside; payload times (`paidAt`, `filedAt`, `approvedAt`)
/// are the real-world times of what is being recorded and may precede the action. Codable as
/// `{"decide": {"number": "…", "measures": null}}`, so the server can decode request bodies directly.
public enum CaseAction: Hashable, Codable, Sendable {
    /// 登记线索 — only ``CaseWorkflow/open(_:id:by:at:)`` performs this; `apply` refuses it.
    case createClue(intake: ClueIntake)
    /// 不予立案, with the reason.
    case refuseFiling(reason: String)
    /// 立案 — approve the filing and assign at least two certified officers (行政处罚法 Art. 42).
    case file(officers: [FilingOfficer], registerNumber: String)
    /// 收集证据 — the first item moves a filed case into investigation.
    case addEvidence(item: EvidenceItem)
    /// 延长办案期限 — the agency head extends the decision limit once.
    case extendDecisionLimit(reason: String)
    /// 事先告知 — notify the intended penalty; opens the statement (and hearing-request) period.
    case notify(penalty: IntendedPenalty)
    /// 陈述申辩 — record what the party said; `waivesRights` ends the waiting periods.
    case recordStatement(statedBy: String, content: String, waivesRights: Bool)
    /// 送达地址确认书 — record the party's consent to electronic service.
    case recordServiceConsent(consent: ServiceConsent)
    /// 申请听证 — the party asks for a hearing within the window.
    case requestHearing(requestedBy: String)
    /// 听证通知 — fix the date (at least the notice period ahead), place and chair.
    case scheduleHearing(schedule: HearingSchedule)
    /// 举行听证 — record the hearing held; the chair may not be an investigator.
    case holdHearing(record: HearingRecord)
    /// 提请法制审核.
    case submitForLegalReview(note: String)
    /// 法制审核通过, with the reviewer's opinion.
    case approveLegalReview(opinion: String)
    /// 法制审核退回 — back to investigation, with the reason.
    case returnLegalReview(reason: String)
    /// 作出处罚决定 — with the decision number; `measures` `nil` means as notified (never heavier).
    case decide(number: String, measures: [PenaltyMeasure]?)
    /// 不予处罚决定 — with the ground and the education given.
    case decideNoPenalty(number: String, ground: NoPenaltyGround, educationRecord: String)
    /// 报告涉嫌犯罪 — the case handler reports a suspected crime to the agency head.
    case reportSuspectedCrime(reason: String)
    /// 移送公安机关 — the head approved at `approvedAt`; the case is handed over now.
    case transferToPolice(policeAgency: String, approvedAt: Date)
    /// 不予移送 — the head decides not to transfer.
    case declineTransfer(reason: String)
    /// 送达 the decision.
    case serve(method: ServiceMethod, recipient: String, proof: String)
    /// 缴款.
    case recordPayment(amount: Money, paidAt: Date, reference: String)
    /// 催告 — the 催告书 was served now (行政强制法 Art. 54).
    case remind(reference: String)
    /// 复议或诉讼 filed by the party.
    case recordAppeal(kind: AppealKind, filedAt: Date, body: String)
    /// 复议或诉讼结果 for the pending appeal.
    case concludeAppeal(outcome: AppealOutcome, summary: String)
    /// 申请法院强制执行.
    case applyToCourt(court: String, reference: String)
    /// 结案, with the 结案报告.
    case close(report: String)
    /// 当场处罚 (简易程序) — a warning or a small fine decided and handed over on the spot.
    case summaryDecision(number: String, penalty: IntendedPenalty, officers: [FilingOfficer], recipient: String)
    /// 当场处罚备案 — the copy filed with the agency.
    case fileSummary(reference: String)
    /// 通知车主 — a non-site violation told to the owner by `channel`; `effectiveAt` is when it reached them (for
    /// an announcement, when the announcement period ends); `reportPeriod` is the jurisdiction's period to come
    /// forward, from the rule tables (the server fills it in).
    case noticeOwner(channel: OwnerNoticeChannel, delivered: Bool, effectiveAt: Date?, proof: String, reportPeriod: StatutoryPeriod)
    /// 车主到案接受处理.
    case recordOwnerAppearance(note: String)
    /// 认定驾驶人及运输企业 — subject keys `person:<ID>` and `organisation:<USCC>`; either may be nil.
    case identifyParties(driver: String?, carrier: String?)

    /// The action's kind.
    public var kind: CaseActionKind {
        switch self {
        case .createClue: .createClue
        case .refuseFiling: .refuseFiling
        case .file: .file
        case .addEvidence: .addEvidence
        case .extendDecisionLimit: .extendDecisionLimit
        case .notify: .notify
        case .recordStatement: .recordStatement
        case .recordServiceConsent: .recordServiceConsent
        case .requestHearing: .requestHearing
        case .scheduleHearing: .scheduleHearing
        case .holdHearing: .holdHearing
        case .submitForLegalReview: .submitForLegalReview
        case .approveLegalReview: .approveLegalReview
        case .returnLegalReview: .returnLegalReview
        case .decide: .decide
        case .decideNoPenalty: .decideNoPenalty
        case .reportSuspectedCrime: .reportSuspectedCrime
        case .transferToPolice: .transferToPolice
        case .declineTransfer: .declineTransfer
        case .serve: .serve
        case .recordPayment: .recordPayment
        case .remind: .remind
        case .recordAppeal: .recordAppeal
        case .concludeAppeal: .concludeAppeal
        case .applyToCourt: .applyToCourt
        case .close: .close
        case .summaryDecision: .summaryDecision
        case .fileSummary: .fileSummary
        case .noticeOwner: .noticeOwner
        case .recordOwnerAppearance: .recordOwnerAppearance
        case .identifyParties: .identifyParties
        }
    }
}
