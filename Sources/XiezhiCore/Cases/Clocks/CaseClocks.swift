import Foundation

/// The statutory clocks of a case at a moment: every deadline that has started, where it stands, and its article.
public enum CaseClocks {
    /// The clocks of `enforcementCase` at `now`, under the rules of its jurisdiction.
    ///
    /// A clock appears once its period has started (the decision limit at 立案, the payment period at service…).
    /// A party's period (statement, hearing request, 催告) is `met` once over and is never overdue. The decision
    /// limit disappears when the case goes to the police.
    public static func compute(_ enforcementCase: EnforcementCase, rules: ProcedureRules, now: Date) -> [StatutoryClock] {
        let rules = rules.resolved(for: enforcementCase.jurisdiction)
        let item = enforcementCase
        var clocks: [StatutoryClock] = []

        let limitation = rules.limitation.period(concernsSafetyWithHarm: item.concernsSafetyWithHarm)
        clocks.append(agencyClock(
            .limitation, from: item.occurredAt, period: limitation, calendar: rules.calendar, completed: item.discoveredAt, now: now
        ))

        if let filing = item.filing, item.criminalReferral?.transferredAt == nil {
            var due = rules.decision.limit.end(after: filing.at, calendar: rules.calendar)
            for _ in item.decisionLimitExtensions { due = rules.decision.headExtension.end(after: due, calendar: rules.calendar) }
            let completed = item.decision?.decidedAt ?? item.noPenalty?.decidedAt
            clocks.append(agencyClock(
                .decisionLimit, from: filing.at, due: due, completed: completed, now: now,
                citation: rules.decision.limit.citation
            ))
        }

        if let notice = item.notice {
            let waiver = item.statements.first { $0.waivesRights && $0.at >= notice.at }?.at
            clocks.append(partyClock(
                .statementPeriod, from: notice.at, due: notice.statementDueAt, ended: waiver, now: now,
                citation: rules.statement.period.citation
            ))
            if let hearingDue = notice.hearingRequestDueAt {
                clocks.append(partyClock(
                    .hearingRequest, from: notice.at, due: hearingDue, ended: item.hearing?.requestedAt ?? waiver,
                    now: now, citation: rules.hearing.requestWindow.citation
                ))
            }
        }

        if let decision = item.decision, decision.procedure == .ordinary {
            clocks.append(agencyClock(
                .service, from: decision.decidedAt, period: rules.service.deadline, calendar: rules.calendar, completed: item.service?.at, now: now
            ))
        }
        if let decision = item.decision, decision.procedure == .summary {
            clocks.append(agencyClock(
                .summaryFiling, from: decision.decidedAt, period: rules.summary.filingDeadline, calendar: rules.calendar,
                completed: item.summaryFiling?.at, now: now
            ))
        }

        let account = FineAccount(of: item, rules: rules, at: now)
        if let service = item.service, let paymentDue = account.paymentDueAt, account.fine > .zero {
            clocks.append(agencyClock(
                .payment, from: service.effectiveAt, due: paymentDue, completed: account.finePaidAt, now: now,
                citation: rules.payment.deadline.citation
            ))
            if account.isLate(at: now) {
                clocks.append(surchargeClock(item, account: account, paymentDue: paymentDue, rules: rules, now: now))
            }
            if let reminder = item.reminders.last {
                clocks.append(partyClock(
                    .reminderPeriod, from: reminder.at, due: rules.enforcement.reminderPeriod.end(after: reminder.at, calendar: rules.calendar),
                    ended: nil, now: now, citation: rules.enforcement.reminderPeriod.citation
                ))
            }
            if item.courtApplication != nil || account.isInArrears(at: now) {
                let opens = rules.enforcement.appealPeriodsEnd(afterServiceAt: service.effectiveAt, calendar: rules.calendar)
                var clock = agencyClock(
                    .courtApplication, from: opens, period: rules.enforcement.courtApplicationWindow, calendar: rules.calendar,
                    completed: item.courtApplication?.at, now: now
                )
                if clock.state == .running && account.paused { clock.state = .paused }
                clocks.append(clock)
            }
        }

        if let referral = item.criminalReferral {
            clocks.append(agencyClock(
                .transferDecision, from: referral.reportedAt, period: rules.criminalTransfer.headDecision, calendar: rules.calendar,
                completed: referral.approvedAt ?? referral.declined?.at, now: now
            ))
            if let approvedAt = referral.approvedAt {
                clocks.append(agencyClock(
                    .transfer, from: approvedAt, period: rules.criminalTransfer.transferAfterApproval, calendar: rules.calendar,
                    completed: referral.transferredAt, now: now
                ))
            }
        }
        return clocks
    }

    /// The late-surcharge clock: `dueAt` is the day the cap is (or, projected without further pauses, will be) reached.
    private static func surchargeClock(
        _ item: EnforcementCase, account: FineAccount, paymentDue: Date, rules: ProcedureRuleSet, now: Date
    ) -> StatutoryClock {
        let cap = rules.payment.surcharge.daysToCap
        let capDate: Date
        if let day = account.capReachedDay(appeals: item.appeals, rules: rules) {
            capDate = ChinaTime.endOfDay(day, after: paymentDue)
        } else {
            capDate = ChinaTime.endOfDay(cap - account.surchargeDays, after: min(now, account.finePaidAt ?? now))
        }
        let state: StatutoryClock.State
        if account.finePaidAt != nil {
            state = .met
        } else if account.paused {
            state = .paused
        } else if account.surchargeDays >= cap {
            state = .overdue
        } else {
            state = .running
        }
        return StatutoryClock(
            kind: .lateSurcharge, startedAt: paymentDue, dueAt: capDate, state: state,
            daysLeft: state == .met ? nil : ChinaTime.calendarDays(from: now, to: capDate),
            completedAt: account.finePaidAt, amount: account.surcharge, citation: rules.payment.surcharge.citation
        )
    }

    /// An agency's deadline: met when done by `due`, overdue when done late or not done by now.
    private static func agencyClock(
        _ kind: StatutoryClock.Kind, from start: Date, period: StatutoryPeriod, calendar: WorkCalendar, completed: Date?, now: Date
    ) -> StatutoryClock {
        agencyClock(kind, from: start, due: period.end(after: start, calendar: calendar), completed: completed, now: now, citation: period.citation)
    }

    private static func agencyClock(
        _ kind: StatutoryClock.Kind, from start: Date, due: Date, completed: Date?, now: Date, citation: Citation
    ) -> StatutoryClock {
        let state: StatutoryClock.State
        if let completed {
            state = completed <= due ? .met : .overdue
        } else {
            state = now > due ? .overdue : .running
        }
        return StatutoryClock(
            kind: kind, startedAt: start, dueAt: due, state: state,
            daysLeft: completed == nil ? ChinaTime.calendarDays(from: now, to: due) : nil,
            completedAt: completed, citation: citation
        )
    }

    /// A party's period: running until it ends or the party ends it; then met.
    private static func partyClock(
        _ kind: StatutoryClock.Kind, from start: Date, due: Date, ended: Date?, now: Date, citation: Citation
    ) -> StatutoryClock {
        let over = ended != nil || now > due
        return StatutoryClock(
            kind: kind, startedAt: start, dueAt: due, state: over ? .met : .running,
            daysLeft: over ? nil : ChinaTime.calendarDays(from: now, to: due),
            completedAt: ended ?? (now > due ? due : nil), citation: citation
        )
    }
}
