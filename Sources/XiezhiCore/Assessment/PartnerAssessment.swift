import Foundation

/// 考核 — how collaboration with one partner went over a period, computed from the records: referrals, 送达互助,
/// shared penalty records, joint operations and their results, joint meetings. Each item counts in the period by
/// when it started (referred, requested, shared, the operation's start, the meeting's date); its later steps count
/// with it even after the period ends, so a figure for a past period does not change when nothing new starts in it.
public struct PartnerAssessment: Codable, Hashable, Sendable {
    public var referralsSent: ReferralFigures
    public var referralsReceived: ReferralFigures
    public var noticeServiceSent: ServiceFigures
    public var noticeServiceReceived: ServiceFigures
    public var penaltyRecordsSent: Int
    public var penaltyRecordsReceived: Int
    public var jointOperations: OperationFigures
    public var jointMeetings: MeetingFigures

    /// Referrals one way.
    public struct ReferralFigures: Codable, Hashable, Sendable {
        public var referred: Int
        public var accepted: Int
        public var rejected: Int
        /// Not yet answered.
        public var pending: Int
        /// Answered after the deadline, or unanswered past it.
        public var overdue: Int
        /// Accepted and their result fed back.
        public var concluded: Int
        /// Referral → acceptance or rejection.
        public var medianHoursToResponse: Double?
        /// Referral → result fed back.
        public var medianHoursToResult: Double?
    }

    /// 送达互助 requests one way.
    public struct ServiceFigures: Codable, Hashable, Sendable {
        public var requested: Int
        /// Served, with the proof returned.
        public var completed: Int
        /// Request → service, from the proof.
        public var medianHoursToProof: Double?
    }

    /// Joint operations with the partner that started in the period, and what those held found.
    public struct OperationFigures: Codable, Hashable, Sendable {
        /// Under way or concluded (开展).
        public var held: Int
        public var planned: Int
        public var cancelled: Int
        public var led: Int
        /// The results of every agency on the operations held.
        public var totals: OperationResults
        /// The same per agency (jurisdiction code → agency and results), so each side's share shows.
        public var byAgency: [AgencyResults]
    }

    public struct AgencyResults: Codable, Hashable, Sendable {
        public var agency: OperationAgency
        public var operations: Int
        public var results: OperationResults
    }

    /// Joint meetings with the partner held in the period.
    public struct MeetingFigures: Codable, Hashable, Sendable {
        public var held: Int
        /// Convened by this agency.
        public var convened: Int
        public var decisions: Int
    }

    /// Computes the figures for `[from, to)` (instants; a China-date period is `from.startInChina` to the day after
    /// `to`'s `startInChina`). `agency` is the assessing one: operations and meetings it leads or convenes count as
    /// led or convened. `now` decides whether an unanswered referral is overdue.
    public init(facts: AssessmentFacts, agency: JurisdictionCode, from: Date, to: Date, now: Date) {
        func inPeriod(_ date: Date) -> Bool { date >= from && date < to }
        func referrals(_ direction: CollaborationDirection) -> ReferralFigures {
            let items = facts.referrals.filter { $0.direction == direction && inPeriod($0.referredAt) }
            return ReferralFigures(
                referred: items.count, accepted: items.filter { $0.accepted == true }.count, rejected: items.filter { $0.accepted == false }.count,
                pending: items.filter { $0.respondedAt == nil }.count, overdue: items.filter { $0.isOverdue(now: now) }.count,
                concluded: items.filter { $0.resultAt != nil }.count,
                medianHoursToResponse: medianHours(items.compactMap { fact in fact.respondedAt.map { $0.timeIntervalSince(fact.referredAt) } }),
                medianHoursToResult: medianHours(items.compactMap { fact in fact.resultAt.map { $0.timeIntervalSince(fact.referredAt) } }))
        }
        func services(_ direction: CollaborationDirection) -> ServiceFigures {
            let items = facts.serviceRequests.filter { $0.direction == direction && inPeriod($0.requestedAt) }
            let served = items.compactMap { fact in fact.servedAt.map { $0.timeIntervalSince(fact.requestedAt) } }
            return ServiceFigures(requested: items.count, completed: served.count, medianHoursToProof: medianHours(served))
        }
        referralsSent = referrals(.sent)
        referralsReceived = referrals(.received)
        noticeServiceSent = services(.sent)
        noticeServiceReceived = services(.received)
        penaltyRecordsSent = facts.penaltyShares.filter { $0.direction == .sent && inPeriod($0.at) }.count
        penaltyRecordsReceived = facts.penaltyShares.filter { $0.direction == .received && inPeriod($0.at) }.count

        let operations = facts.operations.filter { inPeriod($0.plan.startsAt) }
        let held = operations.filter { $0.plan.state.wasHeld }
        var byAgency: [JurisdictionCode: AgencyResults] = [:]
        var order: [JurisdictionCode] = []
        for operation in held {
            for contribution in operation.contributions {
                let code = contribution.agency.jurisdiction
                if byAgency[code] == nil {
                    order.append(code)
                    byAgency[code] = AgencyResults(agency: contribution.agency, operations: 0, results: .zero)
                }
                byAgency[code]!.operations += 1
                byAgency[code]!.results = byAgency[code]!.results + (contribution.results ?? .zero)
            }
        }
        jointOperations = OperationFigures(
            held: held.count, planned: operations.filter { $0.plan.state == .planned }.count,
            cancelled: operations.filter { $0.plan.state == .cancelled }.count, led: held.filter { $0.plan.lead.jurisdiction == agency }.count,
            totals: held.map(\.totals).reduce(.zero, +), byAgency: order.sorted().compactMap { byAgency[$0] })

        let meetings = facts.meetings.filter { $0.heldOn.startInChina >= from && $0.heldOn.startInChina < to }
        jointMeetings = MeetingFigures(
            held: meetings.count, convened: meetings.filter { $0.convener.jurisdiction == agency }.count,
            decisions: meetings.reduce(0) { $0 + $1.decisions.count })
    }
}
