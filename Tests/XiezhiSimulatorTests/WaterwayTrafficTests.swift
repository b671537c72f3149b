import Foundation
import Testing
import XiezhiCore
import XiezhiData
import XiezhiWire
@testable import XiezhiSimulator

/// The waterway simulator: seeded traffic with ground truth, run through the detectors and scored (the figures
/// `xiezhi simulate waterway` prints), and served as real AIS sentences.
@Suite struct WaterwayTrafficTests {
    static func geography() throws -> WaterwayGeography {
        let region = try Region(geoJSON: try Data(contentsOf: BundledData.demoRegion), jointZoneRule: try BundledData.rulesFile("joint-zone.json"))
        return try WaterwayGeography(rules: try WaterwayRules(json: try BundledData.rulesFile("waterway.json")), region: region)
    }

    static let start = Date(timeIntervalSince1970: 1_774_972_800)  // 2026-04-01 00:00 China time

    @Test func sameSeedSameTraffic() throws {
        let generator = WaterwayTrafficGenerator(geography: try Self.geography())
        let a = try generator.scenario(seed: 5, hours: 12, start: Self.start)
        let b = try generator.scenario(seed: 5, hours: 12, start: Self.start)
        #expect(a.events == b.events && a.truth == b.truth)
        #expect(a.events.map(\.time) == a.events.map(\.time).sorted())
        #expect(a.events.allSatisfy { $0.time >= a.start && $0.time <= a.end })
    }

    /// A small seed: every figure is computed, and the quality is far from chance (the issue's targets are checked on
    /// the longer runs below).
    @Test func evaluationOfASmallRun() throws {
        let geography = try Self.geography()
        let scenario = try WaterwayTrafficGenerator(geography: geography).scenario(seed: 3, hours: 24, start: Self.start)
        let evaluation = try WaterwayEvaluation.run(scenario, geography: geography)
        #expect(evaluation.passages == scenario.truth.passageVessel.count, "every genuine passage judged")
        #expect(evaluation.passagesJudged == evaluation.passages + scenario.truth.impostors.count)
        #expect(evaluation.identificationRate >= 0.9)
        #expect(evaluation.wrong <= evaluation.passages / 50)
        #expect(evaluation.fingerprints > 0 && evaluation.positions > 0 && !evaluation.dailyRates.isEmpty)
        for kind in [WaterwayClueKind.aisOffAtCheckpoint, .clonedIdentity, .suspectedDumping] {
            let score = try #require(evaluation.scores.first { $0.kind == kind })
            #expect(score.injected > 0)
            #expect((score.recall ?? 0) >= 0.75, "\(kind) recall \(score.hits)/\(score.injected)")
            #expect((score.precision ?? 0) >= 0.75, "\(kind) precision \(score.hits)/\(score.raised)")
        }
        #expect(evaluation.table.contains("suspected_dumping"))
    }

    /// The issue's targets on three days of traffic, two seeds pooled: identification ≥ 98 %, precision and recall
    /// ≥ 95 % for clone, AIS-off and dumping.
    @Test func targetsOnThreeDays() throws {
        let geography = try Self.geography()
        var passages = 0, correct = 0
        var hits: [WaterwayClueKind: (hits: Int, raised: Int, injected: Int)] = [:]
        for seed: UInt64 in [20_260_401, 7] {
            let scenario = try WaterwayTrafficGenerator(geography: geography).scenario(seed: seed, hours: 72, start: Self.start)
            let evaluation = try WaterwayEvaluation.run(scenario, geography: geography)
            passages += evaluation.passages
            correct += evaluation.correct
            for score in evaluation.scores {
                let sum = hits[score.kind] ?? (0, 0, 0)
                hits[score.kind] = (sum.hits + score.hits, sum.raised + score.raised, sum.injected + score.injected)
            }
        }
        #expect(Double(correct) >= 0.98 * Double(passages), "\(correct) of \(passages) identified")
        for kind in [WaterwayClueKind.aisOffAtCheckpoint, .clonedIdentity, .suspectedDumping] {
            let sum = try #require(hits[kind])
            #expect(Double(sum.hits) >= 0.95 * Double(sum.raised), "\(kind) precision \(sum.hits)/\(sum.raised)")
            #expect(Double(sum.hits) >= 0.95 * Double(sum.injected), "\(kind) recall \(sum.hits)/\(sum.injected)")
        }
    }

    @Test func positionsAreServedAsAISSentencesThatDecodeBack() throws {
        let scenario = try WaterwayTrafficGenerator(geography: try Self.geography()).scenario(seed: 9, hours: 12, start: Self.start)
        var feed = WaterwayAISFeed()
        var assembler = AISAssembler()
        var positions = 0, statics = 0
        for case .position(let position) in scenario.events.prefix(3000) {
            let ship = try #require(scenario.ship(mmsi: position.mmsi))
            for line in try feed.lines(for: position, ship: ship) {
                guard let payload = assembler.add(line: line, receivedAt: Date()).payload else { continue }
                #expect(payload.receiveTime.map { Int($0.timeIntervalSince1970) } == Int(position.time.timeIntervalSince1970))
                switch try payload.message() {
                case .positionReport(let report):
                    #expect(report.header.mmsi == position.mmsi.number && !ship.classB)
                    #expect(abs((report.longitudeDegrees ?? 0) - position.longitude) < 0.000_002)
                    #expect(abs((report.latitudeDegrees ?? 0) - position.latitude) < 0.000_002)
                    #expect(report.navigationStatus == position.navigationStatus?.rawValue)
                    positions += 1
                case .classBPositionReport(let report):
                    #expect(report.header.mmsi == position.mmsi.number && ship.classB)
                    positions += 1
                case .staticVoyageData(let data):
                    #expect(data.shipName == ship.aisName && data.dimensions.toBow + data.dimensions.toStern == Int(ship.length.rounded()))
                    statics += 1
                case .staticDataReport:
                    statics += 1
                default:
                    Issue.record("unexpected message")
                }
            }
        }
        #expect(positions > 1000 && statics > 10)
    }
}
