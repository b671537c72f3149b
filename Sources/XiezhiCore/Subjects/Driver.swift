/// 驾驶员 — a driver: name, resident ID number and road-transport qualification certificate (从业资格证).
///
/// The qualification certificate number is, for most drivers, the ID number itself; when none is given it defaults to
/// it. `description` masks the ID number (and the certificate number when it is the ID number).
public struct Driver: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The driver's name as on the ID card, surrounding white space trimmed.
    public let name: String
    /// 公民身份号码 — the ID number.
    public let idNumber: ResidentIDNumber
    /// 从业资格证号 — the qualification certificate number (white space trimmed).
    public let qualificationCertificateNumber: String

    /// A driver; throws `invalid_name` for an empty name. A `nil` or blank certificate number means the ID number.
    public init(name: String, idNumber: ResidentIDNumber, qualificationCertificateNumber: String? = nil) throws(DomainError) {
        self.name = try IdentifierText.name(name, of: "driver")
        self.idNumber = idNumber
        let certificate = IdentifierText.removingWhitespace(IdentifierText.foldingFullWidth(qualificationCertificateNumber ?? ""))
        self.qualificationCertificateNumber = certificate.isEmpty ? idNumber.value : IdentifierText.uppercasingASCII(certificate)
    }

    /// `true` when the certificate number is the ID number.
    public var certificateIsIDNumber: Bool { qualificationCertificateNumber == idNumber.value }

    /// The subject key under which the driver's cases and credit records are kept (``SubjectKey/person(_:)``).
    public var subjectKey: SubjectKey { .person(idNumber) }

    /// `张三 (330482********1234)`, never the full ID number.
    public var description: String { "\(name) (\(idNumber.masked))" }

    private enum CodingKeys: String, CodingKey {
        case name, idNumber, qualificationCertificateNumber
    }

    /// Decodes through the validating initialisers.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            name: container.decode(String.self, forKey: .name),
            idNumber: container.decode(ResidentIDNumber.self, forKey: .idNumber),
            qualificationCertificateNumber: container.decodeIfPresent(String.self, forKey: .qualificationCertificateNumber)
        )
    }
}
