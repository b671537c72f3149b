/// 听证笔录 — the record of a hearing held.
public struct HearingRecord: Hashable, Codable, Sendable {
    /// Who chaired it (not an investigator of the case).
    public var chair: HearingOfficial
    /// Whether the party (or its representative) attended.
    public var partyAttended: Bool
    /// What was heard, in Chinese.
    public var summary: String

    /// Creates the value with every field given.
    public init(chair: HearingOfficial, partyAttended: Bool, summary: String) {
        self.chair = chair
        self.partyAttended = partyAttended
        self.summary = summary
    }
}
