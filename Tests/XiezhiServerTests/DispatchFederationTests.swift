import Foundation
import GRDB
import Logging
import Testing
import XiezhiCore
import XiezhiStore
@testable import XiezhiServer

/// 协作派单 between two nodes over loopback: Jinshan's roster reaches Pinghu; a Pinghu alert in the joint zone goes to
/// the nearer Jinshan patrol car through Jinshan's node; Jinshan's commander assigns it, its officer works it; each
/// step reaches Pinghu's copy; Pinghu's commander closes it and Jinshan's copy and unit follow.
@Suite struct DispatchFederationTests {
    static let pinghu = JurisdictionCode(rawValue: "330482")!
    static let jinshan = JurisdictionCode(rawValue: "310116")!

    func account(_ id: String, _ role: Role, _ jurisdiction: JurisdictionCode) -> Account {
        Account(id: id, username: id, displayName: id, role: role, jurisdiction: jurisdiction, certificateNumber: "ZF-\(id)", createdAt: Date())
    }

    @Test func aJointZoneAlertIsWorkedByThePartnersUnitThroughItsNode() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("xiezhi-dispatch-federation-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var logger = Logger(label: "xiezhi.test")
        logger.logLevel = .critical
        let ph = try await FederationBench.Running.start(try FederationBench.open(root.appendingPathComponent("ph"), port: 0, logger: logger))
        let js: FederationBench.Running
        do { js = try await FederationBench.Running.start(try FederationBench.open(root.appendingPathComponent("js"), port: 0, logger: logger)) } catch {
            await ph.stop()
            throw error
        }
        do {
            try await run(ph: ph, js: js)
        } catch {
            await ph.stop()
            await js.stop()
            throw error
        }
        await ph.stop()
        await js.stop()
    }

