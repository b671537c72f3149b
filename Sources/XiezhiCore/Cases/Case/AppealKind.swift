/// 救济途径 — how a party challenges a decision.
public enum AppealKind: String, CaseIterable, Hashable, Codable, Sendable {
    /// 行政复议.
    case administrativeReview = "administrative_review"
    /// 行政诉讼.
    case litigation

    /// The Chinese name.
    public var chineseName: String { self == .administrativeReview ? "行政复议" : "行政诉讼" }
}
