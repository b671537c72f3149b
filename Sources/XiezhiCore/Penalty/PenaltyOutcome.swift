/// 处理结果 — what a quote recommends: nothing, a warning, education without a penalty, or a fine.
public enum PenaltyOutcome: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// 未违法 — the facts show no violation (e.g. gross mass within the limit).
    case none
    /// 批评教育，不予处罚 — education, no penalty (行政处罚法 Art. 33: education is required when no penalty is given).
    case educationNoPenalty = "education_no_penalty"
    /// 警告 — a warning, itself an administrative penalty (行政处罚法 Art. 9).
    case warning
    /// 罚款 — a fine.
    case fine

    /// The Chinese wording used on notices.
    public var chineseName: String {
        switch self {
        case .none: "不构成违法行为"
        case .educationNoPenalty: "批评教育，不予处罚"
        case .warning: "予以警告"
        case .fine: "罚款"
        }
    }

    /// Ordered by severity: none < education < warning < fine (used to combine several violations).
    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeKnown(Self.self, from: decoder, what: "outcome")
    }
}
