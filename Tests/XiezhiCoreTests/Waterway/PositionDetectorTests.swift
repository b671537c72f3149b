import Foundation
import Testing
import XiezhiCore

extension WaterwayMonitor {
    /// Observes positions in the order given; returns every clue.
    mutating func feed(_ positions: [VesselPosition]) -> [WaterwayClue] {
        positions.flatMap { observe($0) }
    }
}

@Suite("Position detectors: AIS gap, stops, cloned MMSI, night, over-length")
struct PositionDetectorTests {
    let t0 = WaterwayFixtures.morning

    /// A stop: one position a minute at `point`, speed 0.2 kn, for `minutes` minutes (inclusive).
    func stop(_ mmsi: Int, at point: GeoPoint, from time: Date, minutes: Int) -> [VesselPosition] {
        (0...minutes).map { WaterwayFixtures.position(mmsi, point, time.addingTimeInterval(Double($0) * 60), knots: 0.2) }
    }

    // MARK: AIS信号中断

    @Test("an underway ship inside coverage silent for more than 120 minutes gives one gap clue per silence")
    func aisGap() throws {
        var monitor = try WaterwayFixtures.monitor([WaterwayFixtures.profile("浙嘉兴货1234", mmsi: 413100001)])
        let track = try WaterwayFixtures.track(413100001, on: "hangshen", from: 20_000, knots: 8, at: t0, duration: 300)
        #expect(monitor.feed(track).isEmpty)
        let last = try #require(track.last).time
        #expect(monitor.sweep(now: last.addingTimeInterval(119 * 60)).clues.isEmpty)
        #expect(monitor.sweep(now: last.addingTimeInterval(120 * 60)).clues.isEmpty, "exactly the threshold is not longer than it")
        let clues = monitor.sweep(now: last.addingTimeInterval(121 * 60)).clues
        let clue = try #require(clues.first)
        #expect(clues.count == 1)
        #expect(clue.kind == .aisGap)
        #expect(clue.kind.chineseName == "AIS信号中断")
        #expect(clue.vessel?.value == "浙嘉兴货1234")
        #expect(clue.occurredAt == last)
        #expect(clue.threshold.value == 120 && clue.threshold.citation.confidence == .secondary)
        #expect(clue.measured == 121)
        #expect(clue.jurisdiction != nil)
        #expect(clue.evidence.count == 20, "capped at the evidence cap")
        #expect(clue.factsZh.contains("超过120分钟"))
        #expect(clue.rulesEdition == "2026-demo-1")
        #expect(monitor.sweep(now: last.addingTimeInterval(300 * 60)).clues.isEmpty, "one clue per silence")
        let back = try WaterwayFixtures.track(413100001, on: "hangshen", from: 25_000, knots: 8, at: last.addingTimeInterval(301 * 60), duration: 60)
        #expect(monitor.feed(back).isEmpty)
        let again = monitor.sweep(now: try #require(back.last).time.addingTimeInterval(125 * 60)).clues
        #expect(again.map(\.kind) == [.aisGap])
    }

    @Test("no gap clue for a moored ship, a ship near a waterway's end, or one out of the corridor")
    func aisGapQuiet() throws {
        var monitor = try WaterwayFixtures.monitor([])
        let moored = (0...5).map {
            WaterwayFixtures.position(413100002, try! WaterwayFixtures.point(on: "hangshen", at: 20_000), t0.addingTimeInterval(Double($0) * 60), knots: 0, status: .moored)
        }
        let anchoredButDrifting = [WaterwayFixtures.position(413100005, try WaterwayFixtures.point(on: "hangshen", at: 21_000), t0, knots: 1.5, status: .atAnchor)]
        let nearEnd = try WaterwayFixtures.track(413100003, on: "grand-canal", from: 98_500, knots: 8, at: t0, duration: 60)
        let offCorridor = try WaterwayFixtures.track(413100004, on: "hangshen", from: 15_000, knots: 8, at: t0, duration: 60, offset: 800)
        _ = monitor.feed(moored + anchoredButDrifting + nearEnd + offCorridor)
        #expect(monitor.sweep(now: t0.addingTimeInterval(10 * 3600)).clues.isEmpty)
    }

    // MARK: 渣土船疑似偷倒

    @Test("a muck ship stopped outside the unloading sites: Jiashan's 20 minutes, Xiuzhou's national 30 minutes")
    func dumping() throws {
        let geography = try WaterwayFixtures.geography()
        let jiashanPoint = try WaterwayFixtures.point(on: "hangshen", at: 31_000)
        #expect(geography.jurisdiction(at: jiashanPoint) == WaterwayFixtures.jiashan)
        #expect(geography.unloadingSite(at: jiashanPoint) == nil)
        let xiuzhouPoint = try WaterwayFixtures.point(on: "grand-canal", at: try WaterwayFixtures.siguqiaoChainage() + 2000)
        #expect(geography.jurisdiction(at: xiuzhouPoint) == WaterwayFixtures.xiuzhou)
        let profiles = [
            WaterwayFixtures.profile("浙嘉善渣0001", mmsi: 413200001), WaterwayFixtures.profile("浙嘉善渣0002", mmsi: 413200002),
            WaterwayFixtures.profile("浙秀洲渣0003", mmsi: 413200003), WaterwayFixtures.profile("浙秀洲渣0004", mmsi: 413200004),
            WaterwayFixtures.profile("浙嘉兴货0005", mmsi: 413200005),
        ]
        var monitor = try WaterwayFixtures.monitor(profiles)
        #expect(monitor.feed(stop(413200001, at: jiashanPoint, from: t0, minutes: 20)).isEmpty)
        #expect(monitor.feed(stop(413200003, at: xiuzhouPoint, from: t0, minutes: 30)).isEmpty)
        #expect(monitor.feed(stop(413200005, at: jiashanPoint, from: t0, minutes: 90)).isEmpty, "not a muck ship")
        let jiashan = monitor.feed(stop(413200002, at: jiashanPoint, from: t0, minutes: 40))
        #expect(jiashan.map(\.kind) == [.suspectedDumping])
        let clue = try #require(jiashan.first)
        #expect(clue.threshold.value == 20 && clue.threshold.scope == "330421")
        #expect(clue.occurredAt == t0)
        #expect(clue.detectedAt == t0.addingTimeInterval(21 * 60))
        #expect(clue.kind.chineseName == "渣土船疑似偷倒")
        #expect(clue.factsZh.contains("不在任何核准渣土消纳点"))
        let xiuzhou = monitor.feed(stop(413200004, at: xiuzhouPoint, from: t0, minutes: 31))
        #expect(xiuzhou.count == 1)
        #expect(xiuzhou.first?.threshold.scope == "national")
        #expect(xiuzhou.first?.threshold.value == 30)
    }

    @Test("a muck ship stopped at an approved unloading site, or moving, or drifting away, is not dumping")
    func dumpingQuiet() throws {
        let geography = try WaterwayFixtures.geography()
        let site = try #require(geography.unloadingSites.first { $0.site.id == "muck-hangshen-jiashan" })
        var monitor = try WaterwayFixtures.monitor([WaterwayFixtures.profile("浙嘉善渣0001", mmsi: 413200001), WaterwayFixtures.profile("浙嘉善渣0002", mmsi: 413200002)])
        let nearSite = site.location.offsetBy(east: 200, north: 0)
        #expect(monitor.feed(stop(413200001, at: nearSite, from: t0, minutes: 90)).isEmpty)
        // Slow drift: 0.3 kn but 15 m a minute, so the stop restarts every ten minutes (150 m radius).
        let drifting = (0...60).map {
            WaterwayFixtures.position(413200002, try! WaterwayFixtures.point(on: "hangshen", at: 31_000 + Double($0) * 16), t0.addingTimeInterval(Double($0) * 60), knots: 0.3)
        }
        #expect(monitor.feed(drifting).isEmpty)
    }

    // MARK: 危险品船禁停区段停泊

    @Test("a dangerous-goods ship stopped more than 10 minutes in the Huangpu source segment; elsewhere it may stop")
    func dangerousGoodsStop() throws {
        let geography = try WaterwayFixtures.geography()
        let inSegment = try WaterwayFixtures.point(on: "huangpu-upper", at: 10_000)
        #expect(geography.segment("huangpu-upper-source", contains: inSegment))
        #expect(geography.jurisdiction(at: inSegment) != nil)
        var monitor = try WaterwayFixtures.monitor([
            WaterwayFixtures.profile("沪化工油0001", mmsi: 413300001), WaterwayFixtures.profile("沪化工油0002", mmsi: 413300002),
            WaterwayFixtures.profile("沪化工油0003", mmsi: 413300003),
        ])
        #expect(monitor.feed(stop(413300001, at: inSegment, from: t0, minutes: 10)).isEmpty)
        #expect(monitor.feed(stop(413300003, at: try WaterwayFixtures.point(on: "hangshen", at: 31_000), from: t0, minutes: 60)).isEmpty)
        let clues = monitor.feed(stop(413300002, at: inSegment, from: t0, minutes: 30))
        #expect(clues.map(\.kind) == [.dangerousGoodsForbiddenStop])
        #expect(clues.first?.rule == "huangpu-upper-source")
        #expect(clues.first?.placeNameZh == "黄浦江上游水源保护区段")
        #expect(clues.first?.measured == 11)
        let board = monitor.escortBoard(now: t0.addingTimeInterval(31 * 60))
        #expect(board.map(\.profile.name.value) == ["沪化工油0001", "沪化工油0002", "沪化工油0003"])
        #expect(board[1].segments == ["huangpu-upper-source"])
        #expect(board[1].stoppedSince == t0)
    }

    // MARK: 一码多船

    @Test("one MMSI on two waterways at once, three positions each, is a clone, reported once")
    func clonedMMSI() throws {
        var monitor = try WaterwayFixtures.monitor([WaterwayFixtures.profile("浙嘉兴货1234", mmsi: 413400001)])
        let a = try WaterwayFixtures.track(413400001, on: "hangshen", from: 30_000, knots: 8, at: t0, duration: 120, interval: 20)
        let b = try WaterwayFixtures.track(413400001, on: "grand-canal", from: 30_000, knots: 8, at: t0.addingTimeInterval(10), duration: 120, interval: 20)
        let merged = (a + b).sorted { $0.time < $1.time }
        let clues = monitor.feed(merged)
        #expect(clues.map(\.kind) == [.clonedIdentity])
        let clue = try #require(clues.first)
        #expect(clue.rule == "clone.mmsi_speed")
        #expect(clue.vessel?.value == "浙嘉兴货1234")
        #expect((clue.measured ?? 0) > 25)
        #expect(clue.threshold.value == 25)
        #expect(clue.evidence.count == 4)
        #expect(clue.kind.chineseName == "套牌/克隆身份")
    }

    @Test("a single position jump, or a second transmitter with only two positions, is not a clone")
    func clonedMMSIQuiet() throws {
        var monitor = try WaterwayFixtures.monitor([])
        var track = try WaterwayFixtures.track(413400002, on: "hangshen", from: 30_000, knots: 8, at: t0, duration: 300)
        track[10].latitude += 0.2
        #expect(monitor.feed(track).isEmpty)
        let a = try WaterwayFixtures.track(413400003, on: "hangshen", from: 30_000, knots: 8, at: t0, duration: 200, interval: 20)
        let b = try WaterwayFixtures.track(413400003, on: "grand-canal", from: 30_000, knots: 8, at: t0.addingTimeInterval(10), duration: 20, interval: 20)
        #expect(monitor.feed((a + b).sorted { $0.time < $1.time }).isEmpty)
        let c = try WaterwayFixtures.track(413400004, on: "hangshen", from: 30_000, knots: 20, at: t0, duration: 600, interval: 30)
        #expect(monitor.feed(c).isEmpty, "fast but plausible")
    }

    // MARK: 夜间违规作业

    @Test("a muck ship underway on the Jiashan segment between 22:00 and 06:00: once a night")
    func nightOperation() throws {
        var monitor = try WaterwayFixtures.monitor([
            WaterwayFixtures.profile("浙嘉善渣0001", mmsi: 413500001), WaterwayFixtures.profile("浙嘉兴货0002", mmsi: 413500002),
        ])
        let chainage = try WaterwayFixtures.hongqitangChainage() - 2000
        let evening = WaterwayFixtures.china(2026, 3, 5, 21, 59)
        #expect(monitor.feed(try WaterwayFixtures.track(413500001, on: "hangshen", from: chainage, knots: 6, at: evening, duration: 50, interval: 10)).isEmpty)
        let late = WaterwayFixtures.china(2026, 3, 5, 23, 0)
        #expect(monitor.feed(try WaterwayFixtures.track(413500002, on: "hangshen", from: chainage, knots: 6, at: late, duration: 60)).isEmpty)
        let clues = monitor.feed(try WaterwayFixtures.track(413500001, on: "hangshen", from: chainage, knots: 6, at: late, duration: 600, interval: 60))
        #expect(clues.map(\.kind) == [.nightOperation])
        #expect(clues.first?.rule == "jiashan-muck-night")
        #expect(clues.first?.threshold.citation.confidence == .unverified)
        let earlyMorning = WaterwayFixtures.china(2026, 3, 6, 5, 50)
        #expect(monitor.feed(try WaterwayFixtures.track(413500001, on: "hangshen", from: chainage, knots: 6, at: earlyMorning, duration: 60)).isEmpty,
                "05:50 belongs to the night that opened on the 5th")
        let nextNight = WaterwayFixtures.china(2026, 3, 6, 22, 30)
        let again = monitor.feed(try WaterwayFixtures.track(413500001, on: "hangshen", from: chainage, knots: 6, at: nextNight, duration: 60))
        #expect(again.count == 1)
    }

