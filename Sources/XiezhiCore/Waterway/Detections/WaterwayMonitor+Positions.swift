import Foundation

extension WaterwayMonitor {
    // MARK: - 一码多船 (cloned MMSI)

    /// Assigns the position to the MMSI's plausible track (or opens one) and reports a clone when two tracks each have
    /// enough positions while both are alive; once per episode (until the MMSI is down to one track).
    mutating func trackIdentity(_ position: VesselPosition, state: inout ShipState, profile: VesselProfile?) -> WaterwayClue? {
        let clone = rules.clone
        let timeout = clone.trackTimeoutMinutes * 60
        state.tracks.removeAll { position.time.timeIntervalSince($0.last.time) > timeout }
        var chosen: (index: Int, knots: Double)?
        for (index, track) in state.tracks.enumerated() {
            let distance = track.last.point.distance(to: position.point)
            let knots = Self.impliedKnots(distance: distance, seconds: position.time.timeIntervalSince(track.last.time))
            guard distance <= clone.noiseMetres || knots <= clone.maxPlausibleKnots.value else { continue }
            if chosen == nil || knots < chosen!.knots { chosen = (index, knots) }
        }
        if let chosen {
            state.tracks[chosen.index].last = position
            state.tracks[chosen.index].count += 1
        } else {
            state.tracks.append(IdentityTrack(first: position, last: position, count: 1))
            if state.tracks.count > clone.maxTracksPerMMSI, let stalest = state.tracks.indices.min(by: { state.tracks[$0].last.time < state.tracks[$1].last.time }) {
                state.tracks.remove(at: stalest)
            }
        }
        let mature = state.tracks.filter { $0.count >= clone.minPositionsPerTrack }
            .sorted { $0.last.time > $1.last.time }
        if state.tracks.count <= 1 { state.cloneReported = false }
        guard mature.count >= 2, !state.cloneReported else { return nil }
        let (a, b) = (mature[1].last, mature[0].last)
        let distance = a.point.distance(to: b.point)
        let knots = Self.impliedKnots(distance: distance, seconds: b.time.timeIntervalSince(a.time))
        guard distance > clone.noiseMetres, knots > clone.maxPlausibleKnots.value else { return nil }
        state.cloneReported = true
        guard claimEpisode("clone:\(Self.identity(name: profile?.name, mmsi: position.mmsi))", at: position.time) else { return nil }
        let jurisdiction = jurisdiction(of: position, state: &state)
        let label = Self.label(name: profile?.name, mmsi: position.mmsi)
        let seconds = abs(b.time.timeIntervalSince(a.time))
        let limit = AppliedThreshold(clone.maxPlausibleKnots, nameZh: "", scope: "national").textZh
        let speed = seconds < 60
            ? "相隔仅\(Int(seconds.rounded()))秒，任何船舶都不可能往返（船舶可能航速不超过\(limit)）"
            : "折合航速\(Self.one(knots))节，超过船舶可能航速\(limit)"
        let facts = "MMSI \(position.mmsi.value)（\(profile?.name.value ?? "未登记船舶")）于\(ChinaTime.format(a.time))位于(\(Self.one6(a.longitude)), \(Self.one6(a.latitude)))，"
            + "又于\(ChinaTime.format(b.time))位于(\(Self.one6(b.longitude)), \(Self.one6(b.latitude)))，相距\(Self.one(distance / 1000))公里，\(speed)；"
            + "两条轨迹同时存在（各至少\(clone.minPositionsPerTrack)个船位），疑似一码多船（\(label)身份被套用）。"
        let evidence = [mature[1], mature[0]].flatMap { track in
            [ClueEvidence.position(track.first, noteZh: "轨迹起点"), ClueEvidence.position(track.last, noteZh: "轨迹最新船位（共\(track.count)个船位）")]
        }
        return WaterwayClue(
            id: Self.clueID(.clonedIdentity, "mmsi:\(position.mmsi.value)", b.time), kind: .clonedIdentity, rule: "clone.mmsi_speed",
            vessel: profile?.name, mmsi: position.mmsi, occurredAt: b.time, detectedAt: position.time, place: b.point,
            placeNameZh: placeName(of: b.point, jurisdiction: jurisdiction), jurisdiction: jurisdiction,
            threshold: AppliedThreshold(clone.maxPlausibleKnots, nameZh: "船舶可能最大航速", scope: "national"), measured: knots,
            factsZh: facts, evidence: capped(evidence))
    }

