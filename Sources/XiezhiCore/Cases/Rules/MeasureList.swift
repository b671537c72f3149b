/// A list of penalty kinds that trigger a procedural rule (hearing rights, legal review, summary procedure).
public struct MeasureList: Hashable, Codable, Sendable {
    /// The penalty kinds the rule names.
    public var measures: [MeasureKind]
    /// The article that names them, with its confidence.
    public var citation: Citation
    /// Doubts or local practice; may be empty.
    public var note: String?

    /// Creates the value with every field given.
    public init(measures: [MeasureKind], citation: Citation, note: String? = nil) {
        self.measures = measures
        self.citation = citation
        self.note = note
    }

    /// Whether `kind` is on the list.
    public func contains(_ kind: MeasureKind) -> Bool { measures.contains(kind) }
}
