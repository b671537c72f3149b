import Foundation

/// 水网睿控规则 — the waterway rule table (`Data/rules/waterway.json`): the checkpoints, the segments and their
/// restrictions, the approved unloading sites, the thresholds per jurisdiction and the detection and identification
/// parameters, each number with its citation.
///
/// Decoding is strict: an unknown key, a number without a citation, a blank citation, an out-of-range number, an id
/// written twice or a reference to an unknown segment is refused with a ``DomainError`` naming the place. The pure
/// domain never reads the file itself: the caller passes its bytes to ``init(json:)``. Whether the rules fit a region
/// (sites, waterways, jurisdictions) is checked by ``WaterwayGeography``.
public struct WaterwayRules: Hashable, Sendable, Decodable {
    /// The file's Chinese title.
    public var titleZh: String?
    /// The edition, recorded in every clue (``WaterwayClue/rulesEdition``).
    public var edition: String
    /// Free text for the legal office.
    public var note: String?
    /// The electronic checkpoints.
    public var checkpoints: [Checkpoint]
    /// The segments the restrictions refer to.
    public var segments: [WaterwaySegment]
    /// Where the AIS shore network is taken to hear every transponder.
    public var coverage: CoverageRule
    /// The jurisdiction-dependent thresholds (AIS gap, muck stop, dangerous-goods stop).
    public var thresholds: WaterwayThresholds
    /// Underway and stopped.
    public var motion: MotionRules
    /// One identity in two places.
    public var clone: CloneRules
    /// AIS positions at a checkpoint line.
    public var crossing: CrossingRules
    /// Fingerprint tolerances and growth.
    public var fingerprint: FingerprintRules
    /// Identification weights and floors.
    public var identification: IdentificationRules
    /// Memory and output bounds.
    public var monitoring: WaterwayMonitoringRules
    /// 核准渣土消纳点 — where muck ships may stop.
    public var unloadingSites: [UnloadingSiteRule]
    /// 夜间禁限航 — nightly bans by jurisdiction.
    public var nightRestrictions: [NightRestriction]
    /// 危险品船禁停区段 — segments where dangerous-goods ships may not stop.
    public var forbiddenStops: [ForbiddenStopRule]
    /// 航段船长限制 — the longest ship per segment.
    public var lengthLimits: [LengthLimitRule]

    /// Decodes and checks the file's bytes; every failure is a ``DomainError`` naming the place.
    public init(json: Data) throws {
        do {
            self = try JSONDecoder().decode(WaterwayRules.self, from: json)
        } catch let error as DecodingError {
            throw WaterwayRulesDecoding.domainError(from: error)
        }
    }

    /// The checkpoint with `id`.
    public func checkpoint(_ id: String) -> Checkpoint? { checkpoints.first { $0.id == id } }

    /// The segment with `id`.
    public func segment(_ id: String) -> WaterwaySegment? { segments.first { $0.id == id } }

    /// The length limit of segment `id`.
    public func lengthLimit(of segment: String) -> LengthLimitRule? { lengthLimits.first { $0.segment == segment } }

    private enum CodingKeys: String, CodingKey {
        case titleZh, edition, note, checkpoints, segments, coverage, thresholds, motion, clone, crossing, fingerprint
        case identification, monitoring, unloadingSites, nightRestrictions, lengthLimits
        case forbiddenStops = "dangerousGoodsForbiddenStops"
    }

    /// Decodes strictly: unknown keys, missing citations and out-of-range numbers are refused (see
    /// `WaterwayRulesDecoding`).
    public init(from decoder: any Decoder) throws {
        let c = try WaterwayRulesDecoding.keyed(
            decoder, CodingKeys.self,
            allowed: [
                "titleZh", "edition", "note", "checkpoints", "segments", "coverage", "thresholds", "motion", "clone",
                "crossing", "fingerprint", "identification", "monitoring", "unloadingSites", "nightRestrictions",
                "dangerousGoodsForbiddenStops", "lengthLimits",
            ])
        titleZh = try c.decodeIfPresent(String.self, forKey: .titleZh)
        edition = try c.waterwayText(.edition, in: decoder)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        checkpoints = try c.decode([Checkpoint].self, forKey: .checkpoints)
        segments = try c.decode([WaterwaySegment].self, forKey: .segments)
        coverage = try c.decode(CoverageRule.self, forKey: .coverage)
        thresholds = try c.decode(WaterwayThresholds.self, forKey: .thresholds)
        motion = try c.decode(MotionRules.self, forKey: .motion)
        clone = try c.decode(CloneRules.self, forKey: .clone)
        crossing = try c.decode(CrossingRules.self, forKey: .crossing)
        fingerprint = try c.decode(FingerprintRules.self, forKey: .fingerprint)
        identification = try c.decode(IdentificationRules.self, forKey: .identification)
        monitoring = try c.decode(WaterwayMonitoringRules.self, forKey: .monitoring)
        unloadingSites = try c.decode([UnloadingSiteRule].self, forKey: .unloadingSites)
        nightRestrictions = try c.decode([NightRestriction].self, forKey: .nightRestrictions)
        forbiddenStops = try c.decode([ForbiddenStopRule].self, forKey: .forbiddenStops)
        lengthLimits = try c.decode([LengthLimitRule].self, forKey: .lengthLimits)
        if let problem { throw DomainError(code: WaterwayRulesDecoding.invalidValueCode, reason: problem) }
    }

    /// What is wrong across entries, or `nil`: an id written twice, a reference to an unknown segment.
    var problem: String? {
        let lists: [(String, [String])] = [
            ("checkpoints", checkpoints.map(\.id)), ("segments", segments.map(\.id)),
            ("unloadingSites", unloadingSites.map(\.site)), ("nightRestrictions", nightRestrictions.map(\.id)),
            ("dangerousGoodsForbiddenStops", forbiddenStops.map(\.segment)), ("lengthLimits", lengthLimits.map(\.segment)),
        ]
        for (name, ids) in lists {
            if let duplicate = WaterwayRulesDecoding.duplicate(in: ids) { return "\(name): '\(duplicate)' is written twice" }
        }
        let known = Set(segments.map(\.id))
        var references: [(String, String)] = []
        for (index, checkpoint) in checkpoints.enumerated() {
            references += checkpoint.guards.map { ("checkpoints[\(index)].guards", $0.segment) }
        }
        for (index, restriction) in nightRestrictions.enumerated() {
            references += restriction.segments.map { ("nightRestrictions[\(index)].segments", $0) }
        }
        for (index, rule) in forbiddenStops.enumerated() { references.append(("dangerousGoodsForbiddenStops[\(index)].segment", rule.segment)) }
        for (index, rule) in lengthLimits.enumerated() { references.append(("lengthLimits[\(index)].segment", rule.segment)) }
        for (place, segment) in references where !known.contains(segment) {
            return "\(place): segment '\(segment)' is not defined in segments"
        }
        return nil
    }
}
