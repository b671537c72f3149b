import Foundation

/// 罚款账目 — what a case's party owes at a given moment: the fine, the late surcharge so far, the payments.
///
/// The payment period runs from effective service (行政处罚法 Art. 67). The surcharge accrues per China calendar
/// day after the period's last day, at the rule's percentage of the fine, capped (Art. 72), stops on the day the
/// fine itself is paid in full, and does not accrue on days an appeal is pending (Art. 73): an appeal pauses the
/// days from the day it was filed up to, not including, the day it ended.
public struct FineAccount: Hashable, Sendable {
    /// The fine decided (zero when none, or when an appeal set the decision aside).
    public var fine: Money
    /// The end of the payment period, once the decision is served.
    public var paymentDueAt: Date?
    /// When payments first covered the fine, if they have.
    public var finePaidAt: Date?
    /// The days the surcharge has accrued (paused days excluded, counting stops at the cap).
    public var surchargeDays: Int
    /// The surcharge so far.
    public var surcharge: Money
    /// Whether an appeal is pending at the moment of the account.
    public var paused: Bool
    /// The total paid up to the moment of the account.
    public var paid: Money
    /// Fine plus surcharge minus payments, never below zero.
    public var outstanding: Money

    /// The account of `enforcementCase` at `at` under `rules`.
    public init(of enforcementCase: EnforcementCase, rules: ProcedureRuleSet, at: Date) {
        let revoked = enforcementCase.decisionRevoked
        let fine = revoked ? Money.zero : (enforcementCase.decision?.fineTotal ?? .zero)
        self.fine = fine
        let payments = enforcementCase.payments.filter { $0.paidAt <= at }.sorted { $0.paidAt < $1.paidAt }
        self.paid = payments.reduce(Money.zero) { $0 + $1.amount }
        var running = Money.zero
        var finePaidAt: Date?
        for payment in payments where fine > .zero {
            running += payment.amount
            if running >= fine { finePaidAt = payment.paidAt; break }
        }
        self.finePaidAt = finePaidAt
        self.paused = enforcementCase.appeals.contains { $0.filedAt <= at && ($0.concludedAt.map { $0 > at } ?? true) }
            && rules.payment.pausedDuringAppeal.applies

        guard let service = enforcementCase.service, fine > .zero else {
            self.paymentDueAt = enforcementCase.service.map { rules.payment.deadline.end(after: $0.effectiveAt, calendar: rules.calendar) }
            self.surchargeDays = 0
            self.surcharge = .zero
            self.outstanding = Money(fen: max(0, fine.fen - paid.fen))
            return
        }
        let due = rules.payment.deadline.end(after: service.effectiveAt, calendar: rules.calendar)
        self.paymentDueAt = due
        let stop = min(at, finePaidAt ?? at)
        let days = Self.accruingDays(
            due: due, until: stop, appeals: enforcementCase.appeals,
            pauses: rules.payment.pausedDuringAppeal.applies, cap: rules.payment.surcharge.daysToCap
        )
        self.surchargeDays = days
        self.surcharge = rules.payment.surcharge.surcharge(on: fine, days: days)
        self.outstanding = Money(fen: max(0, fine.fen + surcharge.fen - paid.fen))
    }

    /// Whether, at `at`, the payment period has ended and something (fine or surcharge) is still owed.
    public func isInArrears(at: Date) -> Bool {
        guard let paymentDueAt else { return false }
        return at > paymentDueAt && outstanding > .zero
    }

    /// Whether the fine was not paid in full by the end of the payment period (as seen at `at`).
    public func isLate(at: Date) -> Bool {
        guard let paymentDueAt, fine > .zero, at > paymentDueAt else { return false }
        return finePaidAt.map { $0 > paymentDueAt } ?? true
    }

    /// The China calendar day (counted after the payment period's last day) on which the cap was reached,
    /// if it has been.
    func capReachedDay(appeals: [Appeal], rules: ProcedureRuleSet) -> Int? {
        let cap = rules.payment.surcharge.daysToCap
        guard let paymentDueAt, surchargeDays >= cap else { return nil }
        let paused = Self.pausedRanges(due: paymentDueAt, appeals: appeals, pauses: rules.payment.pausedDuringAppeal.applies)
        var counted = 0
        var day = 0
        while counted < cap {
            day += 1
            if !paused.contains(where: { $0.contains(day) }) { counted += 1 }
        }
        return day
    }

    /// Accruing days after `due` up to `until`: China calendar days 1…N after the due day, minus paused days.
    static func accruingDays(due: Date, until: Date, appeals: [Appeal], pauses: Bool, cap: Int) -> Int {
        let total = ChinaTime.calendarDays(from: due, to: until)
        guard total > 0 else { return 0 }
        let paused = pausedRanges(due: due, appeals: appeals, pauses: pauses)
        var days = 0
        for day in 1...total where !paused.contains(where: { $0.contains(day) }) {
            days += 1
            if days >= cap { break }
        }
        return days
    }

    /// The day numbers (after the due day) on which each appeal was pending: from its filing day up to, not
    /// including, its conclusion day.
    private static func pausedRanges(due: Date, appeals: [Appeal], pauses: Bool) -> [Range<Int>] {
        guard pauses else { return [] }
        return appeals.compactMap { appeal in
            let from = ChinaTime.calendarDays(from: due, to: appeal.filedAt)
            let to = appeal.concludedAt.map { ChinaTime.calendarDays(from: due, to: $0) } ?? Int.max
            return from < to ? from..<to : nil
        }
    }
}
