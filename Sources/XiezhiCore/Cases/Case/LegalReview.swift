import Foundation

/// 法制审核 — the legal reviewer's check before a major decision (行政处罚法 Art. 58).
public struct LegalReview: Hashable, Codable, Sendable {
    /// Where the review stands.
    public enum Status: String, Codable, Sendable {
        /// 审核中.
        case pending
        /// 同意 — approved: the decision may be made.
        case approved
        /// 退回 — returned for further investigation.
        case returned
    }

    /// When the case was submitted.
    public var submittedAt: Date
    /// Who submitted it (account id).
    public var submittedBy: String
    /// The submission note (what the reviewer should look at).
    public var note: String
    /// Why the review is needed (Chinese lines), or empty when submitted voluntarily.
    public var grounds: [String]
    /// Where the review stands.
    public var status: Status
    /// The reviewer (account id), once decided.
    public var reviewer: String?
    /// The opinion or the reason for returning, once decided.
    public var opinion: String?
    /// When the reviewer decided.
    public var decidedAt: Date?

    /// Creates the value with every field given.
    public init(
        submittedAt: Date, submittedBy: String, note: String, grounds: [String], status: Status = .pending,
        reviewer: String? = nil, opinion: String? = nil, decidedAt: Date? = nil
    ) {
        self.submittedAt = submittedAt
        self.submittedBy = submittedBy
        self.note = note
        self.grounds = grounds
        self.status = status
        self.reviewer = reviewer
        self.opinion = opinion
        self.decidedAt = decidedAt
    }
}
