import Foundation
import XiezhiCore

/// Weigh-in-motion traffic for the demo stations: a realistic mix of axle configurations, plates from several
/// provinces, and an injected mix of compliant, within-tolerance, overloaded (some over 40 % and over 100 %),
/// faulty and unreadable passes — each record with the ground truth of what was injected.
///
/// Masses are drawn relative to the configuration's legal limit from the limits table, so the truth stays right
/// when the table changes. Non-steer axles are dual-tyred without air suspension, so the table row is the limit.
public struct WeighTrafficGenerator: Sendable {
    /// What the generator meant a record to be.
    public struct Truth: Codable, Hashable, Sendable {
        /// `compliant`, `within_tolerance`, `overloaded`, `device_fault`.
        public var injected: String
        /// The plate was blanked (the camera could not read it).
        public var unreadablePlate: Bool
        /// The limit the mass was drawn against.
        public var limitKg: Int
        /// Over 40 % / over 100 % / 100 t and more, as injected.
        public var over40Percent: Bool
        public var over100Percent: Bool
    }

    /// The mix, as fractions of all passes.
    public struct Mix: Sendable {
        public var overloaded = 0.08
        public var withinTolerance = 0.04
        public var deviceFault = 0.01
        public var unreadablePlate = 0.02
        /// Of the overloads, the share over 40 % and the share over 100 %.
        public var over40OfOverloads = 0.2
        public var over100OfOverloads = 0.03

        public init() {}
    }

    struct Configuration {
        var vehicle: WeighVehicle
        var groups: [Int]
        var drive: Set<Int>
        var share: Double
    }

    /// 二轴货车, 三轴货车, 四轴货车 (twin steer), 五轴汽车列车, 六轴汽车列车: the usual mix at a Jiaxing county station.
    static let configurations: [Configuration] = [
        Configuration(vehicle: .truck, groups: [1, 2], drive: [1], share: 0.20),
        Configuration(vehicle: .truck, groups: [1, 2, 2], drive: [1, 2], share: 0.10),
        Configuration(vehicle: .truck, groups: [1, 1, 2, 2], drive: [2, 3], share: 0.15),
        Configuration(vehicle: .combination, groups: [1, 2, 3, 3, 3], drive: [1], share: 0.10),
        Configuration(vehicle: .combination, groups: [1, 2, 2, 3, 3, 3], drive: [1, 2], share: 0.45),
    ]

    /// Where trucks are registered: province abbreviation + authority letters, with their share.
    static let registrations: [(String, String, Double)] = [
        ("浙", "F", 0.45), ("浙", "ABCDEGH", 0.15), ("沪", "ABDEFGHJKLMN", 0.20), ("苏", "EUABDM", 0.12), ("皖", "ABEKP", 0.08),
    ]

    let limits: OverloadLimits
    let mix: Mix
    var random: SeededGenerator
    var sequence = 0

    public init(limits: OverloadLimits, seed: UInt64, mix: Mix = Mix()) {
        self.limits = limits
        self.mix = mix
        self.random = SeededGenerator(seed: seed)
    }