    @Test("a night restriction's window: its boundaries in China time, the night a small hour belongs to, its length")
    func nightWindow() throws {
        let restriction = try #require(try WaterwayFixtures.rules().nightRestrictions.first { $0.id == "jiashan-muck-night" })
        #expect(restriction.window.contains(WaterwayFixtures.china(2026, 3, 5, 22, 0)))
        #expect(!restriction.window.contains(WaterwayFixtures.china(2026, 3, 5, 21, 59, 59)))
        #expect(restriction.window.contains(WaterwayFixtures.china(2026, 3, 6, 5, 59, 59)))
        #expect(!restriction.window.contains(WaterwayFixtures.china(2026, 3, 6, 6, 0)))
        #expect(restriction.night(of: WaterwayFixtures.china(2026, 3, 6, 1, 0)) == CalendarDate(year: 2026, month: 3, day: 5))
        #expect(restriction.night(of: WaterwayFixtures.china(2026, 3, 5, 23, 0)) == CalendarDate(year: 2026, month: 3, day: 5))
        #expect(restriction.night(of: WaterwayFixtures.china(2026, 3, 6, 12, 0)) == nil)
        #expect(restriction.windowMinutes == 480)
        #expect(restriction.applies(to: .muck) && !restriction.applies(to: .general))
    }

