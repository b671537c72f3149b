import Foundation

/// The preconditions that depend on the case's state and the time, not on the action's payload.
extension CaseWorkflow {
    static func checkState(
        _ kind: CaseActionKind, _ current: EnforcementCase, _ actor: CaseActor, at: Date, rules: ProcedureRuleSet
    ) throws {
        switch kind {
        case .file, .summaryDecision:
            try checkLimitation(current, rules: rules)
        case .notify:
            if current.evidence.isEmpty {
                throw DomainError(code: "evidence_required", reason: "no evidence has been recorded; a penalty cannot be notified without it")
            }
        case .extendDecisionLimit:
            let maximum = rules.decision.maximumExtensions
            if current.decisionLimitExtensions.count >= maximum.count {
                throw DomainError(
                    code: "extension_limit_reached",
                    reason: "the decision limit has been extended \(current.decisionLimitExtensions.count) time(s); the agency head may extend it \(maximum.count) time(s) (\(maximum.citation))"
                )
            }
        case .requestHearing:
            try checkHearingRequest(current, at: at, rules: rules)
        case .scheduleHearing, .holdHearing:
            if current.hearing?.isHeld == true {
                throw DomainError(code: "hearing_already_held", reason: "the hearing was held on \(ChinaTime.format(current.hearing?.heldAt ?? at))")
            }
            if kind == .holdHearing, current.hearing?.schedule == nil {
                throw DomainError(code: "hearing_not_scheduled", reason: "the hearing has not been notified to the party (听证通知)")
            }
        case .submitForLegalReview:
            try checkReadyForDecision(current, at: at, rules: rules)
        case .recordOwnerAppearance:
            guard current.effectiveOwnerNotice != nil else {
                throw DomainError(code: "owner_not_noticed", reason: "the owner has not been told of the violation yet")
            }
            if let appearance = current.ownerAppearance {
                throw DomainError(code: "owner_already_appeared", reason: "the owner came forward on \(ChinaTime.format(appearance.at))")
            }
        case .decide:
            try checkOwnerReportPeriod(current, at: at)
            try checkReadyForDecision(current, at: at, rules: rules)
            try checkLegalReview(current, rules: rules)
        case .approveLegalReview, .returnLegalReview:
            guard current.legalReview?.status == .pending else {
                throw DomainError(code: "legal_review_not_pending", reason: "the legal review has already been decided (\(current.legalReview?.status.rawValue ?? "none"))")
            }
            if current.investigatorIds.contains(actor.accountId) {
                throw DomainError(code: "reviewer_is_investigator", reason: "account \(actor.accountId) investigated this case and may not review it")
            }
        case .reportSuspectedCrime:
            if current.criminalReferral?.isPending == true {
                throw DomainError(code: "crime_report_pending", reason: "a suspected-crime report of \(ChinaTime.format(current.criminalReferral?.reportedAt ?? at)) awaits the agency head's decision")
            }
        case .transferToPolice, .declineTransfer:
            guard current.criminalReferral?.isPending == true else {
                throw DomainError(code: "crime_report_required", reason: "no suspected-crime report awaits a decision; the case handler reports first (行政执法机关移送涉嫌犯罪案件的规定)")
            }
        case .recordPayment:
            if FineAccount(of: current, rules: rules, at: at).outstanding == .zero {
                throw DomainError(code: "nothing_outstanding", reason: "nothing is owed on this case")
            }
        case .remind:
            let account = FineAccount(of: current, rules: rules, at: at)
            guard account.isInArrears(at: at) else {
                let due = account.paymentDueAt.map { "the payment period ends \(ChinaTime.format($0))" } ?? "no payment period runs"
                throw DomainError(code: "payment_not_overdue", reason: "nothing is overdue: \(due), outstanding \(account.outstanding) yuan")
            }
        case .recordAppeal:
            if let pending = current.pendingAppeal {
                throw DomainError(code: "appeal_pending", reason: "a \(pending.kind.rawValue) filed \(ChinaTime.format(pending.filedAt)) is still pending")
            }
        case .concludeAppeal:
            if current.pendingAppeal == nil {
                throw DomainError(code: "no_pending_appeal", reason: "no review or lawsuit is pending")
            }
        case .applyToCourt:
            try checkCourtApplication(current, at: at, rules: rules)
        case .close:
            if let pending = current.pendingAppeal {
                throw DomainError(code: "appeal_pending", reason: "a \(pending.kind.rawValue) filed \(ChinaTime.format(pending.filedAt)) is still pending")
            }
            let account = FineAccount(of: current, rules: rules, at: at)
            if account.outstanding > .zero && current.courtApplication == nil {
                throw DomainError(
                    code: "execution_incomplete",
                    reason: "\(account.outstanding) yuan is still owed and no court application has been made"
                )
            }
        case .createClue, .refuseFiling, .addEvidence, .recordStatement, .recordServiceConsent, .decideNoPenalty,
             .serve, .fileSummary, .noticeOwner, .identifyParties:
            break
        }
    }

