import Foundation

extension WaterwayMonitor {
    /// Judges one passage: identifies it against the AIS positions around it, runs the passage detectors, and grows
    /// the fingerprint library from a confident identification whose measurement does not contradict the ship.
    mutating func judge(_ passage: CheckpointPassage, at now: Date) -> WaterwayReport {
        guard let checkpoint = rules.checkpoint(passage.checkpoint) else { return WaterwayReport() }
        let reach = rules.crossing.windowSeconds + rules.crossing.maxInterpolationGapSeconds
        let nearby = (buffers[checkpoint.id] ?? []).filter { abs($0.time.timeIntervalSince(passage.time)) <= reach }
        let crossings = checkpoint.line.crossings(of: nearby, around: passage.time, rules: rules.crossing)
        let names = identifier.nameCandidates(for: passage, registry: registry)
        let identification = identifier.identify(
            passage, crossings: crossings, registry: registry, fingerprints: fingerprints, nameCandidates: names)

        var clues: [WaterwayClue] = []
        let cloneFound = checkCloneAtCheckpoint(passage, checkpoint: checkpoint, identification: identification, names: names, now: now)
        clues += cloneFound
        if let clue = checkAISOff(passage, checkpoint: checkpoint, identification: identification, crossings: crossings, now: now) {
            clues.append(clue)
        }
        if let clue = checkConcealedName(passage, checkpoint: checkpoint, identification: identification, now: now) {
            clues.append(clue)
        }
        clues += checkNightPassage(passage, checkpoint: checkpoint, identification: identification, now: now)
        clues += checkLengthPassage(passage, checkpoint: checkpoint, identification: identification, now: now)

        if identification.isIdentified, let name = identification.vessel, let laser = passage.laser,
           identification.best?.fingerprint?.isWithinTolerance != false,
           !cloneFound.contains(where: { $0.vessel == name })
        {
            fingerprints.record(
                laser, for: name, profile: registry.profile(named: name), confidence: identification.confidence,
                at: passage.time, rules: rules.fingerprint)
        }
        return WaterwayReport(identifications: [identification], clues: clues)
    }

    // MARK: - 套牌 at a checkpoint

    /// The clone checks of a passage. The ships sighted are the one its reading names (``ocrSighting(_:)``) and the one
    /// it was identified as; for each, the name seen elsewhere (or its MMSI transmitting elsewhere) too recently for a
    /// ship to travel between is a clone. The name read is also a clone when the measurement contradicts its
    /// established fingerprint.
    mutating func checkCloneAtCheckpoint(
        _ passage: CheckpointPassage, checkpoint: Checkpoint, identification: Identification,
        names: [(profile: VesselProfile, similarity: Double)], now: Date
    ) -> [WaterwayClue] {
        let clone = rules.clone
        var clues: [WaterwayClue] = []
        var sighted: [VesselProfile] = []
        if let (named, match, reading) = ocrSighting(passage, names: names) {
            sighted.append(named)
            let established = match?.deviations.filter(\.established) ?? []
            if let match, let worst = established.max(by: { $0.ratio < $1.ratio }), worst.ratio > clone.fingerprintDeviationMultiple,
               claimEpisode(cloneEpisode(named), at: passage.time)
            {
                let label = Self.label(name: named.name, mmsi: named.mmsi)
                let similarity = identifier.matcher.similarity(normalisedReading: reading, name: named.name.value)
                let threshold = AppliedThreshold(
                    nameZh: "指纹\(worst.dimension.chineseName)偏差上限（\(Self.one(clone.fingerprintDeviationMultiple))倍容差）",
                    value: worst.tolerance * clone.fingerprintDeviationMultiple, unit: .metres, citation: clone.citation,
                    scope: "national")
                clues.append(WaterwayClue(
                    id: Self.clueID(.clonedIdentity, Self.identity(name: named.name, mmsi: named.mmsi), passage.time),
                    kind: .clonedIdentity, rule: "clone.fingerprint", vessel: named.name, mmsi: named.mmsi,
                    occurredAt: passage.time, detectedAt: now, place: checkpoint.line.midpoint, placeNameZh: checkpoint.nameZh,
                    jurisdiction: checkpoint.jurisdiction, threshold: threshold, measured: abs(worst.measured - worst.expected),
                    factsZh: "\(checkpoint.nameZh)于\(ChinaTime.format(passage.time))识别船名“\(passage.ocrName ?? reading)”（与\(label)相似度\(Self.percent(similarity))），"
                        + "但激光测量与该船指纹不符：\(match.textZh)，偏差超过\(Self.one(clone.fingerprintDeviationMultiple))倍容差，疑似他船套用\(named.name.value)船名。",
                    evidence: capped([
                        .passage(passage, noteZh: "过卡记录（照片、识别船名、激光测量）"),
                        .fingerprint(match, at: passage.time, noteZh: "与\(named.name.value)指纹比对（已积累\(match.sampleCount)次测量）"),
                    ])))
            }
        }
        if identification.isIdentified, let name = identification.vessel, let profile = registry.profile(named: name),
           !sighted.contains(where: { $0.name == name })
        {
            sighted.append(profile)
        }
        for profile in sighted {
            clues += checkTravel(of: profile, passage: passage, checkpoint: checkpoint, now: now)
        }
        return clues
    }

