/// What kind of enforcement unit (执法单元) a unit is: it decides where the unit can go (roads or water) and how
/// fast the dispatch rules estimate it travels.
public enum UnitKind: String, Codable, Sendable, CaseIterable {
    /// 执法中队 / 执法小组 — a team working from a post (治超站, 联合执法站).
    case team
    /// 巡逻车 — a patrol car.
    case patrolCar = "patrol_car"
    /// 巡逻艇 — a patrol boat.
    case patrolBoat = "patrol_boat"
    /// 无人艇 — an unmanned boat (seed 001: 嘉兴 pioneered unmanned-boat patrols).
    case unmannedBoat = "unmanned_boat"

    public var chineseName: String {
        switch self {
        case .team: "执法小组"
        case .patrolCar: "巡逻车"
        case .patrolBoat: "巡逻艇"
        case .unmannedBoat: "无人艇"
        }
    }

    /// Whether the unit works on water (a boat) rather than on roads.
    public var worksOnWater: Bool { self == .patrolBoat || self == .unmannedBoat }
}
