import Foundation
import Testing
@testable import XiezhiCore

@Suite("VesselName — 船名")
struct VesselNameTests {
    @Test("real-style inland names and their parts", arguments: [
        ("浙嘉兴货1234", Province.zhejiang, "嘉兴", VesselType?.some(.cargo), "1234"),
        ("苏吴江货01234", .jiangsu, "吴江", .cargo, "01234"),
        ("皖宣城货3111", .anhui, "宣城", .cargo, "3111"),
        ("沪航工368", .shanghai, "航", .engineering, "368"),
        ("浙嘉善1234", .zhejiang, "嘉善", nil, "1234"),
        ("浙湖州油0056", .zhejiang, "湖州", .tanker, "0056"),
        ("苏盐城化168", .jiangsu, "盐城", .chemical, "168"),
        ("浙嘉兴渣2001", .zhejiang, "嘉兴", .muck, "2001"),
        ("皖马鞍山货6688", .anhui, "马鞍山", .cargo, "6688"),
        ("苏连云港拖7", .jiangsu, "连云港", .tug, "7"),
        ("浙嘉兴平湖客12", .zhejiang, "嘉兴平湖", .passenger, "12"),
        ("浙嘉兴平湖12", .zhejiang, "嘉兴平湖", nil, "12"),
        ("浙货123", .zhejiang, "货", nil, "123"),
        ("浙平湖驳123456", .zhejiang, "平湖", .barge, "123456"),
    ])
    func parts(text: String, province: Province, port: String, type: VesselType?, number: String) throws {
        let name = try VesselName(text)
        #expect(name.value == text)
        #expect(name.province == province)
        #expect(name.port == port)
        #expect(name.type == type)
        #expect(name.number == number)
    }

    @Test("normalisation: white space anywhere and full-width digits", arguments: [
        "浙嘉兴货1234", " 浙嘉兴货1234 ", "浙 嘉兴 货 1234", "浙嘉兴货１２３４", "浙嘉兴货\u{3000}１２３４",
    ])
    func normalisation(text: String) throws {
        #expect(try VesselName(text).value == "浙嘉兴货1234")
        #expect(try VesselName(text) == VesselName("浙嘉兴货1234"))
    }

    @Test("leading zeros of the number are significant")
    func leadingZeros() throws {
        #expect(try VesselName("苏吴江货01234") != VesselName("苏吴江货1234"))
    }

    @Test("type names", arguments: VesselType.allCases)
    func typeNames(type: VesselType) {
        #expect(type.chineseName.hasPrefix(type.rawValue))
    }

    @Test("refusals say what is wrong", arguments: [
        ("", "empty"),
        ("海巡06123", "does not start with a province abbreviation"),
        ("嘉兴货1234", "does not start with a province abbreviation"),
        ("浙嘉兴货", "does not end with the ship's number"),
        ("浙嘉兴货1234号", "does not end with the ship's number"),
        ("浙1234", "has no port name between the province abbreviation and the number"),
        ("浙嘉兴A货1234", "'A' at position 4 of '浙嘉兴A货1234' is not a Chinese character"),
        ("浙嘉兴-1234", "'-' at position 4"),
        ("浙嘉兴平湖乍浦货1234", "The port name '嘉兴平湖乍浦' of '浙嘉兴平湖乍浦货1234' has 6 characters; at most 4 are allowed."),
        ("浙嘉兴平湖港1234", "has 5 characters; at most 4"),
        ("浙嘉兴货1234567", "has 7 digits; at most 6 are allowed"),
    ])
    func refusals(text: String, reason: String) {
        let error = #expect(throws: DomainError.self) { try VesselName(text) }
        #expect(error?.code == "invalid_vessel_name")
        #expect(error?.reason.contains(reason) == true, "\(error?.reason ?? "no error")")
    }

    @Test("JSON: canonical string, validated on decoding")
    func codable() throws {
        let name = try VesselName("浙嘉兴货1234")
        #expect(String(decoding: try JSONEncoder().encode(name), as: UTF8.self) == #""浙嘉兴货1234""#)
        #expect(try JSONDecoder().decode(VesselName.self, from: Data(#""浙嘉兴货 １２３４""#.utf8)) == name)
        let error = #expect(throws: DomainError.self) {
            try JSONDecoder().decode(VesselName.self, from: Data(#""嘉兴货1234""#.utf8))
        }
        #expect(error?.code == "invalid_vessel_name")
    }
}
