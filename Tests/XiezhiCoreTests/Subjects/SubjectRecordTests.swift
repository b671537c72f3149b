import Foundation
import Testing
@testable import XiezhiCore

@Suite("Carrier, Owner, Vehicle, Vessel — 运输企业, 车主/船东, 车辆, 船舶")
struct SubjectRecordTests {
    let creditCode = try! UnifiedSocialCreditCode("91330482MA2B3C4D1J")
    let idNumber = try! ResidentIDNumber("330482198503151230")

    @Test("a carrier trims its name and permit; blank permit is none")
    func carrier() throws {
        let carrier = try Carrier(name: " 平湖某某物流有限公司 ", creditCode: creditCode, roadTransportPermitNumber: " 浙交运管许可嘉字330482000123号 ")
        #expect(carrier.name == "平湖某某物流有限公司")
        #expect(carrier.roadTransportPermitNumber == "浙交运管许可嘉字330482000123号")
        #expect(carrier.subjectKey == .organisation(creditCode))
        #expect(carrier.subjectKey == .carrier(creditCode))
        #expect(carrier.description == "平湖某某物流有限公司 (91330482MA2B3C4D1J)")
        #expect(try Carrier(name: "X", creditCode: creditCode, roadTransportPermitNumber: " ").roadTransportPermitNumber == nil)
        let error = #expect(throws: DomainError.self) { try Carrier(name: "", creditCode: creditCode) }
        #expect(error?.code == "invalid_name")
    }

    @Test("carrier JSON validates the credit code")
    func carrierCodable() throws {
        let carrier = try Carrier(name: "平湖某某物流有限公司", creditCode: creditCode, roadTransportPermitNumber: "330482000123")
        #expect(try JSONDecoder().decode(Carrier.self, from: JSONEncoder().encode(carrier)) == carrier)
        let bad = #expect(throws: DomainError.self) {
            try JSONDecoder().decode(Carrier.self, from: Data(#"{"name":"某公司","creditCode":"91330482MA2B3C4D1K"}"#.utf8))
        }
        #expect(bad?.code == "invalid_credit_code")
        #expect(bad?.reason.contains("gives J") == true)
        let blank = #expect(throws: DomainError.self) {
            try JSONDecoder().decode(Carrier.self, from: Data(#"{"name":" ","creditCode":"91330482MA2B3C4D1J"}"#.utf8))
        }
        #expect(blank?.code == "invalid_name")
    }

    @Test("owners: person or organisation, with JSON kinds and masked description")
    func owners() throws {
        let person = try Owner.person(named: " 张三 ", idNumber: idNumber)
        let company = try Owner.organisation(named: "嘉兴某某航运有限公司", creditCode: creditCode)
        #expect(person.name == "张三")
        #expect(person.description == "张三 (330482********1230)")
        #expect(company.description == "嘉兴某某航运有限公司 (91330482MA2B3C4D1J)")
        #expect(person.subjectKey == .person(idNumber))
        #expect(company.subjectKey == .organisation(creditCode))

        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(person), as: UTF8.self)
            == #"{"idNumber":"330482198503151230","kind":"person","name":"张三"}"#)
        #expect(String(decoding: try encoder.encode(company), as: UTF8.self)
            == #"{"creditCode":"91330482MA2B3C4D1J","kind":"organisation","name":"嘉兴某某航运有限公司"}"#)
        for owner in [person, company] {
            #expect(try JSONDecoder().decode(Owner.self, from: encoder.encode(owner)) == owner)
        }
        let unknown = #expect(throws: DomainError.self) {
            try JSONDecoder().decode(Owner.self, from: Data(#"{"kind":"robot","name":"R2"}"#.utf8))
        }
        #expect(unknown?.code == "invalid_owner")
        let badID = #expect(throws: DomainError.self) {
            try JSONDecoder().decode(Owner.self, from: Data(#"{"kind":"person","name":"张三","idNumber":"330482198503151231"}"#.utf8))
        }
        #expect(badID?.code == "invalid_id_number")
    }

    @Test("a vehicle with owner and carrier round-trips through JSON")
    func vehicle() throws {
        let key = try VehicleKey(plate: "浙F·D12345", color: .green)
        let vehicle = Vehicle(key: key, kind: .truck, owner: try .person(named: "张三", idNumber: idNumber), carrier: creditCode)
        #expect(vehicle.subjectKey == .vehicle(key))
        #expect(vehicle.description == "浙FD12345:green")
        #expect(try JSONDecoder().decode(Vehicle.self, from: JSONEncoder().encode(vehicle)) == vehicle)
        let minimal = try JSONDecoder().decode(Vehicle.self, from: Data(#"{"key":{"plate":"浙F1234挂","color":"yellow"}}"#.utf8))
        #expect(minimal.key.plate.isTrailer)
        #expect(minimal.kind == nil && minimal.owner == nil && minimal.carrier == nil)
        let bad = #expect(throws: DomainError.self) {
            try JSONDecoder().decode(Vehicle.self, from: Data(#"{"key":{"plate":"浙F1234O","color":"yellow"}}"#.utf8))
        }
        #expect(bad?.code == "invalid_plate")
    }

    @Test("vehicle kinds have Chinese names", arguments: VehicleKind.allCases)
    func vehicleKinds(kind: VehicleKind) {
        #expect(!kind.chineseName.isEmpty)
        #expect(kind.chineseName.unicodeScalars.allSatisfy { $0.value > 0x2E80 })
    }

    @Test("a vessel with MMSI and registry record round-trips through JSON")
    func vessel() throws {
        let registration = try VesselRegistration(
            identificationNumber: " cn20151234567 ",
            portOfRegistry: "嘉兴",
            owner: .organisation(named: "嘉兴某某航运有限公司", creditCode: creditCode),
            lengthMetres: 45.8,
            beamMetres: 10.6,
            grossTonnage: 498
        )
        #expect(registration.identificationNumber == "CN20151234567")
        let vessel = Vessel(name: try VesselName("浙嘉兴货1234"), mmsi: try MMSI("413123456"), registration: registration)
        #expect(vessel.subjectKey == .vessel(try VesselName("浙嘉兴货1234")))
        #expect(vessel.description == "浙嘉兴货1234 (MMSI 413123456)")
        #expect(try JSONDecoder().decode(Vessel.self, from: JSONEncoder().encode(vessel)) == vessel)
        let nameOnly = Vessel(name: try VesselName("沪航工368"))
        #expect(nameOnly.description == "沪航工368")
        #expect(try JSONDecoder().decode(Vessel.self, from: Data(#"{"name":"沪航工368"}"#.utf8)) == nameOnly)
        let bad = #expect(throws: DomainError.self) {
            try JSONDecoder().decode(Vessel.self, from: Data(#"{"name":"浙嘉兴货1234","mmsi":"41312345"}"#.utf8))
        }
        #expect(bad?.code == "invalid_mmsi")
    }

    @Test("registered dimensions must be positive", arguments: [0.0, -3.5, Double.nan, Double.infinity])
    func dimensions(value: Double) {
        let error = #expect(throws: DomainError.self) { try VesselRegistration(lengthMetres: value) }
        #expect(error?.code == "invalid_vessel_registration")
        let fromJSON = #expect(throws: DomainError.self) {
            try JSONDecoder().decode(VesselRegistration.self, from: Data(#"{"beamMetres":-1}"#.utf8))
        }
        #expect(fromJSON?.reason.contains("beam") == true)
    }
}
