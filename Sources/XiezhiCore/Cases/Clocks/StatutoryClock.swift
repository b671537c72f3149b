import Foundation

/// 法定期限 — one statutory deadline of a case, as the console shows it: what, until when, and where it stands.
public struct StatutoryClock: Hashable, Codable, Sendable {
    /// Which deadline.
    public enum Kind: String, CaseIterable, Codable, Sendable {
        /// 追责时效 (行政处罚法 Art. 36) — from the act.
        case limitation
        /// 作出处罚决定期限 (Art. 60) — from 立案, plus extensions.
        case decisionLimit = "decision_limit"
        /// 陈述申辩期限 — from the notice; the party's period.
        case statementPeriod = "statement_period"
        /// 听证申请期限 (Art. 64) — from the notice; the party's period.
        case hearingRequest = "hearing_request"
        /// 决定书送达期限 (Art. 61) — from the decision.
        case service
        /// 罚款缴纳期限 (Art. 67) — from effective service.
        case payment
        /// 加处罚款 (Art. 72) — accrues after the payment period; `dueAt` is when the cap is reached.
        case lateSurcharge = "late_surcharge"
        /// 催告期限 (行政强制法 Art. 54) — from the 催告书; the court may be asked once it has passed.
        case reminderPeriod = "reminder_period"
        /// 申请法院强制执行期限 (行政强制法 Art. 53) — 3 months after the appeal periods pass.
        case courtApplication = "court_application"
        /// 当场处罚备案期限 (交通运输行政执法程序规定 Art. 61) — from the on-the-spot decision.
        case summaryFiling = "summary_filing"
        /// 移送审批期限 (行政执法机关移送涉嫌犯罪案件的规定) — from the report.
        case transferDecision = "transfer_decision"
        /// 移送期限 — from the head's approval.
        case transfer

        /// The Chinese label.
        public var chineseName: String {
            switch self {
            case .limitation: "追责时效"
            case .decisionLimit: "作出处罚决定期限"
            case .statementPeriod: "陈述申辩期限"
            case .hearingRequest: "听证申请期限"
            case .service: "决定书送达期限"
            case .payment: "罚款缴纳期限"
            case .lateSurcharge: "加处罚款"
            case .reminderPeriod: "催告期限"
            case .courtApplication: "申请法院强制执行期限"
            case .summaryFiling: "当场处罚备案期限"
            case .transferDecision: "移送审批期限"
            case .transfer: "移送期限"
            }
        }
    }

    /// Where a deadline stands.
    public enum State: String, Codable, Sendable {
        /// Still open.
        case running
        /// Done in time — or, for a party's period, over.
        case met
        /// Missed (or, for the surcharge, capped and unpaid).
        case overdue
        /// Stopped while an appeal is pending (行政处罚法 Art. 73).
        case paused
    }

    /// Which deadline.
    public var kind: Kind
    /// The Chinese label.
    public var label: String
    /// When the period started.
    public var startedAt: Date
    /// When it ends.
    public var dueAt: Date
    /// Where it stands at the moment of computation.
    public var state: State
    /// China calendar days from the moment of computation to `dueAt` (negative when past); `nil` when met.
    public var daysLeft: Int?
    /// When what it waits for happened, if it has.
    public var completedAt: Date?
    /// For the late surcharge: the amount so far.
    public var amount: Money?
    /// The article.
    public var citation: Citation

    /// Creates a clock; `label` is the Chinese name of `kind`.
    public init(
        kind: Kind, startedAt: Date, dueAt: Date, state: State, daysLeft: Int?, completedAt: Date?,
        amount: Money? = nil, citation: Citation
    ) {
        self.kind = kind
        self.label = kind.chineseName
        self.startedAt = startedAt
        self.dueAt = dueAt
        self.state = state
        self.daysLeft = daysLeft
        self.completedAt = completedAt
        self.amount = amount
        self.citation = citation
    }

    /// Whether the deadline is overdue.
    public var isOverdue: Bool { state == .overdue }
}
