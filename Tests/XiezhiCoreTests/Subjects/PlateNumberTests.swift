import Foundation
import Testing
@testable import XiezhiCore

@Suite("PlateNumber — 机动车号牌")
struct PlateNumberTests {
    @Test("spellings of one plate normalise to 浙F12345", arguments: [
        "浙F12345", "浙F·12345", "浙f12345", " 浙F 12345 ", "浙F-12345", "浙Ｆ１２３４５", "浙F•12345",
        "浙F－12345", "浙F・12345", "浙F\u{3000}12345", "浙F.12345", "浙F–12345", "\t浙 f · 1 2 3 4 5\n",
    ])
    func normalisation(text: String) throws {
        let plate = try PlateNumber(text)
        #expect(plate.value == "浙F12345")
        #expect(plate == (try PlateNumber("浙F12345")))
        #expect(plate.kind == .ordinary)
    }

    @Test("parts of an ordinary Jiaxing plate")
    func parts() throws {
        let plate = try PlateNumber("浙F·A1B23")
        #expect(plate.province == .zhejiang)
        #expect(plate.provinceAbbreviation == "浙")
        #expect(plate.provinceName == "浙江省")
        #expect(plate.provinceCode == "33")
        #expect(plate.authorityLetter == "F")
        #expect(plate.serial == "A1B23")
        #expect(plate.registrationCity == RegistrationCity(name: "嘉兴市", code: "3304"))
        #expect(!plate.isNewEnergy)
        #expect(!plate.isTrailer)
        #expect(plate.newEnergyPowertrain == nil)
        #expect(plate.impliedColor == nil)
        #expect(plate.description == "浙FA1B23")
    }

    @Test("registration cities of the delta provinces", arguments: [
        ("浙A12345", "杭州市", "3301"), ("浙B12345", "宁波市", "3302"), ("浙F12345", "嘉兴市", "3304"),
        ("浙E12345", "湖州市", "3305"), ("浙L12345", "舟山市", "3309"),
        ("沪A12345", "上海市", "3101"), ("沪C12345", "上海市", "3101"), ("沪R12345", "上海市", "3101"),
        ("苏E12345", "苏州市", "3205"), ("苏U12345", "苏州市", "3205"), ("苏A12345", "南京市", "3201"),
        ("苏N12345", "宿迁市", "3213"),
        ("皖P12345", "宣城市", "3418"), ("皖A12345", "合肥市", "3401"), ("皖S12345", "亳州市", "3416"),
    ])
    func registrationCity(plate: String, city: String, code: String) throws {
        let city = RegistrationCity(name: city, code: code)
        #expect(try PlateNumber(plate).registrationCity == city)
        #expect(try PlateNumber(plate).registrationCity?.code.hasPrefix(PlateNumber(plate).provinceCode) == true)
    }

    @Test("no city outside the table", arguments: ["京A12345", "粤B12345", "皖Q12345", "浙M12345", "粤O12345"])
    func unknownCity(plate: String) throws {
        #expect(try PlateNumber(plate).registrationCity == nil)
    }

    @Test("provinces: all 31 abbreviations open a valid plate, with name and GB/T 2260 code")
    func provinces() throws {
        #expect(Province.allCases.count == 31)
        #expect(Set(Province.allCases.map(\.code)).count == 31)
        for province in Province.allCases {
            let plate = try PlateNumber("\(province.abbreviation)A12345")
            #expect(plate.province == province)
            #expect(plate.provinceCode.count == 2)
        }
        #expect(Province.shanghai.code == "31")
        #expect(Province.jiangsu.name == "江苏省")
        #expect(Province.anhui.code == "34")
        #expect(Province.guangxi.name == "广西壮族自治区")
    }

    @Test("new-energy plates", arguments: [
        ("浙FD12345", PlateNumber.Kind.smallNewEnergy, PlateNumber.NewEnergyPowertrain.batteryElectric, "D12345"),
        ("浙FF12345", .smallNewEnergy, .otherNewEnergy, "F12345"),
        ("沪AD·E1234", .smallNewEnergy, .batteryElectric, "DE1234"),
        ("浙FA12345", .smallNewEnergy, .batteryElectric, "A12345"),
        ("浙FK12345", .smallNewEnergy, .otherNewEnergy, "K12345"),
        ("浙F12345D", .largeNewEnergy, .batteryElectric, "12345D"),
        ("苏E12345F", .largeNewEnergy, .otherNewEnergy, "12345F"),
    ])
    func newEnergy(text: String, kind: PlateNumber.Kind, powertrain: PlateNumber.NewEnergyPowertrain, serial: String) throws {
        let plate = try PlateNumber(text)
        #expect(plate.kind == kind)
        #expect(plate.isNewEnergy)
        #expect(plate.newEnergyPowertrain == powertrain)
        #expect(plate.serial == serial)
        #expect(plate.impliedColor == .green)
        #expect(plate.value.count == 8)
    }

