import Foundation

/// How a laser measurement compares with one fingerprint.
public struct FingerprintMatch: Hashable, Codable, Sendable {
    /// One compared dimension.
    public struct Deviation: Hashable, Codable, Sendable {
        /// Which dimension.
        public var dimension: ShipDimension
        /// The laser value, metres.
        public var measured: Double
        /// The fingerprint's expectation, metres.
        public var expected: Double
        /// The allowed difference, metres.
        public var tolerance: Double
        /// Whether the expectation comes from enough measurements (else from the registry or few samples).
        public var established: Bool

        /// Creates the value.
        public init(dimension: ShipDimension, measured: Double, expected: Double, tolerance: Double, established: Bool) {
            self.dimension = dimension
            self.measured = measured
            self.expected = expected
            self.tolerance = tolerance
            self.established = established
        }

        /// |measured − expected| / tolerance: 1 at the edge of the tolerance.
        public var ratio: Double { abs(measured - expected) / tolerance }
    }

    /// The fingerprint's ship.
    public var vessel: VesselName
    /// The compared dimensions, in ``ShipDimension`` order.
    public var deviations: [Deviation]
    /// The fingerprint's number of measurements.
    public var sampleCount: Int

    /// Creates the value.
    public init(vessel: VesselName, deviations: [Deviation], sampleCount: Int) {
        self.vessel = vessel
        self.deviations = deviations
        self.sampleCount = sampleCount
    }

    /// The largest deviation ratio over the compared dimensions.
    public var worstRatio: Double { deviations.map(\.ratio).max() ?? .infinity }

    /// Whether every compared dimension is within its tolerance.
    public var isWithinTolerance: Bool { worstRatio <= 1 }

    /// The evidence for the ship, −1…1, from the worst ratio r: 1 within half the tolerance (differences there are
    /// measurement noise), falling linearly to 0 at the tolerance edge and to −1 at one and a half tolerances.
    public var evidence: Double { min(1, max(-1, 2 - 2 * worstRatio)) }

    /// Whether any compared dimension is established by measurements.
    public var isEstablished: Bool { deviations.contains { $0.established } }

    /// `船长52.4米（指纹52.1米，容差1.0米）` for each dimension, joined by `，`.
    public var textZh: String {
        deviations.map { deviation in
            "\(deviation.dimension.chineseName)\(Self.metres(deviation.measured))（指纹\(Self.metres(deviation.expected))，容差\(Self.metres(deviation.tolerance))）"
        }.joined(separator: "，")
    }

    static func metres(_ value: Double) -> String { String(format: "%.1f米", value) }
}