    // MARK: 超长船舶

    @Test("a ship registered at 85 m entering the 80 m segment is reported on entry, not again while inside")
    func overlengthByPosition() throws {
        var monitor = try WaterwayFixtures.monitor([
            WaterwayFixtures.profile("浙嘉兴货8500", mmsi: 413600001, length: 85, beam: 14),
            WaterwayFixtures.profile("浙嘉兴货8000", mmsi: 413600002, length: 80.4, beam: 14),
        ])
        let geography = try WaterwayFixtures.geography()
        let segmentStart = try WaterwayFixtures.chainage(of: GeoPoint(longitude: 120.75, latitude: 30.79), on: "grand-canal")
        let clues = monitor.feed(try WaterwayFixtures.track(413600001, on: "grand-canal", from: segmentStart - 500, knots: 8, at: t0, duration: 900, interval: 30))
        #expect(clues.map(\.kind) == [.overlengthInRestrictedSegment])
        let clue = try #require(clues.first)
        #expect(geography.segment("grand-canal-jiaxing-city", contains: clue.place))
        #expect(clue.measured == 85)
        #expect(clue.threshold.value == 80)
        #expect(clue.factsZh.contains("船舶登记总长"))
        #expect(monitor.feed(try WaterwayFixtures.track(413600002, on: "grand-canal", from: segmentStart - 500, knots: 8, at: t0, duration: 900, interval: 30)).isEmpty,
                "80.4 m is within the 0.5 m measurement margin")
    }

    @Test("state is bounded: ships, buffers and passages are forgotten after the retention")
    func boundedMemory() throws {
        var monitor = try WaterwayFixtures.monitor([])
        let checkpointChainage = try WaterwayFixtures.hongqitangChainage()
        for ship in 0..<300 {
            _ = monitor.feed(try WaterwayFixtures.track(413700000 + ship, on: "hangshen", from: checkpointChainage - 300, knots: 8, at: t0.addingTimeInterval(Double(ship)), duration: 120, interval: 30))
        }
        #expect(monitor.trackedShipCount == 300)
        #expect(monitor.bufferedPositionCount > 0)
        _ = monitor.sweep(now: t0.addingTimeInterval(49 * 3600))
        #expect(monitor.trackedShipCount == 0)
        #expect(monitor.bufferedPositionCount == 0)
        #expect(monitor.pendingPassageCount == 0)
    }
}
