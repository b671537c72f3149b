/// 案件阶段 — where a case stands in the one-stop process.
///
/// Ordinary procedure: clue → filed → investigating → notified → (hearing) → (legalReview) → decided → served →
/// (executing) → closed. Terminal branches: notFiled, noPenalty, transferredToPolice. Summary procedure:
/// clue → summaryDecided → (filed with the agency) → closed, or executing while the fine is unpaid.
public enum CaseStage: String, CaseIterable, Hashable, Codable, Sendable {
    /// 线索 — a clue awaiting the filing decision.
    case clue
    /// 立案 — filed; investigation not yet begun.
    case filed
    /// 调查取证 — evidence being collected.
    case investigating
    /// 告知 — the intended penalty notified; statement period running.
    case notified
    /// 听证 — a hearing requested, scheduled or held.
    case hearing
    /// 法制审核 — under (or through) legal review.
    case legalReview = "legal_review"
    /// 决定 — decided, not yet served.
    case decided
    /// 送达 — served; the payment period running.
    case served
    /// 执行 — 催告 given or enforcement under way.
    case executing
    /// 结案 — closed.
    case closed
    /// 不予立案 — not filed.
    case notFiled = "not_filed"
    /// 不予处罚 — no penalty (with education; 首违不罚).
    case noPenalty = "no_penalty"
    /// 移送公安 — transferred to the police (行刑衔接).
    case transferredToPolice = "transferred_to_police"
    /// 当场处罚 — decided on the spot (简易程序), awaiting filing with the agency.
    case summaryDecided = "summary_decided"

    /// The Chinese name shown in the console.
    public var chineseName: String {
        switch self {
        case .clue: "线索"
        case .filed: "立案"
        case .investigating: "调查取证"
        case .notified: "告知"
        case .hearing: "听证"
        case .legalReview: "法制审核"
        case .decided: "决定"
        case .served: "送达"
        case .executing: "执行"
        case .closed: "结案"
        case .notFiled: "不予立案"
        case .noPenalty: "不予处罚"
        case .transferredToPolice: "移送公安"
        case .summaryDecided: "当场处罚"
        }
    }

    /// Whether nothing more can happen to the case.
    public var isTerminal: Bool {
        switch self {
        case .closed, .notFiled, .noPenalty, .transferredToPolice: true
        default: false
        }
    }
}
