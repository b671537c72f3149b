import Foundation

/// 过卡身份融合 — identifies the ship of a checkpoint passage from the OCR'd name (fuzzy), the laser fingerprint and the
/// AIS line crossings, deterministically.
///
/// Candidates come from the three sources: registry names similar to the reading, the name as read when it is a valid
/// name outside the registry, ships whose fingerprint the laser is within tolerance of, and the MMSIs that crossed.
/// Every candidate is then scored on all three (see ``IdentificationRules`` for the log-odds), and its confidence is
/// its softmax share against the others and an "unknown ship" hypothesis. Ties are broken by name, then MMSI.
public struct VesselIdentifier: Hashable, Sendable {
    /// Weights and floors.
    public var rules: IdentificationRules
    /// Fingerprint tolerances.
    public var fingerprintRules: FingerprintRules
    /// The AIS window (for the AIS evidence's fall-off).
    public var crossingRules: CrossingRules
    /// The OCR name matcher.
    public var matcher: ShipNameMatcher

    /// The most candidates an identification keeps.
    public static let keptCandidates = 5

    /// Creates the identifier.
    public init(
        rules: IdentificationRules, fingerprintRules: FingerprintRules, crossingRules: CrossingRules,
        matcher: ShipNameMatcher = ShipNameMatcher()
    ) {
        self.rules = rules
        self.fingerprintRules = fingerprintRules
        self.crossingRules = crossingRules
        self.matcher = matcher
    }

    /// The identifier the waterway rules configure.
    public init(rules: WaterwayRules, matcher: ShipNameMatcher = ShipNameMatcher()) {
        self.init(rules: rules.identification, fingerprintRules: rules.fingerprint, crossingRules: rules.crossing, matcher: matcher)
    }

    /// Identifies the ship of `passage`.
    ///
    /// `crossings` are the line crossings around the passage (``CheckpointLine/crossings(of:around:rules:)``). A
    /// passage without a reading (or with an OCR confidence below the floor; a missing confidence counts as 1), without
    /// a laser measurement and without crossings has no candidates and is not identified.
    public func identify(
        _ passage: CheckpointPassage, crossings: [LineCrossing], registry: VesselRegistry, fingerprints: FingerprintLibrary
    ) -> Identification {
        identify(passage, crossings: crossings, registry: registry, fingerprints: fingerprints,
                 nameCandidates: nameCandidates(for: passage, registry: registry))
    }

    /// The reading of a passage when it is usable (not empty, confidence at the floor or above; a missing confidence
    /// counts as 1).
    public func usableReading(of passage: CheckpointPassage) -> String? {
        (passage.ocrConfidence ?? 1) >= rules.ocrConfidenceFloor ? passage.reading : nil
    }

    /// The registry names similar to a passage's usable reading, best first: at least
    /// ``IdentificationRules/candidateMinimumSimilarity``, at most ``IdentificationRules/candidateLimit`` + 1.
    public func nameCandidates(for passage: CheckpointPassage, registry: VesselRegistry) -> [(profile: VesselProfile, similarity: Double)] {
        guard let reading = usableReading(of: passage) else { return [] }
        return registry.nameCandidates(
            for: reading, matcher: matcher, minimumSimilarity: rules.candidateMinimumSimilarity, limit: rules.candidateLimit + 1)
    }

