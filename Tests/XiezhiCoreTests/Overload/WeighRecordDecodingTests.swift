import Foundation
import Testing
import XiezhiCore

@Suite("WIM record: the JSON interface and validation")
struct WeighRecordDecodingTests {
    /// The record shape of issue 3, exactly as other tools send it.
    static let json = """
    {
      "station": "wim-g228-pinghu",
      "record_id": "20240501-000123",
      "time": "2024-05-01T08:30:00+08:00",
      "lane": 2,
      "plate": "沪D12345",
      "plate_color": "yellow",
      "vehicle": "combination",
      "axles": [
        {"weight_kg": 7000, "group": 1, "tyres": "single", "drive": false, "air_suspension": false},
        {"weight_kg": 11500, "group": 2, "tyres": "dual", "drive": true, "air_suspension": true},
        {"weight_kg": 11500, "group": 2, "tyres": "dual", "drive": true, "air_suspension": true},
        {"weight_kg": 10700, "group": 3, "tyres": "dual", "drive": false, "air_suspension": false},
        {"weight_kg": 10700, "group": 3, "tyres": "dual", "drive": false, "air_suspension": false},
        {"weight_kg": 10600, "group": 3, "tyres": "dual", "drive": false, "air_suspension": false}
      ],
      "gross_kg": 62000,
      "speed_kmh": 58.3,
      "length_m": 17.2,
      "width_m": 2.5,
      "height_m": 3.95,
      "registered_mass_kg": 49000,
      "photos": [
        {"kind": "front", "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "uri": "wim://pinghu/20240501-000123/front.jpg"},
        {"kind": "plate", "sha256": "60303AE22B998861BCE3B28F33EEC1BE758A213C86C93C076DBE9F558C11C752", "uri": "wim://pinghu/20240501-000123/plate.jpg"}
      ]
    }
    """

    @Test("decodes every field of the interface shape")
    func decodesTheShape() throws {
        let record = try WeighRecord(json: Data(Self.json.utf8))
        #expect(record.station == "wim-g228-pinghu")
        #expect(record.recordID == "20240501-000123")
        #expect(record.time == Date(timeIntervalSince1970: 1_714_523_400))
        #expect(record.lane == 2)
        #expect(record.plate == "沪D12345")
        #expect(record.plateColor == "yellow")
        #expect(record.vehicle == .combination)
        #expect(record.axles.count == 6)
        #expect(record.axles[0] == WeighAxle(weightKg: 7000, group: 1, tyres: .single, drive: false, airSuspension: false))
        #expect(record.axles[1] == WeighAxle(weightKg: 11500, group: 2, tyres: .dual, drive: true, airSuspension: true))
        #expect(record.axles.map(\.group) == [1, 2, 2, 3, 3, 3])
        #expect(record.axles.allSatisfy { $0.wideTyres == nil })
        #expect(record.grossKg == 62000)
        #expect(record.axleWeightSumKg == 62000)
        #expect(record.speedKmh == 58.3)
        #expect(record.lengthM == 17.2)
        #expect(record.widthM == 2.5)
        #expect(record.heightM == 3.95)
        #expect(record.registeredMassKg == 49000)
        #expect(record.photos.map(\.kind) == ["front", "plate"])
        #expect(record.photos[1].uri == "wim://pinghu/20240501-000123/plate.jpg")
        #expect(record.recognisedPlate?.province == .shanghai)
        #expect(record.recognisedPlateColor == .yellow)
        try record.validate()
    }

    @Test("decodes the same under a snake-case key strategy and a numeric date strategy")
    func independentOfDecoderStrategies() throws {
        let plain = try JSONDecoder().decode(WeighRecord.self, from: Data(Self.json.utf8))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .secondsSince1970
        let converted = try decoder.decode(WeighRecord.self, from: Data(Self.json.utf8))
        #expect(converted == plain)
    }

