import Foundation

/// The CSV form of a weigh-in-motion record (`xiezhi import wim FILE.csv`): one row per pass, the columns named in
/// ``WeighRecordCSV/columns``; the axle lists are `;`-separated, front to back.
///
/// | column | example | meaning |
/// |---|---|---|
/// | `station` | `wim-g228-pinghu` | station id |
/// | `record_id` | `20260105-000123` | the device's record id (unique per station) |
/// | `time` | `2026-01-05T09:12:33+08:00` | ISO 8601 with a zone |
/// | `lane` | `1` | lane number |
/// | `plate`, `plate_color` | `沪D12345`, `yellow` | may be empty when unreadable |
/// | `vehicle` | `truck` / `combination` | 货车 / 汽车列车 |
/// | `axle_weights_kg` | `7000;11000;11000;11000;11000;11000` | one weight per axle |
/// | `axle_groups` | `1;2;2;3;3;3` | axles of one tandem/tridem share a number |
/// | `axle_tyres` | `single;dual;dual;dual;dual;dual` | `single`/`dual` (or `s`/`d`) |
/// | `drive_axles` | `2;3` | 1-based positions of the drive axles |
/// | `air_suspension_axles` | `2;3` | 1-based positions (may be empty) |
/// | `gross_kg`, `speed_kmh` | `62000`, `62.5` | |
/// | `length_m`, `width_m`, `height_m`, `registered_mass_kg` | | optional, may be empty |
/// | `photos` | `plate\|<sha256>\|wim://…/p.jpg;side\|<sha256>\|…` | `kind|sha256|uri` entries |
public enum WeighRecordCSV {
    /// The header, in this order when writing; reading accepts any order.
    public static let columns = [
        "station", "record_id", "time", "lane", "plate", "plate_color", "vehicle", "axle_weights_kg", "axle_groups", "axle_tyres",
        "drive_axles", "air_suspension_axles", "gross_kg", "speed_kmh", "length_m", "width_m", "height_m", "registered_mass_kg", "photos",
    ]

    /// The columns a row must have (the optional measurements may be absent from the header altogether).
    public static let requiredColumns = [
        "station", "record_id", "time", "lane", "plate", "plate_color", "vehicle", "axle_weights_kg", "axle_groups", "axle_tyres",
        "drive_axles", "gross_kg", "speed_kmh", "photos",
    ]

    /// Checks a header: every required column present, none twice.
    public static func checkHeader(_ header: [String]) throws {
        let missing = requiredColumns.filter { !header.contains($0) }
        guard missing.isEmpty else {
            throw DomainError(code: "invalid_csv_header", reason: "the header lacks \(missing.joined(separator: ", "))")
        }
        guard Set(header).count == header.count else { throw DomainError(code: "invalid_csv_header", reason: "a column appears twice in the header") }
    }

