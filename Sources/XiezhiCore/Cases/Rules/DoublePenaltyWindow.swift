/// What counts as "the same act" for one violation kind under 一事不再罚: same subject, same kind, act times within
/// `window` of each other.
public struct DoublePenaltyWindow: Hashable, Codable, Sendable {
    /// The violation kind id, e.g. `overload`.
    public var violationKind: String
    /// The largest distance between two act times that still makes them one act.
    public var window: StatutoryPeriod
    /// In Chinese, what the window stands for (e.g. 同一车辆同一次运输).
    public var sameAct: String

    /// Creates the value with every field given.
    public init(violationKind: String, window: StatutoryPeriod, sameAct: String) {
        self.violationKind = violationKind
        self.window = window
        self.sameAct = sameAct
    }
}
