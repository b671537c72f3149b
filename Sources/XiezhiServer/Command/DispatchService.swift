import Foundation
import GRDB
import Logging
import XiezhiCore
import XiezhiStore

/// Dispatch (派单制): from an alert to the best unit, and each step of the order after. Every change is one
/// transaction: the order, the unit's status, the alert (a case opened on a confirmed violation, set aside when
/// nothing was found) and their audit entries.
struct DispatchService: Sendable {
    let node: Node
    var units: UnitStore { UnitStore(database: node.database, signingKey: node.key) }
    var orders: DispatchStore { DispatchStore(database: node.database, signingKey: node.key) }
    var alerts: AlertStore { AlertStore(database: node.database, signingKey: node.key) }
    var rules: DispatchRules { node.rules.current.dispatch }

    /// What an order is dispatched from: an open alert, or a clue case with a place.
    struct Target: Sendable {
        var alertID: String?
        var caseID: String?
        /// The alert kind or the case's violation kind, and `source` (the alert's source, or `case`): they pick the scene.
        var kind: String
        var source: String
        var subject: String
        var summary: String
        var point: GeoPoint
    }

    /// An open alert of the agency (where it happened, or the agency told).
    func target(alertID: String, for agency: JurisdictionCode) throws -> Target {
        guard let alert = try alerts.alert(id: alertID), alert.jurisdiction == agency || alert.notify == agency else {
            throw Problem.notFound("no alert \(alertID) for agency \(agency)")
        }
        guard alert.status == .open else {
            throw DomainError(code: "alert_not_open", reason: "alert \(alertID) is already \(alert.status.rawValue)")
        }
        return Target(
            alertID: alert.id, kind: alert.kind, source: alert.source, subject: alert.subject, summary: alert.summary,
            point: GeoPoint(longitude: alert.longitude, latitude: alert.latitude))
    }

    /// A case of the agency that is still open and has a place with coordinates (e.g. a WIM station's overload clue: a
    /// unit intercepts the truck).
    func target(caseID: String, for agency: JurisdictionCode) throws -> Target {
        guard let value = try CaseStore(database: node.database, signingKey: nil).fetch(id: caseID), value.jurisdiction == agency else {
            throw Problem.notFound("no case \(caseID) in agency \(agency)")
        }
        guard !value.stage.isTerminal else {
            throw DomainError(code: "case_closed", reason: "case \(caseID) is \(value.stage.rawValue); nothing is left to check on site")
        }
        guard let longitude = value.place?.longitude, let latitude = value.place?.latitude else {
            throw DomainError(code: "case_has_no_place", reason: "case \(caseID) has no coordinates to send a unit to")
        }
        return Target(
            caseID: value.id, kind: value.violationKind, source: "case", subject: value.subject, summary: value.facts,
            point: GeoPoint(longitude: longitude, latitude: latitude))
    }

    /// The scene of a target.
    func scene(for target: Target) throws -> DispatchScene {
        guard let scene = rules.scene(alertKind: target.kind, source: target.source) else {
            throw Problem(status: .unprocessableContent, code: "no_scene", detail: "dispatch.json has no scene for '\(target.kind)' from \(target.source)")
        }
        return scene
    }

    /// The units that could go, best first.
    func candidates(for target: Target, commandingAgency: JurisdictionCode) throws -> [UnitPlanner.Candidate] {
        UnitPlanner.candidates(
            units: try units.all(), target: target.point, location: node.rules.current.region.locate(target.point), scene: try scene(for: target),
            commandingAgency: commandingAgency, rules: rules)
    }

    /// Dispatches an open alert (see ``dispatch(_:unitID:actor:byRule:)``).
    func dispatch(alertID: String, unitID: String?, actor: DispatchActor, byRule: Bool) throws -> DispatchOrder {
        try dispatch(try target(alertID: alertID, for: actor.jurisdiction), unitID: unitID, actor: actor, byRule: byRule)
    }