    // MARK: - AIS信号中断 (watch)

    /// The gap watch of a position: set when the ship is underway inside coverage in the region.
    mutating func gapWatch(for position: VesselPosition, state: inout ShipState) -> GapWatch? {
        guard position.isUnderway(atLeast: rules.motion.underwayKnots), geography.isCovered(position.point),
              let jurisdiction = jurisdiction(of: position, state: &state)
        else { return nil }
        return GapWatch(jurisdiction: jurisdiction, threshold: rules.thresholds.applied(.aisGap, at: jurisdiction))
    }

    // MARK: - 停泊 (muck dumping, dangerous-goods forbidden stop)

    /// Follows a muck or dangerous-goods ship's stop and reports it once it lasted longer than its jurisdiction's
    /// threshold outside the approved unloading sites (muck) or in a forbidden segment (dangerous goods).
    mutating func trackStop(
        _ position: VesselPosition, previous: VesselPosition?, state: inout ShipState, profile: VesselProfile?
    ) -> [WaterwayClue] {
        guard let profile, profile.cargoClass != .general else {
            state.stop = nil
            return []
        }
        let motion = rules.motion
        let stopped: Bool
        if let speed = position.speedKnots {
            stopped = speed <= motion.stopKnots
        } else if let previous {
            stopped = previous.point.distance(to: position.point) <= motion.stopRadiusMetres
        } else {
            stopped = false
        }
        guard stopped else {
            state.stop = nil
            return []
        }
        if var episode = state.stop, episode.anchor.point.distance(to: position.point) <= motion.stopRadiusMetres {
            episode.latest = position
            state.stop = episode
        } else {
            state.stop = StopEpisode(anchor: position)
        }
        guard var episode = state.stop else { return [] }
        if episode.jurisdiction == nil { episode.jurisdiction = .some(geography.jurisdiction(at: episode.anchor.point)) }
        defer { state.stop = episode }
        guard let jurisdiction = episode.jurisdiction ?? nil else { return [] }
        var clues: [WaterwayClue] = []
        let minutes = episode.duration / 60
        let evidence = capped([
            .position(episode.anchor, noteZh: "开始停泊（航速\(episode.anchor.speedKnots.map(Self.one) ?? "未知")节）"),
            .position(episode.latest, noteZh: "仍在原地停泊（距开始位置\(Int(episode.anchor.point.distance(to: episode.latest.point).rounded()))米）"),
        ])
        let label = Self.label(name: profile.name, mmsi: profile.mmsi)
        if profile.cargoClass == .muck, !episode.muckReported {
            let threshold = rules.thresholds.applied(.muckStop, at: jurisdiction)
            if episode.duration > threshold.value * 60, geography.unloadingSite(at: episode.anchor.point) == nil {
                episode.muckReported = true
                let place = placeName(of: episode.anchor.point, jurisdiction: jurisdiction)
                clues.append(WaterwayClue(
                    id: Self.clueID(.suspectedDumping, Self.identity(name: profile.name, mmsi: profile.mmsi), episode.anchor.time),
                    kind: .suspectedDumping, rule: WaterwayClueKind.suspectedDumping.rawValue, vessel: profile.name,
                    mmsi: profile.mmsi, occurredAt: episode.anchor.time, detectedAt: position.time, place: episode.anchor.point,
                    placeNameZh: place, jurisdiction: jurisdiction, threshold: threshold, measured: minutes,
                    factsZh: "渣土船\(label)自\(ChinaTime.format(episode.anchor.time))起在\(place)停泊已\(Int(minutes))分钟，超过\(threshold.textZh)，停泊位置不在任何核准渣土消纳点范围内，疑似偷倒。",
                    evidence: evidence))
            }
        }
        if profile.cargoClass == .dangerousGoods, !episode.dangerousGoodsReported {
            let forbidden = rules.forbiddenStops.filter { geography.segment($0.segment, contains: episode.anchor.point) }
            let threshold = rules.thresholds.applied(.dangerousGoodsStop, at: jurisdiction)
            if let rule = forbidden.first, episode.duration > threshold.value * 60 {
                episode.dangerousGoodsReported = true
                let segmentName = rules.segment(rule.segment)?.nameZh ?? rule.segment
                clues.append(WaterwayClue(
                    id: Self.clueID(.dangerousGoodsForbiddenStop, Self.identity(name: profile.name, mmsi: profile.mmsi), episode.anchor.time),
                    kind: .dangerousGoodsForbiddenStop, rule: rule.segment, vessel: profile.name, mmsi: profile.mmsi,
                    occurredAt: episode.anchor.time, detectedAt: position.time, place: episode.anchor.point, placeNameZh: segmentName,
                    jurisdiction: jurisdiction, threshold: threshold, measured: minutes,
                    factsZh: "危险品船\(label)自\(ChinaTime.format(episode.anchor.time))起在禁停区段\(segmentName)停泊已\(Int(minutes))分钟，超过\(threshold.textZh)（禁停依据：\(rule.citation)）。",
                    evidence: evidence))
            }
        }
        return clues
    }