    /// 追责时效 (行政处罚法 Art. 36): the act must have been discovered before the limitation ended.
    static func checkLimitation(_ current: EnforcementCase, rules: ProcedureRuleSet) throws {
        let period = rules.limitation.period(concernsSafetyWithHarm: current.concernsSafetyWithHarm)
        let end = period.end(after: current.occurredAt, calendar: rules.calendar)
        if current.discoveredAt > end {
            throw DomainError(
                code: "limitation_expired",
                reason: "the act of \(ChinaTime.format(current.occurredAt)) was discovered on \(ChinaTime.format(current.discoveredAt)), after the \(period.englishText) limitation ended on \(ChinaTime.format(end)) (\(period.citation))"
            )
        }
    }

    /// A noticed owner keeps the whole report period to come forward (浙江省公路条例 Art. 40); after it, the case
    /// is decided from the records.
    static func checkOwnerReportPeriod(_ current: EnforcementCase, at: Date) throws {
        guard current.awaitsOwner(at: at), let notice = current.effectiveOwnerNotice, let due = notice.reportDueAt else { return }
        throw DomainError(
            code: "owner_report_period_running",
            reason: "the owner was told on \(ChinaTime.format(notice.effectiveAt ?? notice.at)) and may come forward until \(ChinaTime.format(due)) (\(notice.reportPeriod?.citation.description ?? "")); no decision from the records before then")
    }

    /// Whether the party waived its rights after the current notice.
    static func rightsWaived(_ current: EnforcementCase) -> Bool {
        guard let notice = current.notice else { return false }
        return current.statements.contains { $0.waivesRights && $0.at >= notice.at }
    }

    private static func checkHearingRequest(_ current: EnforcementCase, at: Date, rules: ProcedureRuleSet) throws {
        guard let notice = current.notice, notice.grantsHearing, let due = notice.hearingRequestDueAt else {
            throw DomainError(
                code: "no_hearing_right",
                reason: "the intended penalty gives no hearing right: no 较大数额 fine (\(current.partyKind.rawValue) threshold \(rules.hearing.threshold(for: current.partyKind).money) yuan) and none of \(rules.hearing.alwaysFor.measures.map(\.rawValue).joined(separator: ", ")) (\(rules.hearing.alwaysFor.citation))"
            )
        }
        if rightsWaived(current) {
            throw DomainError(code: "hearing_request_window_closed", reason: "the party waived its hearing right")
        }
        if at > due {
            throw DomainError(
                code: "hearing_request_window_closed",
                reason: "the \(rules.hearing.requestWindow.englishText) window to ask for a hearing ended \(ChinaTime.format(due)) (\(rules.hearing.requestWindow.citation))"
            )
        }
    }

    /// Before a decision (or a legal review): the waiting periods are over and a requested hearing was held.
    private static func checkReadyForDecision(_ current: EnforcementCase, at: Date, rules: ProcedureRuleSet) throws {
        switch current.stage {
        case .notified:
            guard let notice = current.notice, !rightsWaived(current) else { return }
            let ends = [notice.statementDueAt] + (notice.hearingRequestDueAt.map { [$0] } ?? [])
            let last = ends.max() ?? notice.statementDueAt
            if at <= last {
                throw DomainError(
                    code: "hearing_period_running",
                    reason: "the party's statement\(notice.grantsHearing ? " and hearing-request" : "") period runs until \(ChinaTime.format(last)) (\(rules.statement.period.citation); \(rules.hearing.requestWindow.citation)); no decision before then unless the party waives"
                )
            }
        case .hearing:
            if current.hearing?.isHeld != true {
                throw DomainError(code: "hearing_not_held", reason: "the party asked for a hearing; it must be held first (行政处罚法 第六十二条)")
            }
        default:
            return
        }
    }

