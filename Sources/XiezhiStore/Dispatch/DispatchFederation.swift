import Foundation
import GRDB
import XiezhiCore

/// Cross-node dispatch (协作派单) on the receiving side: a partner's roster kept as its units, a partner's order for
/// one of our units kept as our copy of the order, and each step the other side takes applied to our copy. Runs
/// inside the federation inbox's transaction, so each message has its effect exactly once.
public enum DispatchFederation {
    /// Our own units (not a partner's roster), for the roster we send.
    public static func ownUnits(in db: Database) throws -> [EnforcementUnit] {
        try UnitStore.all(in: db).filter { $0.peer == nil }
    }

    /// Keeps a partner's roster: its units are written as reported (no members); units it no longer lists are
    /// marked off duty, not deleted (orders may name them). A roster naming one of our own units' ids is refused.
    static func receiveRoster(_ body: UnitRosterBody, from peer: PeerStore.Peer, at date: Date, in db: Database) throws {
        guard let jurisdiction = JurisdictionCode(rawValue: body.jurisdiction), peer.jurisdictions.contains(jurisdiction) else {
            throw FederationRefusal(.jurisdictionNotAgreed, "peer \(peer.name) does not speak for jurisdiction \(body.jurisdiction)")
        }
        var listed = Set<String>()
        for entry in body.units {
            let unit: EnforcementUnit
            do { unit = try entry.unit(jurisdiction: jurisdiction, peer: peer.name) } catch let error as DomainError {
                throw FederationRefusal(.invalidBody, error.reason)
            }
            if let existing = try UnitStore.unit(id: unit.id, in: db), existing.peer != peer.name {
                throw FederationRefusal(.invalidBody, "unit id \(unit.id) is already used by \(existing.peer.map { "peer \($0)" } ?? "this node")")
            }
            try UnitStore.write(unit, at: date, in: db)
            listed.insert(unit.id)
        }
        for var gone in try UnitStore.all(in: db) where gone.peer == peer.name && gone.jurisdiction == jurisdiction && !listed.contains(gone.id) && gone.status != .off {
            gone.status = .off
            try UnitStore.write(gone, at: date, in: db)
        }
    }

    /// Keeps a partner's order for one of our units as our copy (same id), waiting for our commander to assign it.
    static func receiveRequest(_ body: DispatchRequestBody, from peer: PeerStore.Peer, at date: Date, in db: Database, key: NodeKey?) throws {
        guard let commanding = JurisdictionCode(rawValue: body.jurisdiction), peer.jurisdictions.contains(commanding) else {
            throw FederationRefusal(.jurisdictionNotAgreed, "peer \(peer.name) does not speak for jurisdiction \(body.jurisdiction)")
        }
        if try DispatchStore.order(id: body.orderId, in: db) != nil { return }
        guard let unit = try UnitStore.unit(id: body.unitId, in: db), unit.peer == nil else {
            throw FederationRefusal(.invalidBody, "no unit \(body.unitId) of this node")
        }
        var order = DispatchOrder(
            id: body.orderId, jurisdiction: commanding, alertID: nil, scene: body.scene, subject: body.subject ?? "",
            summary: body.summary, target: GeoPoint(longitude: body.longitude, latitude: body.latitude), unit: unit, byRule: false,
            createdBy: "peer:\(peer.name)", at: date)
        order.peer = peer.name
        order.history[0].note = "协作方 \(commanding.rawValue) 请求：\(unit.name)（\(unit.kind.chineseName)）"
        try DispatchStore.insert(order, in: db, key: key)
    }

    /// Applies a step the other side took to our copy of the order. A report on our alert sets the alert aside when
    /// nothing was found; a confirmed violation leaves it open for our case handlers, with the partner's words.
    static func receiveUpdate(_ body: DispatchUpdateBody, from peer: PeerStore.Peer, at date: Date, in db: Database, key: NodeKey?) throws {
        guard let order = try DispatchStore.order(id: body.orderId, in: db), order.peer == peer.name else {
            throw FederationRefusal(.unknownRequest, "no cross-node order \(body.orderId) shared with \(peer.name)")
        }
        var unit = try UnitStore.unit(id: body.unitId ?? order.unitID, in: db)
        if unit == nil, let id = body.unitId, let name = body.unitName, let kind = body.unitKind.flatMap(UnitKind.init(rawValue:)),
           let partner = order.partnerJurisdiction {
            // An assignment to a unit the roster has not shown yet: kept from the message so the order can name it.
            var named = EnforcementUnit(id: id, jurisdiction: partner, name: name, kind: kind, status: .busy)
            named.peer = peer.name
            try UnitStore.write(named, at: date, in: db)
            unit = named
        }
        guard let unit else { throw FederationRefusal(.invalidBody, "no unit \(body.unitId ?? order.unitID)") }
        let action: DispatchAction
        do { action = try body.dispatchAction(unit: unit) } catch let error as DomainError { throw FederationRefusal(.invalidBody, error.reason) }
        let speaker = order.partnerJurisdiction.flatMap { peer.jurisdictions.contains($0) ? $0 : nil } ?? order.jurisdiction
        var next: DispatchOrder
        do {
            next = try DispatchWorkflow.apply(action, to: order, by: .partnerNode(peer.name, jurisdiction: speaker), unit: unit, at: body.at)
        } catch let error as DomainError {
            throw FederationRefusal(.invalidBody, error.reason)
        }
        // Our own unit follows the order (the partner closed or withdrew it); a partner's unit follows its roster.
        if unit.peer == nil {
            let working: Set<DispatchState> = [.accepted, .arrived, .reported]
            if next.state == .closed || next.state == .cancelled, working.contains(order.state) {
                try UnitStore.setStatus(unit.id, to: .onDuty, by: "peer:\(peer.name)", at: date, in: db, key: key)
            }
        }
        if case .report(let result, let text) = action, let alertID = next.alertID,
           try String.fetchOne(db, sql: "SELECT status FROM alert WHERE id = ?", arguments: [alertID]) == AlertStore.Status.open.rawValue {
            if result != .violationConfirmed {
                try AlertStore.resolve(id: alertID, status: .dismissed, note: "协作方现场核查\(result.chineseName)：\(text)", caseID: nil, by: "peer:\(peer.name)", at: date, in: db, key: key)
            }
        }
        try DispatchStore.update(next, at: date, in: db, key: key)
    }
}
