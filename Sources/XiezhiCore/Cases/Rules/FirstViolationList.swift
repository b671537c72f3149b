/// 首违不罚清单 — the agency's published list of first violations that may go unpunished (行政处罚法 Art. 33).
public struct FirstViolationList: Hashable, Codable, Sendable {
    /// The article that allows the waiver.
    public var principle: Citation
    /// The published entries (empty where the jurisdiction has no list).
    public var items: [FirstViolationItem]
    /// Where the list comes from and how sure we are of it.
    public var note: String?

    /// Creates the value with every field given.
    public init(principle: Citation, items: [FirstViolationItem], note: String? = nil) {
        self.principle = principle
        self.items = items
        self.note = note
    }

    /// The entry for `violationKind`, if the list has one.
    public func item(for violationKind: String) -> FirstViolationItem? {
        items.first { $0.violationKind == violationKind }
    }
}
