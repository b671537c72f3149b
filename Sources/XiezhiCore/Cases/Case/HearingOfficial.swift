/// 听证主持人 — the official chairing a hearing, who may not be one of the case's investigators (行政处罚法 Art. 64).
public struct HearingOfficial: Hashable, Codable, Sendable {
    /// The official's account id.
    public var accountId: String
    /// The official's name.
    public var name: String

    /// Creates the value with every field given.
    public init(accountId: String, name: String) {
        self.accountId = accountId
        self.name = name
    }
}