    /// The registered ship a passage's reading names (among `names`, the registry names near it), with the laser's
    /// comparison with its fingerprint and the reading:
    /// the one registered name nearest to the reading (no tie), at most ``CloneRules/nameMaxDistance`` away, with every
    /// other name less than ``CloneRules/nameMargin`` further ruled out by the laser (a rival whose fingerprint fits
    /// makes the reading an OCR confusion; without a laser any rival makes it ambiguous).
    func ocrSighting(
        _ passage: CheckpointPassage, names: [(profile: VesselProfile, similarity: Double)]
    ) -> (VesselProfile, FingerprintMatch?, String)? {
        let clone = rules.clone
        guard let reading = identifier.usableReading(of: passage) else { return nil }
        let matcher = identifier.matcher
        let near = names.map { (profile: $0.profile, distance: matcher.distance(normalisedReading: reading, name: $0.profile.name.value)) }
            .sorted { $0.distance != $1.distance ? $0.distance < $1.distance : $0.profile.name < $1.profile.name }
        guard let top = near.first, top.distance <= clone.nameMaxDistance else { return nil }
        let rivals = near.dropFirst().filter { $0.distance < top.distance + clone.nameMargin }
        guard !rivals.contains(where: { $0.distance - top.distance < Self.tieDistance }) else { return nil }
        let match = passage.laser.flatMap { laser in fingerprints.reference(for: top.profile)?.match(laser, rules: rules.fingerprint) }
        if !rivals.isEmpty {
            guard let laser = passage.laser else { return nil }
            let rivalFits = rivals.contains { rival in
                fingerprints.reference(for: rival.profile)?.match(laser, rules: rules.fingerprint)?.isWithinTolerance != false
            }
            if rivalFits { return nil }
        }
        return (top.profile, match, reading)
    }

    /// The episode key of a clone of `profile`.
    func cloneEpisode(_ profile: VesselProfile) -> String {
        "clone:\(Self.identity(name: profile.name, mmsi: profile.mmsi))"
    }

