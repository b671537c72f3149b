import Foundation

/// 行刑衔接 — a suspected crime reported to the agency head and, if approved, transferred to the police
/// (行政处罚法 Art. 27; 行政执法机关移送涉嫌犯罪案件的规定).
public struct CriminalReferral: Hashable, Codable, Sendable {
    /// When the case handler reported the suspicion; the head's decision period counts from here.
    public var reportedAt: Date
    /// Who reported it (account id).
    public var reportedBy: String
    /// Why a crime is suspected, in Chinese.
    public var reason: String
    /// When the agency head approved the transfer.
    public var approvedAt: Date?
    /// The approving head (account id).
    public var approvedBy: String?
    /// The police agency receiving the case.
    public var policeAgency: String?
    /// When the case was handed over.
    public var transferredAt: Date?
    /// The head's decision not to transfer, with its reason.
    public var declined: SignedEntry?

    /// Creates the value with every field given.
    public init(
        reportedAt: Date, reportedBy: String, reason: String, approvedAt: Date? = nil, approvedBy: String? = nil,
        policeAgency: String? = nil, transferredAt: Date? = nil, declined: SignedEntry? = nil
    ) {
        self.reportedAt = reportedAt
        self.reportedBy = reportedBy
        self.reason = reason
        self.approvedAt = approvedAt
        self.approvedBy = approvedBy
        self.policeAgency = policeAgency
        self.transferredAt = transferredAt
        self.declined = declined
    }

    /// Whether the head has not yet decided on the report.
    public var isPending: Bool { transferredAt == nil && declined == nil }
}
