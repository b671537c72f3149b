/// Who takes an action on a case: an account with its role, agency and certificate status.
///
/// Named `CaseActor`, not `Actor`, so as not to shadow Swift's `Actor` protocol in modules that import XiezhiCore.
public struct CaseActor: Hashable, Codable, Sendable {
    /// The account id.
    public var accountId: String
    /// The account's role.
    public var role: Role
    /// The account's agency; only the case's own agency may act on it.
    public var jurisdiction: JurisdictionCode
    /// Whether the account holds a valid enforcement certificate (执法证).
    public var certified: Bool

    /// Creates the value with every field given.
    public init(accountId: String, role: Role, jurisdiction: JurisdictionCode, certified: Bool) {
        self.accountId = accountId
        self.role = role
        self.jurisdiction = jurisdiction
        self.certified = certified
    }
}
