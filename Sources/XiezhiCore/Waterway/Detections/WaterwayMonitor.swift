import Foundation

/// 水网睿控监测 — the waterway detectors as one streaming state machine: feed it AIS positions and checkpoint passages,
/// sweep it with the clock, and it returns identifications and clues, one clue per episode, in bounded memory.
///
/// - `observe(_: VesselPosition)` updates the ship's state and returns the clues a position proves at once (cloned
///   MMSI, muck-ship dumping, dangerous-goods forbidden stop, night operation, over-length entry).
/// - `observe(_: CheckpointPassage)` queues a passage until its AIS window has closed and settled.
/// - ``sweep(now:)`` judges the due passages (identification, AIS off at the checkpoint, cloned name or fingerprint,
///   concealed name, night passage, over-length passage; the fingerprint library grows from confident
///   identifications), reports AIS gaps, and forgets state older than the retention.
///
/// Memory: one state per MMSI seen within ``WaterwayMonitoringRules/stateRetentionHours`` (a few clone tracks, one stop
/// episode, the last few positions), one sighting per ship name, the positions near each checkpoint within the AIS
/// window (capped), the pending passages (capped), and the episode keys within ``WaterwayMonitoringRules/episodeWindowMinutes``.
/// Everything is deterministic for the same inputs.
public struct WaterwayMonitor: Sendable {
    /// The rules placed in the region.
    public let geography: WaterwayGeography
    /// The rules (``WaterwayGeography/rules``), kept at hand.
    public let rules: WaterwayRules
    /// The ships known to the node.
    public internal(set) var registry: VesselRegistry
    /// 船舶指纹库 — grown from confident identifications.
    public internal(set) var fingerprints: FingerprintLibrary
    let identifier: VesselIdentifier
    var ships: [MMSI: ShipState] = [:]
    var buffers: [String: [VesselPosition]] = [:]
    var pending: [CheckpointPassage] = []
    var sightings: [VesselName: NameSighting] = [:]
    /// Claimed episode keys and when they expire.
    var episodes: [String: Date] = [:]

    /// A monitor over resolved rules.
    public init(geography: WaterwayGeography, registry: VesselRegistry, fingerprints: FingerprintLibrary = FingerprintLibrary()) {
        self.geography = geography
        self.rules = geography.rules
        self.registry = registry
        self.fingerprints = fingerprints
        self.identifier = VesselIdentifier(rules: geography.rules)
    }

    /// A monitor; throws `waterway_rules_region_mismatch` when the rules do not fit the region.
    public init(
        rules: WaterwayRules, region: Region, registry: VesselRegistry, fingerprints: FingerprintLibrary = FingerprintLibrary()
    ) throws(DomainError) {
        self.init(geography: try WaterwayGeography(rules: rules, region: region), registry: registry, fingerprints: fingerprints)
    }

    /// Replaces the registry (ships registered or changed since).
    public mutating func replaceRegistry(_ registry: VesselRegistry) { self.registry = registry }

    /// Passages waiting for their AIS window.
    public var pendingPassageCount: Int { pending.count }

    /// MMSIs with state.
    public var trackedShipCount: Int { ships.count }

    /// Positions kept near checkpoints.
    public var bufferedPositionCount: Int { buffers.values.reduce(0) { $0 + $1.count } }

    // MARK: - Positions

    /// Observes one position; returns the clues it proves at once. A position not newer than the MMSI's latest is used
    /// only for checkpoint matching; an invalid one is ignored.
    public mutating func observe(_ position: VesselPosition) -> [WaterwayClue] {
        guard position.point.isValid else { return [] }
        buffer(position)
        let profile = registry.profile(mmsi: position.mmsi)
        var state: ShipState
        let previous: VesselPosition?
        if let existing = ships[position.mmsi] {
            guard position.time > existing.last.time else { return [] }
            state = existing
            previous = existing.last
        } else {
            state = ShipState(first: position)
            previous = nil
        }
        state.last = position
        state.gapReported = false
        state.recent.append(position)
        if state.recent.count > rules.monitoring.evidenceCap { state.recent.removeFirst(state.recent.count - rules.monitoring.evidenceCap) }

        var clues: [WaterwayClue] = []
        if let clue = trackIdentity(position, state: &state, profile: profile) { clues.append(clue) }
        state.gapWatch = gapWatch(for: position, state: &state)
        clues += trackStop(position, previous: previous, state: &state, profile: profile)
        clues += checkNight(position, state: &state, profile: profile)
        clues += checkLength(position, state: &state, profile: profile)
        ships[position.mmsi] = state
        return clues.map(stamped)
    }

