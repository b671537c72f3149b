/// What kind of enforcement or regulated place a ``Site`` is.
public enum SiteType: String, Hashable, Sendable, Codable, CaseIterable {
    /// 联合执法站 — a station staffed by both sides' agencies.
    case jointStation = "joint_station"
    /// 电子卡口 — a waterway electronic checkpoint (camera ship-name recognition, laser measurement).
    case checkpoint
    /// 非现场治超点 — a non-site overload (weigh-in-motion) enforcement station.
    case wimStation = "wim_station"
    /// 渣土消纳点 — an approved construction-muck unloading site; unloading elsewhere is 偷倒.
    case unloadingSite = "unloading_site"
    /// 景区水域 — scenic waters with their own navigation restrictions.
    case scenicWaters = "scenic_waters"

    /// The Chinese name shown in the console.
    public var chineseName: String {
        switch self {
        case .jointStation: "联合执法站"
        case .checkpoint: "电子卡口"
        case .wimStation: "非现场治超点"
        case .unloadingSite: "渣土消纳点"
        case .scenicWaters: "景区水域"
        }
    }
}
