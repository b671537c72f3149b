import Foundation

/// A dispatch order (派单): from an alert or a clue, to one unit, through accept → arrive → report → close.
public struct DispatchOrder: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    /// The commanding agency.
    public var jurisdiction: JurisdictionCode
    /// The alert it came from, when it did.
    public var alertID: String?
    /// The scene (`dispatch.json`), which gives the checklists and the kinds of unit.
    public var scene: String
    /// Who or what to check (a plate, a ship).
    public var subject: String
    /// What to do, in Chinese.
    public var summary: String
    /// Where to go.
    public var target: GeoPoint
    /// The unit the order is for.
    public var unitID: String
    /// The unit's agency when it is a partner's.
    public var partnerJurisdiction: JurisdictionCode?
    public var state: DispatchState
    /// Dispatched by a rule for routine alert kinds rather than by a commander.
    public var byRule: Bool
    public var createdBy: String
    public var createdAt: Date
    public var acceptedAt: Date?
    public var arrivedAt: Date?
    public var reportedAt: Date?
    public var closedAt: Date?
    /// When the order escalated (not accepted in time).
    public var escalatedAt: Date?
    public var result: DispatchResult?
    public var resultNote: String?
    /// The case: the clue case the order was dispatched from, or the case opened from the result (violation
    /// confirmed on an alert).
    public var caseID: String?
    /// Every step, oldest first.
    public var history: [DispatchEvent]
    /// The partner node holding the other copy of a cross-node order (协作派单): on the commanding node the unit's
    /// node, on the unit's node the commanding one. Each step taken on one side is sent to the other.
    public var peer: String?

    public init(
        id: String, jurisdiction: JurisdictionCode, alertID: String?, caseID: String? = nil, scene: String, subject: String, summary: String, target: GeoPoint,
        unit: EnforcementUnit, byRule: Bool, createdBy: String, at date: Date
    ) {
        self.id = id
        self.jurisdiction = jurisdiction
        self.alertID = alertID
        self.caseID = caseID
        self.scene = scene
        self.subject = subject
        self.summary = summary
        self.target = target
        self.unitID = unit.id
        self.partnerJurisdiction = unit.jurisdiction == jurisdiction ? nil : unit.jurisdiction
        self.state = unit.jurisdiction == jurisdiction ? .dispatched : .awaitingPartner
        self.byRule = byRule
        self.createdBy = createdBy
        self.createdAt = date
        self.history = [DispatchEvent(at: date, actor: createdBy, action: byRule ? "dispatch_by_rule" : "dispatch", note: "\(unit.name)（\(unit.kind.chineseName)）")]
    }

    /// Whether the order waits for its unit past the acceptance time (`dispatch.json`).
    public func isOverdue(at date: Date, acceptWithin: TimeInterval) -> Bool {
        (state == .dispatched || state == .awaitingPartner) && date.timeIntervalSince(createdAt) > acceptWithin
    }
}

/// One step of an order.
public struct DispatchEvent: Codable, Sendable, Hashable {
    public var at: Date
    /// The account id, or `system` for a rule.
    public var actor: String
    /// `dispatch`, `accept`, `decline`, `arrive`, `report`, `close`, `cancel`, `escalate`, `assign_partner`.
    public var action: String
    public var note: String?

    public init(at: Date, actor: String, action: String, note: String? = nil) {
        self.at = at
        self.actor = actor
        self.action = action
        self.note = note
    }
}
