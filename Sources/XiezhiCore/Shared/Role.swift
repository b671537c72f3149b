/// The roles an account can hold. Each account has exactly one role and belongs to one agency (jurisdiction).
public enum Role: String, CaseIterable, Codable, Sendable {
    /// 执法人员 — field officer.
    case officer
    /// 办案人员 — case handler.
    case caseHandler = "case_handler"
    /// 法制审核人员 — legal reviewer (法制审核, 行政处罚法 Art. 58).
    case legalReviewer = "legal_reviewer"
    /// 指挥长 — duty commander.
    case commander
    /// 机构负责人 — agency head (approves filing, decisions and closing).
    case agencyHead = "agency_head"
    /// 协作联络员 — partner-jurisdiction liaison.
    case partnerLiaison = "partner_liaison"
    /// 审计人员 — auditor (reads everything, changes nothing).
    case auditor
    /// 系统管理员 — administrator (accounts and rule tables, not cases).
    case admin

    /// The Chinese name shown in the console.
    public var chineseName: String {
        switch self {
        case .officer: "执法人员"
        case .caseHandler: "办案人员"
        case .legalReviewer: "法制审核人员"
        case .commander: "指挥长"
        case .agencyHead: "机构负责人"
        case .partnerLiaison: "协作联络员"
        case .auditor: "审计人员"
        case .admin: "系统管理员"
        }
    }
}
