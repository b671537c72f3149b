/// The positions an open episode keeps as evidence, bounded: the first, the worst (highest score) and the most recent
/// ones, at most ``MonitoringClue/maximumEvidence`` in all.
struct EvidenceTrail: Hashable, Sendable {
    /// The episode's first position.
    private(set) var first: VehiclePosition?
    /// The position with the highest score so far (the first of equals).
    private(set) var worst: VehiclePosition?
    private var worstScore = -Double.infinity
    /// The latest positions, oldest first.
    private var recent: [VehiclePosition] = []

    /// How many recent positions are kept beside the first and the worst.
    static let recentCapacity = MonitoringClue.maximumEvidence - 2

    /// Adds a position; `score` ranks it for ``worst`` (speed over limit, distance off route).
    mutating func add(_ position: VehiclePosition, score: Double = 0) {
        if first == nil { first = position }
        if score > worstScore {
            worst = position
            worstScore = score
        }
        recent.append(position)
        if recent.count > Self.recentCapacity { recent.removeFirst(recent.count - Self.recentCapacity) }
    }

    /// The kept positions, oldest first, without repeats.
    var positions: [VehiclePosition] {
        Self.ordered([first, worst].compactMap { $0 } + recent)
    }

    /// `positions` sorted by time without repeats of the same fix time.
    static func ordered(_ positions: [VehiclePosition]) -> [VehiclePosition] {
        var seen = Set<Double>()
        return positions.sorted { $0.time < $1.time }.filter { seen.insert($0.time.timeIntervalSince1970).inserted }
    }

    /// `core` (sampled down to `cap` if it is longer) and then the latest of `filling` up to `cap`, oldest first.
    static func compose(keeping core: [VehiclePosition], filling: [VehiclePosition], cap: Int) -> [VehiclePosition] {
        let kept = sample(core, cap: cap)
        let times = Set(kept.map(\.time))
        let room = max(cap - kept.count, 0)
        return ordered(kept + filling.filter { !times.contains($0.time) }.suffix(room))
    }

    /// At most `cap` of `positions` (sorted, unique): the first, the last and evenly spaced ones between.
    static func sample(_ positions: [VehiclePosition], cap: Int) -> [VehiclePosition] {
        let sorted = ordered(positions)
        guard sorted.count > cap, cap >= 2 else { return Array(sorted.prefix(max(cap, 0))) }
        let step = Double(sorted.count - 1) / Double(cap - 1)
        return (0..<cap).map { sorted[Int((Double($0) * step).rounded())] }
    }
}
