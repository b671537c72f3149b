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
        let order = DispatchOrder(
            id: UUID().uuidString.lowercased(), jurisdiction: actor.jurisdiction, alertID: target.alertID, caseID: target.caseID,
            scene: try scene(for: target).scene, subject: target.subject, summary: target.summary, target: target.point, unit: chosen.unit,
            byRule: byRule, createdBy: actor.accountID, at: now)
        let key = node.key
        try node.database.writer.write { db in
            if let active = try DispatchStore.activeOrder(alertID: target.alertID, caseID: target.caseID, in: db) {
                throw DomainError(code: "already_dispatched", reason: "already dispatched (order \(active.id), \(active.state.rawValue))")
            }
            try DispatchStore.insert(order, in: db, key: key)
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
                if order.state == .accepted || order.state == .arrived || order.state == .reported {
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
            return next
        }
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
        } catch {
            node.logger.error("dispatch sweep failed", metadata: ["error": "\(error)"])
        }
        return (dispatched, escalated)
    }
}