    // MARK: - 夜间违规作业 (positions)

    /// Reports a ship underway where and when a night restriction for its class applies; once per restriction, ship
    /// and night.
    mutating func checkNight(_ position: VesselPosition, state: inout ShipState, profile: VesselProfile?) -> [WaterwayClue] {
        let cargoClass = profile?.cargoClass ?? .general
        let applicable = rules.nightRestrictions.filter { $0.applies(to: cargoClass) && $0.window.contains(position.time) }
        guard !applicable.isEmpty, position.isUnderway(atLeast: rules.motion.underwayKnots) else { return [] }
        let jurisdiction = jurisdiction(of: position, state: &state)
        var clues: [WaterwayClue] = []
        for restriction in applicable where restriction.jurisdiction == jurisdiction {
            let segment = restriction.segments.first { geography.segment($0, contains: position.point) }
            guard restriction.segments.isEmpty || segment != nil else { continue }
            let identity = Self.identity(name: profile?.name, mmsi: position.mmsi)
            guard let night = restriction.night(of: position.time) else { continue }
            guard claimEpisode("night:\(restriction.id):\(identity):\(night)", at: position.time, lasting: Double(restriction.windowMinutes) * 60) else { continue }
            let place = segment.flatMap { rules.segment($0)?.nameZh } ?? placeName(of: position.point, jurisdiction: jurisdiction)
            clues.append(nightClue(
                restriction, name: profile?.name, mmsi: position.mmsi, cargoClass: cargoClass, time: position.time,
                point: position.point, placeNameZh: place, action: "航行（航速\(position.speedKnots.map(Self.one) ?? "未知")节）",
                evidence: [.position(position, noteZh: "限制时段内在航船位")], detectedAt: position.time))
        }
        return clues
    }

