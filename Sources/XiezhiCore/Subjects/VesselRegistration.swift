/// 船舶登记信息 — what the ship registry holds about a vessel, as far as enforcement uses it.
///
/// Dimensions are the registered ones, in metres (a checkpoint's laser measurement is compared with them); tonnage is
/// gross tonnage. Throws `invalid_vessel_registration` for a dimension or tonnage that is not positive.
public struct VesselRegistration: Hashable, Codable, Sendable {
    /// 船舶识别号 — the ship identification number (e.g. `CN` followed by digits), as written.
    public let identificationNumber: String?
    /// 船籍港 — the port of registry, e.g. `嘉兴`.
    public let portOfRegistry: String?
    /// 船舶所有人 — the registered owner.
    public let owner: Owner?
    /// 船舶经营人 — the operator, by credit code, when it is not the owner.
    public let operatorCreditCode: UnifiedSocialCreditCode?
    /// 总长 — overall length, metres.
    public let lengthMetres: Double?
    /// 型宽 — beam, metres.
    public let beamMetres: Double?
    /// 总吨 — gross tonnage.
    public let grossTonnage: Double?

    /// A registry record; every field is optional. Text fields are trimmed and blank ones dropped.
    public init(
        identificationNumber: String? = nil,
        portOfRegistry: String? = nil,
        owner: Owner? = nil,
        operatorCreditCode: UnifiedSocialCreditCode? = nil,
        lengthMetres: Double? = nil,
        beamMetres: Double? = nil,
        grossTonnage: Double? = nil
    ) throws(DomainError) {
        for (label, value) in [("length", lengthMetres), ("beam", beamMetres), ("gross tonnage", grossTonnage)] {
            if let value, !(value > 0 && value.isFinite) {
                throw DomainError(code: "invalid_vessel_registration", reason: "The registered \(label) must be a positive number, got \(value).")
            }
        }
        let identification = IdentifierText.compacted(identificationNumber ?? "")
        self.identificationNumber = identification.isEmpty ? nil : identification
        let port = IdentifierText.removingWhitespace(portOfRegistry ?? "")
        self.portOfRegistry = port.isEmpty ? nil : port
        self.owner = owner
        self.operatorCreditCode = operatorCreditCode
        self.lengthMetres = lengthMetres
        self.beamMetres = beamMetres
        self.grossTonnage = grossTonnage
    }

    private enum CodingKeys: String, CodingKey {
        case identificationNumber, portOfRegistry, owner, operatorCreditCode, lengthMetres, beamMetres, grossTonnage
    }

    /// Decodes through ``init(identificationNumber:portOfRegistry:owner:operatorCreditCode:lengthMetres:beamMetres:grossTonnage:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            identificationNumber: container.decodeIfPresent(String.self, forKey: .identificationNumber),
            portOfRegistry: container.decodeIfPresent(String.self, forKey: .portOfRegistry),
            owner: container.decodeIfPresent(Owner.self, forKey: .owner),
            operatorCreditCode: container.decodeIfPresent(UnifiedSocialCreditCode.self, forKey: .operatorCreditCode),
            lengthMetres: container.decodeIfPresent(Double.self, forKey: .lengthMetres),
            beamMetres: container.decodeIfPresent(Double.self, forKey: .beamMetres),
            grossTonnage: container.decodeIfPresent(Double.self, forKey: .grossTonnage)
        )
    }
}