    @Test("encodes back to the same snake_case keys and round-trips")
    func roundTrips() throws {
        let record = try WeighRecord(json: Data(Self.json.utf8))
        let encoded = try JSONEncoder().encode(record)
        let object = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        #expect(Set(object.keys) == [
            "station", "record_id", "time", "lane", "plate", "plate_color", "vehicle", "axles", "gross_kg", "speed_kmh",
            "length_m", "width_m", "height_m", "registered_mass_kg", "photos",
        ])
        #expect(object["time"] as? String == "2024-05-01T00:30:00Z")
        let axle = try #require((object["axles"] as? [[String: Any]])?.first)
        #expect(Set(axle.keys) == ["weight_kg", "group", "tyres", "drive", "air_suspension"])
        #expect(try WeighRecord(json: encoded) == record)
    }

    @Test("optional fields may be absent; an unreadable plate stays as read")
    func optionalFields() throws {
        let json = """
        {"station": "s1", "record_id": "r1", "time": "2024-05-01T00:30:00.250Z", "lane": 1, "plate": "", "plate_color": "",
         "vehicle": "truck", "axles": [{"weight_kg": 6000, "group": 1, "tyres": "single", "drive": false, "air_suspension": false},
         {"weight_kg": 9000, "group": 2, "tyres": "dual", "drive": true, "air_suspension": false, "wide_tyres": false}],
         "gross_kg": 15000, "speed_kmh": 40, "photos": [{"kind": "front", "sha256": "\(OverloadFixtures.hash)", "uri": "x"}],
         "vendor_extra": {"anything": 1}}
        """
        let record = try WeighRecord(json: Data(json.utf8))
        #expect(record.lengthM == nil && record.widthM == nil && record.heightM == nil && record.registeredMassKg == nil)
        #expect(record.plate.isEmpty && record.recognisedPlate == nil && record.recognisedPlateColor == nil)
        #expect(record.time == Date(timeIntervalSince1970: 1_714_523_400.25))
        #expect(record.axles[1].wideTyres == false)
        try record.validate()
    }

    @Test("malformed JSON is refused with a code naming the problem", arguments: [
        (#""time": "2024-05-01T08:30:00+08:00""#, #""time": "2024-05-01 08:30:00""#, "invalid_time"),
        (#""time": "2024-05-01T08:30:00+08:00""#, #""time": "2024-05-01T08:30:00""#, "invalid_time"),
        (#""vehicle": "combination""#, #""vehicle": "tractor""#, "invalid_vehicle"),
        (#""tyres": "single""#, #""tyres": "wide""#, "invalid_tyres"),
        (#""gross_kg": 62000,"#, "", "invalid_weigh_record"),
        (#""gross_kg": 62000"#, #""gross_kg": "62000""#, "invalid_weigh_record"),
        (#""record_id": "20240501-000123","#, "", "invalid_weigh_record"),
    ])
    func malformed(find: String, replace: String, code: String) throws {
        let json = Self.json.replacingOccurrences(of: find, with: replace)
        #expect(json != Self.json)
        #expect { try WeighRecord(json: Data(json.utf8)) } throws: { ($0 as? DomainError)?.code == code }
    }

    @Test("a missing key is named as the interface spells it")
    func missingKeyNamed() throws {
        let json = Self.json.replacingOccurrences(of: #""record_id": "20240501-000123","#, with: "")
        #expect { try WeighRecord(json: Data(json.utf8)) } throws: { ($0 as? DomainError)?.reason.contains("record_id") == true }
    }

    struct Defect: CustomStringConvertible, Sendable {
        var name: String
        var code: String
        var edit: @Sendable (inout WeighRecord) -> Void
        var description: String { name }
    }

    static let defects: [Defect] = [
        Defect(name: "blank station", code: "missing_station") { $0.station = "  " },
        Defect(name: "empty record id", code: "missing_record_id") { $0.recordID = "" },
        Defect(name: "overlong record id", code: "invalid_identifier") { $0.recordID = String(repeating: "x", count: 129) },
        Defect(name: "lane 0", code: "invalid_lane") { $0.lane = 0 },
        Defect(name: "no axles", code: "no_axles") { $0.axles = [] },
        Defect(name: "25 axles", code: "too_many_axles") { $0.axles = Array(repeating: $0.axles[0], count: 25) },
        Defect(name: "negative axle weight", code: "invalid_axle_weight") { $0.axles[2].weightKg = -100 },
        Defect(name: "zero axle weight", code: "invalid_axle_weight") { $0.axles[0].weightKg = 0 },
        Defect(name: "absurd axle weight", code: "invalid_axle_weight") { $0.axles[0].weightKg = 100_001 },
        Defect(name: "group reappears", code: "invalid_axle_group") { $0.axles[5].group = 2 },
        Defect(name: "zero gross", code: "invalid_gross_weight") { $0.grossKg = 0 },
        Defect(name: "negative gross", code: "invalid_gross_weight") { $0.grossKg = -62000 },
        Defect(name: "absurd gross", code: "invalid_gross_weight") { $0.grossKg = 1_000_001 },
        Defect(name: "negative speed", code: "invalid_speed") { $0.speedKmh = -5 },
        Defect(name: "absurd speed", code: "invalid_speed") { $0.speedKmh = 301 },
        Defect(name: "NaN speed", code: "invalid_speed") { $0.speedKmh = .nan },
        Defect(name: "zero height", code: "invalid_dimension") { $0.heightM = 0 },
        Defect(name: "absurd length", code: "invalid_dimension") { $0.lengthM = 150 },
        Defect(name: "infinite width", code: "invalid_dimension") { $0.widthM = .infinity },
        Defect(name: "zero registered mass", code: "invalid_registered_mass") { $0.registeredMassKg = 0 },
        Defect(name: "no photos", code: "missing_photos") { $0.photos = [] },
        Defect(name: "short sha256", code: "invalid_photo") { $0.photos[0].sha256 = "abc123" },
        Defect(name: "non-hex sha256", code: "invalid_photo") { $0.photos[0].sha256 = String(repeating: "g", count: 64) },
        Defect(name: "photo without uri", code: "invalid_photo") { $0.photos[1].uri = "" },
    ]

    @Test("validation refuses each defect with its code", arguments: defects)
    func validation(defect: Defect) throws {
        var record = try WeighRecord(json: Data(Self.json.utf8))
        try record.validate()
        defect.edit(&record)
        #expect { try record.validate() } throws: { ($0 as? DomainError)?.code == defect.code }
    }

    @Test("speed 0 and a valid uppercase hash pass validation")
    func edgesThatPass() throws {
        var record = try WeighRecord(json: Data(Self.json.utf8))
        record.speedKmh = 0
        record.photos[0].sha256 = String(repeating: "AF", count: 32)
        try record.validate()
    }
}
