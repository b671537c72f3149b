/// A yes/no procedural rule read from the rule tables (e.g. "electronic service needs the party's consent").
public struct RuleFlag: Hashable, Codable, Sendable {
    /// Whether the rule applies in this jurisdiction.
    public var applies: Bool
    /// The article the rule comes from, with its confidence.
    public var citation: Citation
    /// Doubts or local practice; may be empty.
    public var note: String?

    /// Creates the value with every field given.
    public init(applies: Bool, citation: Citation, note: String? = nil) {
        self.applies = applies
        self.citation = citation
        self.note = note
    }
}
