import Foundation
import Testing
@testable import XiezhiCore

@Suite("SubjectKey — 当事人/对象标识")
struct SubjectKeyTests {
    static let keys: [(SubjectKey, String)] = [
        (.vehicle(try! VehicleKey(plate: "浙F12345", color: .yellow)), "vehicle:浙F12345:yellow"),
        (.vehicle(try! VehicleKey(plate: "浙FD12345", color: .green)), "vehicle:浙FD12345:green"),
        (.vehicle(try! VehicleKey(plate: "浙F1234挂", color: .yellow)), "vehicle:浙F1234挂:yellow"),
        (.vessel(try! VesselName("浙嘉兴货1234")), "vessel:浙嘉兴货1234"),
        (.mmsi(try! MMSI("413123456")), "mmsi:413123456"),
        (.organisation(try! UnifiedSocialCreditCode("914403001922038216")), "organisation:914403001922038216"),
        (.person(try! ResidentIDNumber("11010519491231002X")), "person:11010519491231002X"),
    ]

    @Test("string forms", arguments: keys)
    func stringForm(key: SubjectKey, text: String) throws {
        #expect(key.stringValue == text)
        #expect(try SubjectKey(text) == key)
        #expect(try SubjectKey(key.stringValue) == key)
        #expect(text.hasPrefix(key.kind + ":"))
    }

    @Test("non-canonical spellings parse to the canonical key", arguments: [
        ("vehicle:浙F·12345:yellow", "vehicle:浙F12345:yellow"),
        ("vehicle: 浙f 12345 :yellow", "vehicle:浙F12345:yellow"),
        ("vessel:浙嘉兴货 １２３４", "vessel:浙嘉兴货1234"),
        ("organisation:91440300708461136t", "organisation:91440300708461136T"),
        ("person:11010519491231002x", "person:11010519491231002X"),
        ("mmsi: 413123456", "mmsi:413123456"),
    ])
    func canonicalisation(text: String, canonical: String) throws {
        #expect(try SubjectKey(text).stringValue == canonical)
    }

    @Test("role names build the identity keys")
    func roles() throws {
        let code = try UnifiedSocialCreditCode("914403001922038216")
        let id = try ResidentIDNumber("11010519491231002X")
        #expect(SubjectKey.carrier(code) == .organisation(code))
        #expect(SubjectKey.driver(id) == .person(id))
        // The same company as carrier and as ship owner is one party for the double-penalty check.
        let asCarrier = try Carrier(name: "某公司", creditCode: code).subjectKey
        let asShipOwner = try Owner.organisation(named: "某公司", creditCode: code).subjectKey
        #expect(asCarrier == asShipOwner)
        #expect(Set([asCarrier, asShipOwner]).count == 1)
    }

    @Test("description masks a person's ID number; other keys print their string form")
    func description() throws {
        let person = try SubjectKey("person:11010519491231002X")
        #expect(person.description == "person:110105********002X")
        #expect("\(person)".contains("19491231") == false)
        #expect(try SubjectKey("vehicle:浙F12345:yellow").description == "vehicle:浙F12345:yellow")
    }

    @Test("bad keys", arguments: [
        ("浙F12345", "invalid_subject_key"),
        ("truck:浙F12345:yellow", "invalid_subject_key"),
        ("vehicle:浙F12345", "invalid_vehicle_key"),
        ("vehicle:浙F12O45:yellow", "invalid_plate"),
        ("vessel:嘉兴货1234", "invalid_vessel_name"),
        ("mmsi:4131234", "invalid_mmsi"),
        ("organisation:914403001922038217", "invalid_credit_code"),
        ("person:11010519491231002Y", "invalid_id_number"),
        ("", "invalid_subject_key"),
    ])
    func badKeys(text: String, code: String) {
        let error = #expect(throws: DomainError.self) { try SubjectKey(text) }
        #expect(error?.code == code, "\(error?.description ?? "no error")")
    }

    @Test("an unknown-prefix error does not repeat a long identifier")
    func redaction() {
        let error = #expect(throws: DomainError.self) { try SubjectKey("11010519491231002X") }
        #expect(error?.reason.contains("11010519491231002X") == false)
    }

    @Test("JSON is the string form and validates")
    func codable() throws {
        let keys = Self.keys.map(\.0)
        let data = try JSONEncoder().encode(keys)
        #expect(try JSONDecoder().decode([SubjectKey].self, from: data) == keys)
        #expect(String(decoding: try JSONEncoder().encode([Self.keys[0].0]), as: UTF8.self) == #"["vehicle:浙F12345:yellow"]"#)
        let error = #expect(throws: DomainError.self) {
            try JSONDecoder().decode([SubjectKey].self, from: Data(#"["vehicle:浙I12345:yellow"]"#.utf8))
        }
        #expect(error?.code == "invalid_plate")
    }

    @Test("keys are hashable and ordered by string form")
    func ordering() throws {
        let keys = Self.keys.map(\.0)
        #expect(Set(keys).count == keys.count)
        #expect(keys.sorted().map(\.stringValue) == keys.map(\.stringValue).sorted())
    }
}