    /// A ship sighted at a checkpoint: a clone when its previous sighting at another checkpoint, or its MMSI's latest AIS
    /// position, is too far away for the time between. Records the sighting.
    mutating func checkTravel(of named: VesselProfile, passage: CheckpointPassage, checkpoint: Checkpoint, now: Date) -> [WaterwayClue] {
        let clone = rules.clone
        let place = checkpoint.line.midpoint
        var clues: [WaterwayClue] = []
        let threshold = AppliedThreshold(clone.maxPlausibleKnots, nameZh: "船舶可能最大航速", scope: "national")
        let episode = cloneEpisode(named)
        let sighting = NameSighting(time: passage.time, point: place, checkpoint: checkpoint.id, passage: passage)
        defer { sightings[named.name] = sighting }
        if let previous = sightings[named.name], previous.checkpoint != checkpoint.id {
            let distance = previous.point.distance(to: place)
            let seconds = passage.time.timeIntervalSince(previous.time)
            let knots = Self.impliedKnots(distance: distance, seconds: seconds)
            if distance > clone.noiseMetres, knots > clone.maxPlausibleKnots.value, claimEpisode(episode, at: passage.time) {
                let previousName = rules.checkpoint(previous.checkpoint)?.nameZh ?? previous.checkpoint
                clues.append(WaterwayClue(
                    id: Self.clueID(.clonedIdentity, Self.identity(name: named.name, mmsi: named.mmsi), passage.time),
                    kind: .clonedIdentity, rule: "clone.name_speed", vessel: named.name, mmsi: named.mmsi,
                    occurredAt: passage.time, detectedAt: now, place: place, placeNameZh: checkpoint.nameZh,
                    jurisdiction: checkpoint.jurisdiction, threshold: threshold, measured: knots,
                    factsZh: "船名\(named.name.value)于\(ChinaTime.format(previous.time))经过\(previousName)，又于\(ChinaTime.format(passage.time))经过\(checkpoint.nameZh)，"
                        + "两地直线相距\(Self.one(distance / 1000))公里，间隔\(Int((abs(seconds) / 60).rounded()))分钟，折合航速\(Self.one(knots))节，超过\(threshold.textZh)，疑似一名多船（套牌）。",
                    evidence: capped([
                        .passage(previous.passage, noteZh: "先一次过卡（\(previousName)）"),
                        .passage(passage, noteZh: "后一次过卡（\(checkpoint.nameZh)）"),
                    ])))
            }
        }
        if let mmsi = named.mmsi, let state = ships[mmsi],
           abs(state.last.time.timeIntervalSince(passage.time)) <= clone.trackTimeoutMinutes * 60
        {
            let distance = checkpoint.line.distance(from: state.last.point)
            let seconds = state.last.time.timeIntervalSince(passage.time)
            let knots = Self.impliedKnots(distance: distance, seconds: seconds)
            if distance > clone.noiseMetres, knots > clone.maxPlausibleKnots.value, claimEpisode(episode, at: passage.time) {
                clues.append(WaterwayClue(
                    id: Self.clueID(.clonedIdentity, Self.identity(name: named.name, mmsi: named.mmsi), passage.time),
                    kind: .clonedIdentity, rule: "clone.name_ais", vessel: named.name, mmsi: mmsi,
                    occurredAt: passage.time, detectedAt: now, place: place, placeNameZh: checkpoint.nameZh,
                    jurisdiction: checkpoint.jurisdiction, threshold: threshold, measured: knots,
                    factsZh: "\(checkpoint.nameZh)于\(ChinaTime.format(passage.time))识别到船名\(named.name.value)，而该船MMSI \(mmsi.value)于\(ChinaTime.format(state.last.time))的AIS船位距卡口\(Self.one(distance / 1000))公里，"
                        + "折合航速\(Self.one(knots))节，超过\(threshold.textZh)，疑似套牌或一码多船。",
                    evidence: capped([
                        .passage(passage, noteZh: "过卡记录（识别船名\(passage.ocrName ?? "未识别")）"),
                        .position(state.last, noteZh: "同一时段该船MMSI的AIS船位"),
                    ])))
            }
        }
        return clues
    }

    // MARK: - AIS关闭过卡

