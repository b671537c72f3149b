import Foundation
import Synchronization
import XiezhiCore
import XiezhiData
import XiezhiStore

/// The rules a node applies, decoded from its rule tables and its region file: the region with its computed
/// joint zones, the discretion benchmarks, and the procedure rules. Replaced as a whole when an administrator
/// edits a table, so a request always sees one consistent set.
public struct RuleSet: Sendable {
    public let region: Region
    /// The region as GeoJSON with the computed joint zones (computed once: it takes a moment).
    public let regionGeoJSON: Data
    public let benchmarks: PenaltyBenchmarks
    public let procedure: ProcedureRules
    /// Device announcement and calibration, owner notice, copy to the home agency, 一超四罚.
    public let nonSite: NonSiteRules
    /// Gross-mass limits by axle configuration, tolerance, sensor sanity, enforcement tags.
    public let overloadLimits: OverloadLimits
    /// Speed limits by road class, driving time, the 02:00–05:00 coach ban, route corridors, waybills, signal loss.
    public let vehicleMonitoring: VehicleMonitoringRules
    /// Waterway checkpoints, thresholds and restricted segments.
    public let waterway: WaterwayRules
    /// Dispatch settings (acceptance time, travel speeds, routine kinds) and the on-site checklists per scene.
    public let dispatch: DispatchRules
    /// The yearly report's counting rules.
    public let yearlyReport: YearlyReportRules
    /// Working days: the State Council's holidays and make-up working days, year by year.
    public let workCalendar: WorkCalendar
    /// The SHA-256 of each table this set was built from.
    public let tableHashes: [String: String]
}

public final class RuleBook: Sendable {
    /// The rule tables a node holds, by name.
    public static let penaltyBenchmarksTable = "penalty-benchmarks.json"
    public static let procedureTable = "procedure.json"
    public static let jointZoneTable = "joint-zone.json"
    public static let nonSiteTable = "non-site-enforcement.json"
    public static let overloadLimitsTable = "overload-limits.json"
    public static let vehicleMonitoringTable = "vehicle-monitoring.json"
    public static let waterwayTable = "waterway.json"
    public static let dispatchTable = "dispatch.json"
    public static let yearlyReportTable = "yearly-report.json"
    public static let workCalendarTable = "work-calendar.json"
    public static let tableNames = [
        penaltyBenchmarksTable, procedureTable, jointZoneTable, nonSiteTable, overloadLimitsTable, vehicleMonitoringTable, waterwayTable,
        dispatchTable, yearlyReportTable, workCalendarTable,
    ]

    private let state: Mutex<RuleSet>
    private let regionGeoJSON: Data

    /// The rules in force now.
    public var current: RuleSet { state.withLock { $0 } }

    init(tables: [RuleTableStore.Table], regionGeoJSON: Data) throws {
        self.regionGeoJSON = regionGeoJSON
        var contents: [String: String] = [:]
        for table in tables { contents[table.name] = table.content }
        state = Mutex(try Self.build(contents, regionGeoJSON: regionGeoJSON))
    }

    /// The bundled tables, for seeding a new data directory.
    public static func bundledTables() throws -> [String: String] {
        var tables: [String: String] = [:]
        for name in tableNames {
            tables[name] = String(decoding: try BundledData.rulesFile(name), as: UTF8.self)
        }
        return tables
    }

    /// Builds the full rule set that would result from replacing table `name` with `content`; throws a
    /// `DomainError` saying what is wrong when the table does not decode or breaks the set.
    public func candidate(replacing name: String, with content: String, others: [RuleTableStore.Table]) throws -> RuleSet {
        guard Self.tableNames.contains(name) else {
            throw DomainError(code: "rule_table_not_found", reason: "no rule table '\(name)'; tables: \(Self.tableNames.joined(separator: ", "))")
        }
        var contents: [String: String] = [:]
        for table in others { contents[table.name] = table.content }
        contents[name] = content
        return try Self.build(contents, regionGeoJSON: regionGeoJSON)
    }

    /// Puts a validated rule set in force.
    public func install(_ set: RuleSet) {
        state.withLock { $0 = set }
    }

    static func build(_ contents: [String: String], regionGeoJSON: Data) throws -> RuleSet {
        func table(_ name: String) throws -> Data {
            guard let content = contents[name] else {
                throw DomainError(code: "rule_table_missing", reason: "the node has no rule table '\(name)'")
            }
            return Data(content.utf8)
        }
        let region = try Region(geoJSON: regionGeoJSON, jointZoneRule: try table(jointZoneTable))
        let workCalendar = try WorkCalendar(json: try table(workCalendarTable))
        var procedure = try ProcedureRules.decode(from: try table(procedureTable))
        procedure.workCalendar = workCalendar
        return RuleSet(
            region: region,
            regionGeoJSON: region.geoJSON(includeJointZones: true),
            benchmarks: try PenaltyBenchmarks(json: try table(penaltyBenchmarksTable)),
            procedure: procedure,
            nonSite: try NonSiteRules.decode(from: try table(nonSiteTable)),
            overloadLimits: try OverloadLimits(json: try table(overloadLimitsTable)),
            vehicleMonitoring: try checked(VehicleMonitoringRules(json: try table(vehicleMonitoringTable)), region: region),
            waterway: try checked(WaterwayRules(json: try table(waterwayTable)), region: region),
            dispatch: try DispatchRules(json: try table(dispatchTable)),
            yearlyReport: try YearlyReportRules(json: try table(yearlyReportTable)),
            workCalendar: workCalendar,
            tableHashes: [:])
    }

    /// The monitoring rules must classify every road of the region (the speed limit depends on it).
    static func checked(_ rules: VehicleMonitoringRules, region: Region) throws -> VehicleMonitoringRules {
        _ = try VehicleMonitor(rules: rules, region: region)
        return rules
    }

    /// The waterway rules' checkpoints, segments and sites must fit the region.
    static func checked(_ rules: WaterwayRules, region: Region) throws -> WaterwayRules {
        _ = try WaterwayGeography(rules: rules, region: region)
        return rules
    }
}
