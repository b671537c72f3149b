import Foundation
import XiezhiCore
import XiezhiStore

/// The command centre's headline figures for an agency: today's alerts, open cases, statutory clocks about to run out
/// (or already overdue), partner requests waiting, dispatch orders in progress, and this year's non-site share.
struct CommandFigures: Encodable, Sendable {
    var jurisdiction: JurisdictionCode
    var at: Date
    /// Today (China time) by alert status: open, case_opened, dismissed.
    var alertsToday: [String: Int]
    var alertsTodayTotal: Int
    var openCases: Int
    /// Running clocks due within ``clockHorizonDays`` days, and overdue ones.
    var clocksDueSoon: Int
    var clocksOverdue: Int
    var clockHorizonDays: Int
    var partnerRequestsWaiting: Int
    /// Clue referrals (移交) waiting for acceptance, either way, and those past the agreement's acceptance deadline
    /// (node-wide: referrals belong to the node, not to one of the agencies it hosts).
    var referralsWaiting: Int
    var referralsOverdue: Int
    var ordersActive: Int
    var ordersEscalated: Int
    var unitsOnDuty: Int
    var unitsBusy: Int
    /// This year's non-site share of penalty cases (nil without decided cases), and the target.
    var nonSiteSharePercent: Double?
    var nonSiteShareTargetPercent: Int
    /// Today's checkpoint identification rate over all checkpoints (percent), when there were passages today.
    var identificationRatePercent: Double?

    /// How far ahead a clock counts as about to run out.
    static let clockHorizonDays = 3

    init(node: Node, jurisdiction: JurisdictionCode) throws {
        let now = node.now()
        let rules = node.rules.current
        let today = CalendarDate(chinaDateOf: now)
        self.jurisdiction = jurisdiction
        at = now
        alertsToday = try AlertStore(database: node.database, signingKey: nil).counts(for: jurisdiction, since: today.startInChina)
        alertsTodayTotal = alertsToday.values.reduce(0, +)
        let cases = try CaseStore(database: node.database, signingKey: nil).list(jurisdiction: jurisdiction, stages: [], violationKind: nil, subjectContains: nil)
        let open = cases.filter { !$0.stage.isTerminal }
        openCases = open.count
        clockHorizonDays = Self.clockHorizonDays
        let horizon = now.addingTimeInterval(TimeInterval(Self.clockHorizonDays * 24 * 3600))
        var dueSoon = 0
        var overdue = 0
        for value in open {
            for clock in CaseClocks.compute(value, rules: rules.procedure, now: now) {
                if clock.isOverdue { overdue += 1 } else if clock.state == .running, clock.dueAt <= horizon { dueSoon += 1 }
            }
        }
        clocksDueSoon = dueSoon
        clocksOverdue = overdue
        partnerRequestsWaiting = try PartnerRequestStore(database: node.database).waitingCount(for: jurisdiction)
        let referrals = try ReferralStore(database: node.database, signingKey: nil).list(now: now, overdueOnly: false).filter { $0.status == .referred }
        referralsWaiting = referrals.count
        referralsOverdue = referrals.filter(\.overdue).count
        let orders = try DispatchStore(database: node.database, signingKey: nil).orders(for: jurisdiction, activeOnly: true, limit: 1000)
        ordersActive = orders.count
        ordersEscalated = orders.filter { $0.escalatedAt != nil }.count
        let units = try UnitStore(database: node.database, signingKey: nil).all().filter { $0.jurisdiction == jurisdiction }
        unitsOnDuty = units.filter { $0.status == .onDuty }.count
        unitsBusy = units.filter { $0.status == .busy }.count
        let year = CalendarDate(year: today.year, month: 1, day: 1)!
        let figures = YearlyFigures(
            cases: cases, jurisdiction: jurisdiction, from: year.startInChina, to: today.adding(days: 1).startInChina, rules: rules.yearlyReport)
        nonSiteSharePercent = figures.nonSiteSharePercent
        nonSiteShareTargetPercent = figures.nonSiteShareTargetPercent
        // All checkpoints the node judges (a checkpoint serves the waterway, not one agency's cases).
        let rates = try WaterwayStore(database: node.database).identificationRates(day: today)
        let passages = rates.reduce(0) { $0 + $1.passages }
        identificationRatePercent = passages == 0 ? nil : (Double(rates.reduce(0) { $0 + $1.identified }) * 10_000 / Double(passages)).rounded() / 100
    }
}
