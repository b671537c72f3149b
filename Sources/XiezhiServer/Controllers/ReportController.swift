import Foundation
import Hummingbird
import XiezhiCore
import XiezhiStore

/// The yearly report (年度执法工作报告): seed 004's figures for any period and the agency, computed from the cases,
/// and the overload trend per station per month from the weigh records.
struct ReportController: APIController {
    let node: Node

    struct Report: ResponseEncodable, Sendable {
        var agency: String
        var from: String
        var to: String
        var figures: YearlyFigures
        var largeFineCitation: String
        var nonSiteShareCitation: String
        /// The Chinese names of the violation kinds in `figures.cases_opened_by_kind`.
        var violationNames: [String: String]
        var stations: [StationTrend]
    }

    /// One station's passes and overloads by month.
    struct StationTrend: Encodable, Sendable {
        var station: String
        var name: String
        var months: [Month]

        struct Month: Encodable, Sendable {
            var month: String
            var passes: Int
            var overloaded: Int
            var over40Percent: Int
            var over100Percent: Int
            var overloadRatePercent: Double?
        }
    }

    func register(on api: APIRouter) {
        api.on(.get, "/api/v1/reports/yearly", access: .roles(.caseReaders), summary: "The agency's report figures for a period (from, to: yyyy-MM-dd inclusive, China dates; default this year)") { request, context in
            let account = try context.requireAccount()
            let query = request.uri.queryParameters
            let (from, to) = try QueryDate.period(query, today: CalendarDate(chinaDateOf: node.now()))
            let rules = node.rules.current
            let cases = try CaseStore(database: node.database, signingKey: nil).list(jurisdiction: account.jurisdiction, stages: [], violationKind: nil, subjectContains: nil)
            let figures = YearlyFigures(cases: cases, jurisdiction: account.jurisdiction, from: from.startInChina, to: to.adding(days: 1).startInChina, rules: rules.yearlyReport)
            let stations = try WeighStationStore(database: node.database, signingKey: nil).all().filter { $0.jurisdiction == account.jurisdiction }
            let days = try WeighRecordStore(database: node.database).dailyStatistics(stations: stations.map(\.id), from: from, to: to)
            let trends = stations.map { station in
                var months: [String: StationTrend.Month] = [:]
                for day in days where day.station == station.id {
                    let key = String(day.day.prefix(7))
                    var month = months[key] ?? .init(month: key, passes: 0, overloaded: 0, over40Percent: 0, over100Percent: 0, overloadRatePercent: nil)
                    month.passes += day.passes
                    month.overloaded += day.overloaded
                    month.over40Percent += day.over40Percent
                    month.over100Percent += day.over100Percent
                    month.overloadRatePercent = month.passes == 0 ? nil : (Double(month.overloaded) * 10_000 / Double(month.passes)).rounded() / 100
                    months[key] = month
                }
                return StationTrend(station: station.id, name: station.name, months: months.values.sorted { $0.month < $1.month })
            }
            return Report(
                agency: rules.region.jurisdiction(account.jurisdiction)?.agency ?? account.jurisdiction.rawValue, from: from.description, to: to.description,
                figures: figures, largeFineCitation: rules.yearlyReport.largeFineCitation.description,
                nonSiteShareCitation: rules.yearlyReport.nonSiteShareCitation.description,
                violationNames: Dictionary(uniqueKeysWithValues: figures.casesOpenedByKind.keys.map { ($0, CaseService(node: node).violationName($0)) }), stations: trends)
        }
    }
}
