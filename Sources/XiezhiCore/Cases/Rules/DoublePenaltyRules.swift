/// 一事不再罚 — one act is not fined twice (行政处罚法 Art. 29), with a per-kind window for "the same act".
public struct DoublePenaltyRules: Hashable, Codable, Sendable {
    /// The article.
    public var principle: Citation
    /// The window for kinds without their own entry.
    public var defaultWindow: StatutoryPeriod
    /// Per-kind windows.
    public var windows: [DoublePenaltyWindow]

    /// Creates the value with every field given.
    public init(principle: Citation, defaultWindow: StatutoryPeriod, windows: [DoublePenaltyWindow]) {
        self.principle = principle
        self.defaultWindow = defaultWindow
        self.windows = windows
    }

    /// The window for `violationKind`.
    public func window(for violationKind: String) -> StatutoryPeriod {
        windows.first { $0.violationKind == violationKind }?.window ?? defaultWindow
    }
}
