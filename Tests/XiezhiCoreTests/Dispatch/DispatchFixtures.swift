import Foundation
import XiezhiCore

enum DispatchFixtures {
    static let pinghu = JurisdictionCode(rawValue: "330482")!
    static let jinshan = JurisdictionCode(rawValue: "310116")!
    static let start = Date(timeIntervalSince1970: 1_767_574_800)

    static func unit(_ id: String, _ jurisdiction: JurisdictionCode = pinghu, kind: UnitKind = .team, status: UnitStatus = .onDuty, at point: GeoPoint?,
                     members: [String] = ["officer-1"]) -> EnforcementUnit {
        EnforcementUnit(id: id, jurisdiction: jurisdiction, name: "单元\(id)", kind: kind, status: status, members: members, position: point, positionAt: start)
    }

    static func order(unit: EnforcementUnit, commanding: JurisdictionCode = pinghu) -> DispatchOrder {
        DispatchOrder(
            id: "order-1", jurisdiction: commanding, alertID: "alert-1", scene: "dangerous_goods", subject: "vehicle:浙F12345:yellow", summary: "无电子运单",
            target: GeoPoint(longitude: 121.2, latitude: 30.7), unit: unit, byRule: false, createdBy: "commander-1", at: start)
    }

    static let commander = DispatchActor(accountID: "commander-1", role: .commander, jurisdiction: pinghu)
    static let officer = DispatchActor(accountID: "officer-1", role: .officer, jurisdiction: pinghu)
}
