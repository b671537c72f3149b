import Foundation

/// 申请人民法院强制执行 — the agency's application to the court to enforce the decision (行政强制法 Art. 53).
public struct CourtApplication: Hashable, Codable, Sendable {
    /// When it was filed.
    public var at: Date
    /// Who approved it (account id).
    public var by: String
    /// The court.
    public var court: String
    /// The application's document number.
    public var reference: String

    /// Creates the value with every field given.
    public init(at: Date, by: String, court: String, reference: String) {
        self.at = at
        self.by = by
        self.court = court
        self.reference = reference
    }
}
