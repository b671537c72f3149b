import Foundation

/// Each action's payload checks and its effect on the case; returns the timeline lines (Chinese) saying what changed.
extension CaseWorkflow {
    static func perform(
        _ action: CaseAction, on item: inout EnforcementCase, by actor: CaseActor, at: Date, rules: ProcedureRuleSet,
        priorPenalties: [PriorPenalty]
    ) throws -> [String] {
        switch action {
        case .createClue:
            // Unreachable: no stage allows it (see `CaseActionKind.stages`); kept total for the compiler.
            throw DomainError(code: "transition_not_allowed", reason: "a clue opens a new case through CaseWorkflow.open")

        case let .refuseFiling(reason):
            try require(reason, "reason_required", "the reason for not filing")
            item.filingRefusal = SignedEntry(at: at, by: actor.accountId, text: reason)
            item.stage = .notFiled
            return ["不予立案理由：\(reason)"]

        case let .file(officers, registerNumber):
            try checkOfficers(officers, rules: rules)
            try require(registerNumber, "register_number_required", "the 立案登记表 number")
            item.filing = Filing(at: at, approvedBy: actor.accountId, officers: officers, registerNumber: registerNumber)
            item.stage = .filed
            return ["立案登记表：\(registerNumber)", "承办人员：\(officersText(officers))"]

        case let .addEvidence(evidence):
            var evidence = evidence
            try require(evidence.id, "invalid_evidence", "the evidence id")
            guard EvidenceItem.isSHA256Hex(evidence.sha256) else {
                throw DomainError(code: "invalid_sha256", reason: "evidence \(evidence.id): '\(evidence.sha256)' is not 64 hexadecimal digits")
            }
            guard !item.evidence.contains(where: { $0.id == evidence.id }) else {
                throw DomainError(code: "duplicate_evidence", reason: "evidence \(evidence.id) is already on the case")
            }
            evidence.sha256 = evidence.sha256.lowercased()
            item.evidence.append(evidence)
            if item.stage == .filed { item.stage = .investigating }
            return ["证据\(evidence.id)：\(evidence.kind.chineseName)，\(evidence.description)，SHA-256 \(evidence.sha256)，来源\(evidence.source)"]

        case let .extendDecisionLimit(reason):
            try require(reason, "reason_required", "the reason for the extension")
            item.decisionLimitExtensions.append(SignedEntry(at: at, by: actor.accountId, text: reason))
            return ["办案期限延长\(rules.decision.headExtension.chineseText)：\(reason)（\(rules.decision.headExtension.citation)）"]

        case let .notify(penalty):
            try checkMeasures(penalty.measures)
            guard !penalty.reasoning.isEmpty else {
                throw DomainError(code: "reasoning_required", reason: "the notice must state the facts and reasons (行政处罚法 第四十四条)")
            }
            let grounds = rules.hearing.grounds(for: penalty.measures, party: item.partyKind)
            let statementDue = rules.statement.period.end(after: at, calendar: rules.calendar)
            let hearingDue = grounds.isEmpty ? nil : rules.hearing.requestWindow.end(after: at, calendar: rules.calendar)
            item.notice = PenaltyNotice(
                at: at, by: actor.accountId, penalty: penalty, hearingGrounds: grounds, statementDueAt: statementDue,
                hearingRequestDueAt: hearingDue
            )
            item.hearing = nil
            item.legalReview = nil
            item.stage = .notified
            var lines = [
                "拟处罚：\(penalty.measures.chineseText)",
                "依据：\(penalty.citation)",
                "陈述申辩期限至\(ChinaTime.format(statementDue))",
            ]
            if let hearingDue {
                lines.append("享有听证权利（\(grounds.joined(separator: "；"))），申请期限至\(ChinaTime.format(hearingDue))")
            }
            return lines

        case let .recordStatement(statedBy, content, waivesRights):
            try require(statedBy, "statement_required", "who made the statement")
            if !waivesRights { try require(content, "statement_required", "the statement") }
            if waivesRights && !rules.statement.waiver.applies {
                throw DomainError(code: "waiver_not_allowed", reason: "the rules of \(item.jurisdiction) do not allow a waiver (\(rules.statement.waiver.citation))")
            }
            item.statements.append(PartyStatement(at: at, recordedBy: actor.accountId, statedBy: statedBy, content: content, waivesRights: waivesRights))
            return ["陈述申辩（\(statedBy)）：\(content)"] + (waivesRights ? ["当事人明确放弃陈述、申辩和听证权利"] : [])

        case let .recordServiceConsent(consent):
            try require(consent.reference, "invalid_consent", "the 送达地址确认书 number")
            guard consent.addresses.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
                throw DomainError(code: "invalid_consent", reason: "the 送达地址确认书 names no electronic address")
            }
            item.serviceConsent = consent
            return ["送达地址确认书\(consent.reference)：同意电子送达至\(consent.addresses.joined(separator: "、"))"]

        case let .requestHearing(requestedBy):
            try require(requestedBy, "invalid_hearing_request", "who asked for the hearing")
            item.hearing = Hearing(requestedAt: at, requestedBy: requestedBy)
            item.stage = .hearing
            return ["\(requestedBy)申请听证"]

        case let .scheduleHearing(schedule):
            try checkChair(schedule.chair, item)
            try require(schedule.place, "invalid_hearing_schedule", "the hearing place")
            let notice = rules.hearing.noticeBeforeHearing
            guard notice.isAtLeast(from: at, to: schedule.hearingAt, calendar: rules.calendar) else {
                throw DomainError(
                    code: "hearing_notice_too_short",
                    reason: "the hearing on \(ChinaTime.format(schedule.hearingAt)) must be notified at least \(notice.englishText) before (\(notice.citation)); notified \(ChinaTime.format(at))"
                )
            }
            item.hearing?.schedule = schedule
            item.hearing?.notifiedAt = at
            return ["听证时间：\(ChinaTime.format(schedule.hearingAt))，地点：\(schedule.place)，主持人：\(schedule.chair.name)"]

        case let .holdHearing(record):
            try checkChair(record.chair, item)
            try require(record.summary, "invalid_hearing_record", "the hearing record")
            if let scheduled = item.hearing?.schedule?.hearingAt, at < scheduled {
                throw DomainError(code: "hearing_not_due", reason: "the hearing was notified for \(ChinaTime.format(scheduled))")
            }
            item.hearing?.record = record
            item.hearing?.heldAt = at
            return ["听证已举行，主持人：\(record.chair.name)，当事人\(record.partyAttended ? "到场" : "未到场")", "听证笔录：\(record.summary)"]

        case let .submitForLegalReview(note):
            let grounds = rules.legalReview.grounds(
                for: item.notice?.penalty.measures ?? [], hearingHeld: item.hearing?.isHeld == true
            )
            item.legalReview = LegalReview(submittedAt: at, submittedBy: actor.accountId, note: note, grounds: grounds)
            item.stage = .legalReview
            return ["提请法制审核：\(note)", grounds.isEmpty ? "审核理由：主动提请" : "审核理由：\(grounds.joined(separator: "；"))"]

        case let .approveLegalReview(opinion):
            try require(opinion, "opinion_required", "the reviewer's opinion")
            item.legalReview?.status = .approved
            item.legalReview?.reviewer = actor.accountId
            item.legalReview?.opinion = opinion
            item.legalReview?.decidedAt = at
            return ["法制审核意见：同意。\(opinion)"]

        case let .returnLegalReview(reason):
            try require(reason, "reason_required", "the reason for returning the case")
            item.legalReview?.status = .returned
            item.legalReview?.reviewer = actor.accountId
            item.legalReview?.opinion = reason
            item.legalReview?.decidedAt = at
            item.stage = .investigating
            return ["法制审核退回补充调查：\(reason)"]

        case let .decide(number, measures):
            try require(number, "decision_number_required", "the decision number")
            guard let notice = item.notice else {
                throw DomainError(code: "notice_required", reason: "the intended penalty was never notified")
            }
            let decided = measures ?? notice.penalty.measures
            try checkMeasures(decided)
            try checkWithinNotice(decided, notice: notice)
            try checkDoublePenalty(item, rules: rules, priorPenalties: priorPenalties)
            item.decision = PenaltyDecision(
                number: number, decidedAt: at, decidedBy: actor.accountId, procedure: .ordinary, measures: decided,
                citation: notice.penalty.citation, reasoning: notice.penalty.reasoning
            )
            var lines = ["处罚决定书：\(number)", "处罚：\(decided.chineseText)", "依据：\(notice.penalty.citation)"]
            if item.decidedFromRecords(at: at), let period = item.effectiveOwnerNotice?.reportPeriod {
                item.decision?.fromRecords = period.citation
                lines.append("车主逾期未接受处理，依据记录作出决定（\(period.citation)）")
            }
            item.stage = .decided
            return lines

        case let .decideNoPenalty(number, ground, educationRecord):
            try require(number, "decision_number_required", "the decision number")
            if ground.requiresEducation {
                try require(educationRecord, "education_required", "the education record (行政处罚法 第三十三条第三款)")
            }
            var listed: FirstViolationItem?
            if ground == .firstViolation {
                listed = try checkFirstViolation(item, rules: rules, priorPenalties: priorPenalties)
            }
            item.noPenalty = NoPenaltyDecision(
                number: number, decidedAt: at, decidedBy: actor.accountId, ground: ground,
                educationRecord: educationRecord, firstViolationItem: listed
            )
            item.stage = .noPenalty
            var lines = ["不予处罚决定书：\(number)", "理由：\(ground.chineseName)"]
            if let listed { lines.append("首违不罚清单：\(listed.description)（\(listed.citation)）") }
            if !educationRecord.isEmpty { lines.append("教育记录：\(educationRecord)") }
            return lines

        case let .reportSuspectedCrime(reason):
            try require(reason, "reason_required", "why a crime is suspected")
            item.criminalReferral = CriminalReferral(reportedAt: at, reportedBy: actor.accountId, reason: reason)
            return ["报告涉嫌犯罪：\(reason)", "负责人应于\(ChinaTime.format(rules.criminalTransfer.headDecision.end(after: at, calendar: rules.calendar)))前决定是否移送（\(rules.criminalTransfer.headDecision.citation)）"]

        case let .transferToPolice(policeAgency, approvedAt):
            try require(policeAgency, "police_agency_required", "the receiving police agency")
            guard let reportedAt = item.criminalReferral?.reportedAt, approvedAt >= reportedAt, approvedAt <= at else {
                throw DomainError(code: "invalid_approval_time", reason: "the approval (\(ChinaTime.format(approvedAt))) must fall between the report and the transfer (\(ChinaTime.format(at)))")
            }
            item.criminalReferral?.approvedAt = approvedAt
            item.criminalReferral?.approvedBy = actor.accountId
            item.criminalReferral?.policeAgency = policeAgency
            item.criminalReferral?.transferredAt = at
            item.stage = .transferredToPolice
            return ["批准移送：\(ChinaTime.format(approvedAt))", "移送\(policeAgency)：\(ChinaTime.format(at))"]

        case let .declineTransfer(reason):
            try require(reason, "reason_required", "why the case is not transferred")
            item.criminalReferral?.declined = SignedEntry(at: at, by: actor.accountId, text: reason)
            return ["不予移送：\(reason)"]

        case let .serve(method, recipient, proof):
            if method == .electronic && rules.service.electronicNeedsConsent.applies && item.serviceConsent == nil {
                throw DomainError(
                    code: "electronic_service_needs_consent",
                    reason: "electronic service needs the party's consent recorded in a 送达地址确认书 (\(rules.service.electronicNeedsConsent.citation)); none is on the case"
                )
            }
            try require(recipient, "service_record_incomplete", "the recipient")
            try require(proof, "service_record_incomplete", "the proof of service")
            let effective = method == .announcement ? rules.service.announcementPeriod.end(after: at, calendar: rules.calendar) : at
            item.service = ServiceRecord(
                method: method, at: at, effectiveAt: effective, recipient: recipient, proof: proof,
                consentReference: method == .electronic ? item.serviceConsent?.reference : nil, servedBy: actor.accountId
            )
            item.stage = .served
            var lines = ["\(method.chineseName)：\(recipient)，凭证\(proof)"]
            if method == .announcement {
                lines.append("公告期满视为送达：\(ChinaTime.format(effective))（\(rules.service.announcementPeriod.citation)）")
            }
            if let due = FineAccount(of: item, rules: rules, at: at).paymentDueAt, (item.decision?.fineTotal ?? .zero) > .zero {
                lines.append("缴纳罚款期限至\(ChinaTime.format(due))")
            }
            return lines

        case let .recordPayment(amount, paidAt, reference):
            guard amount > .zero else {
                throw DomainError(code: "invalid_amount", reason: "a payment must be above zero")
            }
            guard paidAt <= at else {
                throw DomainError(code: "payment_in_future", reason: "the payment time \(ChinaTime.format(paidAt)) is after the recording time")
            }
            try require(reference, "reference_required", "the payment reference")
            item.payments.append(FinePayment(amount: amount, paidAt: paidAt, reference: reference, recordedBy: actor.accountId))
            let outstanding = FineAccount(of: item, rules: rules, at: at).outstanding
            return ["缴款\(amount)元（\(reference)，\(ChinaTime.format(paidAt))）", "尚欠\(outstanding)元"]

        case let .remind(reference):
            try require(reference, "reference_required", "the 催告书 number")
            item.reminders.append(SignedEntry(at: at, by: actor.accountId, text: reference))
            item.stage = .executing
            let account = FineAccount(of: item, rules: rules, at: at)
            return ["催告书\(reference)已送达，应缴\(account.outstanding)元（含加处罚款\(account.surcharge)元）"]

        case let .recordAppeal(kind, filedAt, body):
            try require(body, "invalid_appeal", "the review body or court")
            guard filedAt <= at else {
                throw DomainError(code: "invalid_appeal", reason: "the filing time \(ChinaTime.format(filedAt)) is after the recording time")
            }
            item.appeals.append(Appeal(kind: kind, filedAt: filedAt, body: body, recordedBy: actor.accountId))
            return ["当事人\(ChinaTime.format(filedAt))向\(body)提起\(kind.chineseName)", "复议、诉讼期间不加处罚款（\(rules.payment.pausedDuringAppeal.citation)）"]

        case let .concludeAppeal(outcome, summary):
            try require(summary, "invalid_appeal", "the result")
            guard let index = item.appeals.firstIndex(where: { $0.isPending }) else {
                throw DomainError(code: "no_pending_appeal", reason: "no review or lawsuit is pending")
            }
            item.appeals[index].concludedAt = at
            item.appeals[index].outcome = outcome
            item.appeals[index].summary = summary
            return ["\(item.appeals[index].kind.chineseName)结果：\(outcome.chineseName)。\(summary)"]

        case let .applyToCourt(court, reference):
            try require(court, "invalid_court_application", "the court")
            try require(reference, "invalid_court_application", "the application number")
            item.courtApplication = CourtApplication(at: at, by: actor.accountId, court: court, reference: reference)
            return ["向\(court)申请强制执行：\(reference)"]

        case let .close(report):
            try require(report, "reason_required", "the 结案报告")
            item.closing = SignedEntry(at: at, by: actor.accountId, text: report)
            item.stage = .closed
            return ["结案：\(report)"]

        case let .summaryDecision(number, penalty, officers, recipient):
            try checkOfficers(officers, rules: rules)
            try require(number, "decision_number_required", "the decision number")
            try require(recipient, "service_record_incomplete", "who received the decision")
            try checkMeasures(penalty.measures)
            let summary = rules.summary
            if let other = penalty.measures.first(where: { !summary.measures.contains($0.kind) }) {
                throw DomainError(
                    code: "summary_measure_not_allowed",
                    reason: "\(other.kind.rawValue) cannot be decided on the spot; only \(summary.measures.measures.map(\.rawValue).joined(separator: ", ")) (\(summary.measures.citation))"
                )
            }
            let maximum = summary.maximum(for: item.partyKind)
            let fine = penalty.fineTotal
            if fine > maximum.money {
                throw DomainError(
                    code: "summary_amount_too_high",
                    reason: "a fine of \(fine) yuan on an \(item.partyKind.rawValue) exceeds the \(maximum.money) yuan that may be decided on the spot (\(maximum.citation)); use the ordinary procedure"
                )
            }
            try checkDoublePenalty(item, rules: rules, priorPenalties: priorPenalties)
            item.decision = PenaltyDecision(
                number: number, decidedAt: at, decidedBy: actor.accountId, procedure: .summary,
                measures: penalty.measures, citation: penalty.citation, reasoning: penalty.reasoning, officers: officers
            )
            item.service = ServiceRecord(
                method: .direct, at: at, effectiveAt: at, recipient: recipient, proof: "当场交付\(number)",
                servedBy: actor.accountId
            )
            item.stage = .summaryDecided
            return [
                "当场处罚决定书：\(number)", "处罚：\(penalty.measures.chineseText)", "依据：\(penalty.citation)",
                "执法人员：\(officersText(officers))", "当场交付\(recipient)",
                "应于\(ChinaTime.format(summary.filingDeadline.end(after: at, calendar: rules.calendar)))前报所属机关备案（\(summary.filingDeadline.citation)）",
            ]

        case let .fileSummary(reference):
            try require(reference, "reference_required", "the filing reference")
            item.summaryFiling = SignedEntry(at: at, by: actor.accountId, text: reference)
            let outstanding = FineAccount(of: item, rules: rules, at: at).outstanding
            if outstanding == .zero {
                item.closing = SignedEntry(at: at, by: actor.accountId, text: "简易程序当场处罚已备案，无未缴款项，结案")
                item.stage = .closed
                return ["当场处罚备案：\(reference)", "无未缴款项，结案"]
            }
            item.stage = .executing
            return ["当场处罚备案：\(reference)", "尚欠\(outstanding)元，转入执行"]

        case let .noticeOwner(channel, delivered, effectiveAt, proof, reportPeriod):
            try require(proof, "proof_required", "the delivery receipt, message id, tracking number or announcement address")
            let attempts = item.ownerNotices ?? []
            if channel == .announcement, !attempts.contains(where: { $0.channel != .announcement && !$0.delivered }) {
                throw DomainError(
                    code: "announcement_not_allowed",
                    reason: "an announcement is for an owner who could not be told by app, SMS or mail (\(reportPeriod.citation)); record the failed attempt first")
            }
            var notice = OwnerNotice(
                channel: channel, at: at, by: actor.accountId, delivered: delivered, effectiveAt: nil, reportDueAt: nil, reportPeriod: nil, proof: proof)
            var lines = ["通知车主（\(channel.chineseName)）：\(proof)"]
            if delivered {
                let effective = effectiveAt ?? at
                if channel != .announcement, effective > at.addingTimeInterval(300) {
                    throw DomainError(code: "invalid_notice_time", reason: "the notice cannot have reached the owner (\(ChinaTime.format(effective))) after it is recorded")
                }
                notice.effectiveAt = effective
                notice.reportPeriod = reportPeriod
                notice.reportDueAt = reportPeriod.end(after: effective, calendar: rules.calendar)
                lines.append(channel == .announcement ? "公告期满：\(ChinaTime.format(effective))" : "送达车主：\(ChinaTime.format(effective))")
                lines.append("车主应于\(ChinaTime.format(notice.reportDueAt!))前接受处理（\(reportPeriod.citation)）")
            } else {
                lines.append("未能告知车主")
            }
            item.ownerNotices = attempts + [notice]
            return lines

        case let .recordOwnerAppearance(note):
            try require(note, "note_required", "who came forward and what they said")
            item.ownerAppearance = SignedEntry(at: at, by: actor.accountId, text: note)
            return ["车主到案接受处理：\(note)"]

        case let .identifyParties(driver, carrier):
            guard driver != nil || carrier != nil else {
                throw DomainError(code: "nothing_identified", reason: "name the driver (person:<ID>), the carrier (organisation:<USCC>) or both")
            }
            var lines: [String] = []
            if let driver {
                guard case .person(let id) = try SubjectKey(driver) else {
                    throw DomainError(code: "invalid_driver", reason: "the driver must be a person's subject key (person:<居民身份证号>), not '\(driver)'")
                }
                item.driver = SubjectKey.person(id).stringValue
                lines.append("驾驶人：\(id.masked)")
            }
            if let carrier {
                guard case .organisation(let code) = try SubjectKey(carrier) else {
                    throw DomainError(code: "invalid_carrier", reason: "the carrier must be an organisation's subject key (organisation:<统一社会信用代码>), not '\(carrier)'")
                }
                item.carrier = SubjectKey.organisation(code).stringValue
                lines.append("运输企业：\(code.value)")
            }
            return lines
        }
    }

    // MARK: - Payload checks

    private static func require(_ text: String, _ code: String, _ what: String) throws {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw DomainError(code: code, reason: "\(what) is missing")
        }
    }

    /// 行政处罚法 Art. 42: at least the minimum number of distinct officers, each with a certificate number.
    private static func checkOfficers(_ officers: [FilingOfficer], rules: ProcedureRuleSet) throws {
        let minimum = rules.investigation.minimumOfficers
        let distinct = Set(officers.map(\.accountId)).count == officers.count
            && Set(officers.map(\.certificateNumber)).count == officers.count
        let certified = officers.allSatisfy {
            !$0.accountId.isEmpty && !$0.certificateNumber.trimmingCharacters(in: .whitespaces).isEmpty
        }
        guard officers.count >= minimum.count, distinct, certified else {
            throw DomainError(
                code: "two_officers_required",
                reason: "at least \(minimum.count) distinct officers, each with an enforcement certificate number, are required (\(minimum.citation)); got \(officers.count)"
            )
        }
    }

    private static func checkMeasures(_ measures: [PenaltyMeasure]) throws {
        guard !measures.isEmpty else {
            throw DomainError(code: "penalty_required", reason: "no penalty measure is given")
        }
        if let bad = measures.first(where: { !$0.isWellFormed }) {
            throw DomainError(
                code: "invalid_measure",
                reason: "\(bad.kind.rawValue): fines and confiscations need an amount above zero, other measures none"
            )
        }
    }

    /// 行政处罚法 Arts. 44–45: the decision may not add a kind of penalty or a larger amount than was notified.
    private static func checkWithinNotice(_ measures: [PenaltyMeasure], notice: PenaltyNotice) throws {
        let notified = notice.penalty.measures
        for kind in Set(measures.map(\.kind)) {
            let decided = measures.filter { $0.kind == kind }.reduce(Money.zero) { $0 + ($1.amount ?? .zero) }
            let allowed = notified.filter { $0.kind == kind }
            let allowedAmount = allowed.reduce(Money.zero) { $0 + ($1.amount ?? .zero) }
            if allowed.isEmpty || decided > allowedAmount {
                throw DomainError(
                    code: "decision_exceeds_notice",
                    reason: "the decision (\(measures.chineseText)) is heavier than the notice (\(notified.chineseText)); notify again first (行政处罚法 第四十四条、第四十五条)"
                )
            }
        }
    }

    /// 行政处罚法 Art. 64: the chair may not be one of the case's investigators.
    private static func checkChair(_ chair: HearingOfficial, _ item: EnforcementCase) throws {
        try require(chair.accountId, "invalid_hearing_schedule", "the chair")
        if item.investigatorIds.contains(chair.accountId) {
            throw DomainError(
                code: "chair_is_investigator",
                reason: "\(chair.name) (\(chair.accountId)) investigated this case and may not chair its hearing (行政处罚法 第六十四条)"
            )
        }
    }

    /// 首违不罚 (行政处罚法 Art. 33): the kind is on the list and the subject has no earlier violation of that kind.
    private static func checkFirstViolation(
        _ item: EnforcementCase, rules: ProcedureRuleSet, priorPenalties: [PriorPenalty]
    ) throws -> FirstViolationItem {
        guard let listed = rules.firstViolation.item(for: item.violationKind) else {
            throw DomainError(
                code: "not_on_first_violation_list",
                reason: "'\(item.violationKind)' is not on the first-violation list of \(item.jurisdiction) (\(rules.firstViolation.items.count) items; \(rules.firstViolation.principle))"
            )
        }
        if let earlier = priorPenalties.first(where: {
            $0.subject == item.subject && $0.violationKind == item.violationKind && $0.actAt < item.occurredAt
        }) {
            throw DomainError(
                code: "not_first_violation",
                reason: "\(item.subject) already has a '\(item.violationKind)' violation decided by \(earlier.citationText)"
            )
        }
        return listed
    }

    private static func officersText(_ officers: [FilingOfficer]) -> String {
        officers.map { "\($0.name)（执法证\($0.certificateNumber)）" }.joined(separator: "、")
    }
}
