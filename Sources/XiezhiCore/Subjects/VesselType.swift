/// 船舶类型字 — the type character in an inland ship's name, e.g. 货 in `浙嘉兴货1234`.
public enum VesselType: String, CaseIterable, Hashable, Codable, Sendable {
    /// 货 — cargo ship.
    case cargo = "货"
    /// 客 — passenger ship.
    case passenger = "客"
    /// 油 — oil tanker.
    case tanker = "油"
    /// 化 — chemical tanker.
    case chemical = "化"
    /// 拖 — tug.
    case tug = "拖"
    /// 驳 — barge.
    case barge = "驳"
    /// 工 — engineering or works vessel.
    case engineering = "工"
    /// 渣 — muck (construction spoil) carrier.
    case muck = "渣"
    /// 运 — transport vessel.
    case transport = "运"
    /// 渡 — ferry.
    case ferry = "渡"

    /// The Chinese name, e.g. `货船`.
    public var chineseName: String {
        switch self {
        case .cargo: "货船"
        case .passenger: "客船"
        case .tanker: "油船"
        case .chemical: "化学品船"
        case .tug: "拖轮"
        case .barge: "驳船"
        case .engineering: "工程船"
        case .muck: "渣土船"
        case .transport: "运输船"
        case .ferry: "渡船"
        }
    }
}
