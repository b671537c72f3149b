import Foundation

/// Which way a piece of collaboration went, seen from this agency: it `sent` (referred, requested, shared) or it
/// `received`.
public enum CollaborationDirection: String, Codable, Sendable, CaseIterable {
    case sent, received
}

/// The facts about one referral (移交违法线索) an assessment needs.
public struct ReferralFact: Hashable, Sendable {
    public var direction: CollaborationDirection
    public var referredAt: Date
    public var acceptBy: Date
    /// When the receiving agency accepted or rejected it, and which.
    public var respondedAt: Date?
    public var accepted: Bool?
    /// When the result was fed back (结果反馈).
    public var resultAt: Date?

    public init(direction: CollaborationDirection, referredAt: Date, acceptBy: Date, respondedAt: Date?, accepted: Bool?, resultAt: Date?) {
        self.direction = direction
        self.referredAt = referredAt
        self.acceptBy = acceptBy
        self.respondedAt = respondedAt
        self.accepted = accepted
        self.resultAt = resultAt
    }

    /// Overdue (逾期): answered after the deadline, or still unanswered once it has passed.
    public func isOverdue(now: Date) -> Bool {
        if let respondedAt { return respondedAt > acceptBy }
        return now > acceptBy
    }
}

/// The facts about one 送达互助 request.
public struct ServiceRequestFact: Hashable, Sendable {
    public var direction: CollaborationDirection
    public var requestedAt: Date
    /// When the notice was served, from the proof of service; nil while not served.
    public var servedAt: Date?

    public init(direction: CollaborationDirection, requestedAt: Date, servedAt: Date?) {
        self.direction = direction
        self.requestedAt = requestedAt
        self.servedAt = servedAt
    }
}

/// A penalty record shared with or from the partner (处罚互认), by when it went or came.
public struct PenaltyShareFact: Hashable, Sendable {
    public var direction: CollaborationDirection
    public var at: Date

    public init(direction: CollaborationDirection, at: Date) {
        self.direction = direction
        self.at = at
    }
}

/// Everything an assessment of one partner counts, gathered by the store; ``PartnerAssessment`` keeps what falls in
/// the period.
public struct AssessmentFacts: Sendable {
    public var referrals: [ReferralFact]
    public var serviceRequests: [ServiceRequestFact]
    public var penaltyShares: [PenaltyShareFact]
    /// Joint operations this agency and the partner both take part in.
    public var operations: [JointOperation]
    /// Joint meetings this agency and the partner both took part in.
    public var meetings: [JointMeeting]

    public init(referrals: [ReferralFact], serviceRequests: [ServiceRequestFact], penaltyShares: [PenaltyShareFact], operations: [JointOperation], meetings: [JointMeeting]) {
        self.referrals = referrals
        self.serviceRequests = serviceRequests
        self.penaltyShares = penaltyShares
        self.operations = operations
        self.meetings = meetings
    }
}
