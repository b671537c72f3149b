/// 布控对象 — what a watchlist entry looks for: a vehicle by plate and plate colour, or a ship by its MMSI and/or its
/// registered name.
public enum WatchlistSubject: Hashable, Sendable {
    case vehicle(VehicleKey)
    /// At least one of the two is present (``init(kind:plate:plateColour:mmsi:shipName:)`` checks it).
    case ship(mmsi: MMSI?, name: VesselName?)

    /// `vehicle` or `ship`.
    public var kind: String {
        switch self {
        case .vehicle: "vehicle"
        case .ship: "ship"
        }
    }

    /// Validates the parts of a subject as the API and the federation bodies carry them; plates and names are
    /// normalised (``PlateNumber``, ``VesselName``). Throws `invalid_subject_kind`, `missing_plate`,
    /// `invalid_plate_color`, `missing_ship`, or the part's own code (`invalid_plate`, `invalid_mmsi`, `invalid_vessel_name`).
    public init(kind: String, plate: String?, plateColour: String?, mmsi: String?, shipName: String?) throws(DomainError) {
        switch kind {
        case "vehicle":
            guard let plate, !plate.isEmpty else {
                throw DomainError(code: "missing_plate", reason: "a vehicle entry names the plate ('plate', e.g. 沪A12345)")
            }
            guard let colourText = plateColour, let colour = PlateColor(rawValue: colourText) else {
                throw DomainError(
                    code: "invalid_plate_color",
                    reason: "'plate_colour' is one of \(PlateColor.allCases.map(\.rawValue).joined(separator: ", ")), not '\(plateColour ?? "")'")
            }
            self = .vehicle(try VehicleKey(plate: plate, color: colour))
        case "ship":
            let mmsi = try mmsi.flatMap { text throws(DomainError) in text.isEmpty ? nil : try MMSI(text) }
            let name = try shipName.flatMap { text throws(DomainError) in text.isEmpty ? nil : try VesselName(text) }
            guard mmsi != nil || name != nil else {
                throw DomainError(code: "missing_ship", reason: "a ship entry names the ship's 'mmsi', its registered 'ship_name', or both")
            }
            self = .ship(mmsi: mmsi, name: name)
        default:
            throw DomainError(code: "invalid_subject_kind", reason: "'subject_kind' is 'vehicle' or 'ship', not '\(kind)'")
        }
    }

    /// The subject key alerts carry (`vehicle:沪A12345:blue`, `mmsi:413…`, `vessel:浙嘉兴货1234`).
    public var subjectKey: String {
        switch self {
        case .vehicle(let key): SubjectKey.vehicle(key).stringValue
        case .ship(let mmsi?, _): SubjectKey.mmsi(mmsi).stringValue
        case .ship(nil, let name?): SubjectKey.vessel(name).stringValue
        case .ship(nil, nil): "ship"
        }
    }

    /// How a person reads it, e.g. `沪A12345（蓝色）`, `浙嘉兴货1234（MMSI 413000001）`.
    public var label: String {
        switch self {
        case .vehicle(let key): key.chineseLabel
        case .ship(let mmsi, let name):
            switch (mmsi, name) {
            case (let mmsi?, let name?): "\(name.value)（MMSI \(mmsi.value)）"
            case (let mmsi?, nil): "MMSI \(mmsi.value)"
            case (nil, let name?): name.value
            case (nil, nil): "船舶"
            }
        }
    }
}
