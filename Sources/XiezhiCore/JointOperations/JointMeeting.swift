import Foundation

/// A major-case joint meeting (重大案件联席会议): the agencies sit down over one case, record who took part, the
/// questions put, and what they decided. The convening agency attaches it to its case; it is also the body of a
/// ``FederationKind/jointMeeting`` message to every partner named, which attaches it to the referral the case came
/// with (``referralId``) or, without one, keeps it against the convener's case reference.
public struct JointMeeting: Codable, Hashable, Sendable {
    /// Chosen by the convener's node; the same on every node.
    public var meetingId: String
    /// 会议日期 (China date).
    public var heldOn: CalendarDate
    public var topic: String
    /// The agency that convened it and holds the case.
    public var convener: OperationAgency
    /// The partner agencies it is sent to.
    public var partners: [OperationAgency]
    public var participants: [MeetingParticipant]
    /// 议题.
    public var questions: [String]
    /// 会议决定.
    public var decisions: [String]
    /// The convener's case id.
    public var caseId: String
    /// The convener's case reference for the partners (its decision number or 案由), shown when no referral links the
    /// case on their side.
    public var caseReference: String?
    /// The referral (移交违法线索) that links the case on both nodes, when the case came from or went out as one.
    public var referralId: String?
    public var recordedAt: Date

    public init(
        meetingId: String, heldOn: CalendarDate, topic: String, convener: OperationAgency, partners: [OperationAgency], participants: [MeetingParticipant],
        questions: [String], decisions: [String], caseId: String, caseReference: String?, referralId: String?, recordedAt: Date
    ) throws {
        self.meetingId = meetingId
        self.heldOn = heldOn
        self.topic = topic.trimmingCharacters(in: .whitespaces)
        self.convener = convener
        self.partners = partners
        self.participants = participants
        self.questions = questions.map { $0.trimmingCharacters(in: .whitespaces) }
        self.decisions = decisions.map { $0.trimmingCharacters(in: .whitespaces) }
        self.caseId = caseId
        self.caseReference = caseReference
        self.referralId = referralId
        self.recordedAt = recordedAt
        try validate()
    }

    /// A topic; at least two participants, each with agency, name and role; at least one question and one decision,
    /// none empty; at least one partner besides the convener, none twice.
    public func validate() throws {
        guard !topic.isEmpty else { throw DomainError(code: "missing_topic", reason: "say what the meeting is about ('topic')") }
        guard participants.count >= 2 else {
            throw DomainError(code: "missing_participants", reason: "a joint meeting has at least two participants ('participants')")
        }
        for participant in participants where [participant.agency, participant.name, participant.role].contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw DomainError(code: "invalid_participant", reason: "each participant has 'agency', 'name' and 'role' (\(participant.name))")
        }
        guard !questions.isEmpty, !questions.contains("") else {
            throw DomainError(code: "missing_questions", reason: "record the questions put to the meeting ('questions'), none empty")
        }
        guard !decisions.isEmpty, !decisions.contains("") else {
            throw DomainError(code: "missing_decisions", reason: "record what the meeting decided ('decisions'), none empty")
        }
        try convener.checkPartners(partners)
    }

    /// Whether `jurisdiction` took part (convened or was a partner).
    public func involves(_ jurisdiction: JurisdictionCode) -> Bool {
        convener.jurisdiction == jurisdiction || partners.contains { $0.jurisdiction == jurisdiction }
    }
}

/// Someone at a joint meeting: the agency (any agency — 公安, 检察 too, not only nodes), the name, and the role there
/// (主持人, 承办人, 法制审核人员 …).
public struct MeetingParticipant: Codable, Hashable, Sendable {
    public var agency: String
    public var name: String
    public var role: String

    public init(agency: String, name: String, role: String) {
        self.agency = agency
        self.name = name
        self.role = role
    }
}