    /// A ship that must carry AIS, identified at the checkpoint, with no crossing or near pass of its MMSI.
    func checkAISOff(
        _ passage: CheckpointPassage, checkpoint: Checkpoint, identification: Identification, crossings: [LineCrossing], now: Date
    ) -> WaterwayClue? {
        guard identification.isIdentified, let name = identification.vessel, let profile = registry.profile(named: name),
              profile.mustCarryAIS
        else { return nil }
        if let mmsi = profile.mmsi, crossings.contains(where: { $0.mmsi == mmsi }) { return nil }
        let crossing = rules.crossing
        let threshold = AppliedThreshold(
            nameZh: "过卡AIS关联时间窗（±\(Int(crossing.windowSeconds))秒，\(Int(crossing.nearMetres))米内）",
            value: crossing.windowSeconds / 60, unit: .minutes, citation: crossing.citation, scope: checkpoint.id)
        let direction = passage.direction.map { "（\(checkpoint.directionNameZh($0))）" } ?? ""
        let mmsiText = profile.mmsi.map { "MMSI \($0.value)" } ?? "登记无MMSI"
        return WaterwayClue(
            id: Self.clueID(.aisOffAtCheckpoint, Self.identity(name: name, mmsi: profile.mmsi), passage.time),
            kind: .aisOffAtCheckpoint, rule: WaterwayClueKind.aisOffAtCheckpoint.rawValue, vessel: name, mmsi: profile.mmsi,
            occurredAt: passage.time, detectedAt: now, place: checkpoint.line.midpoint, placeNameZh: checkpoint.nameZh,
            jurisdiction: checkpoint.jurisdiction, threshold: threshold, measured: nil,
            factsZh: "\(name.value)（\(mmsiText)，依法应配备并开启AIS）于\(ChinaTime.format(passage.time))经过\(checkpoint.nameZh)\(direction)，"
                + "过卡前后\(Int(crossing.windowSeconds))秒内卡口断面\(Int(crossing.nearMetres))米范围内无该船AIS船位。身份识别：\(identification.methodZh)，置信度\(Self.percent(identification.confidence))。",
            evidence: capped([
                .passage(passage, noteZh: "过卡记录（照片、识别船名、激光测量）"),
                .identification(identification, noteZh: "过卡身份识别结果"),
            ]))
    }

    // MARK: - 遮挡/无船名

    /// No name read (nothing, or below the OCR confidence floor), yet identified with a fingerprint within tolerance.
    func checkConcealedName(_ passage: CheckpointPassage, checkpoint: Checkpoint, identification: Identification, now: Date) -> WaterwayClue? {
        let unread = passage.reading == nil || (passage.ocrConfidence ?? 1) < rules.identification.ocrConfidenceFloor
        guard unread, identification.isIdentified, let best = identification.best, let match = best.fingerprint,
              match.isWithinTolerance
        else { return nil }
        let threshold = AppliedThreshold(
            nameZh: "船名识别置信度下限", value: rules.identification.ocrConfidenceFloor, unit: .ratio,
            citation: rules.identification.citation, scope: checkpoint.id)
        let label = best.label
        return WaterwayClue(
            id: Self.clueID(.nameConcealed, "passage:\(checkpoint.id):\(passage.id)", passage.time),
            kind: .nameConcealed, rule: WaterwayClueKind.nameConcealed.rawValue, vessel: best.vessel, mmsi: best.mmsi,
            occurredAt: passage.time, detectedAt: now, place: checkpoint.line.midpoint, placeNameZh: checkpoint.nameZh,
            jurisdiction: checkpoint.jurisdiction, threshold: threshold, measured: passage.ocrConfidence,
            factsZh: "\(checkpoint.nameZh)于\(ChinaTime.format(passage.time))拍摄到过卡船舶但未识别出船名，激光指纹与\(label)相符（\(match.textZh)），"
                + "经\(identification.methodZh)识别置信度\(Self.percent(identification.confidence))，疑似遮挡船名或未按规定标识船名。",
            evidence: capped([
                .passage(passage, noteZh: "过卡记录（照片中船名不可辨认）"),
                .fingerprint(match, at: passage.time, noteZh: "激光测量与\(label)指纹比对"),
                .identification(identification, noteZh: "过卡身份识别结果"),
            ]))
    }

