import Foundation

/// The lead agency's plan of a joint operation (联合执法行动): what, when, where, with whom, and where it stands.
/// It is also the body of a ``FederationKind/jointOperation`` message: the lead sends the whole plan to every partner
/// on each change, with a higher ``revision``, so every node shows the same operation whatever order messages
/// arrive in.
public struct JointOperationPlan: Codable, Hashable, Sendable {
    /// Chosen by the lead's node; the same on every node.
    public var operationId: String
    /// 1 when planned, one more with every change; a node keeps the highest it has seen.
    public var revision: Int
    public var title: String
    public var startsAt: Date
    public var endsAt: Date
    public var place: OperationPlace
    /// The agency that plans and leads it (牵头单位).
    public var lead: OperationAgency
    /// The partner agencies (配合单位), each running its own node.
    public var partners: [OperationAgency]
    public var targets: [JointOperationTarget]
    public var state: JointOperationState
    /// The state changes, oldest first (`planned` first).
    public var events: [JointOperationEvent]
    public var note: String?

    /// A new plan, validated: a title, a window that ends after it starts, at least one partner other than the lead
    /// and no agency twice, at least one target.
    public init(
        operationId: String, title: String, startsAt: Date, endsAt: Date, place: OperationPlace, lead: OperationAgency, partners: [OperationAgency],
        targets: [JointOperationTarget], note: String?, at now: Date
    ) throws {
        self.operationId = operationId
        self.revision = 1
        self.title = title.trimmingCharacters(in: .whitespaces)
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.place = place
        self.lead = lead
        self.partners = partners
        self.targets = targets
        self.state = .planned
        self.events = [JointOperationEvent(at: now, state: .planned, note: nil)]
        self.note = note
        try validate()
    }

    /// The checks a plan must pass on the lead's node and again on every partner's.
    public func validate() throws {
        guard !title.isEmpty, title.count <= 200 else {
            throw DomainError(code: "missing_title", reason: "give the operation a title of at most 200 characters ('title')")
        }
        guard endsAt > startsAt else {
            throw DomainError(code: "invalid_window", reason: "the operation must end ('ends_at') after it starts ('starts_at')")
        }
        try lead.checkPartners(partners)
        guard !targets.isEmpty else {
            throw DomainError(code: "missing_targets", reason: "name what the operation goes after ('targets': \(JointOperationTarget.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        guard revision >= 1, events.first?.state == .planned else {
            throw DomainError(code: "invalid_plan", reason: "a plan starts at revision 1 with its 'planned' event")
        }
    }

    /// Every agency on the operation, the lead first.
    public var agencies: [OperationAgency] { [lead] + partners }

    /// Whether `jurisdiction` takes part (as lead or partner).
    public func involves(_ jurisdiction: JurisdictionCode) -> Bool {
        agencies.contains { $0.jurisdiction == jurisdiction }
    }

    /// The plan after the lead's `action`: the new state, its event, the next revision. Cancelling needs a reason.
    public func applying(_ action: JointOperationAction, note: String?, at now: Date) throws -> JointOperationPlan {
        let trimmed = note?.trimmingCharacters(in: .whitespaces)
        if action == .cancel, (trimmed ?? "").isEmpty {
            throw DomainError(code: "missing_reason", reason: "say why the operation is cancelled ('note')")
        }
        var next = self
        next.state = try state.after(action)
        next.revision += 1
        next.events.append(JointOperationEvent(at: now, state: next.state, note: trimmed?.isEmpty == true ? nil : trimmed))
        return next
    }
}

/// One state change of a joint operation, as every node shows it.
public struct JointOperationEvent: Codable, Hashable, Sendable {
    public var at: Date
    public var state: JointOperationState
    public var note: String?

    public init(at: Date, state: JointOperationState, note: String?) {
        self.at = at
        self.state = state
        self.note = note
    }
}
