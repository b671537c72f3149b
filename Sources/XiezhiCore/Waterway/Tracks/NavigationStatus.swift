/// 航行状态 — the AIS navigational status of a Class A position report (ITU-R M.1371, message 1–3 field 4).
public enum NavigationStatus: Int, CaseIterable, Hashable, Codable, Sendable {
    /// 0 — 机动船在航 (under way using engine).
    case underwayUsingEngine = 0
    /// 1 — 锚泊 (at anchor).
    case atAnchor = 1
    /// 2 — 失控 (not under command).
    case notUnderCommand = 2
    /// 3 — 操纵能力受限 (restricted manoeuvrability).
    case restrictedManoeuvrability = 3
    /// 4 — 吃水受限 (constrained by draught).
    case constrainedByDraught = 4
    /// 5 — 系泊 (moored).
    case moored = 5
    /// 6 — 搁浅 (aground).
    case aground = 6
    /// 7 — 从事捕捞 (engaged in fishing).
    case engagedInFishing = 7
    /// 8 — 帆船在航 (under way sailing).
    case underwaySailing = 8
    /// 9 — reserved (HSC).
    case reservedHSC = 9
    /// 10 — reserved (WIG).
    case reservedWIG = 10
    /// 11 — 机动船尾拖 (power-driven, towing astern).
    case towingAstern = 11
    /// 12 — 机动船顶推或旁拖 (power-driven, pushing ahead or towing alongside).
    case pushingAhead = 12
    /// 13 — reserved.
    case reserved13 = 13
    /// 14 — AIS-SART / MOB / EPIRB active.
    case sartActive = 14
    /// 15 — 未定义 (not defined, the default).
    case notDefined = 15

    /// Whether the status says the ship is deliberately not moving (at anchor, moored, aground).
    public var isStationary: Bool { self == .atAnchor || self == .moored || self == .aground }
}
