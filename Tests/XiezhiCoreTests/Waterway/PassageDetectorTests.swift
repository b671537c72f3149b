import Foundation
import Testing
import XiezhiCore

@Suite("Passage detectors: AIS off, cloned name, concealed name, night passage, over-length passage")
struct PassageDetectorTests {
    let t0 = WaterwayFixtures.morning
    static let hongqitang = "hongqitang-checkpoint"
    static let siguqiao = "siguqiao-checkpoint"

    /// The ships: two AIS carriers that must carry it, one small ship without, a near-identical name with other
    /// dimensions, and a muck ship.
    static func fleet() -> [VesselProfile] {
        [
            WaterwayFixtures.profile("浙嘉兴货1234", mmsi: 413000001, length: 45, beam: 10.8, mustCarryAIS: true),
            WaterwayFixtures.profile("苏州货0567", mmsi: 413000004, length: 38, beam: 8.2, mustCarryAIS: true),
            WaterwayFixtures.profile("浙湖州货0088", length: 30, beam: 6.5, mustCarryAIS: false),
            WaterwayFixtures.profile("浙嘉兴货1284", length: 52, beam: 11.8, mustCarryAIS: false),
            WaterwayFixtures.profile("浙秀洲渣0606", mmsi: 413000006, length: 40, beam: 9, mustCarryAIS: true),
        ]
    }

    /// A library where 浙嘉兴货1234 is established at 45.0 × 10.8 m.
    static func library() -> FingerprintLibrary {
        var library = FingerprintLibrary()
        let rules = try! WaterwayFixtures.rules().fingerprint
        for (index, length) in [44.9, 45.0, 45.1].enumerated() {
            library.record(
                WaterwayFixtures.laser(length, 10.8, 5), for: WaterwayFixtures.name("浙嘉兴货1234"), profile: nil, confidence: 1,
                at: WaterwayFixtures.morning.addingTimeInterval(Double(-index) * 86_400), rules: rules)
        }
        return library
    }

    /// Feeds positions, then the passages, sweeps after their windows; returns the report.
    func run(
        _ monitor: inout WaterwayMonitor, positions: [VesselPosition] = [], passages: [CheckpointPassage]
    ) throws -> WaterwayReport {
        var report = WaterwayReport()
        report.clues += monitor.feed(positions.sorted { $0.time < $1.time })
        for passage in passages.sorted(by: { $0.time < $1.time }) { report.append(try monitor.observe(passage)) }
        report.append(monitor.sweep(now: (passages.map(\.time).max() ?? t0).addingTimeInterval(301)))
        return report
    }

    /// An AIS track crossing Hongqitang forward at `time`.
    func crossingHongqitang(_ mmsi: Int, at time: Date) throws -> [VesselPosition] {
        let start = try WaterwayFixtures.hongqitangChainage() - 8 * 1852 / 3600 * 240
        return try WaterwayFixtures.track(mmsi, on: "hangshen", from: start, knots: 8, at: time.addingTimeInterval(-240), duration: 480)
    }

    // MARK: AIS关闭过卡

    @Test("a passage is judged only after its window and settling time")
    func timing() throws {
        var monitor = try WaterwayFixtures.monitor(Self.fleet())
        let passage = WaterwayFixtures.passage("p1", time: t0, ocr: "浙嘉兴货1234", laser: WaterwayFixtures.laser(45, 10.8))
        #expect(try monitor.observe(passage).identifications.isEmpty)
        #expect(monitor.pendingPassageCount == 1)
        #expect(monitor.sweep(now: t0.addingTimeInterval(299)).identifications.isEmpty)
        let report = monitor.sweep(now: t0.addingTimeInterval(300))
        #expect(report.identifications.map(\.vessel?.value) == ["浙嘉兴货1234"])
        #expect(monitor.pendingPassageCount == 0)
        #expect(throws: DomainError.self) { _ = try monitor.observe(WaterwayFixtures.passage("p2", at: "nowhere", time: t0)) }
    }

