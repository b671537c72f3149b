import Foundation

/// The body of a ``FederationKind/penaltyRecord`` message: a decided penalty (处罚互认). Optional fields are the ones
/// an agreement may leave out.
public struct PenaltyRecordBody: Codable, Hashable, Sendable {
    public var subject: String
    public var violationKind: String
    public var actAt: Date
    public var decisionNumber: String
    public var agency: String
    public var jurisdiction: String
    public var decidedAt: Date
    public var amountFen: Int?
    public var driver: String?
    public var carrier: String?
    public var firstViolationWaiver: Bool?

    public init(_ penalty: PriorPenalty, amountFen: Int?) {
        subject = penalty.subject
        violationKind = penalty.violationKind
        actAt = penalty.actAt
        decisionNumber = penalty.decisionNumber
        agency = penalty.agency
        jurisdiction = penalty.jurisdiction.rawValue
        decidedAt = penalty.decidedAt
        self.amountFen = amountFen
        driver = penalty.driver
        carrier = penalty.carrier
        firstViolationWaiver = penalty.firstViolationWaiver
    }
}

/// The body of a ``FederationKind/noticeServiceRequest`` (送达互助) or ``FederationKind/homeAgencyCopy`` (抄告车籍地)
/// message: the requesting agency's request id and case, the vehicle, and what is asked.
public struct PartnerRequestBody: Codable, Hashable, Sendable {
    public var requestId: String
    public var caseId: String
    public var subject: String
    public var summary: String
    public var violationKind: String?
    public var decisionNumber: String?
    public var dueAt: Date?
    public var amountFen: Int?

    public init(requestId: String, caseId: String, subject: String, summary: String, violationKind: String?, decisionNumber: String?, dueAt: Date?, amountFen: Int?) {
        self.requestId = requestId
        self.caseId = caseId
        self.subject = subject
        self.summary = summary
        self.violationKind = violationKind
        self.decisionNumber = decisionNumber
        self.dueAt = dueAt
        self.amountFen = amountFen
    }
}

/// The body of a ``FederationKind/noticeServiceProof`` message: how and when the partner served the notice (送达回证).
public struct ServiceProofBody: Codable, Hashable, Sendable {
    /// The requesting agency's request id.
    public var requestId: String
    /// ``ServiceMethod`` raw value.
    public var method: String
    public var servedAt: Date
    /// The receipt: a signed 送达回证 number, a postal tracking number, an SMS delivery report id.
    public var receipt: String?
    public var note: String?

    public init(requestId: String, method: String, servedAt: Date, receipt: String?, note: String?) {
        self.requestId = requestId
        self.method = method
        self.servedAt = servedAt
        self.receipt = receipt
        self.note = note
    }
}

/// One evidence file carried by a referral: its bytes (base64) and their SHA-256, which the receiver checks.
public struct EvidenceFileBody: Codable, Hashable, Sendable {
    public var name: String
    public var mediaType: String
    public var sha256: String
    public var contentBase64: String

    public init(name: String, mediaType: String, sha256: String, contentBase64: String) {
        self.name = name
        self.mediaType = mediaType
        self.sha256 = sha256
        self.contentBase64 = contentBase64
    }
}

/// The body of a ``FederationKind/referral`` message (移交违法线索). `referral_id` is chosen by the referring node and
/// names the referral on both sides; `accept_by` is computed by the referring node from the agreement, so both sides
/// show the same deadline.
public struct ReferralBody: Codable, Hashable, Sendable {
    public var referralId: String
    public var subject: String
    public var violationKind: String
    public var summary: String
    public var referredAt: Date
    public var acceptBy: Date
    public var evidence: [EvidenceFileBody]
    public var caseId: String?
    public var place: String?
    public var occurredAt: Date?

    public init(referralId: String, subject: String, violationKind: String, summary: String, referredAt: Date, acceptBy: Date,
                evidence: [EvidenceFileBody], caseId: String?, place: String?, occurredAt: Date?) {
        self.referralId = referralId
        self.subject = subject
        self.violationKind = violationKind
        self.summary = summary
        self.referredAt = referredAt
        self.acceptBy = acceptBy
        self.evidence = evidence
        self.caseId = caseId
        self.place = place
        self.occurredAt = occurredAt
    }
}

/// The body of a ``FederationKind/referralResponse``: `decision` is `accepted` or `rejected` (with `reason`).
public struct ReferralResponseBody: Codable, Hashable, Sendable {
    public var referralId: String
    public var decision: String
    public var at: Date
    public var reason: String?

    public init(referralId: String, decision: String, at: Date, reason: String?) {
        self.referralId = referralId
        self.decision = decision
        self.at = at
        self.reason = reason
    }
}

/// The body of a ``FederationKind/referralResult``: what the receiving agency did (filed a case, decided, closed).
public struct ReferralResultBody: Codable, Hashable, Sendable {
    public var referralId: String
    public var at: Date
    public var result: String
    public var caseNumber: String?

    public init(referralId: String, at: Date, result: String, caseNumber: String?) {
        self.referralId = referralId
        self.at = at
        self.result = result
        self.caseNumber = caseNumber
    }
}