    /// 法制审核 (行政处罚法 Art. 58): a major decision needs an approved review.
    private static func checkLegalReview(_ current: EnforcementCase, rules: ProcedureRuleSet) throws {
        if current.stage == .legalReview {
            guard current.legalReview?.status == .approved else {
                throw DomainError(code: "legal_review_required", reason: "the legal review has not approved the decision yet")
            }
            return
        }
        let grounds = rules.legalReview.grounds(
            for: current.notice?.penalty.measures ?? [], hearingHeld: current.hearing?.isHeld == true
        )
        if !grounds.isEmpty {
            throw DomainError(
                code: "legal_review_required",
                reason: "a major decision needs legal review first (法制审核): \(grounds.joined(separator: "; "))"
            )
        }
    }

    /// 催告 then wait, appeal periods passed, within the window, nothing pending (行政强制法 Arts. 53–54).
    private static func checkCourtApplication(_ current: EnforcementCase, at: Date, rules: ProcedureRuleSet) throws {
        if let pending = current.pendingAppeal {
            throw DomainError(code: "appeal_pending", reason: "a \(pending.kind.rawValue) filed \(ChinaTime.format(pending.filedAt)) is still pending")
        }
        let account = FineAccount(of: current, rules: rules, at: at)
        guard account.isInArrears(at: at), let service = current.service else {
            throw DomainError(code: "nothing_to_enforce", reason: "nothing overdue is owed on this case")
        }
        guard let reminder = current.reminders.last else {
            throw DomainError(code: "reminder_required", reason: "a written 催告 must be served before applying to the court (\(rules.enforcement.reminderPeriod.citation))")
        }
        let waitEnds = rules.enforcement.reminderPeriod.end(after: reminder.at, calendar: rules.calendar)
        if at <= waitEnds {
            throw DomainError(
                code: "reminder_period_running",
                reason: "the \(rules.enforcement.reminderPeriod.englishText) after the 催告 of \(ChinaTime.format(reminder.at)) run until \(ChinaTime.format(waitEnds)) (\(rules.enforcement.reminderPeriod.citation))"
            )
        }
        let opens = rules.enforcement.appealPeriodsEnd(afterServiceAt: service.effectiveAt, calendar: rules.calendar)
        if at <= opens {
            throw DomainError(
                code: "court_application_too_early",
                reason: "the party may still seek review or sue until \(ChinaTime.format(opens)); the court may be asked only after that (\(rules.enforcement.courtApplicationWindow.citation))"
            )
        }
        let closes = rules.enforcement.courtApplicationWindow.end(after: opens, calendar: rules.calendar)
        if at > closes {
            throw DomainError(
                code: "court_application_window_closed",
                reason: "the \(rules.enforcement.courtApplicationWindow.englishText) to apply to the court ended \(ChinaTime.format(closes)) (\(rules.enforcement.courtApplicationWindow.citation))"
            )
        }
    }

    /// 一事不再罚 (行政处罚法 Art. 29): no earlier penalty on the same subject for the same kind of act within
    /// the kind's window of this act.
    static func checkDoublePenalty(_ current: EnforcementCase, rules: ProcedureRuleSet, priorPenalties: [PriorPenalty]) throws {
        let window = rules.doublePenalty.window(for: current.violationKind)
        for prior in priorPenalties where !prior.firstViolationWaiver
            && prior.subject == current.subject && prior.violationKind == current.violationKind {
            let earlier = min(prior.actAt, current.occurredAt)
            let later = max(prior.actAt, current.occurredAt)
            if later <= window.end(after: earlier, calendar: rules.calendar) {
                throw DomainError(
                    code: "double_penalty",
                    reason: "\(current.subject) was already penalised for '\(current.violationKind)' by decision \(prior.citationText) for an act at \(ChinaTime.format(prior.actAt)); acts within \(window.englishText) of each other are one act, and one act is not fined twice (\(rules.doublePenalty.principle))"
                )
            }
        }
    }
}