    // MARK: - 夜间违规作业 (passages)

    /// An identified ship of a restricted class passing a checkpoint inside a night restriction's place and window.
    mutating func checkNightPassage(
        _ passage: CheckpointPassage, checkpoint: Checkpoint, identification: Identification, now: Date
    ) -> [WaterwayClue] {
        guard identification.isIdentified else { return [] }
        let profile = identification.vessel.flatMap(registry.profile(named:))
        let cargoClass = profile?.cargoClass ?? identification.vessel.map(CargoClass.implied(by:)) ?? .general
        var clues: [WaterwayClue] = []
        let point = checkpoint.line.midpoint
        for restriction in rules.nightRestrictions
        where restriction.applies(to: cargoClass) && restriction.jurisdiction == checkpoint.jurisdiction && restriction.window.contains(passage.time) {
            guard restriction.segments.isEmpty || restriction.segments.contains(where: { geography.segment($0, contains: point) }) else { continue }
            let identity = Self.identity(name: identification.vessel, mmsi: identification.mmsi)
            guard let night = restriction.night(of: passage.time) else { continue }
            guard claimEpisode("night:\(restriction.id):\(identity):\(night)", at: passage.time, lasting: Double(restriction.windowMinutes) * 60) else { continue }
            let direction = passage.direction.map { "（\(checkpoint.directionNameZh($0))）" } ?? ""
            clues.append(nightClue(
                restriction, name: identification.vessel, mmsi: identification.mmsi, cargoClass: cargoClass, time: passage.time,
                point: point, placeNameZh: checkpoint.nameZh, action: "过卡\(direction)",
                evidence: [.passage(passage, noteZh: "限制时段内过卡记录"), .identification(identification, noteZh: "过卡身份识别结果")],
                detectedAt: now))
        }
        return clues
    }

    // MARK: - 超长船舶 (passages)

    /// A passage entering a length-limited segment (by the checkpoint's guards) with a laser length over the limit.
    mutating func checkLengthPassage(
        _ passage: CheckpointPassage, checkpoint: Checkpoint, identification: Identification, now: Date
    ) -> [WaterwayClue] {
        guard let direction = passage.direction, let length = passage.laser?.lengthMetres else { return [] }
        var clues: [WaterwayClue] = []
        let margin = rules.fingerprint.lengthLimitMarginMetres
        for guarding in checkpoint.guards where guarding.direction == direction {
            guard let limit = rules.lengthLimit(of: guarding.segment), length > limit.maxLengthMetres + margin else { continue }
            let name = identification.isIdentified ? identification.vessel : nil
            let mmsi = identification.isIdentified ? identification.mmsi : nil
            let identity = name == nil && mmsi == nil ? "passage:\(checkpoint.id):\(passage.id)" : Self.identity(name: name, mmsi: mmsi)
            guard claimEpisode("overlength:\(limit.segment):\(identity)", at: passage.time) else { continue }
            clues.append(overlengthClue(
                limit, name: name, mmsi: mmsi, length: length, source: "\(checkpoint.nameZh)激光实测", time: passage.time,
                point: checkpoint.line.midpoint, jurisdiction: checkpoint.jurisdiction,
                evidence: [.passage(passage, noteZh: "过卡记录（\(checkpoint.directionNameZh(direction))，激光船长\(Self.one(length))米）")],
                detectedAt: now))
        }
        return clues
    }

    /// Two names this close to a reading are equally near: the reading names neither (a tolerance on the weighted edit
    /// distance, not a rule).
    static let tieDistance = 0.05

    /// `97.5%`.
    static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
}
