import Foundation
import Testing
import XiezhiCore

@Suite("Vehicle monitoring: dangerous goods without an electronic waybill")
struct WaybillTests {
    static let start = MonitoringFixtures.china("2024-03-05 09:00:00")
    static let tanker = MonitoringFixtures.key("浙F00001")

    static func waybill(from: TimeInterval, to: TimeInterval, vehicle: VehicleKey = tanker, id: String = "YD20240305001") throws -> ElectronicWaybill {
        try ElectronicWaybill(
            id: id, vehicle: vehicle, goodsName: "汽油", unNumber: try UNNumber("UN1203"), goodsClass: try DangerousGoodsClass("3"),
            origin: "平湖市独山港区", destination: "上海市金山区", validFrom: start.addingTimeInterval(from), validTo: start.addingTimeInterval(to),
            carrier: MonitoringFixtures.carrier)
    }

    /// A tanker on G228 at 60 km/h from 0 to `minutes` minutes, a fix a minute.
    static func track(minutes count: Double) throws -> SyntheticTrack {
        var track = SyntheticTrack(road: try MonitoringFixtures.road("G228"), startMetres: 40_000, start: start)
        track.drive(from: 0, to: .minutes(count), kmh: 60)
        return track
    }

    static func clues(_ track: SyntheticTrack, _ waybills: [ElectronicWaybill], kind: MonitoredVehicleKind = .hazmat) throws -> [MonitoringClue] {
        try MonitoringFixtures.clues(.hazmatWithoutWaybill, track.positions, MonitoringFixtures.context(kind, waybills: waybills))
    }

    @Test("moving without any waybill is one clue for the trip, citing Art. 24")
    func noWaybill() throws {
        let clues = try Self.clues(try Self.track(minutes: 60), [])
        let clue = try #require(clues.first)
        #expect(clues.count == 1)
        #expect(clue.start == Self.start)
        #expect(clue.citation == Citation(law: "危险货物道路运输安全管理办法（交通运输部令2019年第29号）", article: "第二十四条", confidence: .text))
        #expect(clue.measurements.isEmpty)
        #expect(clue.evidence.map(\.time) == [Self.start])
        #expect(clue.factsZh.contains("无该车运单"))
    }

    @Test("a waybill in force for the whole trip keeps it quiet; expired, not yet valid, or another vehicle's do not")
    func validity() throws {
        let track = try Self.track(minutes: 60)
        #expect(try Self.clues(track, [try Self.waybill(from: -60, to: .hours(2))]).isEmpty)
        #expect(try Self.clues(track, [try Self.waybill(from: 0, to: .minutes(60))]).isEmpty)
        #expect(try Self.clues(track, [try Self.waybill(from: 1, to: .minutes(60))]).count == 1)
        #expect(try Self.clues(track, [try Self.waybill(from: -.hours(5), to: -.hours(1))]).count == 1)
        #expect(try Self.clues(track, [try Self.waybill(from: .hours(1), to: .hours(3))]).count == 1)
        let other = try Self.waybill(from: -60, to: .hours(2), vehicle: MonitoringFixtures.key("浙F00002"))
        #expect(try Self.clues(track, [other]).count == 1)
        // Expiring mid-trip: a clue from the first moving fix after it.
        let expiring = try #require(try Self.clues(track, [try Self.waybill(from: -60, to: .minutes(30))]).first)
        #expect(expiring.start == Self.start.addingTimeInterval(.minutes(31)))
        #expect(expiring.factsZh.contains("均不在有效期内"))
    }

    @Test("a stop of 30 min ends the trip, so the next trip without a waybill is another clue; 29 min does not", arguments: [(29.0, 1), (30.0, 2)])
    func tripBreak(stopMinutes: Double, expected: Int) throws {
        var track = try Self.track(minutes: 20)
        track.still(from: .minutes(21), to: .minutes(21 + stopMinutes))
        track.drive(from: .minutes(22 + stopMinutes), to: .minutes(40 + stopMinutes), kmh: 60)
        #expect(try Self.clues(track, []).count == expected)
    }

    @Test("only dangerous-goods vehicles need a waybill; a parked tanker does not")
    func quiet() throws {
        #expect(try Self.clues(try Self.track(minutes: 30), [], kind: .truck).isEmpty)
        var parked = SyntheticTrack(road: try MonitoringFixtures.road("G228"), startMetres: 40_000, start: Self.start)
        parked.still(from: 0, to: .minutes(60))
        #expect(try Self.clues(parked, []).isEmpty)
    }

    @Test("a UN number is four digits, with or without UN")
    func unNumber() throws {
        #expect(try UNNumber("UN1203").digits == "1203")
        #expect(try UNNumber("un 1203").description == "UN1203")
        #expect(try UNNumber("1005").digits == "1005")
        for bad in ["", "UN", "120", "12034", "UN12a3", "0000", "１２０３"] {
            #expect(throws: DomainError.self, "\(bad)") { try UNNumber(bad) }
        }
        let json = try JSONEncoder().encode(try UNNumber("UN1203"))
        #expect(String(decoding: json, as: UTF8.self) == "\"1203\"")
    }

    @Test("a dangerous-goods class is one of GB 6944's")
    func goodsClass() throws {
        #expect(try DangerousGoodsClass("2.1").classNumber == 2)
        #expect(try DangerousGoodsClass("3").chineseName == "易燃液体")
        #expect(try DangerousGoodsClass("8").chineseName == "腐蚀性物质")
        for bad in ["0", "10", "2.4", "3.1", "x", ""] {
            #expect(throws: DomainError.self, "\(bad)") { try DangerousGoodsClass(bad) }
        }
    }

    @Test("a waybill needs its texts and a validity that is not empty; it round-trips through JSON")
    func waybillValidation() throws {
        #expect(throws: DomainError.self) { try Self.waybill(from: 60, to: 60) }
        #expect(throws: DomainError.self) { try Self.waybill(from: 0, to: 60, id: " ") }
        let waybill = try Self.waybill(from: 0, to: .hours(8))
        #expect(waybill.isActive(at: Self.start))
        #expect(waybill.isActive(at: Self.start.addingTimeInterval(.hours(8))))
        #expect(!waybill.isActive(at: Self.start.addingTimeInterval(.hours(8) + 1)))
        let decoded = try JSONDecoder().decode(ElectronicWaybill.self, from: try JSONEncoder().encode(waybill))
        #expect(decoded == waybill)
        var object = try #require(try JSONSerialization.jsonObject(with: try JSONEncoder().encode(waybill)) as? [String: Any])
        object["unNumber"] = "12"
        #expect(throws: DomainError.self) { try JSONDecoder().decode(ElectronicWaybill.self, from: try JSONSerialization.data(withJSONObject: object)) }
    }

    @Test("the context picks the waybill in force for its own vehicle")
    func activeWaybill() throws {
        let early = try Self.waybill(from: 0, to: .hours(2), id: "A")
        let late = try Self.waybill(from: .hours(1), to: .hours(4), id: "B")
        let context = MonitoringFixtures.context(.hazmat, waybills: [early, late])
        #expect(context.activeWaybill(at: Self.start.addingTimeInterval(.minutes(30)))?.id == "A")
        #expect(context.activeWaybill(at: Self.start.addingTimeInterval(.minutes(90)))?.id == "B")
        #expect(context.activeWaybill(at: Self.start.addingTimeInterval(.hours(5))) == nil)
    }
}
