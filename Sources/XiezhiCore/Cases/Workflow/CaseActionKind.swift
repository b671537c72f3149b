/// The kinds of ``CaseAction``, for permissions, events and the console's buttons.
public enum CaseActionKind: String, CaseIterable, Hashable, Codable, Sendable {
    /// 登记线索 (performed by ``CaseWorkflow/open(_:id:by:at:)``; refused on an existing case).
    case createClue = "create_clue"
    /// 不予立案.
    case refuseFiling = "refuse_filing"
    /// 立案.
    case file
    /// 收集证据.
    case addEvidence = "add_evidence"
    /// 延长办案期限.
    case extendDecisionLimit = "extend_decision_limit"
    /// 事先告知.
    case notify
    /// 记录陈述申辩.
    case recordStatement = "record_statement"
    /// 记录送达地址确认书.
    case recordServiceConsent = "record_service_consent"
    /// 申请听证.
    case requestHearing = "request_hearing"
    /// 听证通知.
    case scheduleHearing = "schedule_hearing"
    /// 举行听证.
    case holdHearing = "hold_hearing"
    /// 提请法制审核.
    case submitForLegalReview = "submit_for_legal_review"
    /// 法制审核通过.
    case approveLegalReview = "approve_legal_review"
    /// 法制审核退回.
    case returnLegalReview = "return_legal_review"
    /// 作出处罚决定.
    case decide
    /// 不予处罚决定.
    case decideNoPenalty = "decide_no_penalty"
    /// 报告涉嫌犯罪.
    case reportSuspectedCrime = "report_suspected_crime"
    /// 移送公安机关.
    case transferToPolice = "transfer_to_police"
    /// 不予移送.
    case declineTransfer = "decline_transfer"
    /// 送达决定书.
    case serve
    /// 记录缴款.
    case recordPayment = "record_payment"
    /// 催告.
    case remind
    /// 记录复议或诉讼.
    case recordAppeal = "record_appeal"
    /// 记录复议或诉讼结果.
    case concludeAppeal = "conclude_appeal"
    /// 申请法院强制执行.
    case applyToCourt = "apply_to_court"
    /// 结案.
    case close
    /// 当场处罚决定.
    case summaryDecision = "summary_decision"
    /// 当场处罚备案.
    case fileSummary = "file_summary"
    /// 通知车主 (non-site).
    case noticeOwner = "notice_owner"
    /// 车主到案.
    case recordOwnerAppearance = "record_owner_appearance"
    /// 认定驾驶人及运输企业.
    case identifyParties = "identify_parties"

    /// The Chinese name shown on buttons and in the timeline.
    public var chineseName: String {
        switch self {
        case .createClue: "登记线索"
        case .refuseFiling: "不予立案"
        case .file: "立案"
        case .addEvidence: "收集证据"
        case .extendDecisionLimit: "延长办案期限"
        case .notify: "事先告知"
        case .recordStatement: "陈述申辩"
        case .recordServiceConsent: "送达地址确认"
        case .requestHearing: "申请听证"
        case .scheduleHearing: "听证通知"
        case .holdHearing: "举行听证"
        case .submitForLegalReview: "提请法制审核"
        case .approveLegalReview: "法制审核通过"
        case .returnLegalReview: "法制审核退回"
        case .decide: "作出处罚决定"
        case .decideNoPenalty: "不予处罚决定"
        case .reportSuspectedCrime: "报告涉嫌犯罪"
        case .transferToPolice: "移送公安机关"
        case .declineTransfer: "不予移送"
        case .serve: "送达"
        case .recordPayment: "缴款"
        case .remind: "催告"
        case .recordAppeal: "复议或诉讼"
        case .concludeAppeal: "复议或诉讼结果"
        case .applyToCourt: "申请法院强制执行"
        case .close: "结案"
        case .summaryDecision: "当场处罚"
        case .fileSummary: "当场处罚备案"
        case .noticeOwner: "通知车主"
        case .recordOwnerAppearance: "车主到案"
        case .identifyParties: "认定驾驶人及运输企业"
        }
    }
}
