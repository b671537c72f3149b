/// Who may take each action and from which stages: the project's role assignment.
extension CaseActionKind {
    /// The roles that may take this action.
    ///
    /// Officers (执法人员) collect evidence and decide on the spot; the case handler (办案人员) runs the case;
    /// the legal reviewer reviews; the agency head (机构负责人) approves filing, decisions, transfers, court
    /// applications and closing. Commanders, partner liaisons, auditors and administrators change nothing.
    public var roles: Set<Role> {
        switch self {
        case .createClue: [.officer, .caseHandler]
        case .addEvidence, .identifyParties: [.officer, .caseHandler]
        case .summaryDecision: [.officer]
        case .fileSummary, .recordPayment: [.officer, .caseHandler]
        case .notify, .recordStatement, .recordServiceConsent, .requestHearing, .scheduleHearing, .holdHearing,
             .submitForLegalReview, .reportSuspectedCrime, .serve, .remind, .recordAppeal, .concludeAppeal, .noticeOwner,
             .recordOwnerAppearance:
            [.caseHandler]
        case .approveLegalReview, .returnLegalReview: [.legalReviewer]
        case .refuseFiling, .file, .extendDecisionLimit, .decide, .decideNoPenalty, .transferToPolice,
             .declineTransfer, .applyToCourt, .close:
            [.agencyHead]
        }
    }

    /// The stages this action may be taken from.
    public var stages: Set<CaseStage> {
        let beforeDecision: Set<CaseStage> = [.clue, .filed, .investigating, .notified, .hearing, .legalReview]
        switch self {
        case .createClue: return []
        case .refuseFiling, .file, .summaryDecision: return [.clue]
        case .addEvidence: return [.clue, .filed, .investigating, .notified, .hearing]
        case .extendDecisionLimit: return [.filed, .investigating, .notified, .hearing, .legalReview]
        case .notify: return [.investigating]
        case .recordStatement: return [.notified, .hearing]
        case .recordServiceConsent: return [.filed, .investigating, .notified, .hearing, .legalReview, .decided]
        case .requestHearing: return [.notified]
        case .scheduleHearing, .holdHearing: return [.hearing]
        case .submitForLegalReview: return [.notified, .hearing]
        case .approveLegalReview, .returnLegalReview: return [.legalReview]
        case .decide: return [.notified, .hearing, .legalReview]
        case .decideNoPenalty: return [.investigating, .notified, .hearing, .legalReview]
        case .reportSuspectedCrime, .transferToPolice, .declineTransfer: return beforeDecision
        case .serve: return [.decided]
        case .recordPayment: return [.summaryDecided, .served, .executing]
        case .remind, .recordAppeal, .concludeAppeal, .close: return [.served, .executing]
        case .applyToCourt: return [.executing]
        case .fileSummary: return [.summaryDecided]
        case .noticeOwner, .recordOwnerAppearance: return [.filed, .investigating, .notified]
        case .identifyParties: return [.clue, .filed, .investigating, .notified, .hearing, .legalReview]
        }
    }

    /// Whether the actor must hold an enforcement certificate (执法证) to take this action (行政处罚法 Art. 42).
    public var needsCertificate: Bool {
        switch self {
        case .addEvidence, .notify, .summaryDecision: true
        default: false
        }
    }
}
