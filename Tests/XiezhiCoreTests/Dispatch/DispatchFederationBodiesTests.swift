import Foundation
import Testing
import XiezhiCore

/// The messages of a cross-node order: what a step carries, and how the other side replays it on its copy.
@Suite struct DispatchFederationBodiesTests {
    typealias F = DispatchFixtures
    let unit = F.unit("u1", at: GeoPoint(longitude: 121.2, latitude: 30.7))

    /// Sends `action` as taken on one copy and replays it on `copy` as the partner node.
    func replay(_ action: DispatchAction, taken on: DispatchOrder, on copy: DispatchOrder, minutes: Double) throws -> (sent: DispatchOrder, copy: DispatchOrder) {
        let at = F.start.addingTimeInterval(minutes * 60)
        let sent = try DispatchWorkflow.apply(action, to: on, by: actorFor(action), unit: unit, at: at)
        let body = DispatchUpdateBody(step: action, after: sent, unit: unit, at: at)
        #expect(body.state == sent.state.rawValue)
        let mirrored = try DispatchWorkflow.apply(try body.dispatchAction(unit: unit), to: copy, by: .partnerNode("jinshan", jurisdiction: F.jinshan), unit: unit, at: body.at)
        return (sent, mirrored)
    }

    func actorFor(_ action: DispatchAction) -> DispatchActor {
        switch action {
        case .close, .cancel: F.commander
        default: F.officer
        }
    }

    @Test func eachStepReplaysToTheSameStateResultAndTimes() throws {
        var here = F.order(unit: unit)
        var there = here
        for (minutes, action) in [(3.0, DispatchAction.accept), (20, .arrive), (40, .report(result: .violationConfirmed, note: "超载 32%")), (45, .close(note: "办结"))] {
            (here, there) = try replay(action, taken: here, on: there, minutes: minutes)
            #expect(there.state == here.state)
        }
        #expect(there.result == .violationConfirmed && there.resultNote == "超载 32%")
        #expect(there.acceptedAt == here.acceptedAt && there.arrivedAt == here.arrivedAt && there.closedAt == here.closedAt)
        #expect(there.history.map(\.action) == here.history.map(\.action))
        #expect(there.history.dropFirst().allSatisfy { $0.actor == "peer:jinshan" })
    }

    @Test func aReplayedStepStillObeysTheStateMachine() throws {
        let order = F.order(unit: unit)
        let arrive = DispatchUpdateBody(step: .arrive, after: order, unit: unit, at: F.start)
        // The partner node may not skip "accept": its messages come in order, so this is a fault, refused.
        #expect { try DispatchWorkflow.apply(try arrive.dispatchAction(unit: unit), to: order, by: .partnerNode("jinshan", jurisdiction: F.jinshan), unit: unit, at: F.start) }
            throws: { ($0 as? DomainError)?.code == "transition_not_allowed" }
        var bad = arrive
        bad.action = "escalate"
        #expect { try bad.dispatchAction(unit: unit) } throws: { ($0 as? DomainError)?.code == "invalid_action" }
        bad.action = "report"
        bad.result = "maybe"
        #expect { try bad.dispatchAction(unit: unit) } throws: { ($0 as? DomainError)?.code == "invalid_result" }
    }

    @Test func aRosterCarriesNoMembersAndComesBackAsThePartnersUnits() throws {
        var car = EnforcementUnit(id: "js-car", jurisdiction: F.jinshan, name: "金山巡逻车01", kind: .patrolCar, status: .busy, members: ["js-officer"],
                                  position: GeoPoint(longitude: 121.3, latitude: 30.73), positionAt: F.start)
        car.terminalPhone = "13800000000"
        let roster = UnitRosterBody(jurisdiction: F.jinshan, units: [car], at: F.start)
        let kept = try roster.units[0].unit(jurisdiction: F.jinshan, peer: "jinshan")
        #expect(kept.members.isEmpty && kept.terminalPhone == nil && kept.peer == "jinshan")
        #expect(kept.kind == .patrolCar && kept.status == .busy && kept.position == car.position && kept.name == car.name)
        var odd = roster.units[0]
        odd.kind = "helicopter"
        #expect { try odd.unit(jurisdiction: F.jinshan, peer: "jinshan") } throws: { ($0 as? DomainError)?.code == "invalid_unit" }
    }
}
