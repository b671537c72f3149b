/// 当事人 / 对象标识 — the stable key of whoever or whatever a case, a clue or a credit record is about, and the key
/// of the double-penalty check (一事不再罚, 行政处罚法 Art. 29): the same act of the same subject is fined once.
///
/// Keys are by legal identity, not by role: a company is `organisation` whether it acts as carrier (运输企业) or as
/// ship owner (船东), and a natural person is `person` whether driver or owner, so the double-penalty check sees one
/// party. ``carrier(_:)`` and ``driver(_:)`` build those keys under their role names.
///
/// String form (stable; stored, compared and exchanged between nodes):
/// - `vehicle:浙F12345:yellow` — a vehicle (plate and colour, ``VehicleKey``);
/// - `vessel:浙嘉兴货1234` — a ship by its registered name;
/// - `mmsi:413123456` — a ship known only by its AIS identity (name not yet resolved);
/// - `organisation:914403001922038216` — an organisation by its unified social credit code;
/// - `person:11010519491231002X` — a natural person by ID number.
/// ``init(_:)`` accepts any spelling the component types normalise and ``stringValue`` gives the canonical one, so
/// `SubjectKey(key.stringValue) == key`. `description` masks a person's ID number; ``stringValue`` and JSON do not.
public enum SubjectKey: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// A vehicle.
    case vehicle(VehicleKey)
    /// A ship by registered name.
    case vessel(VesselName)
    /// A ship by MMSI only.
    case mmsi(MMSI)
    /// An organisation (carrier, ship owner, shipper…) by credit code.
    case organisation(UnifiedSocialCreditCode)
    /// A natural person (driver, individual owner…) by ID number.
    case person(ResidentIDNumber)

    /// 运输企业 — a carrier's key: ``organisation(_:)``.
    public static func carrier(_ creditCode: UnifiedSocialCreditCode) -> SubjectKey { .organisation(creditCode) }

    /// 驾驶员 — a driver's key: ``person(_:)``.
    public static func driver(_ idNumber: ResidentIDNumber) -> SubjectKey { .person(idNumber) }

    /// Parses the string form; throws `invalid_subject_key` for an unknown prefix, or the component's own error
    /// (`invalid_plate`, `invalid_vessel_name`, …) for a bad identifier.
    public init(_ text: String) throws(DomainError) {
        guard let colon = text.firstIndex(of: ":") else {
            throw DomainError(code: "invalid_subject_key", reason: "'\(Self.redacted(text))' has no kind prefix; a subject key looks like vehicle:浙F12345:yellow.")
        }
        let kind = text[..<colon]
        let identifier = String(text[text.index(after: colon)...])
        switch kind {
        case "vehicle": self = .vehicle(try VehicleKey(identifier))
        case "vessel": self = .vessel(try VesselName(identifier))
        case "mmsi": self = .mmsi(try MMSI(identifier))
        case "organisation": self = .organisation(try UnifiedSocialCreditCode(identifier))
        case "person": self = .person(try ResidentIDNumber(identifier))
        default:
            throw DomainError(code: "invalid_subject_key", reason: "'\(kind)' is not a subject kind (vehicle, vessel, mmsi, organisation, person).")
        }
    }

    /// The kind prefix, e.g. `vehicle`.
    public var kind: String {
        switch self {
        case .vehicle: "vehicle"
        case .vessel: "vessel"
        case .mmsi: "mmsi"
        case .organisation: "organisation"
        case .person: "person"
        }
    }

    /// The canonical string form, e.g. `vehicle:浙F12345:yellow` (a person's full ID number included).
    public var stringValue: String {
        switch self {
        case .vehicle(let key): "vehicle:\(key.stringValue)"
        case .vessel(let name): "vessel:\(name.value)"
        case .mmsi(let mmsi): "mmsi:\(mmsi.value)"
        case .organisation(let code): "organisation:\(code.value)"
        case .person(let idNumber): "person:\(idNumber.value)"
        }
    }

    /// The string form with a person's ID number masked (`person:110105********002X`), for logs.
    public var description: String {
        if case .person(let idNumber) = self { return "person:\(idNumber.masked)" }
        return stringValue
    }

    /// Orders by the string form.
    public static func < (lhs: SubjectKey, rhs: SubjectKey) -> Bool { lhs.stringValue < rhs.stringValue }

    /// Decodes the string form through ``init(_:)``.
    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes ``stringValue``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(stringValue)
    }

    /// Error texts do not repeat what may be a person's ID number.
    private static func redacted(_ text: String) -> String {
        text.count > 12 ? String(text.prefix(6)) + "…" : text
    }
}
