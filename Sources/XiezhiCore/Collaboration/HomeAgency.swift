import Foundation

/// 车籍地 — the vehicle's home agency, read from its plate: the registration city (浙F → 嘉兴市 330400,
/// 沪 → 上海市 310000, 苏E → 苏州市 320500).
public struct HomeAgency: Hashable, Codable, Sendable {
    /// The city-level GB/T 2260 code of the registration place.
    public var jurisdiction: JurisdictionCode
    /// 嘉兴市, 上海市 …
    public var name: String
    /// 浙江省, 上海市 …
    public var provinceName: String

    /// The home agency of a plate, or nil when the plate's city is not in the table (e.g. 皖Q).
    public static func of(_ plate: PlateNumber) -> HomeAgency? {
        guard let city = plate.registrationCity, let code = JurisdictionCode(rawValue: city.code + "00") else { return nil }
        return HomeAgency(jurisdiction: code, name: city.name, provinceName: plate.provinceName)
    }
}

/// What a case on a vehicle owes its home agency when that is not the deciding agency (跨区域协作).
public enum CrossBorderDuty: String, Codable, Sendable, CaseIterable {
    /// 送达互助 — ask the home agency to serve the notice to the owner (the owner lives in another province).
    case noticeService = "notice_service"
    /// 抄告车籍地 — copy the closed overload case to the home agency (Order 62 Art. 44).
    case homeAgencyCopy = "home_agency_copy"

    public var chineseName: String {
        switch self {
        case .noticeService: "通知书送达互助"
        case .homeAgencyCopy: "抄告车籍地"
        }
    }

    /// The duties a case decided by `agency` owes a vehicle from `home`: service help when the home is in another
    /// province; a copy when it is another city (the copy is for overload cases, Order 62 Art. 44).
    public static func duties(agency: JurisdictionCode, home: HomeAgency, violationKind: String) -> [CrossBorderDuty] {
        var duties: [CrossBorderDuty] = []
        if home.jurisdiction.provincePrefix != agency.provincePrefix { duties.append(.noticeService) }
        if violationKind == "overload", home.jurisdiction.rawValue.prefix(4) != agency.rawValue.prefix(4) { duties.append(.homeAgencyCopy) }
        return duties
    }
}
