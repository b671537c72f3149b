import Foundation

/// 电子运单 — an electronic dangerous-goods waybill (危险货物道路运输安全管理办法 Art. 24: the carrier makes it, the driver
/// carries it; one waybill per vehicle per trip in provincial practice).
///
/// Validated on creation and on decoding: a non-blank id, goods name, origin and destination; `validFrom` before
/// `validTo`. Active from `validFrom` to `validTo`, both included.
public struct ElectronicWaybill: Hashable, Codable, Sendable {
    /// The waybill number in the registry.
    public var id: String
    /// The vehicle it was issued for (plate and colour).
    public var vehicle: VehicleKey
    /// 货物名称 — the goods' proper shipping name, e.g. `汽油`.
    public var goodsName: String
    /// 联合国编号.
    public var unNumber: UNNumber
    /// 类别 — the class or division.
    public var goodsClass: DangerousGoodsClass
    /// 起运地.
    public var origin: String
    /// 目的地.
    public var destination: String
    /// The first instant it is valid (UTC).
    public var validFrom: Date
    /// The last instant it is valid (UTC).
    public var validTo: Date
    /// 承运人 — the carrier's unified social credit code.
    public var carrier: UnifiedSocialCreditCode

    /// Creates a waybill; throws `invalid_waybill` when a text is blank or the validity is empty.
    public init(
        id: String, vehicle: VehicleKey, goodsName: String, unNumber: UNNumber, goodsClass: DangerousGoodsClass, origin: String,
        destination: String, validFrom: Date, validTo: Date, carrier: UnifiedSocialCreditCode
    ) throws(DomainError) {
        self.id = id
        self.vehicle = vehicle
        self.goodsName = goodsName
        self.unNumber = unNumber
        self.goodsClass = goodsClass
        self.origin = origin
        self.destination = destination
        self.validFrom = validFrom
        self.validTo = validTo
        self.carrier = carrier
        if let problem { throw DomainError(code: "invalid_waybill", reason: problem) }
    }

    /// Whether the waybill is in force at `date` (`validFrom ≤ date ≤ validTo`).
    public func isActive(at date: Date) -> Bool {
        validFrom <= date && date <= validTo
    }

    /// What is wrong, or `nil`.
    var problem: String? {
        let texts = [("id", id), ("goodsName", goodsName), ("origin", origin), ("destination", destination)]
        if let blank = texts.first(where: { $0.1.trimmingCharacters(in: .whitespaces).isEmpty }) {
            return "a waybill needs its \(blank.0)"
        }
        if validFrom >= validTo {
            return "waybill '\(id)': validFrom must be before validTo"
        }
        return nil
    }

    private enum CodingKeys: String, CodingKey {
        case id, vehicle, goodsName, unNumber, goodsClass, origin, destination, validFrom, validTo, carrier
    }

    /// Decodes and validates like ``init(id:vehicle:goodsName:unNumber:goodsClass:origin:destination:validFrom:validTo:carrier:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            id: try container.decode(String.self, forKey: .id),
            vehicle: try container.decode(VehicleKey.self, forKey: .vehicle),
            goodsName: try container.decode(String.self, forKey: .goodsName),
            unNumber: try container.decode(UNNumber.self, forKey: .unNumber),
            goodsClass: try container.decode(DangerousGoodsClass.self, forKey: .goodsClass),
            origin: try container.decode(String.self, forKey: .origin),
            destination: try container.decode(String.self, forKey: .destination),
            validFrom: try container.decode(Date.self, forKey: .validFrom),
            validTo: try container.decode(Date.self, forKey: .validTo),
            carrier: try container.decode(UnifiedSocialCreditCode.self, forKey: .carrier)
        )
    }
}