    func run(ph: FederationBench.Running, js: FederationBench.Running) async throws {
        try FederationBench.pair(jinshan: js, pinghu: ph)
        let phCommander = account("ph-commander", .commander, Self.pinghu)
        let jsCommander = account("js-commander", .commander, Self.jinshan)
        let jsOfficer = account("js-officer", .officer, Self.jinshan)
        let now = Date()
        // The joint enforcement station on the Pinghu–Jinshan border: in the joint zone of both agencies.
        let place = GeoPoint(longitude: 121.2488, latitude: 30.6978)
        let location = ph.node.rules.current.region.locate(place)
        #expect(location.jointZones.contains { Set($0.between) == [Self.pinghu, Self.jinshan] }, "the test place must lie in the Pinghu–Jinshan joint zone")

        try UnitStore(database: js.node.database, signingKey: nil).save(
            EnforcementUnit(id: "js-car", jurisdiction: Self.jinshan, name: "金山巡逻车01", kind: .patrolCar, members: [jsOfficer.id],
                            position: place.offsetBy(east: 2_000, north: 0), positionAt: now),
            by: "test", at: now)
        try UnitStore(database: ph.node.database, signingKey: nil).save(
            EnforcementUnit(id: "ph-car", jurisdiction: Self.pinghu, name: "平湖巡逻车01", kind: .patrolCar, members: ["ph-officer"],
                            position: place.offsetBy(east: -20_000, north: 0), positionAt: now),
            by: "test", at: now)

        // Jinshan's roster reaches Pinghu (without the officers in the unit); Pinghu's reaches Jinshan.
        try DispatchService(node: js.node).shareRoster(at: now)
        try DispatchService(node: ph.node).shareRoster(at: now)
        let phUnits = UnitStore(database: ph.node.database, signingKey: nil)
        let jsUnits = UnitStore(database: js.node.database, signingKey: nil)
        try await eventually("Jinshan's roster at Pinghu") { try phUnits.unit(id: "js-car")?.peer == "jinshan" }
        try await eventually("Pinghu's roster at Jinshan") { try jsUnits.unit(id: "ph-car")?.peer == "pinghu" }
        #expect(try phUnits.unit(id: "js-car")?.members == [])
        // Unchanged units are not sent again.
        let rosters = { try FederationOutbox(database: js.node.database).list(status: nil, limit: 100, offset: 0).items.filter { $0.kind == "unit_roster" }.count }
        let sentBefore = try rosters()
        try DispatchService(node: js.node).shareRoster(at: now.addingTimeInterval(1))
        #expect(try rosters() == sentBefore)

        // A Pinghu speeding alert at the joint station: the Jinshan car (2 km) is nearer than Pinghu's (20 km).
        let alert = AlertStore.Alert(
            id: "alert-joint-1", source: "vehicle_monitoring", kind: "speeding", kindName: "超速", subject: "vehicle:浙F00001:yellow",
            jurisdiction: Self.pinghu, notify: nil, occurredAt: now, detectedAt: now, longitude: place.longitude, latitude: place.latitude,
            summary: "浙F00001 超速 112 km/h", data: "{}")
        try AlertStore(database: ph.node.database, signingKey: nil).raise([alert])
        let phService = DispatchService(node: ph.node)
        let jsService = DispatchService(node: js.node)
        let order = try phService.dispatch(alertID: alert.id, unitID: nil, actor: DispatchActor(accountID: phCommander.id, role: .commander, jurisdiction: Self.pinghu), byRule: false)
        #expect(order.unitID == "js-car" && order.state == .awaitingPartner && order.peer == "jinshan" && order.partnerJurisdiction == Self.jinshan)

        let phOrders = DispatchStore(database: ph.node.database, signingKey: nil)
        let jsOrders = DispatchStore(database: js.node.database, signingKey: nil)
        try await eventually("the request at Jinshan") { try jsOrders.order(id: order.id) != nil }
        let copy = try #require(try jsOrders.order(id: order.id))
        #expect(copy.state == .awaitingPartner && copy.peer == "pinghu" && copy.jurisdiction == Self.pinghu && copy.subject == "vehicle:浙F00001:yellow")
        #expect(try jsOrders.orders(for: Self.jinshan, activeOnly: true, limit: 10).map(\.id) == [order.id], "Jinshan's board shows the request")
        // Pinghu's commander cannot work Jinshan's unit; Jinshan's officer cannot take it before his commander assigns it.
        #expect(throws: DomainError.self) { try jsService.act(.accept, orderID: order.id, account: jsOfficer) }
        #expect(throws: DomainError.self) { try phService.act(.accept, orderID: order.id, account: phCommander) }

        // Jinshan assigns, accepts, arrives, reports: Pinghu's copy follows step by step, and its alert is set aside.
        let jsCar = try #require(try jsUnits.unit(id: "js-car"))
        _ = try jsService.act(.assignPartner(unit: jsCar), orderID: order.id, account: jsCommander)
        _ = try jsService.act(.accept, orderID: order.id, account: jsOfficer)
        #expect(try jsUnits.unit(id: "js-car")?.status == .busy)
        _ = try jsService.act(.arrive, orderID: order.id, account: jsOfficer)
        _ = try jsService.act(.report(result: .checkedNoViolation, note: "车辆已减速，驾驶员已警示教育"), orderID: order.id, account: jsOfficer)
        try await eventually("the report at Pinghu") { try phOrders.order(id: order.id)?.state == .reported }
        let reported = try #require(try phOrders.order(id: order.id))
        #expect(reported.result == .checkedNoViolation && reported.resultNote == "车辆已减速，驾驶员已警示教育")
        let after = try #require(try AlertStore(database: ph.node.database, signingKey: nil).alert(id: alert.id))
        #expect(after.status == .dismissed && after.statusNote?.contains("协作方现场核查") == true)

        // Pinghu closes; Jinshan's copy closes and its car is free again.
        _ = try phService.act(.close(note: "指挥中心确认办结"), orderID: order.id, account: phCommander)
        try await eventually("the close at Jinshan") { try jsOrders.order(id: order.id)?.state == .closed }
        #expect(try jsUnits.unit(id: "js-car")?.status == .onDuty)
        let steps = ["dispatch", "assign_partner", "accept", "arrive", "report", "close"]
        #expect(try phOrders.order(id: order.id)?.history.map(\.action) == steps)
        #expect(try jsOrders.order(id: order.id)?.history.map(\.action) == steps)
        // Every message about the order was delivered; none refused.
        #expect(try FederationOutbox(database: ph.node.database).counts()["failed"] == nil)
        #expect(try FederationOutbox(database: js.node.database).counts()["failed"] == nil)
    }
}
