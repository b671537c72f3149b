import Foundation

/// 缴款 — a payment toward the fine and any late surcharge (paid to the bank, 行政处罚法 Art. 67).
public struct FinePayment: Hashable, Codable, Sendable {
    /// The amount paid.
    public var amount: Money
    /// When it was paid (the bank's time).
    public var paidAt: Date
    /// The bank or e-payment reference.
    public var reference: String
    /// Who recorded it (account id).
    public var recordedBy: String

    /// Creates the value with every field given.
    public init(amount: Money, paidAt: Date, reference: String, recordedBy: String) {
        self.amount = amount
        self.paidAt = paidAt
        self.reference = reference
        self.recordedBy = recordedBy
    }
}