    /// The next pass at `station` on `lane` at `time`, with its truth; `prefix` makes the record ids unique per run.
    public mutating func next(station: String, lanes: [Int], at time: Date, prefix: String) -> (WeighRecord, Truth) {
        sequence += 1
        let configuration = pick(Self.configurations.map { ($0, $0.share) })
        let axleCount = configuration.groups.count
        let limit = limits.grossLimit(vehicle: configuration.vehicle, axleCount: axleCount, singleDriveAxle: configuration.drive.count == 1)?.limitKg
            ?? 49_000
        let roll = Double.random(in: 0..<1, using: &random)
        var injected = "compliant"
        var factor = Double.random(in: 0.45...0.98, using: &random)
        var over40 = false, over100 = false
        if roll < mix.overloaded {
            injected = "overloaded"
            let severity = Double.random(in: 0..<1, using: &random)
            if severity < mix.over100OfOverloads {
                factor = Double.random(in: 2.02...2.3, using: &random)
                over40 = true
                over100 = true
            } else if severity < mix.over40OfOverloads {
                factor = Double.random(in: 1.42...1.95, using: &random)
                over40 = true
            } else {
                factor = Double.random(in: 1.07...1.38, using: &random)
            }
        } else if roll < mix.overloaded + mix.withinTolerance {
            injected = "within_tolerance"
            factor = Double.random(in: 1.003...1.045, using: &random)
        } else if roll < mix.overloaded + mix.withinTolerance + mix.deviceFault {
            injected = "device_fault"
        }
        let gross = Int((Double(limit) * factor).rounded())
        var weights = spread(gross, axles: axleCount)
        if injected == "device_fault" {
            // The axle sensors disagree with the gross by 10 %.
            weights[axleCount - 1] += gross / 10
        }
        let unreadable = Double.random(in: 0..<1, using: &random) < mix.unreadablePlate
        let axles = weights.indices.map { index in
            WeighAxle(
                weightKg: weights[index], group: configuration.groups[index], tyres: index == 0 || configuration.groups[index] == configuration.groups[0] ? .single : .dual,
                drive: configuration.drive.contains(index), airSuspension: false)
        }
        let recordID = "\(prefix)-\(sequence)"
        let record = WeighRecord(
            station: station, recordID: recordID, time: time, lane: lanes[Int.random(in: 0..<lanes.count, using: &random)],
            plate: unreadable ? "" : plate(), plateColor: unreadable ? "" : "yellow", vehicle: configuration.vehicle, axles: axles, grossKg: gross,
            speedKmh: (Double.random(in: 35...85, using: &random) * 10).rounded() / 10,
            lengthM: configuration.vehicle == .combination ? 16.5 : 9.6, widthM: 2.5, heightM: (Double.random(in: 3.2...3.95, using: &random) * 100).rounded() / 100,
            photos: ["plate", "front", "side"].map { kind in
                WeighPhoto(kind: kind, sha256: hex(), uri: "wim://\(station)/\(recordID)/\(kind).jpg")
            })
        return (record, Truth(injected: injected, unreadablePlate: unreadable, limitKg: limit, over40Percent: over40, over100Percent: over100))
    }

    /// Splits a gross mass over the axles: a lighter steer axle, the rest evenly with ±8 % noise; exact sum.
    mutating func spread(_ gross: Int, axles: Int) -> [Int] {
        let steer = min(gross / axles, Int.random(in: 5_500...7_500, using: &random))
        var weights = [steer]
        let rest = gross - steer
        let share = Double(rest) / Double(axles - 1)
        for _ in 1..<axles - 1 {
            weights.append(Int((share * Double.random(in: 0.92...1.08, using: &random)).rounded()))
        }
        weights.append(gross - weights.reduce(0, +))
        return weights
    }

    mutating func plate() -> String {
        let (province, letters, _) = pick(Self.registrations.map { ($0, $0.2) })
        let letter = Array(letters)[Int.random(in: 0..<letters.count, using: &random)]
        let serialCharacters = Array("0123456789")
        var serial = String((0..<4).map { _ in serialCharacters[Int.random(in: 0..<10, using: &random)] })
        let lastCharacters = Array("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ")
        serial.append(lastCharacters[Int.random(in: 0..<lastCharacters.count, using: &random)])
        return "\(province)\(letter)\(serial)"
    }

    mutating func hex() -> String {
        (0..<4).map { _ in String(format: "%016llx", random.next()) }.joined()
    }

    mutating func pick<T>(_ options: [(T, Double)]) -> T {
        let total = options.reduce(0) { $0 + $1.1 }
        var roll = Double.random(in: 0..<total, using: &random)
        for (option, weight) in options {
            if roll < weight { return option }
            roll -= weight
        }
        return options[options.count - 1].0
    }
}
