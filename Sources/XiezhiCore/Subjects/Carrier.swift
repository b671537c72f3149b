/// 运输企业 — a transport undertaking: its name, unified social credit code and, where known, its road transport
/// operating permit (道路运输经营许可证).
///
/// The permit number is kept as written (white space removed, full-width folded, letters upper-cased): its layout
/// differs between provinces and issuing years, so it is not validated beyond being non-empty when given.
public struct Carrier: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The registered name, e.g. `嘉兴市某某物流有限公司`, surrounding white space trimmed.
    public let name: String
    /// 统一社会信用代码 — the undertaking's code; the key of its cases and credit records.
    public let creditCode: UnifiedSocialCreditCode
    /// 道路运输经营许可证号 — the road transport operating permit number, when known.
    public let roadTransportPermitNumber: String?

    /// A carrier; throws `invalid_name` for an empty name. A blank permit number counts as none.
    public init(name: String, creditCode: UnifiedSocialCreditCode, roadTransportPermitNumber: String? = nil) throws(DomainError) {
        self.name = try IdentifierText.name(name, of: "carrier")
        self.creditCode = creditCode
        let permit = IdentifierText.compacted(roadTransportPermitNumber ?? "")
        self.roadTransportPermitNumber = permit.isEmpty ? nil : permit
    }

    /// The subject key under which the carrier's cases and credit records are kept (``SubjectKey/organisation(_:)``).
    public var subjectKey: SubjectKey { .organisation(creditCode) }

    /// `name (credit code)`.
    public var description: String { "\(name) (\(creditCode.value))" }

    private enum CodingKeys: String, CodingKey {
        case name, creditCode, roadTransportPermitNumber
    }

    /// Decodes through the validating initialisers.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            name: container.decode(String.self, forKey: .name),
            creditCode: container.decode(UnifiedSocialCreditCode.self, forKey: .creditCode),
            roadTransportPermitNumber: container.decodeIfPresent(String.self, forKey: .roadTransportPermitNumber)
        )
    }
}
