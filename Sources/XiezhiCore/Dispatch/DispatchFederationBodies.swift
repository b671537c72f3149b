import Foundation

/// The body of a ``FederationKind/unitRoster`` message: an agency's dispatchable units as the partner may see them
/// (no members: which officers sit in a unit stays with the agency).
public struct UnitRosterBody: Codable, Hashable, Sendable {
    public var jurisdiction: String
    public var units: [RosterUnit]
    public var at: Date

    public init(jurisdiction: JurisdictionCode, units: [EnforcementUnit], at: Date) {
        self.jurisdiction = jurisdiction.rawValue
        self.units = units.map(RosterUnit.init)
        self.at = at
    }

    /// One unit of a roster.
    public struct RosterUnit: Codable, Hashable, Sendable {
        public var id: String
        public var name: String
        public var kind: String
        public var status: String
        public var longitude: Double?
        public var latitude: Double?
        public var positionAt: Date?

        public init(_ unit: EnforcementUnit) {
            id = unit.id
            name = unit.name
            kind = unit.kind.rawValue
            status = unit.status.rawValue
            longitude = unit.position?.longitude
            latitude = unit.position?.latitude
            positionAt = unit.positionAt
        }

        /// The unit as the receiving node keeps it: the partner's, reported by `peer`, without members.
        public func unit(jurisdiction: JurisdictionCode, peer: String) throws -> EnforcementUnit {
            guard let kind = UnitKind(rawValue: kind), let status = UnitStatus(rawValue: status) else {
                throw DomainError(code: "invalid_unit", reason: "unit \(id) has an unknown kind '\(self.kind)' or status '\(self.status)'")
            }
            let position = longitude.flatMap { longitude in latitude.map { GeoPoint(longitude: longitude, latitude: $0) } }
            var unit = EnforcementUnit(id: id, jurisdiction: jurisdiction, name: name, kind: kind, status: status, position: position, positionAt: positionAt)
            unit.peer = peer
            return unit
        }
    }
}

/// The body of a ``FederationKind/dispatchRequest`` message: the commanding agency's order for one of the partner's
/// units. The order keeps its id on both nodes.
public struct DispatchRequestBody: Codable, Hashable, Sendable {
    public var orderId: String
    /// The commanding agency.
    public var jurisdiction: String
    public var unitId: String
    public var scene: String
    public var summary: String
    public var longitude: Double
    public var latitude: Double
    public var requestedAt: Date
    /// The plate or ship to check: personal data, sent only when the agreement names `subject`.
    public var subject: String?

    public init(_ order: DispatchOrder) {
        orderId = order.id
        jurisdiction = order.jurisdiction.rawValue
        unitId = order.unitID
        scene = order.scene
        summary = order.summary
        longitude = order.target.longitude
        latitude = order.target.latitude
        requestedAt = order.createdAt
        subject = order.subject
    }
}

/// The body of a ``FederationKind/dispatchUpdate`` message: one step of a cross-node order, as the side that took it
/// recorded it.
public struct DispatchUpdateBody: Codable, Hashable, Sendable {
    public var orderId: String
    /// The step (``DispatchAction/name``).
    public var action: String
    /// The state after the step.
    public var state: String
    public var at: Date
    /// The unit after the step (an assignment may name another unit of the partner's).
    public var unitId: String?
    public var unitName: String?
    public var unitKind: String?
    /// A report's result (``DispatchResult``).
    public var result: String?
    /// The reason, the report's text or the closing note.
    public var note: String?

    public init(step action: DispatchAction, after order: DispatchOrder, unit: EnforcementUnit?, at date: Date) {
        orderId = order.id
        self.action = action.name
        state = order.state.rawValue
        at = date
        unitId = unit?.id
        unitName = unit?.name
        unitKind = unit?.kind.rawValue
        switch action {
        case .decline(let reason), .cancel(let reason): note = reason
        case .report(let result, let text):
            self.result = result.rawValue
            note = text
        case .close(let text): note = text
        case .accept, .arrive, .assignPartner, .escalate: note = nil
        }
    }

    /// The step as an action on the receiving node's copy of the order. An assignment names the unit, which the
    /// receiving node knows from the roster or from this message.
    public func dispatchAction(unit: EnforcementUnit?) throws -> DispatchAction {
        switch action {
        case "accept": return .accept
        case "decline": return .decline(reason: note ?? "")
        case "arrive": return .arrive
        case "report":
            guard let result = result.flatMap(DispatchResult.init(rawValue:)) else {
                throw DomainError(code: "invalid_result", reason: "a report carries a result, one of \(DispatchResult.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return .report(result: result, note: note ?? "")
        case "close": return .close(note: note)
        case "cancel": return .cancel(reason: note ?? "")
        case "assign_partner":
            guard let unit else { throw DomainError(code: "invalid_unit", reason: "an assignment names the unit (unit_id, unit_name, unit_kind)") }
            return .assignPartner(unit: unit)
        default:
            throw DomainError(code: "invalid_action", reason: "'\(action)' is not a step another node takes on an order")
        }
    }
}
