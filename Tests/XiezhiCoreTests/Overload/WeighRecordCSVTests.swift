import Foundation
import Testing
@testable import XiezhiCore

/// The CSV form of a weigh record: a row round-trips, and each malformed column is named.
@Suite struct WeighRecordCSVTests {
    static let header = WeighRecordCSV.columns

    static func row(_ overrides: [String: String] = [:]) -> [String: String] {
        var row = [
            "station": "wim-g228-pinghu", "record_id": "R-1", "time": "2026-11-20T09:12:33+08:00", "lane": "1", "plate": "沪D12345",
            "plate_color": "yellow", "vehicle": "combination", "axle_weights_kg": "7000;11000;11000;11000;11000;11000", "axle_groups": "1;2;2;3;3;3",
            "axle_tyres": "single;dual;dual;d;d;d", "drive_axles": "2;3", "air_suspension_axles": "", "gross_kg": "62000", "speed_kmh": "62.5",
            "length_m": "16.5", "width_m": "", "height_m": "3.9", "registered_mass_kg": "", "photos": "plate|\(String(repeating: "a", count: 64))|wim://p/1.jpg",
        ]
        for (key, value) in overrides { row[key] = value }
        return row
    }

    @Test func rowDecodesAndRoundTrips() throws {
        let record = try WeighRecordCSV.record(Self.row())
        #expect(record.axles.count == 6)
        #expect(record.axles.map(\.drive) == [false, true, true, false, false, false])
        #expect(record.axles[3].tyres == .dual)
        #expect(record.widthM == nil)
        #expect(record.heightM == 3.9)
        #expect(record.time == Date(timeIntervalSince1970: 1_795_137_153))
        #expect(record.photos.first?.uri == "wim://p/1.jpg")
        try record.validate()
        let again = try WeighRecordCSV.record(Dictionary(uniqueKeysWithValues: zip(Self.header, WeighRecordCSV.row(record))))
        #expect(again == record)
    }

    @Test(arguments: [
        ("time", "2026-11-20 09:12", "invalid_time"),
        ("vehicle", "tractor", "invalid_vehicle"),
        ("axle_groups", "1;2;2", "invalid_weigh_record"),
        ("axle_tyres", "single;dual;dual;dual;dual;triple", "invalid_tyres"),
        ("drive_axles", "7", "invalid_weigh_record"),
        ("gross_kg", "62t", "invalid_weigh_record"),
        ("lane", "", "invalid_weigh_record"),
        ("photos", "plate-only", "invalid_photo"),
    ])
    func malformedColumnIsNamed(column: String, value: String, code: String) {
        #expect(throws: DomainError.self) { try WeighRecordCSV.record(Self.row([column: value])) }
        do {
            _ = try WeighRecordCSV.record(Self.row([column: value]))
        } catch let error as DomainError {
            #expect(error.code == code, "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func headerMustHaveTheRequiredColumns() {
        #expect(throws: Never.self) { try WeighRecordCSV.checkHeader(Self.header) }
        #expect(throws: DomainError.self) { try WeighRecordCSV.checkHeader(Self.header.filter { $0 != "gross_kg" }) }
        #expect(throws: DomainError.self) { try WeighRecordCSV.checkHeader(Self.header + ["lane"]) }
    }
}
