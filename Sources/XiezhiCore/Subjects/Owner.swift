/// 车主 / 船东 — the owner of a vehicle or ship: a natural person identified by the resident ID number, or an
/// organisation identified by its unified social credit code.
///
/// JSON: `{"kind":"person","name":…,"idNumber":…}` or `{"kind":"organisation","name":…,"creditCode":…}`; both
/// identifiers decode through their validating initialisers. `description` masks a person's ID number.
public enum Owner: Hashable, Codable, Sendable, CustomStringConvertible {
    /// 自然人 — a person.
    case person(name: String, idNumber: ResidentIDNumber)
    /// 单位 — an organisation.
    case organisation(name: String, creditCode: UnifiedSocialCreditCode)

    /// A person owner; throws `invalid_name` for an empty name (surrounding white space is trimmed).
    public static func person(named name: String, idNumber: ResidentIDNumber) throws(DomainError) -> Owner {
        .person(name: try IdentifierText.name(name, of: "owner"), idNumber: idNumber)
    }

    /// An organisation owner; throws `invalid_name` for an empty name (surrounding white space is trimmed).
    public static func organisation(named name: String, creditCode: UnifiedSocialCreditCode) throws(DomainError) -> Owner {
        .organisation(name: try IdentifierText.name(name, of: "owner"), creditCode: creditCode)
    }

    /// The owner's name.
    public var name: String {
        switch self {
        case .person(let name, _), .organisation(let name, _): name
        }
    }

    /// The subject key of the owner: ``SubjectKey/person(_:)`` or ``SubjectKey/organisation(_:)``.
    public var subjectKey: SubjectKey {
        switch self {
        case .person(_, let idNumber): .person(idNumber)
        case .organisation(_, let creditCode): .organisation(creditCode)
        }
    }

    /// `name (masked ID number)` or `name (credit code)`.
    public var description: String {
        switch self {
        case .person(let name, let idNumber): "\(name) (\(idNumber.masked))"
        case .organisation(let name, let creditCode): "\(name) (\(creditCode.value))"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case kind, name, idNumber, creditCode
    }

    /// Decodes `kind` then the matching identifier; an unknown kind is refused with `invalid_owner`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        let name = try container.decode(String.self, forKey: .name)
        switch kind {
        case "person":
            self = try .person(named: name, idNumber: container.decode(ResidentIDNumber.self, forKey: .idNumber))
        case "organisation":
            self = try .organisation(named: name, creditCode: container.decode(UnifiedSocialCreditCode.self, forKey: .creditCode))
        default:
            throw DomainError(code: "invalid_owner", reason: "'\(kind)' is not an owner kind (person, organisation).")
        }
    }

    /// Encodes `kind`, `name` and the identifier (the full ID number: this is for storage).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .person(let name, let idNumber):
            try container.encode("person", forKey: .kind)
            try container.encode(name, forKey: .name)
            try container.encode(idNumber, forKey: .idNumber)
        case .organisation(let name, let creditCode):
            try container.encode("organisation", forKey: .kind)
            try container.encode(name, forKey: .name)
            try container.encode(creditCode, forKey: .creditCode)
        }
    }
}
