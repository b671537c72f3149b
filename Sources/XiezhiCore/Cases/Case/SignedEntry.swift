import Foundation

/// A dated, signed entry in the case file: a refusal to file, an extension, a 催告书, a 结案报告, a summary filing.
public struct SignedEntry: Hashable, Codable, Sendable {
    /// When it was made.
    public var at: Date
    /// Who made it (account id).
    public var by: String
    /// The reason, report or document number, as written.
    public var text: String

    /// Creates the value with every field given.
    public init(at: Date, by: String, text: String) {
        self.at = at
        self.by = by
        self.text = text
    }
}
