import Foundation

/// One entry of a case's timeline: what was done, by whom, when, and what changed.
///
/// The server writes each event into the hash-chained audit log; an auditor reads `changes` in the timeline.
public struct CaseEvent: Hashable, Codable, Sendable {
    /// The case.
    public var caseId: String
    /// 1 for the opening event, then one more per action.
    public var sequence: Int
    /// The action taken.
    public var kind: CaseActionKind
    /// The stage before (`nil` for the opening event).
    public var stageBefore: CaseStage?
    /// The stage after.
    public var stageAfter: CaseStage
    /// Who took it.
    public var actor: CaseActor
    /// When (UTC).
    public var at: Date
    /// What changed, one Chinese line each (e.g. `罚款：7660.00元`).
    public var changes: [String]

    /// Creates the value with every field given.
    public init(
        caseId: String, sequence: Int, kind: CaseActionKind, stageBefore: CaseStage?, stageAfter: CaseStage,
        actor: CaseActor, at: Date, changes: [String]
    ) {
        self.caseId = caseId
        self.sequence = sequence
        self.kind = kind
        self.stageBefore = stageBefore
        self.stageAfter = stageAfter
        self.actor = actor
        self.at = at
        self.changes = changes
    }
}