    /// ``identify(_:crossings:registry:fingerprints:)`` with the name candidates already found
    /// (``nameCandidates(for:registry:)``).
    func identify(
        _ passage: CheckpointPassage, crossings: [LineCrossing], registry: VesselRegistry, fingerprints: FingerprintLibrary,
        nameCandidates: [(profile: VesselProfile, similarity: Double)]
    ) -> Identification {
        let ocrConfidence = passage.ocrConfidence ?? 1
        let reading = usableReading(of: passage)
        var drafts: [String: Draft] = [:]

        if let reading {
            for (profile, _) in nameCandidates.prefix(rules.candidateLimit) {
                drafts[Draft.key(profile.name)] = Draft(profile: profile)
            }
            if let read = matcher.registryForm(of: reading), registry.profile(named: read) == nil {
                drafts[Draft.key(read)] = Draft(name: read, mmsi: nil)
            }
        }
        if let laser = passage.laser {
            for match in fingerprints.matches(laser, registry: registry, rules: fingerprintRules, limit: rules.candidateLimit) {
                let key = Draft.key(match.vessel)
                guard drafts[key] == nil else { continue }
                drafts[key] = registry.profile(named: match.vessel).map(Draft.init(profile:)) ?? Draft(name: match.vessel, mmsi: nil)
            }
        }
        var crossingByMMSI: [MMSI: LineCrossing] = [:]
        for crossing in crossings { crossingByMMSI[crossing.mmsi] = crossing }
        for crossing in crossings {
            if let profile = registry.profile(mmsi: crossing.mmsi) {
                let key = Draft.key(profile.name)
                if drafts[key] == nil { drafts[key] = Draft(profile: profile) }
            } else {
                drafts["mmsi:\(crossing.mmsi.value)"] = Draft(name: nil, mmsi: crossing.mmsi)
            }
        }

        var scored: [IdentificationCandidate] = []
        for key in drafts.keys.sorted() {
            scored.append(score(drafts[key]!, passage: passage, reading: reading, ocrConfidence: ocrConfidence,
                                crossings: crossingByMMSI, fingerprints: fingerprints))
        }
        scored.sort { lhs, rhs in
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            return (lhs.vessel?.value ?? "~", lhs.mmsi?.value ?? "") < (rhs.vessel?.value ?? "~", rhs.mmsi?.value ?? "")
        }
        let top = scored.first?.score ?? rules.noneLogOdds
        let pivot = max(top, rules.noneLogOdds)
        let total = scored.reduce(exp(rules.noneLogOdds - pivot)) { $0 + exp($1.score - pivot) }
        for index in scored.indices { scored[index].confidence = exp(scored[index].score - pivot) / total }

        let kept = Array(scored.prefix(Self.keptCandidates))
        guard let best = kept.first, best.confidence >= rules.identifiedFloor else {
            return Identification(
                passage: passage.id, checkpoint: passage.checkpoint, time: passage.time, vessel: nil, mmsi: nil,
                confidence: kept.first?.confidence ?? 0, method: [], isIdentified: false, candidates: kept)
        }
        return Identification(
            passage: passage.id, checkpoint: passage.checkpoint, time: passage.time, vessel: best.vessel, mmsi: best.mmsi,
            confidence: best.confidence, method: best.supportingSources, isIdentified: true, candidates: kept)
    }

    /// The OCR evidence of an edit distance, −1…1 before the OCR confidence: 1 exact, 0 at the neutral distance, −1
    /// at twice it or more.
    public func ocrEvidence(distance: Double) -> Double {
        min(1, max(-1, 1 - distance / rules.ocrNeutralDistance))
    }

    /// The AIS evidence of a crossing for a passage, 0…1: 1 at the passage time, falling linearly to 0 at the window
    /// edge, × the near factor for a near pass; 0 when both directions are known and differ.
    public func aisEvidence(_ crossing: LineCrossing, passage: CheckpointPassage) -> Double {
        if let seen = crossing.direction, let passed = passage.direction, seen != passed { return 0 }
        let timing = max(0, 1 - abs(crossing.offsetSeconds) / crossingRules.windowSeconds)
        return crossing.kind == .crossed ? timing : timing * rules.nearCrossingFactor
    }

    private func score(
        _ draft: Draft, passage: CheckpointPassage, reading: String?, ocrConfidence: Double,
        crossings: [MMSI: LineCrossing], fingerprints: FingerprintLibrary
    ) -> IdentificationCandidate {
        var candidate = IdentificationCandidate(
            vessel: draft.name, mmsi: draft.mmsi, isRegistered: draft.profile != nil, score: 0, confidence: 0)
        if let reading, let name = draft.name {
            let distance = matcher.distance(normalisedReading: reading, name: name.value)
            let evidence = ocrEvidence(distance: distance) * ocrConfidence
            candidate.ocrSimilarity = matcher.similarity(normalisedReading: reading, name: name.value)
            candidate.ocrEvidence = evidence
            candidate.score += rules.ocrWeight * evidence
        }
        if let laser = passage.laser, let name = draft.name {
            let reference = draft.profile.flatMap(fingerprints.reference(for:)) ?? fingerprints.fingerprint(for: name)
            if let match = reference?.match(laser, rules: fingerprintRules) {
                candidate.fingerprint = match
                candidate.score += rules.fingerprintWeight * match.evidence
            }
        }
        if let mmsi = draft.mmsi, let crossing = crossings[mmsi] {
            let evidence = aisEvidence(crossing, passage: passage)
            candidate.crossing = crossing
            candidate.aisEvidence = evidence
            candidate.score += rules.aisWeight * evidence
        }
        if draft.profile == nil, draft.name != nil {
            candidate.score += rules.unregisteredLogOdds
        }
        return candidate
    }

    /// A candidate before scoring.
    private struct Draft {
        var name: VesselName?
        var mmsi: MMSI?
        var profile: VesselProfile?

        init(profile: VesselProfile) {
            name = profile.name
            mmsi = profile.mmsi
            self.profile = profile
        }

        init(name: VesselName?, mmsi: MMSI?) {
            self.name = name
            self.mmsi = mmsi
            profile = nil
        }

        static func key(_ name: VesselName) -> String { "name:\(name.value)" }
    }
}
