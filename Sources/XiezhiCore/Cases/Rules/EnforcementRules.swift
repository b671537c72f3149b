import Foundation

/// 强制执行 — 催告 and the application to the people's court (行政强制法 Arts. 53–54) and the appeal periods they wait for.
public struct EnforcementRules: Hashable, Codable, Sendable {
    /// After the 催告书 is served, wait this long before applying to the court (Art. 54: 10 days).
    public var reminderPeriod: StatutoryPeriod
    /// Apply to the court within this period after the review and litigation periods have passed (Art. 53: 3 months).
    public var courtApplicationWindow: StatutoryPeriod
    /// 行政复议 period counted from service (60 days).
    public var reviewPeriod: StatutoryPeriod
    /// 行政诉讼 period counted from service (6 months).
    public var litigationPeriod: StatutoryPeriod

    /// Creates the value with every field given.
    public init(
        reminderPeriod: StatutoryPeriod, courtApplicationWindow: StatutoryPeriod,
        reviewPeriod: StatutoryPeriod, litigationPeriod: StatutoryPeriod
    ) {
        self.reminderPeriod = reminderPeriod
        self.courtApplicationWindow = courtApplicationWindow
        self.reviewPeriod = reviewPeriod
        self.litigationPeriod = litigationPeriod
    }

    /// The instant both appeal periods have passed for a decision served at `service`.
    public func appealPeriodsEnd(afterServiceAt service: Date, calendar: WorkCalendar) -> Date {
        max(reviewPeriod.end(after: service, calendar: calendar), litigationPeriod.end(after: service, calendar: calendar))
    }
}
