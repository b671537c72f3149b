/// A legal count read from the rule tables (a minimum number of officers, a maximum number of extensions).
public struct StatutoryCount: Hashable, Codable, Sendable {
    /// The count, e.g. `2`.
    public var count: Int
    /// The article the count comes from, with its confidence.
    public var citation: Citation
    /// Doubts or local practice; may be empty.
    public var note: String?

    /// Creates the value with every field given.
    public init(count: Int, citation: Citation, note: String? = nil) {
        self.count = count
        self.citation = citation
        self.note = note
    }
}
