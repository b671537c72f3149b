/// A running mean and variance of a stream of numbers (Welford's method): count, mean and the sum of squared
/// deviations, so a fingerprint grows one measurement at a time without keeping them.
public struct RunningStatistic: Hashable, Codable, Sendable {
    /// How many values were added.
    public private(set) var count: Int
    /// Their mean (0 when empty).
    public private(set) var mean: Double
    /// The sum of squared deviations from the mean (Welford's M2).
    public private(set) var sumOfSquaredDeviations: Double

    /// An empty statistic.
    public init() {
        count = 0
        mean = 0
        sumOfSquaredDeviations = 0
    }

    /// Restores a stored statistic; throws `invalid_statistic` for a negative count or spread.
    public init(count: Int, mean: Double, sumOfSquaredDeviations: Double) throws(DomainError) {
        guard count >= 0, sumOfSquaredDeviations >= 0, mean.isFinite, sumOfSquaredDeviations.isFinite else {
            throw DomainError(code: "invalid_statistic", reason: "A running statistic needs a count and a spread that are not negative.")
        }
        self.count = count
        self.mean = count == 0 ? 0 : mean
        self.sumOfSquaredDeviations = count < 2 ? 0 : sumOfSquaredDeviations
    }

    /// Adds one value (ignored when not finite).
    public mutating func add(_ value: Double) {
        guard value.isFinite else { return }
        count += 1
        let delta = value - mean
        mean += delta / Double(count)
        sumOfSquaredDeviations += delta * (value - mean)
    }

    /// The sample variance; `nil` below two values.
    public var variance: Double? { count < 2 ? nil : sumOfSquaredDeviations / Double(count - 1) }

    /// The sample standard deviation; `nil` below two values.
    public var standardDeviation: Double? { variance.map { $0.squareRoot() } }

    private enum CodingKeys: String, CodingKey { case count, mean, sumOfSquaredDeviations }

    /// Decodes through the validating initialiser.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            count: c.decode(Int.self, forKey: .count), mean: c.decode(Double.self, forKey: .mean),
            sumOfSquaredDeviations: c.decode(Double.self, forKey: .sumOfSquaredDeviations))
    }
}