    /// One record from a row given as column → value. Values are not range-checked here: ``WeighRecord/validate()`` does.
    public static func record(_ row: [String: String]) throws -> WeighRecord {
        func text(_ column: String) -> String { (row[column] ?? "").trimmingCharacters(in: .whitespaces) }
        func required(_ column: String) throws -> String {
            let value = text(column)
            guard !value.isEmpty else { throw DomainError(code: "invalid_weigh_record", reason: "'\(column)' is empty") }
            return value
        }
        func integer(_ column: String) throws -> Int {
            guard let value = Int(try required(column)) else { throw DomainError(code: "invalid_weigh_record", reason: "'\(column)' is not an integer: \(text(column))") }
            return value
        }
        func optionalNumber(_ column: String) throws -> Double? {
            let value = text(column)
            if value.isEmpty { return nil }
            guard let number = Double(value), number.isFinite else { throw DomainError(code: "invalid_weigh_record", reason: "'\(column)' is not a number: \(value)") }
            return number
        }
        func list(_ column: String) -> [String] {
            text(column).split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        func positions(_ column: String, axles: Int) throws -> Set<Int> {
            Set(try list(column).map { item in
                guard let position = Int(item), (1...axles).contains(position) else {
                    throw DomainError(code: "invalid_weigh_record", reason: "'\(column)' names axle \(item), not one of 1…\(axles)")
                }
                return position
            })
        }
        let timeText = try required("time")
        guard let time = try? Date.ISO8601FormatStyle(includingFractionalSeconds: timeText.contains(".")).parse(timeText) else {
            throw DomainError(code: "invalid_time", reason: "'time' must be ISO 8601 with a zone, e.g. 2026-01-05T09:12:33+08:00; got \(timeText)")
        }
        guard let vehicle = WeighVehicle(rawValue: try required("vehicle")) else {
            throw DomainError(code: "invalid_vehicle", reason: "'vehicle' is truck or combination, not \(text("vehicle"))")
        }
        let weights = try list("axle_weights_kg").map { item in
            guard let weight = Int(item) else { throw DomainError(code: "invalid_weigh_record", reason: "axle weight '\(item)' is not an integer") }
            return weight
        }
        let groups = try list("axle_groups").map { item in
            guard let group = Int(item) else { throw DomainError(code: "invalid_weigh_record", reason: "axle group '\(item)' is not an integer") }
            return group
        }
        let tyres = try list("axle_tyres").map { item -> TyreFitting in
            switch item.lowercased() {
            case "single", "s": return .single
            case "dual", "d": return .dual
            default: throw DomainError(code: "invalid_tyres", reason: "axle tyres '\(item)' is single or dual")
            }
        }
        guard groups.count == weights.count, tyres.count == weights.count else {
            throw DomainError(code: "invalid_weigh_record", reason: "\(weights.count) axle weights but \(groups.count) groups and \(tyres.count) tyre entries")
        }
        let drive = try positions("drive_axles", axles: weights.count)
        let air = try positions("air_suspension_axles", axles: weights.count)
        let axles = weights.indices.map { index in
            WeighAxle(weightKg: weights[index], group: groups[index], tyres: tyres[index], drive: drive.contains(index + 1), airSuspension: air.contains(index + 1))
        }
        let photos = try list("photos").map { entry -> WeighPhoto in
            let parts = entry.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3 else { throw DomainError(code: "invalid_photo", reason: "a photo is kind|sha256|uri, got '\(entry)'") }
            return WeighPhoto(kind: parts[0], sha256: parts[1], uri: parts[2])
        }
        guard let lane = Int(try required("lane")) else { throw DomainError(code: "invalid_lane", reason: "'lane' is not an integer: \(text("lane"))") }
        guard let speed = try optionalNumber("speed_kmh") else { throw DomainError(code: "invalid_weigh_record", reason: "'speed_kmh' is empty") }
        let registered = text("registered_mass_kg").isEmpty ? nil : try integer("registered_mass_kg")
        return WeighRecord(
            station: try required("station"), recordID: try required("record_id"), time: time, lane: lane, plate: text("plate"),
            plateColor: text("plate_color"), vehicle: vehicle, axles: axles, grossKg: try integer("gross_kg"), speedKmh: speed,
            lengthM: try optionalNumber("length_m"), widthM: try optionalNumber("width_m"), heightM: try optionalNumber("height_m"),
            registeredMassKg: registered, photos: photos)
    }

    /// The row of a record, in ``columns`` order (for the simulator and for exports).
    public static func row(_ record: WeighRecord) -> [String] {
        func number(_ value: Double?) -> String { value.map { String($0) } ?? "" }
        let positions = { (flag: (WeighAxle) -> Bool) in
            record.axles.indices.filter { flag(record.axles[$0]) }.map { String($0 + 1) }.joined(separator: ";")
        }
        return [
            record.station, record.recordID, Timestamp8601.format(record.time), String(record.lane), record.plate, record.plateColor, record.vehicle.rawValue,
            record.axles.map { String($0.weightKg) }.joined(separator: ";"), record.axles.map { String($0.group) }.joined(separator: ";"),
            record.axles.map(\.tyres.rawValue).joined(separator: ";"), positions(\.drive), positions(\.airSuspension), String(record.grossKg),
            String(record.speedKmh), number(record.lengthM), number(record.widthM), number(record.heightM), record.registeredMassKg.map(String.init) ?? "",
            record.photos.map { "\($0.kind)|\($0.sha256)|\($0.uri)" }.joined(separator: ";"),
        ]
    }
}

/// ISO 8601 in China time with the offset, as a device would write it.
enum Timestamp8601 {
    static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: ChinaTime.timeZone))
    }
}
