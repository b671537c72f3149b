/// The result of a 复议 or 诉讼.
public enum AppealOutcome: String, CaseIterable, Hashable, Codable, Sendable {
    /// 维持 / 驳回 — the decision stands.
    case upheld
    /// 撤销 / 确认违法 — the decision is set aside; nothing is left to execute.
    case revoked
    /// 变更 — the decision is changed (the changed content is recorded in the summary; not re-computed here).
    case changed
    /// 撤回 — the party withdrew.
    case withdrawn

    /// The Chinese name.
    public var chineseName: String {
        switch self {
        case .upheld: "维持"
        case .revoked: "撤销"
        case .changed: "变更"
        case .withdrawn: "撤回"
        }
    }
}
