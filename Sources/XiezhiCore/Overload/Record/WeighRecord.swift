import Foundation

/// 称重检测记录 — one vehicle's pass over a weigh-in-motion station (治超非现场执法点), as the device reports it.
///
/// The JSON shape is an interface other tools rely on (issue 3; extend it, never rename it):
/// `{"station", "record_id", "time", "lane", "plate", "plate_color", "vehicle", "axles": [...], "gross_kg",
/// "speed_kmh", "length_m", "width_m", "height_m", "registered_mass_kg", "photos": [...]}`. Keys are decoded
/// explicitly (snake_case whatever the decoder's key strategy) and `time` is an ISO-8601 string with a zone
/// offset (`2024-05-01T08:30:00+08:00`, fractional seconds allowed) whatever its date strategy. The plate and its
/// colour are kept as the camera read them (possibly empty); ``recognisedPlate`` parses them. Decoding checks
/// types only; ``validate()`` checks the values.
public struct WeighRecord: Hashable, Codable, Sendable {
    /// The station id (``WeighStation/id``).
    public var station: String
    /// The device's record number, unique per station: (station, record id) is the idempotency key.
    public var recordID: String
    /// When the vehicle was weighed (UTC).
    public var time: Date
    /// 车道 — the lane number as the device reports it.
    public var lane: Int
    /// 车牌号码 as read by the camera; empty or unreadable when not recognised.
    public var plate: String
    /// 车牌颜色 as reported (`yellow`, `黄`, `2`, …); may be empty.
    public var plateColor: String
    /// 货车 or 汽车列车.
    public var vehicle: WeighVehicle
    /// One entry per axle, front to back.
    public var axles: [WeighAxle]
    /// 车货总质量 — the gross mass in kilograms.
    public var grossKg: Int
    /// 车速 in km/h.
    public var speedKmh: Double
    /// 车货总长度 in metres, when the station measures it.
    public var lengthM: Double?
    /// 车货总宽度 in metres, when measured.
    public var widthM: Double?
    /// 车货总高度 from the ground in metres, when measured.
    public var heightM: Double?
    /// 行驶证核定总质量 in kilograms, when known (looked up from the registration; caps a two-axle truck's limit).
    public var registeredMassKg: Int?
    /// The photos of the pass.
    public var photos: [WeighPhoto]

    /// Creates a record; ``validate()`` checks it.
    public init(
        station: String, recordID: String, time: Date, lane: Int, plate: String, plateColor: String,
        vehicle: WeighVehicle, axles: [WeighAxle], grossKg: Int, speedKmh: Double,
        lengthM: Double? = nil, widthM: Double? = nil, heightM: Double? = nil,
        registeredMassKg: Int? = nil, photos: [WeighPhoto]
    ) {
        self.station = station
        self.recordID = recordID
        self.time = time
        self.lane = lane
        self.plate = plate
        self.plateColor = plateColor
        self.vehicle = vehicle
        self.axles = axles
        self.grossKg = grossKg
        self.speedKmh = speedKmh
        self.lengthM = lengthM
        self.widthM = widthM
        self.heightM = heightM
        self.registeredMassKg = registeredMassKg
        self.photos = photos
    }

    /// Decodes one record from JSON bytes; a malformed record is a ``DomainError`` (`invalid_weigh_record`, or the
    /// code of the bad field such as `invalid_time`) that names the field. Values are not checked: call ``validate()``.
    public init(json: Data) throws {
        do {
            self = try JSONDecoder().decode(WeighRecord.self, from: json)
        } catch let error as DecodingError {
            throw WeighRecord.domainError(from: error)
        }
    }

    /// The plate, when it parses as a GA 36 plate number; `nil` for an empty or unrecognised plate.
    public var recognisedPlate: PlateNumber? {
        try? PlateNumber(plate)
    }

    /// The plate colour, when it is one; `nil` for an empty or unknown colour.
    public var recognisedPlateColor: PlateColor? {
        try? PlateColor(plateColor)
    }

    /// The sum of the axle weights in kilograms.
    public var axleWeightSumKg: Int {
        axles.reduce(0) { $0 &+ $1.weightKg }
    }

