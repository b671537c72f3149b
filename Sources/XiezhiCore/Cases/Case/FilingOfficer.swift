/// 承办执法人员 — an officer named on the case, with the number of their enforcement certificate (执法证).
public struct FilingOfficer: Hashable, Codable, Sendable {
    /// The officer's account id.
    public var accountId: String
    /// The officer's name.
    public var name: String
    /// The enforcement certificate number.
    public var certificateNumber: String

    /// Creates the value with every field given.
    public init(accountId: String, name: String, certificateNumber: String) {
        self.accountId = accountId
        self.name = name
        self.certificateNumber = certificateNumber
    }
}