    /// Keeps the position when it is near a checkpoint line, for matching passages.
    private mutating func buffer(_ position: VesselPosition) {
        let radius = rules.monitoring.bufferRadiusMetres
        for checkpoint in rules.checkpoints where checkpoint.line.midpoint.distance(to: position.point) <= radius + checkpoint.line.lengthMetres / 2 {
            var kept = buffers[checkpoint.id] ?? []
            kept.append(position)
            if kept.count > rules.monitoring.maxBufferedPositions { kept.removeFirst(kept.count - rules.monitoring.maxBufferedPositions) }
            buffers[checkpoint.id] = kept
        }
    }

    // MARK: - Passages

    /// Queues a passage until ``CrossingRules/windowSeconds`` + ``CrossingRules/settleSeconds`` after its time; throws
    /// `unknown_checkpoint` for a checkpoint the rules do not have. A passage id already queued for the checkpoint is
    /// ignored. When the queue exceeds ``WaterwayMonitoringRules/maxPendingPassages`` the oldest are judged at once and
    /// returned.
    public mutating func observe(_ passage: CheckpointPassage) throws(DomainError) -> WaterwayReport {
        guard rules.checkpoint(passage.checkpoint) != nil else {
            throw DomainError(code: "unknown_checkpoint", reason: "Checkpoint '\(passage.checkpoint)' is not in the waterway rules.")
        }
        guard !pending.contains(where: { $0.id == passage.id && $0.checkpoint == passage.checkpoint }) else { return WaterwayReport() }
        let index = pending.firstIndex { $0.time > passage.time } ?? pending.endIndex
        pending.insert(passage, at: index)
        var report = WaterwayReport()
        while pending.count > rules.monitoring.maxPendingPassages {
            let oldest = pending.removeFirst()
            report.append(judge(oldest, at: oldest.time.addingTimeInterval(rules.crossing.windowSeconds)))
        }
        report.clues = report.clues.map(stamped)
        return report
    }

    // MARK: - Sweep

    /// Judges the passages whose window has closed and settled by `now`, reports the AIS gaps that passed their
    /// threshold, and forgets state older than the retention.
    public mutating func sweep(now: Date) -> WaterwayReport {
        var report = WaterwayReport()
        let wait = rules.crossing.windowSeconds + rules.crossing.settleSeconds
        while let first = pending.first, first.time.addingTimeInterval(wait) <= now {
            pending.removeFirst()
            report.append(judge(first, at: now))
        }
        report.clues += sweepGaps(now: now)
        forget(now: now)
        report.clues = report.clues.map(stamped)
        return report
    }

    /// Drops what is older than the retention, the episode window or the AIS window.
    private mutating func forget(now: Date) {
        let retention = rules.monitoring.stateRetentionHours * 3600
        ships = ships.filter { now.timeIntervalSince($0.value.last.time) <= retention }
        sightings = sightings.filter { now.timeIntervalSince($0.value.time) <= retention }
        episodes = episodes.filter { $0.value >= now }
        let reach = rules.crossing.windowSeconds + rules.crossing.maxInterpolationGapSeconds + rules.crossing.settleSeconds
        let oldestNeeded = min(pending.first?.time ?? now, now).addingTimeInterval(-reach)
        for (id, positions) in buffers {
            let kept = positions.filter { $0.time >= oldestNeeded }
            buffers[id] = kept.isEmpty ? nil : kept
        }
    }

    // MARK: - Escort

    /// 危险品船动态 — the dangerous-goods ships whose latest position is in the region and newer than the retention,
    /// sorted by name.
    public func escortBoard(now: Date) -> [EscortedVessel] {
        let retention = rules.monitoring.stateRetentionHours * 3600
        var board: [EscortedVessel] = []
        for (mmsi, state) in ships where now.timeIntervalSince(state.last.time) <= retention {
            guard let profile = registry.profile(mmsi: mmsi), profile.cargoClass == .dangerousGoods else { continue }
            guard let jurisdiction = geography.jurisdiction(at: state.last.point) else { continue }
            board.append(EscortedVessel(
                profile: profile, lastPosition: state.last, jurisdiction: jurisdiction,
                segments: geography.segments(containing: state.last.point), stoppedSince: state.stop?.anchor.time))
        }
        return board.sorted { $0.profile.name < $1.profile.name }
    }

    // MARK: - Shared helpers

