/// 车辆 — a vehicle known to the system: its key (plate and colour) and what else is known about it.
public struct Vehicle: Hashable, Codable, Sendable, CustomStringConvertible {
    /// Plate number and plate colour.
    public var key: VehicleKey
    /// The vehicle's class, when known.
    public var kind: VehicleKind?
    /// 车主 — the registered owner, when known.
    public var owner: Owner?
    /// 运输企业 — the carrier operating the vehicle, by credit code, when known (see ``Carrier``).
    public var carrier: UnifiedSocialCreditCode?

    /// A vehicle; only the key is required.
    public init(key: VehicleKey, kind: VehicleKind? = nil, owner: Owner? = nil, carrier: UnifiedSocialCreditCode? = nil) {
        self.key = key
        self.kind = kind
        self.owner = owner
        self.carrier = carrier
    }

    /// The subject key of the vehicle itself (``SubjectKey/vehicle(_:)``).
    public var subjectKey: SubjectKey { .vehicle(key) }

    /// The key's string form, e.g. `浙F12345:yellow`.
    public var description: String { key.description }
}