    @Test("a ship that must carry AIS passing with no AIS near the line is AIS off; with its track crossing it is not")
    func aisOff() throws {
        var monitor = try WaterwayFixtures.monitor(Self.fleet())
        let dark = WaterwayFixtures.passage("p1", time: t0, ocr: "浙嘉兴货1234", laser: WaterwayFixtures.laser(45.1, 10.8))
        let report = try run(&monitor, passages: [dark])
        #expect(report.clues.map(\.kind) == [.aisOffAtCheckpoint])
        let clue = try #require(report.clues.first)
        #expect(clue.vessel?.value == "浙嘉兴货1234")
        #expect(clue.mmsi?.value == "413000001")
        #expect(clue.jurisdiction == WaterwayFixtures.jiashan)
        #expect(clue.placeNameZh == "红旗塘横港大桥船舶电子卡口")
        #expect(clue.evidence.map(\.kind) == [.passage, .identification])
        #expect(clue.factsZh.contains("入沪方向"))
        #expect(clue.rulesEdition == "2026-demo-1")
        let intake = try #require(clue.intake(partyKind: .organisation))
        #expect(intake.subject == "vessel:浙嘉兴货1234")
        #expect(intake.violationKind == "ais_off_at_checkpoint")

        var lit = try WaterwayFixtures.monitor(Self.fleet())
        let time = t0.addingTimeInterval(3600)
        let on = WaterwayFixtures.passage("p2", time: time, ocr: "浙嘉兴货1234", laser: WaterwayFixtures.laser(45.1, 10.8))
        let litReport = try run(&lit, positions: try crossingHongqitang(413000001, at: time.addingTimeInterval(4)), passages: [on])
        #expect(litReport.clues.isEmpty)
        #expect(litReport.identifications.first?.method == [.ais, .ocr, .fingerprint])
    }

    @Test("no AIS-off clue for a ship not required to carry AIS, or a passage not identified")
    func aisOffQuiet() throws {
        var monitor = try WaterwayFixtures.monitor(Self.fleet())
        let small = WaterwayFixtures.passage("p1", time: t0, ocr: "浙湖州货0088", laser: WaterwayFixtures.laser(30, 6.5))
        let unreadable = WaterwayFixtures.passage("p2", time: t0.addingTimeInterval(600), ocr: "浙嘉兴货1234", confidence: 0.2, laser: WaterwayFixtures.laser(45.1, 10.8))
        let report = try run(&monitor, passages: [small, unreadable])
        #expect(report.identifications.map(\.isIdentified) == [true, false])
        #expect(report.clues.isEmpty)
    }

    // MARK: 套牌

    @Test("one name at Hongqitang and Siguqiao 20 minutes apart is a clone; 90 minutes apart it is not")
    func clonedName() throws {
        var monitor = try WaterwayFixtures.monitor(Self.fleet())
        let first = WaterwayFixtures.passage("p1", time: t0, ocr: "浙湖州货0088", laser: WaterwayFixtures.laser(30, 6.5))
        let second = WaterwayFixtures.passage("p2", at: Self.siguqiao, time: t0.addingTimeInterval(20 * 60), ocr: "浙湖州货0O88", laser: WaterwayFixtures.laser(30.2, 6.5))
        let report = try run(&monitor, passages: [first, second])
        #expect(report.clues.map(\.kind) == [.clonedIdentity])
        let clue = try #require(report.clues.first)
        #expect(clue.rule == "clone.name_speed")
        #expect(clue.vessel?.value == "浙湖州货0088")
        #expect((clue.measured ?? 0) > 25)
        #expect(clue.evidence.compactMap(\.passage?.id) == ["p1", "p2"])

        var slow = try WaterwayFixtures.monitor(Self.fleet())
        let later = WaterwayFixtures.passage("p3", at: Self.siguqiao, time: t0.addingTimeInterval(90 * 60), ocr: "浙湖州货0088", laser: WaterwayFixtures.laser(30, 6.5))
        #expect(try run(&slow, passages: [first, later]).clues.isEmpty)
    }

