import Foundation

/// 立案 — the approved filing (立案登记表, 交通运输行政执法程序规定 Art. 63) and the officers assigned (Art. 42).
public struct Filing: Hashable, Codable, Sendable {
    /// When the agency head approved the filing; the decision limit counts from here.
    public var at: Date
    /// The approving agency head's account id.
    public var approvedBy: String
    /// The officers who investigate (at least two, certified).
    public var officers: [FilingOfficer]
    /// The 立案登记表 number.
    public var registerNumber: String

    /// Creates the value with every field given.
    public init(at: Date, approvedBy: String, officers: [FilingOfficer], registerNumber: String) {
        self.at = at
        self.approvedBy = approvedBy
        self.officers = officers
        self.registerNumber = registerNumber
    }
}
