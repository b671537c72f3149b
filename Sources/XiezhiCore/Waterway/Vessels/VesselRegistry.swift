/// 船舶档案库 — the ships known to the node, looked up by name and by MMSI.
///
/// Names and MMSIs are unique: two profiles with the same name or the same MMSI are refused (a ship that transmits
/// another ship's MMSI is a clone to detect, not a registry entry).
public struct VesselRegistry: Hashable, Sendable {
    /// The profiles, sorted by name.
    public let profiles: [VesselProfile]
    private let byName: [VesselName: Int]
    private let byMMSI: [MMSI: Int]
    /// Each profile's name as character codes, for matching.
    private let nameCodes: [[UInt32]]

    /// Builds the registry; throws `duplicate_vessel` when a name or an MMSI appears twice.
    public init(_ profiles: [VesselProfile]) throws(DomainError) {
        let sorted = profiles.sorted { $0.name < $1.name }
        var byName: [VesselName: Int] = [:]
        var byMMSI: [MMSI: Int] = [:]
        for (index, profile) in sorted.enumerated() {
            if byName.updateValue(index, forKey: profile.name) != nil {
                throw DomainError(code: "duplicate_vessel", reason: "The ship name \(profile.name) is registered twice.")
            }
            if let mmsi = profile.mmsi, let other = byMMSI.updateValue(index, forKey: mmsi) {
                throw DomainError(
                    code: "duplicate_vessel",
                    reason: "MMSI \(mmsi) is registered to both \(sorted[other].name) and \(profile.name).")
            }
        }
        self.profiles = sorted
        self.byName = byName
        self.byMMSI = byMMSI
        self.nameCodes = sorted.map { ShipNameMatcher.codes($0.name.value) }
    }

    /// An empty registry.
    public static let empty = try! VesselRegistry([])

    /// The profile registered under `name`.
    public func profile(named name: VesselName) -> VesselProfile? {
        byName[name].map { profiles[$0] }
    }

    /// The profile whose MMSI is `mmsi`.
    public func profile(mmsi: MMSI) -> VesselProfile? {
        byMMSI[mmsi].map { profiles[$0] }
    }

    /// The registry names most similar to an OCR `reading`, best first (ties by name), at least `minimumSimilarity`,
    /// at most `limit`.
    public func nameCandidates(
        for reading: String, matcher: ShipNameMatcher = ShipNameMatcher(), minimumSimilarity: Double, limit: Int
    ) -> [(profile: VesselProfile, similarity: Double)] {
        let text = ShipNameMatcher.normalised(reading)
        guard !text.isEmpty, limit > 0 else { return [] }
        let codes = ShipNameMatcher.codes(text)
        var found: [(profile: VesselProfile, similarity: Double)] = []
        for (index, profile) in profiles.enumerated() {
            // The distance is at least the difference in length: skip names that cannot reach the floor.
            let longest = Double(max(codes.count, nameCodes[index].count))
            let lengthGap = Double(abs(codes.count - nameCodes[index].count)) * min(matcher.insertionCost, matcher.deletionCost)
            guard 1 - lengthGap / longest >= minimumSimilarity else { continue }
            let similarity = matcher.similarity(codes, nameCodes[index])
            if similarity >= minimumSimilarity { found.append((profile, similarity)) }
        }
        found.sort { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.profile.name < $1.profile.name }
        return Array(found.prefix(limit))
    }

    /// Equal when the profiles are equal.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.profiles == rhs.profiles }
    /// Hashes the profiles.
    public func hash(into hasher: inout Hasher) { hasher.combine(profiles) }
}
