import Foundation

/// 送达回证 — how and when the decision was served.
public struct ServiceRecord: Hashable, Codable, Sendable {
    /// The method.
    public var method: ServiceMethod
    /// When it was delivered (or, for an announcement, published).
    public var at: Date
    /// When service takes effect: `at`, or the end of the announcement period. The payment period counts from here.
    public var effectiveAt: Date
    /// Who received it (name), or where it was announced.
    public var recipient: String
    /// The proof: a 送达回证 number, a tracking number, a system receipt.
    public var proof: String
    /// The 送达地址确认书 relied on, for electronic service.
    public var consentReference: String?
    /// Who served it (account id).
    public var servedBy: String

    /// Creates the value with every field given.
    public init(
        method: ServiceMethod, at: Date, effectiveAt: Date, recipient: String, proof: String,
        consentReference: String? = nil, servedBy: String
    ) {
        self.method = method
        self.at = at
        self.effectiveAt = effectiveAt
        self.recipient = recipient
        self.proof = proof
        self.consentReference = consentReference
        self.servedBy = servedBy
    }
}
