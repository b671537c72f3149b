import Foundation
import Testing
@testable import XiezhiCore

@Suite("ResidentIDNumber and Driver — 公民身份号码, 驾驶员")
struct ResidentIDNumberTests {
    /// `11010519491231002X` and `440524188001010014` are the worked examples printed in GB 11643-1999 itself;
    /// the others are constructed (ISO 7064 MOD 11-2 computed offline) and belong to nobody known.
    @Test("valid numbers and their parts", arguments: [
        ("11010519491231002X", "110105", "1949-12-31"),
        ("440524188001010014", "440524", "1880-01-01"),
        ("330482198503151230", "330482", "1985-03-15"),
        ("310116199001010017", "310116", "1990-01-01"),
        ("32050919780620432X", "320509", "1978-06-20"),
        ("330482200002290021", "330482", "2000-02-29"),
    ])
    func valid(text: String, region: String, birth: String) throws {
        let id = try ResidentIDNumber(text)
        #expect(id.value == text)
        #expect(id.regionCode.rawValue == region)
        #expect(id.birthDate.description == birth)
        #expect(try ResidentIDNumber.checkCharacter(for: String(text.prefix(17))) == text.last)
    }

    @Test("normalisation: lower-case x, white space, full-width digits", arguments: [
        "11010519491231002x", " 110105 19491231 002X ", "１１０１０５１９４９１２３１００２Ｘ", "１１０１０５１９４９１２３１００２ｘ",
    ])
    func normalisation(text: String) throws {
        #expect(try ResidentIDNumber(text).value == "11010519491231002X")
    }

    @Test("the number is masked wherever it is printed")
    func masking() throws {
        let id = try ResidentIDNumber("330482198503151230")
        #expect(id.description == "330482********1230")
        #expect("\(id)" == "330482********1230")
        #expect(String(reflecting: id) == "ResidentIDNumber(330482********1230)")
        var dumped = ""
        dump(id, to: &dumped)
        #expect(!dumped.contains("19850315"))
        #expect(dumped.contains("330482********1230"))
        #expect(id.masked.count == 18)
    }

    @Test("birth date as a China-time instant")
    func birthInstant() throws {
        let id = try ResidentIDNumber("11010519491231002X")
        #expect(ChinaTime.format(id.birthDate.startInChina) == "1949-12-31 00:00")
        #expect(id.birthDate < CalendarDate(year: 1950, month: 1, day: 1)!)
    }

    @Test("refusals name the problem and the expected check character", arguments: [
        ("110105491231002", "15-digit first-generation number is not accepted"),
        ("11010519491231002", "has 17 characters; a resident ID number has 18"),
        ("11010519491231002X1", "has 19 characters"),
        ("", "has 0 characters"),
        ("1101051949123100XX", "'X' at position 17 must be a digit; only the 18th character may be X"),
        ("11010519491231002Y", "'Y' at position 18 must be a digit or X"),
        ("110105A9491231002X", "'A' at position 7 must be a digit"),
        ("110105194913310020", "Positions 7–14 must be a birth date yyyyMMdd; 19491331 is not a calendar date."),
        ("110105199902290020", "19990229 is not a calendar date"),
        ("110105194912310021", "The check character (position 18) is 1 but ISO 7064 MOD 11-2 gives X."),
        ("440524188001010015", "is 5 but ISO 7064 MOD 11-2 gives 4"),
    ])
    func refusals(text: String, reason: String) {
        let error = #expect(throws: DomainError.self) { try ResidentIDNumber(text) }
        #expect(error?.code == "invalid_id_number")
        #expect(error?.reason.contains(reason) == true, "\(error?.reason ?? "no error")")
    }

    @Test("a wrong check character does not leak the full number into the error")
    func errorsDoNotLeak() {
        let error = #expect(throws: DomainError.self) { try ResidentIDNumber("330482198503151231") }
        #expect(error?.reason.contains("330482198503151231") == false)
    }

    @Test("JSON carries the full number (storage) and validates it")
    func codable() throws {
        let id = try ResidentIDNumber("11010519491231002X")
        #expect(String(decoding: try JSONEncoder().encode(id), as: UTF8.self) == #""11010519491231002X""#)
        #expect(try JSONDecoder().decode(ResidentIDNumber.self, from: Data(#""11010519491231002x""#.utf8)) == id)
        let error = #expect(throws: DomainError.self) {
            try JSONDecoder().decode(ResidentIDNumber.self, from: Data(#""110105194912310021""#.utf8))
        }
        #expect(error?.code == "invalid_id_number")
    }

    @Test("calendar dates", arguments: [
        (2000, 2, 29, true), (1900, 2, 29, false), (2024, 2, 29, true), (2023, 2, 29, false), (2023, 4, 31, false),
        (2023, 12, 31, true), (2023, 13, 1, false), (2023, 0, 1, false), (2023, 1, 0, false),
    ])
    func calendarDates(year: Int, month: Int, day: Int, valid: Bool) {
        #expect((CalendarDate(year: year, month: month, day: day) != nil) == valid)
    }

    @Test("calendar date JSON is yyyy-MM-dd")
    func calendarDateCodable() throws {
        let date = CalendarDate(year: 2024, month: 3, day: 5)!
        #expect(String(decoding: try JSONEncoder().encode(date), as: UTF8.self) == #""2024-03-05""#)
        #expect(try JSONDecoder().decode(CalendarDate.self, from: Data(#""2024-03-05""#.utf8)) == date)
        let error = #expect(throws: DomainError.self) {
            try JSONDecoder().decode(CalendarDate.self, from: Data(#""2023-02-29""#.utf8))
        }
        #expect(error?.code == "invalid_date")
    }

    @Test("a driver's certificate defaults to the ID number; description masks it")
    func driver() throws {
        let id = try ResidentIDNumber("330482198503151230")
        let driver = try Driver(name: " 张三 ", idNumber: id)
        #expect(driver.name == "张三")
        #expect(driver.qualificationCertificateNumber == "330482198503151230")
        #expect(driver.certificateIsIDNumber)
        #expect(driver.description == "张三 (330482********1230)")
        #expect(driver.subjectKey == .person(id))
        #expect(driver.subjectKey == .driver(id))

        let other = try Driver(name: "李四", idNumber: id, qualificationCertificateNumber: " 3304001234 ")
        #expect(other.qualificationCertificateNumber == "3304001234")
        #expect(!other.certificateIsIDNumber)
        #expect(try Driver(name: "王五", idNumber: id, qualificationCertificateNumber: "  ").certificateIsIDNumber)
    }

    @Test("a driver needs a name")
    func driverName() throws {
        let id = try ResidentIDNumber("330482198503151230")
        let error = #expect(throws: DomainError.self) { try Driver(name: "  ", idNumber: id) }
        #expect(error?.code == "invalid_name")
    }

    @Test("driver JSON round-trips and validates")
    func driverCodable() throws {
        let driver = try Driver(name: "张三", idNumber: ResidentIDNumber("330482198503151230"))
        let data = try JSONEncoder().encode(driver)
        #expect(try JSONDecoder().decode(Driver.self, from: data) == driver)
        let minimal = try JSONDecoder().decode(Driver.self, from: Data(#"{"name":"张三","idNumber":"330482198503151230"}"#.utf8))
        #expect(minimal == driver)
        let error = #expect(throws: DomainError.self) {
            try JSONDecoder().decode(Driver.self, from: Data(#"{"name":"张三","idNumber":"330482198503151231"}"#.utf8))
        }
        #expect(error?.code == "invalid_id_number")
    }
}
