import Foundation

/// 船舶指纹 — what the checkpoints' lasers have measured of one ship: a running mean and spread of its length, beam
/// and air draft, seeded by its registered length and beam until measurements exist.
public struct VesselFingerprint: Hashable, Codable, Sendable {
    /// The ship.
    public var vessel: VesselName
    /// The registered overall length, metres (the expectation until the laser has measured the ship).
    public var registeredLengthMetres: Double?
    /// The registered beam, metres.
    public var registeredBeamMetres: Double?
    /// Laser lengths, metres.
    public private(set) var length: RunningStatistic
    /// Laser beams, metres.
    public private(set) var beam: RunningStatistic
    /// Laser air drafts, metres.
    public private(set) var airDraft: RunningStatistic
    /// When the last measurement was added.
    public private(set) var lastUpdated: Date?

    /// An empty fingerprint with the registered size as its prior.
    public init(vessel: VesselName, registeredLengthMetres: Double? = nil, registeredBeamMetres: Double? = nil) {
        self.vessel = vessel
        self.registeredLengthMetres = registeredLengthMetres
        self.registeredBeamMetres = registeredBeamMetres
        length = RunningStatistic()
        beam = RunningStatistic()
        airDraft = RunningStatistic()
        lastUpdated = nil
    }

    /// The fingerprint a profile starts with (its registered size, no measurements).
    public init(profile: VesselProfile) {
        self.init(vessel: profile.name, registeredLengthMetres: profile.registeredLengthMetres,
                  registeredBeamMetres: profile.registeredBeamMetres)
    }

    /// Adds one laser measurement.
    public mutating func add(_ laser: LaserMeasurement, at time: Date) {
        if let value = laser.lengthMetres { length.add(value) }
        if let value = laser.beamMetres { beam.add(value) }
        if let value = laser.airDraftMetres { airDraft.add(value) }
        lastUpdated = max(lastUpdated ?? time, time)
    }

    /// The measurements of `dimension`.
    public func statistic(_ dimension: ShipDimension) -> RunningStatistic {
        switch dimension {
        case .length: length
        case .beam: beam
        case .airDraft: airDraft
        }
    }

    /// The number of laser measurements (of the length, the dimension every scan gives).
    public var sampleCount: Int { max(length.count, beam.count) }

    /// Whether `dimension` has at least `minSamples` measurements: its own mean and spread are then used.
    public func isEstablished(_ dimension: ShipDimension, minSamples: Int) -> Bool {
        statistic(dimension).count >= minSamples
    }

    /// The expected value of `dimension`: the mean of the measurements, else the registered value; `nil` when neither.
    public func expected(_ dimension: ShipDimension) -> Double? {
        let stat = statistic(dimension)
        if stat.count > 0 { return stat.mean }
        switch dimension {
        case .length: return registeredLengthMetres
        case .beam: return registeredBeamMetres
        case .airDraft: return nil
        }
    }

    /// The tolerance of `dimension`, metres: the fixed tolerance, widened to `spreadMultiple` standard deviations of the
    /// measurements once established.
    public func tolerance(_ dimension: ShipDimension, rules: FingerprintRules) -> Double? {
        guard let expected = expected(dimension) else { return nil }
        var tolerance = rules.fixedTolerance(dimension, expected: expected)
        let stat = statistic(dimension)
        if stat.count >= rules.minSamples, let spread = stat.standardDeviation {
            tolerance = max(tolerance, rules.spreadMultiple * spread)
        }
        return tolerance
    }

    /// Compares a laser measurement with the fingerprint over the dimensions both have; `nil` when they share none.
    public func match(_ laser: LaserMeasurement, rules: FingerprintRules) -> FingerprintMatch? {
        var deviations: [FingerprintMatch.Deviation] = []
        for dimension in ShipDimension.allCases {
            guard let measured = laser.value(dimension), let expected = expected(dimension),
                  let tolerance = tolerance(dimension, rules: rules)
            else { continue }
            deviations.append(.init(dimension: dimension, measured: measured, expected: expected, tolerance: tolerance,
                                    established: isEstablished(dimension, minSamples: rules.minSamples)))
        }
        guard !deviations.isEmpty else { return nil }
        return FingerprintMatch(vessel: vessel, deviations: deviations, sampleCount: sampleCount)
    }
}
