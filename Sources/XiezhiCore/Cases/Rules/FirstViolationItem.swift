/// One entry of an agency's published 首违不罚 list: a violation kind that may go unpunished the first time.
public struct FirstViolationItem: Hashable, Codable, Sendable {
    /// The violation kind id, as in the violation catalogue (e.g. `road_transport_certificate_not_carried`).
    public var violationKind: String
    /// The entry as published, in Chinese, including its conditions (the deciding official checks them).
    public var description: String
    /// Where the entry comes from, with its confidence.
    public var citation: Citation
    /// Doubts; may be empty.
    public var note: String?

    /// Creates the value with every field given.
    public init(violationKind: String, description: String, citation: Citation, note: String? = nil) {
        self.violationKind = violationKind
        self.description = description
        self.citation = citation
        self.note = note
    }
}