    /// Dispatches a target to `unitID`, or to the best unit when nil. `byRule`: the routine-kind rule, not a person.
    func dispatch(_ target: Target, unitID: String?, actor: DispatchActor, byRule: Bool) throws -> DispatchOrder {
        let candidates = try candidates(for: target, commandingAgency: actor.jurisdiction)
        let chosen: UnitPlanner.Candidate
        if let unitID {
            guard let candidate = candidates.first(where: { $0.unit.id == unitID }) else {
                let why = try units.unit(id: unitID).map { unit in
                    "unit \(unitID) is \(unit.status.rawValue), a \(unit.kind.rawValue) of \(unit.jurisdiction.rawValue); it must be on duty, of a kind for this scene, with a known position, and its agency must be the place's or share its joint zone"
                } ?? "no unit \(unitID)"
                throw DomainError(code: "unit_not_eligible", reason: why)
            }
            chosen = candidate
        } else {
            guard let best = candidates.first else {
                throw DomainError(code: "no_unit_available", reason: "no unit on duty can work this \(try scene(for: target).scene) task where it is")
            }
            chosen = best
        }
        let now = node.now()
        var order = DispatchOrder(
            id: UUID().uuidString.lowercased(), jurisdiction: actor.jurisdiction, alertID: target.alertID, caseID: target.caseID,
            scene: try scene(for: target).scene, subject: target.subject, summary: target.summary, target: target.point, unit: chosen.unit,
            byRule: byRule, createdBy: actor.accountID, at: now)
        order.peer = chosen.unit.peer
        let key = node.key
        try node.database.writer.write { [order] db in
            if let active = try DispatchStore.activeOrder(alertID: target.alertID, caseID: target.caseID, in: db) {
                throw DomainError(code: "already_dispatched", reason: "already dispatched (order \(active.id), \(active.state.rawValue))")
            }
            try DispatchStore.insert(order, in: db, key: key)
            // A partner node's unit: the request goes to that node in the same transaction (协作派单).
            if let name = order.peer {
                try Self.send(.dispatchRequest, body: DispatchRequestBody(order), of: order, to: name, at: now, in: db)
            }
        }
        node.logger.info(
            "order dispatched",
            metadata: ["order": "\(order.id)", "unit": "\(chosen.unit.id)", "alert": "\(target.alertID ?? "")", "case": "\(target.caseID ?? "")", "by_rule": "\(byRule)"])
        return order
    }

    /// Applies a step to an order, with its effects on the unit and the alert.
    func act(_ action: DispatchAction, orderID: String, account: Account) throws -> DispatchOrder {
        let actor = DispatchActor(accountID: account.id, role: account.role, jurisdiction: account.jurisdiction)
        let now = node.now()
        let key = node.key
        let caseService = CaseService(node: node)
        // The alert's stop-for-inspection orders go into the facts of a case opened from a report (read before the
        // transaction: the store's reads are not reentrant).
        let inspection = try orders.order(id: orderID)?.alertID.map { try InspectionOrderStore(database: node.database, signingKey: nil).orders(alertID: $0) } ?? []
        return try node.database.writer.write { db in
            guard let order = try DispatchStore.order(id: orderID, in: db),
                  order.jurisdiction == account.jurisdiction || order.partnerJurisdiction == account.jurisdiction else {
                throw Problem.notFound("no order \(orderID) for agency \(account.jurisdiction)")
            }
            let unitID: String
            if case .assignPartner(let unit) = action { unitID = unit.id } else { unitID = order.unitID }
            guard let unit = try UnitStore.unit(id: unitID, in: db) else { throw Problem.notFound("no unit \(unitID)") }
            var next = try DispatchWorkflow.apply(action, to: order, by: actor, unit: unit, at: now)
            switch next.state {
            case .accepted:
                try UnitStore.setStatus(unit.id, to: .busy, by: account.id, at: now, in: db, key: key)
            case .closed, .declined, .cancelled:
                // A partner node's unit follows its own node's roster.
                if unit.peer == nil, order.state == .accepted || order.state == .arrived || order.state == .reported {
                    try UnitStore.setStatus(unit.id, to: .onDuty, by: account.id, at: now, in: db, key: key)
                }
            case .reported:
                if let alertID = next.alertID, let alert = try Row.fetchOne(db, sql: "SELECT * FROM alert WHERE id = ?", arguments: [alertID]).map(AlertStore.alert(from:)),
                   alert.status == .open {
                    next.caseID = try resolve(alert, result: next.result ?? .checkedNoViolation, note: next.resultNote ?? "", account: account, caseService: caseService, inspection: inspection, at: now, in: db)
                }
            default:
                break
            }
            try DispatchStore.update(next, at: now, in: db, key: key)
            // A cross-node order: the other side's copy takes the same step.
            if let name = order.peer {
                try Self.send(.dispatchUpdate, body: DispatchUpdateBody(step: action, after: next, unit: unit, at: now), of: order, to: name, at: now, in: db)
            }
            return next
        }
    }

    /// Queues a cross-node order's message to its partner node, in the caller's transaction. Messages about one order
    /// are related to it, so the delivery service sends them in the order they were written.
    static func send<Body: Encodable>(_ kind: FederationKind, body: Body, of order: DispatchOrder, to name: String, at date: Date, in db: Database) throws {
        guard let peer = try PeerStore.peer(name: name, in: db) else {
            throw DomainError(code: "peer_not_found", reason: "the partner node \(name) of order \(order.id) is no longer registered")
        }
        try FederationOutbox.enqueue(kind, body: body, to: [peer], related: .init(type: "dispatch_order", id: order.id), at: date, in: db)
    }