    /// Claims an episode: `false` when `key` was claimed and has not expired at `time`; else records it until `time` +
    /// `lasting` seconds (default: ``WaterwayMonitoringRules/episodeWindowMinutes``) and returns `true`.
    mutating func claimEpisode(_ key: String, at time: Date, lasting: TimeInterval? = nil) -> Bool {
        if let expiry = episodes[key], time <= expiry { return false }
        episodes[key] = time.addingTimeInterval(lasting ?? rules.monitoring.episodeWindowMinutes * 60)
        return true
    }

    /// The clue with the rules' edition.
    func stamped(_ clue: WaterwayClue) -> WaterwayClue {
        var clue = clue
        clue.rulesEdition = rules.edition
        return clue
    }

    /// The evidence capped to ``WaterwayMonitoringRules/evidenceCap``.
    func capped(_ evidence: [ClueEvidence]) -> [ClueEvidence] { Array(evidence.prefix(rules.monitoring.evidenceCap)) }

    /// The place name of a point: the first segment it is in, else its jurisdiction's waters, else `辖区外水域`.
    func placeName(of point: GeoPoint, jurisdiction: JurisdictionCode?) -> String {
        if let id = geography.segments(containing: point).first, let segment = rules.segment(id) { return segment.nameZh }
        if let jurisdiction, let found = geography.region.jurisdiction(jurisdiction) { return "\(found.name)水域" }
        return "辖区外水域"
    }

    /// The jurisdiction of a ship's position, re-located only when it moved more than ``relocateMetres``.
    func jurisdiction(of position: VesselPosition, state: inout ShipState) -> JurisdictionCode? {
        if let located = state.located, located.point.distance(to: position.point) <= Self.relocateMetres {
            return located.jurisdiction
        }
        let jurisdiction = geography.jurisdiction(at: position.point)
        state.located = (position.point, jurisdiction)
        return jurisdiction
    }

    /// How far a ship moves before its jurisdiction is looked up again, metres (a cache, not a rule).
    static let relocateMetres = 200.0

    /// A ship's label: `浙嘉兴货1234（MMSI 413123456）`, the name, or `MMSI …`.
    static func label(name: VesselName?, mmsi: MMSI?) -> String {
        IdentificationCandidate(vessel: name, mmsi: mmsi, isRegistered: true, score: 0, confidence: 0).label
    }

    /// The identity key of a ship for episodes: its name, else its MMSI.
    static func identity(name: VesselName?, mmsi: MMSI?) -> String {
        name.map { "name:\($0.value)" } ?? mmsi.map { "mmsi:\($0.value)" } ?? "unknown"
    }

    /// A clue id.
    static func clueID(_ kind: WaterwayClueKind, _ subject: String, _ time: Date) -> String {
        "\(kind.rawValue):\(subject):\(Int(time.timeIntervalSince1970.rounded(.down)))"
    }

    /// Implied speed between two sightings, knots (the time floored at 1 s).
    static func impliedKnots(distance: Double, seconds: Double) -> Double {
        distance / max(abs(seconds), 1) * 3600 / 1852
    }

    /// `12.3`.
    static func one(_ value: Double) -> String { String(format: "%.1f", value) }
}

/// What the monitor remembers of one MMSI.
struct ShipState: Sendable {
    var last: VesselPosition
    var recent: [VesselPosition]
    var gapReported = false
    var gapWatch: GapWatch?
    var tracks: [IdentityTrack]
    var cloneReported = false
    var stop: StopEpisode?
    var insideLimited: Set<String> = []
    var located: (point: GeoPoint, jurisdiction: JurisdictionCode?)?

    init(first: VesselPosition) {
        last = first
        recent = []
        tracks = []
    }
}

/// The last position of an underway ship inside coverage, with the gap threshold of its jurisdiction.
struct GapWatch: Sendable {
    var jurisdiction: JurisdictionCode
    var threshold: AppliedThreshold
}

/// One plausible track of an MMSI (positions reachable from each other at a plausible speed).
struct IdentityTrack: Sendable {
    var first: VesselPosition
    var last: VesselPosition
    var count: Int
}

/// A ship stopped within the stop radius since `anchor`.
struct StopEpisode: Sendable {
    var anchor: VesselPosition
    var latest: VesselPosition
    var jurisdiction: JurisdictionCode??
    var muckReported = false
    var dangerousGoodsReported = false

    init(anchor: VesselPosition) {
        self.anchor = anchor
        self.latest = anchor
    }

    var duration: TimeInterval { latest.time.timeIntervalSince(anchor.time) }
}

/// A checkpoint reading of a ship name.
struct NameSighting: Sendable {
    var time: Date
    var point: GeoPoint
    var checkpoint: String
    var passage: CheckpointPassage
}
