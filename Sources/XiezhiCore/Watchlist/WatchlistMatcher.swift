import Foundation

/// Decides which watchlist entries an observation matches, from an index built once over the entries (so a position
/// costs a dictionary lookup, not a query).
///
/// Matching: a plate matches after ``PlateNumber`` normalisation (full-width folded, spaces and `·`/`-` removed,
/// letters upper-cased); the plate colour must agree when the sensor read one (a blue 沪A12345 car is not the yellow
/// 沪A12345 truck) and is not required when it did not. A ship matches by MMSI (nine digits), or by its name after
/// ``ShipNameMatcher/normalised(_:)`` — an exact match of the cleaned reading; near readings are not guessed at. Only
/// entries active at the observation's time match.
public struct WatchlistMatcher: Sendable {
    private var byPlate: [String: [WatchlistEntry]] = [:]
    private var byMMSI: [String: [WatchlistEntry]] = [:]
    private var byShipName: [String: [WatchlistEntry]] = [:]

    public init(entries: [WatchlistEntry]) {
        for entry in entries where entry.status == .active {
            switch entry.subject {
            case .vehicle(let key):
                byPlate[key.plate.value, default: []].append(entry)
            case .ship(let mmsi, let name):
                if let mmsi { byMMSI[mmsi.value, default: []].append(entry) }
                if let name { byShipName[ShipNameMatcher.normalised(name.value), default: []].append(entry) }
            }
        }
    }

    /// No active entry at all: the sensors' hooks return at once.
    public var isEmpty: Bool { byPlate.isEmpty && byMMSI.isEmpty && byShipName.isEmpty }

    /// The entries active at `time` that `observation` matches (each at most once).
    public func matches(_ observation: WatchlistObservation, at time: Date) -> [WatchlistEntry] {
        var found: [WatchlistEntry] = []
        switch observation {
        case .vehicle(let plate, let colour):
            guard let canonical = Self.canonicalPlate(plate) else { return [] }
            for entry in byPlate[canonical] ?? [] {
                guard case .vehicle(let key) = entry.subject else { continue }
                if let colour, colour != key.color { continue }
                found.append(entry)
            }
        case .ship(let mmsi, let name):
            if let mmsi, let canonical = try? MMSI(mmsi).value { found += byMMSI[canonical] ?? [] }
            if let name {
                let reading = ShipNameMatcher.normalised(name)
                if !reading.isEmpty {
                    for entry in byShipName[reading] ?? [] where !found.contains(where: { $0.id == entry.id }) { found.append(entry) }
                }
            }
        }
        return found.filter { $0.isActive(at: time) }
    }

    /// The canonical plate, or `nil` when the text is not a plate (a camera's misread).
    public static func canonicalPlate(_ text: String) -> String? {
        try? PlateNumber(text).value
    }
}