    @Test("a name read while its MMSI transmits 20 km away is a clone")
    func clonedNameAgainstAIS() throws {
        var monitor = try WaterwayFixtures.monitor(Self.fleet(), fingerprints: Self.library())
        let elsewhere = try WaterwayFixtures.track(413000001, on: "grand-canal", from: 20_000, knots: 8, at: t0.addingTimeInterval(-300), duration: 400, interval: 20)
        let passage = WaterwayFixtures.passage("p1", time: t0, ocr: "浙嘉兴货1234", laser: WaterwayFixtures.laser(45, 10.8))
        let report = try run(&monitor, positions: elsewhere, passages: [passage])
        let clone = report.clues.filter { $0.kind == .clonedIdentity }
        #expect(clone.map(\.rule) == ["clone.name_ais"])
        #expect(report.clues.map(\.kind).contains(.aisOffAtCheckpoint), "and its AIS is not at the line")
    }

    @Test("a measurement far off the name's established fingerprint is a clone; within 2.5 tolerances it is not")
    func clonedByFingerprint() throws {
        var monitor = try WaterwayFixtures.monitor(Self.fleet(), fingerprints: Self.library())
        let impostor = WaterwayFixtures.passage("p1", time: t0, ocr: "浙嘉兴货1234", laser: WaterwayFixtures.laser(48.6, 10.8))
        let report = try run(&monitor, positions: try crossingHongqitang(413000001, at: t0), passages: [impostor])
        #expect(report.clues.map(\.rule) == ["clone.fingerprint"])
        #expect(report.clues.first?.evidence.map(\.kind) == [.passage, .fingerprint])
        #expect(monitor.fingerprints.fingerprint(for: WaterwayFixtures.name("浙嘉兴货1234"))?.sampleCount == 3, "a clone never grows the fingerprint")

        var close = try WaterwayFixtures.monitor(Self.fleet(), fingerprints: Self.library())
        let genuine = WaterwayFixtures.passage("p2", time: t0, ocr: "浙嘉兴货1234", laser: WaterwayFixtures.laser(47.4, 10.8))
        #expect(try run(&close, positions: try crossingHongqitang(413000001, at: t0), passages: [genuine]).clues.isEmpty)
    }

    @Test("a reading another registered ship's fingerprint explains is an OCR confusion, not a clone")
    func confusionIsNotClone() throws {
        var monitor = try WaterwayFixtures.monitor(Self.fleet(), fingerprints: Self.library())
        // 浙嘉兴货1284 (52 × 11.8 m, no AIS) read as 1234 (8/3 confusion).
        let misread = WaterwayFixtures.passage("p1", time: t0, ocr: "浙嘉兴货1234", confidence: 0.7, laser: WaterwayFixtures.laser(52.1, 11.8))
        let report = try run(&monitor, passages: [misread])
        #expect(report.clues.filter { $0.kind == .clonedIdentity }.isEmpty)
    }

    // MARK: 遮挡/无船名

    @Test("no name read, identified by AIS and a fitting fingerprint: concealed name; a readable name is not")
    func concealedName() throws {
        var monitor = try WaterwayFixtures.monitor(Self.fleet(), fingerprints: Self.library())
        let covered = WaterwayFixtures.passage("p1", time: t0, laser: WaterwayFixtures.laser(45.0, 10.8))
        let report = try run(&monitor, positions: try crossingHongqitang(413000001, at: t0), passages: [covered])
        #expect(report.clues.map(\.kind) == [.nameConcealed])
        let clue = try #require(report.clues.first)
        #expect(clue.vessel?.value == "浙嘉兴货1234")
        #expect(clue.evidence.map(\.kind) == [.passage, .fingerprint, .identification])
        #expect(clue.kind.chineseName == "遮挡/无船名")

        var readable = try WaterwayFixtures.monitor(Self.fleet(), fingerprints: Self.library())
        let named = WaterwayFixtures.passage("p2", time: t0, ocr: "浙嘉兴货1234", laser: WaterwayFixtures.laser(45.0, 10.8))
        #expect(try run(&readable, positions: try crossingHongqitang(413000001, at: t0), passages: [named]).clues.isEmpty)

        var unknown = try WaterwayFixtures.monitor(Self.fleet(), fingerprints: Self.library())
        let nothing = WaterwayFixtures.passage("p3", time: t0, laser: WaterwayFixtures.laser(45.0, 10.8))
        let quiet = try run(&unknown, passages: [nothing])
        #expect(quiet.clues.isEmpty, "a fingerprint alone does not identify")
        #expect(quiet.identifications.first?.isIdentified == false)
    }