    /// What a report does to the alert: a confirmed violation opens a case from it (when its kind is a violation the
    /// node handles as a case); nothing found sets it aside with the unit's words. Returns the case id.
    private func resolve(
        _ alert: AlertStore.Alert, result: DispatchResult, note: String, account: Account, caseService: CaseService,
        inspection: [InspectionOrderStore.Record], at now: Date, in db: Database
    ) throws -> String? {
        switch result {
        case .violationConfirmed:
            guard AlertController.violationKinds[alert.kind] != nil else { return nil }
            let intake = try caseService.admissible(try AlertController.intake(alert, orders: inspection), by: account)
            let opened = try CaseStore.open(intake, id: UUID().uuidString.lowercased(), by: CaseService.actor(account), at: now, in: db, key: node.key)
            try alerts.resolve(id: alert.id, status: .caseOpened, note: "现场核查确认：\(note)", caseID: opened.id, by: account.id, at: now, in: db)
            return opened.id
        case .checkedNoViolation, .targetNotFound:
            try alerts.resolve(id: alert.id, status: .dismissed, note: "现场核查\(result.chineseName)：\(note)", caseID: nil, by: account.id, at: now, in: db)
            return nil
        }
    }

    /// One pass of the rules: routine alerts dispatched to the best unit, orders not accepted in time escalated.
    /// Returns what changed.
    @discardableResult
    func sweep() -> (dispatched: Int, escalated: Int) {
        let now = node.now()
        var dispatched = 0
        var escalated = 0
        do {
            for alert in try alerts.open(kinds: rules.routineAlertKinds, since: now.addingTimeInterval(-24 * 3600)) {
                guard let agency = alert.jurisdiction else { continue }
                do {
                    _ = try dispatch(alertID: alert.id, unitID: nil, actor: .system(agency), byRule: true)
                    dispatched += 1
                } catch let error as DomainError where error.code == "already_dispatched" || error.code == "no_unit_available" {
                    continue
                } catch {
                    node.logger.warning("routine alert not dispatched", metadata: ["alert": "\(alert.id)", "error": "\(error)"])
                }
            }
            let limit = rules.acceptWithinSeconds
            for order in try orders.waiting() where order.isOverdue(at: now, acceptWithin: limit) && order.escalatedAt == nil {
                let next = try DispatchWorkflow.apply(.escalate, to: order, by: .system(order.jurisdiction), unit: EnforcementUnit(id: order.unitID, jurisdiction: order.jurisdiction, name: "", kind: .team), at: now)
                let key = node.key
                try node.database.writer.write { db in try DispatchStore.update(next, at: now, in: db, key: key) }
                node.logger.warning("order escalated", metadata: ["order": "\(order.id)", "unit": "\(order.unitID)"])
                escalated += 1
            }
            try shareRoster(at: now)
        } catch {
            node.logger.error("dispatch sweep failed", metadata: ["error": "\(error)"])
        }
        return (dispatched, escalated)
    }

    /// How often a roster goes out when only positions changed; a change of status, kind or name goes out at the next
    /// sweep. Not a legal figure: it bounds the federation traffic of moving patrol cars (one message a minute a
    /// partner) while keeping the partner's map and travel estimates current enough to pick the nearest unit.
    static let rosterPositionInterval: TimeInterval = 60

    /// Sends our units to each partner whose agreement includes rosters, per agency, when they changed (see
    /// ``rosterPositionInterval``). A partner is not sent the units of an agency it speaks for itself.
    func shareRoster(at now: Date) throws {
        try node.database.writer.write { db in
            let peers = try FederationOutbox.peers(for: .unitRoster, in: db)
            guard !peers.isEmpty else { return }
            let own = Dictionary(grouping: try DispatchFederation.ownUnits(in: db), by: \.jurisdiction)
            for peer in peers {
                let last = try String.fetchAll(
                    db, sql: "SELECT body FROM federation_outbox WHERE peer = ? AND kind = 'unit_roster' ORDER BY created_at DESC, rowid DESC LIMIT 20",
                    arguments: [peer.name]
                ).compactMap { try? FederationJSON.decode(UnitRosterBody.self, from: $0) }
                for (jurisdiction, units) in own where !peer.jurisdictions.contains(jurisdiction) {
                    let roster = UnitRosterBody(jurisdiction: jurisdiction, units: units, at: now)
                    if let previous = last.first(where: { $0.jurisdiction == jurisdiction.rawValue }) {
                        func withoutPositions(_ body: UnitRosterBody) -> [[String]] { body.units.map { [$0.id, $0.name, $0.kind, $0.status] } }
                        if previous.units == roster.units { continue }
                        if withoutPositions(previous) == withoutPositions(roster), now.timeIntervalSince(previous.at) < Self.rosterPositionInterval { continue }
                    }
                    try FederationOutbox.enqueue(.unitRoster, body: roster, to: [peer], related: .init(type: "unit_roster", id: jurisdiction.rawValue), at: now, in: db)
                }
            }
        }
    }
}
