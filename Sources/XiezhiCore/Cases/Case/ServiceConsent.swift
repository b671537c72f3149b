import Foundation

/// 送达地址确认书 — the party's signed consent to electronic service, with the addresses it accepts
/// (交通运输行政执法程序规定 Art. 18).
public struct ServiceConsent: Hashable, Codable, Sendable {
    /// The confirmation's document number.
    public var reference: String
    /// The electronic addresses consented to (e-mail, mobile number, platform account).
    public var addresses: [String]
    /// When the party signed it.
    public var signedAt: Date

    /// Creates the value with every field given.
    public init(reference: String, addresses: [String], signedAt: Date) {
        self.reference = reference
        self.addresses = addresses
        self.signedAt = signedAt
    }
}
