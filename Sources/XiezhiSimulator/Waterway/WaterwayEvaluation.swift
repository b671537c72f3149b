import Foundation
import XiezhiCore

/// Runs a scenario through the waterway detectors (``WaterwayMonitor``, the code the node runs) and scores what they
/// found against the ground truth: the identification rate of the genuine passages, and per detection the precision
/// (distinct injected cases found ÷ clues raised) and the recall (distinct injected cases found ÷ injected).
///
/// The monitor sees only what the node would see (positions, passages, the registry, an empty fingerprint library at
/// the start); the truth is read only here, after the run.
public struct WaterwayEvaluation: Sendable {
    /// One detection's score.
    public struct Score: Sendable, Hashable {
        public var kind: WaterwayClueKind
        public var injected: Int
        public var raised: Int
        public var hits: Int

        public var precision: Double? { raised == 0 ? nil : Double(hits) / Double(raised) }
        public var recall: Double? { injected == 0 ? nil : Double(hits) / Double(injected) }
    }

    /// Genuine passages of registered ships.
    public var passages: Int
    /// Of which identified as the right ship.
    public var correct: Int
    /// Of which identified as another ship.
    public var wrong: Int
    /// The daily rates per checkpoint (all passages, as the node reports them).
    public var dailyRates: [IdentificationRate]
    public var scores: [Score]
    /// Clues raised per kind, injected or not.
    public var raised: [WaterwayClueKind: Int]
    /// Ships in the fingerprint library at the end.
    public var fingerprints: Int
    public var positions: Int
    public var passagesJudged: Int

    /// Correct identifications ÷ genuine passages.
    public var identificationRate: Double { passages == 0 ? 0 : Double(correct) / Double(passages) }

    /// Runs `scenario` through a monitor over `geography`, sweeping every `sweepSeconds` of simulated time.
    public static func run(_ scenario: WaterwayScenario, geography: WaterwayGeography, sweepSeconds: TimeInterval = 60) throws -> WaterwayEvaluation {
        var monitor = WaterwayMonitor(geography: geography, registry: try VesselRegistry(scenario.registry))
        var report = WaterwayReport()
        var nextSweep = scenario.start
        var positions = 0
        for event in scenario.events {
            while nextSweep < event.time {
                report.append(monitor.sweep(now: nextSweep))
                nextSweep = nextSweep.addingTimeInterval(sweepSeconds)
            }
            switch event {
            case .position(let position):
                report.clues += monitor.observe(position)
                positions += 1
            case .passage(let passage):
                report.append(try monitor.observe(passage))
            }
        }
        let finish = max(nextSweep, scenario.end).addingTimeInterval(4 * 3600)
        while nextSweep <= finish {
            report.append(monitor.sweep(now: nextSweep))
            nextSweep = nextSweep.addingTimeInterval(sweepSeconds * 5)
        }
        var evaluation = evaluate(report, scenario: scenario)
        evaluation.fingerprints = monitor.fingerprints.count
        evaluation.positions = positions
        return evaluation
    }

    /// Scores a report against the scenario's truth.
    public static func evaluate(_ report: WaterwayReport, scenario: WaterwayScenario) -> WaterwayEvaluation {
        let truth = scenario.truth
        let genuine = report.identifications.filter { truth.passageVessel[$0.passage] != nil }
        let correct = genuine.filter { $0.isIdentified && $0.vessel == truth.passageVessel[$0.passage] }.count
        let wrong = genuine.filter { $0.isIdentified && $0.vessel != truth.passageVessel[$0.passage] }.count
        func clues(_ kind: WaterwayClueKind) -> [WaterwayClue] { report.clues.filter { $0.kind == kind } }
        func passageIDs(_ clue: WaterwayClue) -> [String] { clue.evidence.compactMap(\.passage?.id) }
        func score(_ kind: WaterwayClueKind, injected: Int, hit: (WaterwayClue) -> String?) -> Score {
            let found = clues(kind)
            return Score(kind: kind, injected: injected, raised: found.count, hits: Set(found.compactMap(hit)).count)
        }
        let scores = [
            score(.aisOffAtCheckpoint, injected: truth.aisOff.count) { clue in passageIDs(clue).first { truth.aisOff.contains($0) } },
            score(.clonedIdentity, injected: truth.clonedMMSIs.count + truth.clonedNames.count) { clue in
                if clue.rule == "clone.mmsi_speed", let mmsi = clue.mmsi, truth.clonedMMSIs.contains(mmsi) { return "mmsi:\(mmsi.value)" }
                if clue.rule != "clone.mmsi_speed", let name = clue.vessel, truth.clonedNames.contains(name) { return "name:\(name.value)" }
                return nil
            },
            score(.suspectedDumping, injected: truth.dumpers.count) { clue in clue.mmsi.flatMap { truth.dumpers.contains($0) ? $0.value : nil } },
            score(.nameConcealed, injected: truth.coveredPlates.count) { clue in passageIDs(clue).first { truth.coveredPlates.contains($0) } },
            score(.nightOperation, injected: truth.nightRunners.count) { clue in clue.mmsi.flatMap { truth.nightRunners.contains($0) ? $0.value : nil } },
            score(.aisGap, injected: truth.aisGaps.count) { clue in clue.mmsi.flatMap { truth.aisGaps.contains($0) ? $0.value : nil } },
        ]
        var raised: [WaterwayClueKind: Int] = [:]
        for clue in report.clues { raised[clue.kind, default: 0] += 1 }
        return WaterwayEvaluation(
            passages: genuine.count, correct: correct, wrong: wrong, dailyRates: IdentificationRate.daily(report.identifications), scores: scores,
            raised: raised, fingerprints: 0, positions: 0, passagesJudged: report.identifications.count)
    }

    /// The evaluation as a plain-text table.
    public var table: String {
        func percent(_ value: Double?) -> String { value.map { String(format: "%6.1f %%", $0 * 100) } ?? "     n/a" }
        var lines = [
            "positions \(positions), passages judged \(passagesJudged), fingerprint library \(fingerprints) ships",
            "identification: \(correct) of \(passages) genuine passages right (\(percent(identificationRate).trimmingCharacters(in: .whitespaces))), \(wrong) wrong",
            "",
            "detection                          injected  raised  found  precision    recall",
        ]
        for score in scores {
            let name = "\(score.kind.rawValue) (\(score.kind.chineseName))"
            lines.append(name.padding(toLength: 34, withPad: " ", startingAt: 0)
                + String(format: " %8d %7d %6d", score.injected, score.raised, score.hits) + "   " + percent(score.precision) + "  " + percent(score.recall))
        }
        let others = WaterwayClueKind.allCases.filter { kind in !scores.contains { $0.kind == kind } && raised[kind, default: 0] > 0 }
        for kind in others { lines.append("\(kind.rawValue): \(raised[kind]!) raised (not injected)") }
        lines.append("")
        lines.append("identification rate per checkpoint per day (UTC+8):")
        for rate in dailyRates {
            lines.append("  \(rate.checkpoint) \(rate.day): \(rate.identified)/\(rate.passages) " + percent(rate.rate).trimmingCharacters(in: .whitespaces))
        }
        return lines.joined(separator: "\n")
    }
}