    /// A night-operation clue.
    func nightClue(
        _ restriction: NightRestriction, name: VesselName?, mmsi: MMSI?, cargoClass: CargoClass, time: Date, point: GeoPoint,
        placeNameZh: String, action: String, evidence: [ClueEvidence], detectedAt: Date
    ) -> WaterwayClue {
        let threshold = AppliedThreshold(
            nameZh: "夜间限制时段（\(restriction.window.description)，时长）", value: Double(restriction.windowMinutes),
            unit: .minutes, citation: restriction.citation, scope: restriction.id)
        return WaterwayClue(
            id: Self.clueID(.nightOperation, Self.identity(name: name, mmsi: mmsi), time), kind: .nightOperation,
            rule: restriction.id, vessel: name, mmsi: mmsi, occurredAt: time, detectedAt: detectedAt, place: point,
            placeNameZh: placeNameZh, jurisdiction: restriction.jurisdiction, threshold: threshold, measured: nil,
            factsZh: "\(cargoClass.chineseName)\(Self.label(name: name, mmsi: mmsi))于\(ChinaTime.format(time))在\(placeNameZh)\(action)，处于\(restriction.nameZh)规定的\(restriction.window.description)限制时段内。",
            evidence: capped(evidence))
    }

    // MARK: - 超长船舶 (positions)

    /// Reports a ship longer than a segment allows when it enters the segment (once per entry and episode window).
    mutating func checkLength(_ position: VesselPosition, state: inout ShipState, profile: VesselProfile?) -> [WaterwayClue] {
        guard let profile, let known = knownLength(of: profile) else {
            state.insideLimited = []
            return []
        }
        let (length, source) = known
        var inside: Set<String> = []
        var clues: [WaterwayClue] = []
        let margin = rules.fingerprint.lengthLimitMarginMetres
        for limit in rules.lengthLimits where length > limit.maxLengthMetres + margin {
            guard geography.segment(limit.segment, contains: position.point) else { continue }
            inside.insert(limit.segment)
            guard !state.insideLimited.contains(limit.segment) else { continue }
            let identity = Self.identity(name: profile.name, mmsi: profile.mmsi)
            guard claimEpisode("overlength:\(limit.segment):\(identity)", at: position.time) else { continue }
            let jurisdiction = jurisdiction(of: position, state: &state)
            clues.append(overlengthClue(
                limit, name: profile.name, mmsi: profile.mmsi, length: length, source: source, time: position.time,
                point: position.point, jurisdiction: jurisdiction,
                evidence: [.position(position, noteZh: "进入限制航段的船位")], detectedAt: position.time))
        }
        state.insideLimited = inside
        return clues
    }

    /// The ship's length and where it comes from: the fingerprint's mean when measured, else the registered length.
    func knownLength(of profile: VesselProfile) -> (Double, String)? {
        if let fingerprint = fingerprints.fingerprint(for: profile.name), fingerprint.length.count > 0 {
            return (fingerprint.length.mean, "船舶指纹库激光实测均值（\(fingerprint.length.count)次）")
        }
        if let registered = profile.registeredLengthMetres { return (registered, "船舶登记总长") }
        return nil
    }

    /// An over-length clue.
    func overlengthClue(
        _ limit: LengthLimitRule, name: VesselName?, mmsi: MMSI?, length: Double, source: String, time: Date, point: GeoPoint,
        jurisdiction: JurisdictionCode?, evidence: [ClueEvidence], detectedAt: Date
    ) -> WaterwayClue {
        let segmentName = rules.segment(limit.segment)?.nameZh ?? limit.segment
        return WaterwayClue(
            id: Self.clueID(.overlengthInRestrictedSegment, Self.identity(name: name, mmsi: mmsi), time),
            kind: .overlengthInRestrictedSegment, rule: limit.segment, vessel: name, mmsi: mmsi, occurredAt: time,
            detectedAt: detectedAt, place: point, placeNameZh: segmentName, jurisdiction: jurisdiction, threshold: limit.threshold,
            measured: length,
            factsZh: "\(Self.label(name: name, mmsi: mmsi))船长\(Self.one(length))米（\(source)），于\(ChinaTime.format(time))进入\(segmentName)，该航段允许的最大船长为\(limit.threshold.textZh)。",
            evidence: capped(evidence))
    }

    /// `120.123456`.
    static func one6(_ value: Double) -> String { String(format: "%.6f", value) }
}
