/// A legal amount of money read from the rule tables (a threshold or a cap), in whole yuan, with its citation.
public struct StatutoryAmount: Hashable, Codable, Sendable {
    /// The amount in whole yuan, as written in the rule (e.g. `200`).
    public var yuan: Int
    /// The article the amount comes from, with its confidence.
    public var citation: Citation
    /// Doubts or local practice; may be empty.
    public var note: String?

    /// Creates the value with every field given.
    public init(yuan: Int, citation: Citation, note: String? = nil) {
        self.yuan = yuan
        self.citation = citation
        self.note = note
    }

    /// The amount as ``Money``.
    public var money: Money { Money(yuan: yuan) }
}
