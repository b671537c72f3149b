import Foundation
import Hummingbird
import XiezhiCore
import XiezhiStore

/// A statutory clock as the API shows it.
struct ClockView: Encodable, Sendable {
    var kind: String
    var label: String
    var startedAt: Date
    var dueAt: Date
    var state: String
    var daysLeft: Int?
    var completedAt: Date?
    var amountFen: Int?
    var citation: String

    init(_ clock: StatutoryClock) {
        kind = clock.kind.rawValue
        label = clock.label
        startedAt = clock.startedAt
        dueAt = clock.dueAt
        state = clock.state.rawValue
        daysLeft = clock.daysLeft
        completedAt = clock.completedAt
        amountFen = clock.amount?.fen
        citation = clock.citation.description
    }
}

/// One row of the case list: what a handler scans for — stage, subject, clocks, overdue.
struct CaseSummaryView: Encodable, Sendable {
    var id: String
    var jurisdiction: JurisdictionCode
    var stage: CaseStage
    var stageName: String
    var subject: String
    var violationKind: String
    var violationName: String
    var facts: String
    var occurredAt: Date
    var lastChangedAt: Date
    var registerNumber: String?
    var decisionNumber: String?
    var fineFen: Int?
    var overdue: Bool
    var clocks: [ClockView]

    init(_ value: EnforcementCase, clocks: [StatutoryClock], violationName: String) {
        id = value.id
        jurisdiction = value.jurisdiction
        stage = value.stage
        stageName = value.stage.chineseName
        subject = value.subject
        violationKind = value.violationKind
        self.violationName = violationName
        facts = value.facts
        occurredAt = value.occurredAt
        lastChangedAt = value.history.last?.at ?? value.discoveredAt
        registerNumber = value.filing?.registerNumber
        decisionNumber = value.decision?.number ?? value.noPenalty?.number
        fineFen = value.decision.map(\.fineTotal.fen) ?? value.notice.map(\.penalty.fineTotal.fen)
        overdue = clocks.contains(where: \.isOverdue)
        self.clocks = clocks.map(ClockView.init)
    }
}

/// A case in full: the summary, the domain record, what the caller may do next, its documents and its
/// audited timeline.
struct CaseDetailView: ResponseEncodable, Sendable {
    struct ActionView: Encodable, Sendable {
        var action: String
        var label: String
    }

    struct DocumentLink: Encodable, Sendable {
        var kind: String
        var title: String
        var url: String
    }

    var summary: CaseSummaryView
    var record: EnforcementCase
    var allowedActions: [ActionView]
    var documents: [DocumentLink]
    var timeline: [TimelineEntry]
    /// Requests to partner agencies (送达互助, 抄告车籍地), queued until federation delivers them.
    var partnerRequests: [PartnerRequestStore.Request]
    /// 一超四罚: the vehicle's, driver's and carrier's overload record in the last year, for vehicle cases.
    var repeatOffence: RepeatOffenceView?
    /// 受检指令 given from the alert the case was opened from.
    var inspectionOrders: [InspectionOrderStore.Record] = []
}

/// 一超四罚 (公路安全保护条例 Art. 66) for the parties of a vehicle case or for one subject.
struct RepeatOffenceView: Encodable, Sendable {
    var vehicle: RepeatOffenceStatus?
    var driver: RepeatOffenceStatus?
    var carrier: RepeatOffenceStatus?
}

/// One audited event of a case: who, when, what changed, and the entry's place in the hash chain.
struct TimelineEntry: Encodable, Sendable {
    var seq: Int64
    var at: Date
    var actor: String
    var actorName: String
    var action: String
    var actionName: String
    var stageBefore: String?
    var stageAfter: String?
    var changes: [String]
    var hash: String
    var prevHash: String
}
