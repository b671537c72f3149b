import Foundation
import NIOCore
import Testing
import XiezhiCore
import XiezhiData
import XiezhiSimulator
import XiezhiWire

/// The JT/T 808 fleet generator: replayable, clean trips inside the rules' numbers, violations where injected, and the
/// bytes each terminal writes decode back to its fixes in its own edition.
@Suite struct JT808FleetGeneratorTests {
    static let region = Result { try Region(geoJSON: try Data(contentsOf: BundledData.demoRegion), jointZoneRule: try BundledData.rulesFile("joint-zone.json")) }
    static let rules = Result { try VehicleMonitoringRules(json: try BundledData.rulesFile("vehicle-monitoring.json")) }
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    func fleet(seed: UInt64, count: Int = 30) throws -> JT808Fleet {
        var generator = JT808FleetGenerator(region: try Self.region.get(), rules: try Self.rules.get(), seed: seed)
        return generator.fleet(count: count, now: Self.now)
    }

    @Test func sameSeedSameFleet() throws {
        let (a, b, c) = (try fleet(seed: 7), try fleet(seed: 7), try fleet(seed: 8))
        #expect(a.terminals == b.terminals)
        #expect(a.terminals.map(\.fixes) != c.terminals.map(\.fixes))
        #expect(a.groundTruth == b.groundTruth)
    }

    @Test func cleanTripsStayInsideTheRules() throws {
        let rules = try Self.rules.get()
        let fleet = try fleet(seed: 3, count: 60)
        for terminal in fleet.terminals {
            let limit = try #require(rules.roadClass(of: terminal.road).flatMap { rules.speedLimit(on: $0, for: terminal.kind) }).limitKmh
            let top = terminal.fixes.map(\.speedKmh).max() ?? 0
            if terminal.violation == .speeding {
                #expect(top > Double(limit))
            } else {
                #expect(top < Double(limit) * Double(rules.nightSpeed.percentOfDayLimit) / 100, "\(terminal.vehicle) \(terminal.road)")
            }
            if terminal.kind == .coach, terminal.violation != .earlyMorning {
                #expect(!terminal.fixes.contains { rules.earlyMorningBan.window.contains($0.time) && $0.speedKmh > 0 })
            }
            if terminal.violation == .earlyMorning {
                #expect(terminal.fixes.contains { rules.earlyMorningBan.window.contains($0.time) && $0.speedKmh > 0 })
            }
            if let route = fleet.approvedRoutes.first(where: { $0.covers(terminal.vehicle) }) {
                let corridor = Double(rules.routeDeviation.corridorMetres.value)
                let outside = terminal.fixes.filter { route.line.distance(from: GeoPoint(longitude: $0.longitude, latitude: $0.latitude)) > corridor }
                if terminal.violation == .offRoute {
                    let minutes = (outside.last?.time.timeIntervalSince(outside.first?.time ?? .distantPast) ?? 0) / 60
                    #expect(minutes > Double(rules.routeDeviation.minimumMinutes.value))
                } else {
                    #expect(outside.isEmpty, "\(terminal.vehicle) keeps to its route")
                }
            }
            #expect(terminal.goesSilent == (terminal.fixes.last?.speedKmh ?? 0 > 0))
            #expect(zip(terminal.fixes, terminal.fixes.dropFirst()).allSatisfy { $0.time < $1.time })
        }
        let hazmat = fleet.terminals.filter { $0.kind == .hazmat }
        #expect(Set(fleet.waybills.map(\.vehicle)) == Set(hazmat.filter { $0.violation != .noWaybill }.map(\.vehicle)))
        #expect(Set(fleet.approvedRoutes.flatMap(\.vehicles)) == Set(fleet.terminals.filter { $0.kind == .coach }.map(\.vehicle)))
    }

    @Test func framesDecodeBackToTheFixes() throws {
        for terminal in try fleet(seed: 11, count: 24).terminals {
            var framer = TerminalFramer(terminal: terminal)
            var received: [JT808LocationReport] = []
            var packets = 0
            let registration = try framer.registration()
            let registered = try decode(registration.writes, version: terminal.version)
            #expect(registered.count == 1)
            guard case .registration(let body)? = registered.first else {
                Issue.record("no registration from \(terminal.phone)")
                continue
            }
            #expect(body.plate == terminal.vehicle.plate.value)
            for upload in TerminalUpload.plan(terminal.fixes, liveFrom: nil) {
                let outgoing = try framer.upload(upload)
                packets += outgoing.packets.count
                for message in try decode(outgoing.writes, version: terminal.version) {
                    switch message {
                    case .locationReport(let report): received.append(report)
                    case .batchLocationUpload(let batch): received += batch.reports
                    default: continue
                    }
                }
            }
            // Retransmitted reports arrive twice; each fix once by time.
            var seen = Set<Date>()
            let unique = received.filter { seen.insert($0.date ?? .distantPast).inserted }
            #expect(unique.count == terminal.fixes.count)
            for (report, fix) in zip(unique, terminal.fixes) {
                #expect(report.date == Date(timeIntervalSince1970: fix.time.timeIntervalSince1970.rounded(.down)))
                #expect(abs(report.latitudeDegrees - fix.latitude) < 1e-6 && abs(report.longitudeDegrees - fix.longitude) < 1e-6)
            }
            #expect(packets > 0, "the back-fill of \(terminal.phone) is subpackaged")
        }
    }

    /// The messages in `writes`: packets of a subpackaged message joined in index order, heartbeats skipped.
    func decode(_ writes: [ByteBuffer], version: JT808Version) throws -> [JT808Message] {
        var splitter = JT808FrameSplitter()
        for write in writes { splitter.append(write) }
        var messages: [JT808Message] = []
        var parts: [UInt16: ByteBuffer] = [:]
        while let frame = try splitter.next() {
            if let subpackage = frame.header.subpackage {
                parts[subpackage.index] = frame.body
                if parts.count == Int(subpackage.total) {
                    var body = ByteBuffer()
                    for index in 1...subpackage.total { var part = parts[index]!; body.writeBuffer(&part) }
                    messages.append(try JT808Message(messageID: frame.header.messageID, body: body, version: version))
                    parts = [:]
                }
                continue
            }
            let message = try JT808Message(frame: frame, version: version)
            if case .heartbeat = message { continue }
            messages.append(message)
        }
        return messages
    }
}
