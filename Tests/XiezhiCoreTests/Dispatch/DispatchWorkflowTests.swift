import Foundation
import Testing
import XiezhiCore

@Suite struct DispatchWorkflowTests {
    typealias F = DispatchFixtures
    let unit = F.unit("u1", at: GeoPoint(longitude: 121.2, latitude: 30.7))

    func step(_ order: DispatchOrder, _ action: DispatchAction, by actor: DispatchActor, minutes: Double) throws -> DispatchOrder {
        try DispatchWorkflow.apply(action, to: order, by: actor, unit: unit, at: F.start.addingTimeInterval(minutes * 60))
    }

    @Test func anOrderGoesFromDispatchToClose() throws {
        var order = F.order(unit: unit)
        #expect(order.state == .dispatched && order.partnerJurisdiction == nil)
        order = try step(order, .accept, by: F.officer, minutes: 3)
        #expect(order.state == .accepted && order.acceptedAt == F.start.addingTimeInterval(180))
        order = try step(order, .arrive, by: F.officer, minutes: 20)
        order = try step(order, .report(result: .violationConfirmed, note: "属实"), by: F.officer, minutes: 40)
        #expect(order.state == .reported && order.result == .violationConfirmed && order.resultNote == "属实")
        order = try step(order, .close(note: nil), by: F.commander, minutes: 45)
        #expect(order.state == .closed && order.state.isFinal)
        #expect(order.history.map(\.action) == ["dispatch", "accept", "arrive", "report", "close"])
    }

    @Test func onlyTheUnitsMembersWorkTheOrderAndOnlyTheCommanderClosesIt() throws {
        let order = F.order(unit: unit)
        let stranger = DispatchActor(accountID: "officer-2", role: .officer, jurisdiction: F.pinghu)
        #expect { try step(order, .accept, by: stranger, minutes: 1) } throws: { ($0 as? DomainError)?.code == "not_unit_member" }
        var accepted = try step(order, .accept, by: F.officer, minutes: 1)
        accepted = try step(accepted, .arrive, by: F.officer, minutes: 2)
        let reported = try step(accepted, .report(result: .checkedNoViolation, note: "证件齐全"), by: F.officer, minutes: 3)
        #expect { try step(reported, .close(note: nil), by: F.officer, minutes: 4) } throws: { ($0 as? DomainError)?.code == "role_not_allowed" }
        let foreign = DispatchActor(accountID: "c2", role: .commander, jurisdiction: F.jinshan)
        #expect { try step(reported, .close(note: nil), by: foreign, minutes: 4) } throws: { ($0 as? DomainError)?.code == "wrong_jurisdiction" }
    }

    @Test func stepsOutOfOrderAndBlankReasonsAreRefused() throws {
        let order = F.order(unit: unit)
        #expect { try step(order, .arrive, by: F.officer, minutes: 1) } throws: { ($0 as? DomainError)?.code == "transition_not_allowed" }
        #expect { try step(order, .report(result: .targetNotFound, note: "x"), by: F.officer, minutes: 1) } throws: { ($0 as? DomainError)?.code == "transition_not_allowed" }
        #expect { try step(order, .decline(reason: "  "), by: F.officer, minutes: 1) } throws: { ($0 as? DomainError)?.code == "reason_required" }
        let declined = try step(order, .decline(reason: "车辆故障"), by: F.officer, minutes: 1)
        #expect(declined.state == .declined && declined.history.last?.note == "车辆故障")
        #expect { try step(declined, .cancel(reason: "x"), by: F.commander, minutes: 2) } throws: { ($0 as? DomainError)?.code == "transition_not_allowed" }
        let accepted = try step(order, .accept, by: F.officer, minutes: 1)
        let arrived = try step(accepted, .arrive, by: F.officer, minutes: 2)
        #expect { try step(arrived, .report(result: .targetNotFound, note: ""), by: F.officer, minutes: 3) } throws: { ($0 as? DomainError)?.code == "reason_required" }
    }

    @Test func anOrderNotAcceptedInTimeEscalatesOnce() throws {
        let order = F.order(unit: unit)
        #expect(!order.isOverdue(at: F.start.addingTimeInterval(600), acceptWithin: 600))
        #expect(order.isOverdue(at: F.start.addingTimeInterval(601), acceptWithin: 600))
        let escalated = try DispatchWorkflow.apply(.escalate, to: order, by: .system(F.pinghu), unit: unit, at: F.start.addingTimeInterval(601))
        #expect(escalated.escalatedAt != nil && escalated.state == .dispatched)
        #expect { try DispatchWorkflow.apply(.escalate, to: escalated, by: .system(F.pinghu), unit: unit, at: F.start.addingTimeInterval(700)) } throws: { _ in true }
        // It can still be accepted.
        #expect(try step(escalated, .accept, by: F.officer, minutes: 12).state == .accepted)
    }

    @Test func aPartnersUnitWaitsForThePartnersCommander() throws {
        let theirs = F.unit("js1", F.jinshan, at: GeoPoint(longitude: 121.25, latitude: 30.72), members: ["js-officer"])
        let order = F.order(unit: theirs)
        #expect(order.state == .awaitingPartner && order.partnerJurisdiction == F.jinshan)
        #expect { try DispatchWorkflow.apply(.assignPartner(unit: theirs), to: order, by: F.commander, unit: theirs, at: F.start) } throws: { ($0 as? DomainError)?.code == "wrong_jurisdiction" }
        let jinshanCommander = DispatchActor(accountID: "js-commander", role: .commander, jurisdiction: F.jinshan)
        let other = F.unit("js2", F.jinshan, kind: .patrolCar, at: GeoPoint(longitude: 121.26, latitude: 30.73), members: ["js-officer"])
        let assigned = try DispatchWorkflow.apply(.assignPartner(unit: other), to: order, by: jinshanCommander, unit: other, at: F.start.addingTimeInterval(60))
        #expect(assigned.state == .dispatched && assigned.unitID == "js2")
        let officer = DispatchActor(accountID: "js-officer", role: .officer, jurisdiction: F.jinshan)
        #expect(try DispatchWorkflow.apply(.accept, to: assigned, by: officer, unit: other, at: F.start.addingTimeInterval(120)).state == .accepted)
    }
}