    @Test("plates with a trailing class character", arguments: [
        ("浙F1234挂", PlateNumber.Kind.trailer, "1234", PlateColor?.some(.yellow)),
        ("浙F·A123挂", .trailer, "A123", .yellow),
        ("浙F1234学", .coach, "1234", .yellow),
        ("浙A1234警", .police, "1234", .white),
        ("粤Z1234港", .hongKong, "1234", .black),
        ("粤Z1234澳", .macao, "1234", .black),
        ("沪A1234领", .consulate, "1234", .black),
        ("浙A1234应急", .emergency, "1234", nil),
    ])
    func suffixed(text: String, kind: PlateNumber.Kind, serial: String, color: PlateColor?) throws {
        let plate = try PlateNumber(text)
        #expect(plate.kind == kind)
        #expect(plate.serial == serial)
        #expect(plate.isTrailer == (kind == .trailer))
        #expect(plate.value.hasSuffix(kind.suffix!))
        #expect(plate.impliedColor == color)
        #expect(!plate.isNewEnergy)
    }

    @Test("refusals name the problem", arguments: [
        ("", "empty"),
        ("江F12345", "'江' at position 1 of '江F12345' is not a province abbreviation"),
        ("F12345", "'F' at position 1"),
        ("使014578", "embassy plate"),
        ("浙I12345", "cannot be I"),
        ("浙812345", "Position 2 of '浙812345' must be the issuing-authority letter A–Z, got '8'"),
        ("浙F12O45", "'O' at position 5 of '浙F12O45' is not used in plate serials (GA 36 excludes I and O); did you mean 0?"),
        ("浙F1234I", "'I' at position 7 of '浙F1234I' is not used in plate serials (GA 36 excludes I and O); did you mean 1?"),
        ("浙F1I34挂", "'I' at position 4"),
        ("浙F1234", "too short: it has 6 characters"),
        ("浙F", "too short: it has 2 characters"),
        ("浙", "too short"),
        ("浙F1234567", "too long: it has 9 characters"),
        ("浙F12#45", "'#' at position 5 of '浙F12#45' is not a digit or a letter"),
        ("浙FZ12345", "Position 3 of '浙FZ12345' must be D, A, B, C, E (battery electric) or F, G, H, J, K (other new energy) on a small new-energy plate, got 'Z'"),
        ("浙FD1A345", "'A' at position 5 of '浙FD1A345' must be a digit"),
        ("浙F12345G", "Position 8 of '浙F12345G' must be D (battery electric) or F (other new energy) on a large new-energy plate, got 'G'"),
        ("浙F1234DF", "'D' at position 7 of '浙F1234DF' must be a digit"),
        ("浙F12345挂", "has 5 serial characters before '挂'; a 挂车号牌 has 4"),
        ("浙F123挂", "has 3 serial characters before '挂'"),
        ("浙F1234港", "only issued on 粤Z plates"),
        ("粤B1234澳", "only issued on 粤Z plates"),
    ])
    func refusals(text: String, reason: String) {
        let error = #expect(throws: DomainError.self) { try PlateNumber(text) }
        #expect(error?.code == "invalid_plate")
        #expect(error?.reason.contains(reason) == true, "\(error?.reason ?? "no error")")
    }

    @Test("JSON: encodes the canonical string, decodes through validation")
    func codable() throws {
        let plate = try PlateNumber("浙F·12345")
        let data = try JSONEncoder().encode([plate])
        #expect(String(decoding: data, as: UTF8.self) == #"["浙F12345"]"#)
        #expect(try JSONDecoder().decode([PlateNumber].self, from: Data(#"["浙f 12345"]"#.utf8)) == [plate])
        let error = #expect(throws: DomainError.self) {
            try JSONDecoder().decode([PlateNumber].self, from: Data(#"["浙F12O45"]"#.utf8))
        }
        #expect(error?.code == "invalid_plate")
    }

    @Test("equal plates hash alike and sort by text")
    func hashing() throws {
        let set: Set<PlateNumber> = [try PlateNumber("浙F12345"), try PlateNumber("浙F·12345"), try PlateNumber("沪A12345")]
        #expect(set.count == 2)
        #expect(try PlateNumber("沪A12345") < PlateNumber("浙F12345") || PlateNumber("浙F12345") < PlateNumber("沪A12345"))
    }
}
