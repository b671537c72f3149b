import Foundation
import Testing
@testable import XiezhiCore

@Suite("MMSI — 水上移动通信业务标识码")
struct MMSITests {
    @Test("station classes and MIDs", arguments: [
        ("413123456", MMSI.Station.ship, Int?.some(413), true),
        ("412000001", .ship, 412, true),
        ("414999999", .ship, 414, true),
        ("477123456", .ship, 477, false),
        ("244123456", .ship, 244, false),
        ("004131234", .coastStation, 413, true),
        ("041312345", .groupOfShips, 413, true),
        ("111413123", .searchAndRescueAircraft, 413, true),
        ("994131234", .aidToNavigation, 413, true),
        ("984131234", .craftAssociatedWithParentShip, 413, true),
        ("841312345", .handheldVHF, 413, true),
        ("970123456", .searchAndRescueTransmitter, nil, false),
        ("972123456", .manOverboard, nil, false),
        ("974123456", .epirb, nil, false),
        ("123456789", .other, nil, false),
        ("000000000", .other, nil, false),
        ("200123456", .other, nil, false),
        ("776123456", .other, nil, false),
        ("999999999", .other, nil, false),
        ("112413123", .other, nil, false),
    ])
    func classes(text: String, station: MMSI.Station, mid: Int?, chinese: Bool) throws {
        let mmsi = try MMSI(text)
        #expect(mmsi.station == station)
        #expect(mmsi.mid == mid)
        #expect(mmsi.isChinese == chinese)
    }

    @Test("normalisation", arguments: ["413123456", " 413 123 456 ", "４１３１２３４５６"])
    func normalisation(text: String) throws {
        #expect(try MMSI(text).value == "413123456")
    }

    @Test("AIS integers are padded to nine digits")
    func integers() throws {
        #expect(try MMSI(413_123_456).value == "413123456")
        #expect(try MMSI(2_579_999).value == "002579999")
        #expect(try MMSI(2_579_999).station == .coastStation)
        #expect(try MMSI(0).value == "000000000")
        #expect(try MMSI("002579999").number == 2_579_999)
    }

    @Test("refusals", arguments: [
        ("41312345", "'41312345' has 8 digits; an MMSI is exactly 9 digits."),
        ("4131234567", "has 10 digits"),
        ("", "has 0 digits"),
        ("41312345A", "a character that is not a digit"),
        ("413-123-456", "a character that is not a digit"),
    ])
    func refusals(text: String, reason: String) {
        let error = #expect(throws: DomainError.self) { try MMSI(text) }
        #expect(error?.code == "invalid_mmsi")
        #expect(error?.reason.contains(reason) == true, "\(error?.reason ?? "no error")")
    }

    @Test("integers outside nine digits are refused", arguments: [-1, 1_000_000_000])
    func integerRefusals(number: Int) {
        let error = #expect(throws: DomainError.self) { try MMSI(number) }
        #expect(error?.code == "invalid_mmsi")
    }

    @Test("JSON: a string out, a string or an integer in")
    func codable() throws {
        let mmsi = try MMSI("002579999")
        #expect(String(decoding: try JSONEncoder().encode(mmsi), as: UTF8.self) == #""002579999""#)
        #expect(try JSONDecoder().decode(MMSI.self, from: Data("2579999".utf8)) == mmsi)
        #expect(try JSONDecoder().decode(MMSI.self, from: Data(#""002579999""#.utf8)) == mmsi)
        let error = #expect(throws: DomainError.self) { try JSONDecoder().decode(MMSI.self, from: Data(#""2579999""#.utf8)) }
        #expect(error?.code == "invalid_mmsi")
    }
}