    // MARK: 夜间违规作业 at a checkpoint

    @Test("a muck ship passing Siguqiao at 05:29 breaks Xiuzhou's night restriction; at 05:30 it does not")
    func nightPassage() throws {
        var monitor = try WaterwayFixtures.monitor(Self.fleet())
        let before = WaterwayFixtures.passage("p1", at: Self.siguqiao, time: WaterwayFixtures.china(2026, 3, 6, 5, 29, 59), direction: .reverse, ocr: "浙秀洲渣0606", laser: WaterwayFixtures.laser(40, 9))
        let report = try run(&monitor, passages: [before])
        let night = report.clues.filter { $0.kind == .nightOperation }
        #expect(night.map(\.rule) == ["xiuzhou-muck-night"])
        #expect(night.first?.factsZh.contains("北行") == true)

        var morning = try WaterwayFixtures.monitor(Self.fleet())
        let after = WaterwayFixtures.passage("p2", at: Self.siguqiao, time: WaterwayFixtures.china(2026, 3, 6, 5, 30), direction: .reverse, ocr: "浙秀洲渣0606", laser: WaterwayFixtures.laser(40, 9))
        #expect(try run(&morning, passages: [after]).clues.filter { $0.kind == .nightOperation }.isEmpty)
    }

    // MARK: 超长船舶 at a checkpoint

    @Test("a southbound passage at Siguqiao measuring over 80.5 m enters the 80 m segment; northbound it does not")
    func overlengthPassage() throws {
        var monitor = try WaterwayFixtures.monitor(Self.fleet())
        let long = WaterwayFixtures.passage("p1", at: Self.siguqiao, time: t0, direction: .forward, laser: WaterwayFixtures.laser(80.6, 14))
        let fits = WaterwayFixtures.passage("p2", at: Self.siguqiao, time: t0.addingTimeInterval(600), direction: .forward, laser: WaterwayFixtures.laser(80.4, 14))
        let north = WaterwayFixtures.passage("p3", at: Self.siguqiao, time: t0.addingTimeInterval(1200), direction: .reverse, laser: WaterwayFixtures.laser(95, 15))
        let report = try run(&monitor, passages: [long, fits, north])
        #expect(report.clues.map(\.kind) == [.overlengthInRestrictedSegment])
        let clue = try #require(report.clues.first)
        #expect(clue.rule == "grand-canal-jiaxing-city")
        #expect(clue.measured == 80.6)
        #expect(clue.vessel == nil)
        #expect(clue.intake(partyKind: .organisation) == nil, "no subject to open a case against")
        #expect(clue.threshold.citation.confidence == .unverified)
    }

    // MARK: 指纹库 growth

    @Test("confident identifications grow the fingerprint library; unsure ones do not")
    func libraryGrowth() throws {
        var monitor = try WaterwayFixtures.monitor(Self.fleet())
        let sure = WaterwayFixtures.passage("p1", time: t0, ocr: "苏州货0567", laser: WaterwayFixtures.laser(38.2, 8.2, 4.4))
        let unsure = WaterwayFixtures.passage("p2", time: t0.addingTimeInterval(600), laser: WaterwayFixtures.laser(30.1, 6.5))
        let report = try run(&monitor, positions: try crossingHongqitang(413000004, at: t0), passages: [sure, unsure])
        #expect(report.identifications.map(\.isIdentified) == [true, false])
        let fingerprint = try #require(monitor.fingerprints.fingerprint(for: WaterwayFixtures.name("苏州货0567")))
        #expect(fingerprint.sampleCount == 1)
        #expect(fingerprint.expected(.airDraft) == 4.4)
        #expect(monitor.fingerprints.count == 1)
    }
}
