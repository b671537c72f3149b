import Foundation

/// Strict decoding for the hand-edited `vehicle-monitoring.json`: unknown keys, missing citations, blank citations and
/// out-of-range numbers are refused with a ``DomainError`` naming the place (`fatigue.minimumRestMinutes.value`).
///
/// Codes: `unknown_monitoring_key`, `missing_citation`, `invalid_monitoring_rules` (a required key missing or of the
/// wrong type), `invalid_monitoring_value` (a number outside its range or a contradiction between entries).
enum MonitoringRulesDecoding: RuleTableDecoding {
    static let invalidTableCode = "invalid_monitoring_rules"
    static let unknownKeyCode = "unknown_monitoring_key"
    static let invalidValueCode = "invalid_monitoring_value"
    static let tableName = "the vehicle-monitoring file"
    static let citationKeys: Set<String> = ["citation"]
    static let citationRule = "every number and every rule in the monitoring table needs its citation"

    /// Upper bounds on the file's numbers, far above any real value; they keep durations and distances sane. Not
    /// legal numbers.
    enum Bound {
        /// Speeds in km/h.
        static let kmh = 1_000
        /// Distances in metres: 100 km.
        static let metres = 100_000
        /// Distances in kilometres.
        static let km = 10_000
        /// Durations in minutes: one week.
        static let minutes = 7 * 24 * 60
        /// Durations in seconds: one day.
        static let seconds = 24 * 3600
        /// Durations in hours: one week.
        static let hours = 7 * 24
        /// Percentages.
        static let percent = 100
    }
}

extension KeyedDecodingContainer {
    /// Decodes a monitoring citation at `key` (see ``RuleTableDecoding``).
    func monitoringCitation(_ key: Key, in decoder: any Decoder) throws -> Citation {
        try citation(key, in: decoder, table: MonitoringRulesDecoding.self)
    }

    /// Decodes a whole number at `key` within `range`, or `invalid_monitoring_value` naming the place.
    func monitoringInt(_ key: Key, in decoder: any Decoder, _ range: ClosedRange<Int>) throws -> Int {
        let value = try decode(Int.self, forKey: key)
        guard range.contains(value) else {
            throw DomainError(
                code: MonitoringRulesDecoding.invalidValueCode,
                reason: "\(MonitoringRulesDecoding.path(decoder.codingPath + [key])) is \(value); it must be between \(range.lowerBound) and \(range.upperBound)"
            )
        }
        return value
    }

    /// Decodes a ``CitedValue`` object at `key` whose `value` lies within `range`.
    func citedValue(_ key: Key, in decoder: any Decoder, _ range: ClosedRange<Int>) throws -> CitedValue {
        guard contains(key) else {
            throw DomainError(
                code: MonitoringRulesDecoding.invalidTableCode,
                reason: "\(MonitoringRulesDecoding.path(decoder.codingPath + [key])) is required but missing")
        }
        return try CitedValue(from: try superDecoder(forKey: key), range: range)
    }

    /// Decodes a non-empty list of vehicle kinds without repeats at `key`.
    func monitoredKinds(_ key: Key, in decoder: any Decoder) throws -> Set<MonitoredVehicleKind> {
        let kinds = try decode([MonitoredVehicleKind].self, forKey: key)
        let place = MonitoringRulesDecoding.path(decoder.codingPath + [key])
        guard !kinds.isEmpty else {
            throw DomainError(code: MonitoringRulesDecoding.invalidValueCode, reason: "\(place) is empty; name at least one vehicle kind")
        }
        let set = Set(kinds)
        guard set.count == kinds.count else {
            throw DomainError(code: MonitoringRulesDecoding.invalidValueCode, reason: "\(place) names a vehicle kind twice")
        }
        return set
    }

    /// Decodes a `HH:mm` clock time at `key` as minutes after midnight.
    func clockMinutes(_ key: Key, in decoder: any Decoder) throws -> Int {
        let text = try decode(String.self, forKey: key)
        guard let minutes = ClockWindow.minutes(fromClock: text) else {
            throw DomainError(
                code: MonitoringRulesDecoding.invalidValueCode,
                reason: "\(MonitoringRulesDecoding.path(decoder.codingPath + [key])) is '\(text)'; a clock time is HH:mm, 00:00–23:59")
        }
        return minutes
    }
}
