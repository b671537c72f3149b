import Foundation

extension WaterwayMonitor {
    /// 信号中断 — reports every ship last seen underway inside coverage that has been silent longer than its
    /// jurisdiction's AIS-gap threshold; once per silence (a new position ends it). Sorted by MMSI.
    mutating func sweepGaps(now: Date) -> [WaterwayClue] {
        var clues: [WaterwayClue] = []
        for mmsi in ships.keys.sorted() {
            guard var state = ships[mmsi], !state.gapReported, let watch = state.gapWatch else { continue }
            let silent = now.timeIntervalSince(state.last.time)
            guard silent > watch.threshold.value * 60 else { continue }
            state.gapReported = true
            ships[mmsi] = state
            let profile = registry.profile(mmsi: mmsi)
            let last = state.last
            let place = placeName(of: last.point, jurisdiction: watch.jurisdiction)
            let minutes = silent / 60
            let evidence = state.recent.reversed().map { ClueEvidence.position($0, noteZh: $0 == last ? "中断前最后船位" : "中断前船位") }
            clues.append(WaterwayClue(
                id: Self.clueID(.aisGap, "mmsi:\(mmsi.value)", last.time), kind: .aisGap, rule: WaterwayClueKind.aisGap.rawValue,
                vessel: profile?.name, mmsi: mmsi, occurredAt: last.time, detectedAt: now, place: last.point, placeNameZh: place,
                jurisdiction: watch.jurisdiction, threshold: watch.threshold, measured: minutes,
                factsZh: "\(Self.label(name: profile?.name, mmsi: mmsi))最后一次AIS船位于\(ChinaTime.format(last.time))在\(place)（航速\(last.speedKnots.map(Self.one) ?? "未知")节，处于AIS岸基覆盖范围内），"
                    + "此后已\(Int(minutes))分钟未收到该船AIS信号，超过\(watch.threshold.textZh)。",
                evidence: capped(evidence)))
        }
        return clues
    }
}
