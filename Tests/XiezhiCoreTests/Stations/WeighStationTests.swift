import Foundation
import Testing
import XiezhiData
@testable import XiezhiCore

/// A station's records are evidence only when its location was published in time, it is active, and its
/// calibration is valid on the day; otherwise they are screening-only with the reasons.
@Suite struct WeighStationTests {
    let rules: NonSiteRules

    init() throws {
        rules = try NonSiteRules.decode(from: try BundledData.rulesFile("non-site-enforcement.json"))
    }

    static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    /// Noon China time on a day.
    static func noon(_ text: String) -> Date { day(text).startInChina.addingTimeInterval(12 * 3600) }

    static func station(jurisdiction: String = "330482", published: String? = "2026-01-01", activated: String? = "2026-01-16",
                        certificates: [(String, String)] = [("2026-01-10", "2027-01-09")]) -> WeighStation {
        WeighStation(
            id: "wim-test", name: "测试检测点", jurisdiction: JurisdictionCode(rawValue: jurisdiction)!,
            location: GeoPoint(longitude: 121.0, latitude: 30.7), lanes: [1, 2], deviceModel: "WIM-9000",
            calibrations: certificates.enumerated().map { index, span in
                CalibrationCertificate(issuer: "浙江省交通建设工程计量中心", number: "JD-\(index)", validFrom: day(span.0), validTo: day(span.1))
            },
            publishedOn: published.map(day), activatedOn: activated.map(day))
    }

    @Test func zhejiangNeedsFifteenDaysBetweenPublicationAndActivation() {
        #expect(Self.station(activated: "2026-01-16").evidenceStatus(at: Self.noon("2026-02-01"), rules: rules).isEvidence)
        let early = Self.station(activated: "2026-01-15").evidenceStatus(at: Self.noon("2026-02-01"), rules: rules)
        #expect(!early.isEvidence)
        #expect(early.reasons.first?.contains("不足 15 日") == true)
        #expect(early.reasons.first?.contains("浙江省公路条例 第三十八条") == true)
    }

    @Test func shanghaiHasNoLeadTimeButNeedsPublication() {
        #expect(Self.station(jurisdiction: "310116", published: "2026-01-10", activated: "2026-01-10").evidenceStatus(at: Self.noon("2026-02-01"), rules: rules).isEvidence)
        let unpublished = Self.station(jurisdiction: "310116", published: nil, activated: nil).evidenceStatus(at: Self.noon("2026-02-01"), rules: rules)
        #expect(!unpublished.isEvidence)
        #expect(unpublished.reasons.first?.contains("第四十一条") == true)
    }

    @Test func recordsBeforeActivationAreScreeningOnly() {
        let status = Self.station().evidenceStatus(at: Self.noon("2026-01-15"), rules: rules)
        #expect(status.reasons.contains { $0.contains("早于设备启用日期") })
    }

    @Test func calibrationMustBeValidOnTheRecordsChinaDay() {
        let station = Self.station(certificates: [("2026-01-10", "2026-06-30")])
        #expect(station.evidenceStatus(at: Self.noon("2026-06-30"), rules: rules).isEvidence)
        // 2026-06-30T16:30Z is 2026-07-01 00:30 in China: the certificate has expired.
        let late = station.evidenceStatus(at: Self.day("2026-06-30").startInChina.addingTimeInterval(24.5 * 3600), rules: rules)
        #expect(!late.isEvidence)
        #expect(late.reasons.contains { $0.contains("无有效计量检定证书") && $0.contains("JD-0") })
        let renewed = Self.station(certificates: [("2026-01-10", "2026-06-30"), ("2026-07-01", "2027-06-30")])
        if case .evidence(let certificate) = renewed.evidenceStatus(at: Self.noon("2026-07-05"), rules: rules) {
            #expect(certificate?.number == "JD-1")
        } else {
            Issue.record("a renewed certificate should make the record evidence")
        }
        #expect(Self.station(certificates: []).evidenceStatus(at: Self.noon("2026-02-01"), rules: rules).reasons.contains { $0.contains("无计量检定证书") })
    }

    @Test func inconsistentStationsAreRefused() {
        #expect(throws: DomainError.self) { try Self.station(published: "2026-02-01", activated: "2026-01-01").validate() }
        #expect(throws: DomainError.self) { try Self.station(certificates: [("2026-02-01", "2026-01-01")]).validate() }
        #expect(throws: Never.self) { try Self.station().validate() }
    }

    @Test func repeatOffenceAndCopyRulesAreCited() {
        let pinghu = rules.resolved(for: JurisdictionCode(rawValue: "330482")!)
        #expect(pinghu.repeatOffence.vehicleMaximum == 3)
        #expect(pinghu.repeatOffence.fleetShareMaximumPercent == 10)
        #expect(pinghu.repeatOffence.citation.article == "第六十六条")
        #expect(pinghu.homeAgencyCopyWorkingDays.days == 7)
        #expect(pinghu.ownerReportDays.citation.law == "浙江省公路条例")
    }

    @Test func malformedRulesAreRefused() {
        #expect(throws: DomainError.self) { try NonSiteRules.decode(from: Data("{}".utf8)) }
    }
}