    private enum CodingKeys: String, CodingKey {
        case station
        case recordID = "record_id"
        case time
        case lane
        case plate
        case plateColor = "plate_color"
        case vehicle
        case axles
        case grossKg = "gross_kg"
        case speedKmh = "speed_kmh"
        case lengthM = "length_m"
        case widthM = "width_m"
        case heightM = "height_m"
        case registeredMassKg = "registered_mass_kg"
        case photos
    }

    /// Decodes the snake_case keys explicitly (also under a decoder set to `.convertFromSnakeCase`); `plate` and
    /// `plate_color` may be absent or null (read as empty); unknown keys are ignored (vendors extend the record).
    public init(from decoder: any Decoder) throws {
        self = try RecordKeys.decode(decoder) { keys in try WeighRecord(keys: keys) }
    }

    private init(keys: RecordKeys) throws {
        station = try keys.decode(String.self, "station")
        recordID = try keys.decode(String.self, "record_id")
        let timeText = try keys.decode(String.self, "time")
        guard let parsed = WeighRecord.parseTime(timeText) else {
            throw DomainError(
                code: "invalid_time",
                reason: "time '\(timeText)' is not an ISO-8601 date-time with a zone offset, e.g. 2024-05-01T08:30:00+08:00"
            )
        }
        time = parsed
        lane = try keys.decode(Int.self, "lane")
        plate = try keys.decodeIfPresent(String.self, "plate") ?? ""
        plateColor = try keys.decodeIfPresent(String.self, "plate_color") ?? ""
        vehicle = try keys.decode(WeighVehicle.self, "vehicle")
        axles = try keys.decode([WeighAxle].self, "axles")
        grossKg = try keys.decode(Int.self, "gross_kg")
        speedKmh = try keys.decode(Double.self, "speed_kmh")
        lengthM = try keys.decodeIfPresent(Double.self, "length_m")
        widthM = try keys.decodeIfPresent(Double.self, "width_m")
        heightM = try keys.decodeIfPresent(Double.self, "height_m")
        registeredMassKg = try keys.decodeIfPresent(Int.self, "registered_mass_kg")
        photos = try keys.decode([WeighPhoto].self, "photos")
    }

    /// Encodes the snake_case keys, `time` as ISO-8601 in UTC; absent optional measurements are left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(station, forKey: .station)
        try container.encode(recordID, forKey: .recordID)
        try container.encode(WeighRecord.formatTime(time), forKey: .time)
        try container.encode(lane, forKey: .lane)
        try container.encode(plate, forKey: .plate)
        try container.encode(plateColor, forKey: .plateColor)
        try container.encode(vehicle, forKey: .vehicle)
        try container.encode(axles, forKey: .axles)
        try container.encode(grossKg, forKey: .grossKg)
        try container.encode(speedKmh, forKey: .speedKmh)
        try container.encodeIfPresent(lengthM, forKey: .lengthM)
        try container.encodeIfPresent(widthM, forKey: .widthM)
        try container.encodeIfPresent(heightM, forKey: .heightM)
        try container.encodeIfPresent(registeredMassKg, forKey: .registeredMassKg)
        try container.encode(photos, forKey: .photos)
    }

    // MARK: - Time

    /// Parses fractional seconds too (the style accepts both forms).
    private static let timeStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// An ISO-8601 date-time with a `Z` or `±hh:mm` offset; `nil` for anything else (a time without a zone is
    /// ambiguous and refused rather than guessed).
    static func parseTime(_ text: String) -> Date? {
        UTCTimeText.parse(text) ?? (try? timeStyle.parse(text))
    }

    /// `2024-05-01T00:30:00Z`, with milliseconds only when the time has a fraction of a second.
    static func formatTime(_ date: Date) -> String {
        UTCTimeText.compact(date)
    }

    /// Turns a Foundation decoding error into a ``DomainError`` that names the field.
    static func domainError(from error: DecodingError) -> DomainError {
        func place(_ path: [any CodingKey]) -> String {
            var text = ""
            for key in path {
                if let index = key.intValue { text += "[\(index)]" } else { text += text.isEmpty ? key.stringValue : ".\(key.stringValue)" }
            }
            return text.isEmpty ? "the record" : text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return DomainError(code: "invalid_weigh_record", reason: "\(place(context.codingPath + [key])) is required but missing")
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return DomainError(code: "invalid_weigh_record", reason: "\(place(context.codingPath)): \(context.debugDescription)")
        @unknown default:
            return DomainError(code: "invalid_weigh_record", reason: "the record could not be decoded: \(error)")
        }
    }
}
