/// An amount in whole yuan with the article it comes from: a cap (最高不得超过30000元) in a benchmark, a threshold
/// (较大数额, the summary-procedure limit) in the procedure rules.
public struct CitedAmount: Hashable, Sendable, Codable {
    /// Whole yuan.
    public var yuan: Int
    /// The article the amount comes from.
    public var citation: Citation
    /// Free text for the legal office.
    public var note: String?

    /// Creates an amount with its citation.
    public init(yuan: Int, citation: Citation, note: String? = nil) {
        self.yuan = yuan
        self.citation = citation
        self.note = note
    }

    /// The amount as ``Money``.
    public var money: Money { Money(yuan: yuan) }

    private enum CodingKeys: String, CodingKey { case yuan, citation, note }

    public init(from decoder: any Decoder) throws {
        try BenchmarkDecoding.rejectUnknownKeys(in: decoder, allowed: ["yuan", "citation", "note"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        yuan = try container.decode(Int.self, forKey: .yuan)
        citation = try container.citation(.citation, in: decoder)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        try BenchmarkDecoding.require(
            yuan >= 0 && yuan <= PlausibleBound.yuan, decoder, "an amount (cap) must be ≥ 0 yuan (and at most \(PlausibleBound.yuan)), got \(yuan)"
        )
    }
}
