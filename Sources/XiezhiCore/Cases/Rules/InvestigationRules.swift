/// 调查取证 — who may investigate (行政处罚法 Art. 42: at least two certified officers).
public struct InvestigationRules: Hashable, Codable, Sendable {
    /// The smallest number of certified officers on a case (and on an on-the-spot decision).
    public var minimumOfficers: StatutoryCount

    /// Creates the value with every field given.
    public init(minimumOfficers: StatutoryCount) {
        self.minimumOfficers = minimumOfficers
    }
}
