import Foundation

/// 治超非现场执法点 — a weigh-in-motion station: where it is, whose it is, what device it runs, its calibration, and
/// when its location was published and it was put into use. Whether its records can be evidence on a given day
/// follows from these (see ``WeighStation/evidenceStatus(at:rules:)``).
public struct WeighStation: Hashable, Codable, Sendable {
    /// A stable id, e.g. `wim-g228-pinghu` (the region's site id when the station is on the map).
    public var id: String
    /// 名称, e.g. `G228平湖段非现场治超检测点`.
    public var name: String
    /// The agency whose station it is.
    public var jurisdiction: JurisdictionCode
    /// Where it is (WGS84).
    public var location: GeoPoint
    /// The road and stake, e.g. `G228`, `K3584+400`.
    public var road: String?
    public var stake: String?
    /// Lanes weighed (numbers as the device reports them).
    public var lanes: [Int]
    /// 设备型号.
    public var deviceModel: String
    /// 计量检定证书 — the calibration certificates, newest last.
    public var calibrations: [CalibrationCertificate]
    /// The day the station's location was announced to the public (行政处罚法 Art. 41; 浙江省公路条例 Art. 38).
    public var publishedOn: CalendarDate?
    /// The day records start to count as evidence (启用日期).
    public var activatedOn: CalendarDate?

    public init(
        id: String, name: String, jurisdiction: JurisdictionCode, location: GeoPoint, road: String? = nil, stake: String? = nil,
        lanes: [Int], deviceModel: String, calibrations: [CalibrationCertificate], publishedOn: CalendarDate?, activatedOn: CalendarDate?
    ) {
        self.id = id
        self.name = name
        self.jurisdiction = jurisdiction
        self.location = location
        self.road = road
        self.stake = stake
        self.lanes = lanes
        self.deviceModel = deviceModel
        self.calibrations = calibrations
        self.publishedOn = publishedOn
        self.activatedOn = activatedOn
    }

    /// Checks the station's own consistency (ids, lanes, dates), with a `DomainError` naming the problem.
    public func validate() throws {
        guard !id.trimmingCharacters(in: .whitespaces).isEmpty, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw DomainError(code: "invalid_station", reason: "a station needs an id and a name")
        }
        guard location.isValid else { throw DomainError(code: "invalid_station", reason: "station \(id) has invalid coordinates") }
        guard !lanes.isEmpty, Set(lanes).count == lanes.count, lanes.allSatisfy({ $0 > 0 && $0 < 100 }) else {
            throw DomainError(code: "invalid_station", reason: "station \(id) needs distinct lane numbers from 1 to 99")
        }
        for certificate in calibrations where certificate.validTo < certificate.validFrom {
            throw DomainError(code: "invalid_station", reason: "certificate \(certificate.number) of station \(id) ends before it starts")
        }
        if let publishedOn, let activatedOn, activatedOn < publishedOn {
            throw DomainError(code: "invalid_station", reason: "station \(id) is activated (\(activatedOn)) before its location was published (\(publishedOn))")
        }
    }

    /// Whether a record weighed at `time` may be evidence, or only screening, and why.
    ///
    /// Evidence needs all of: the station's location published and the station activated at least the
    /// jurisdiction's lead time after publication (浙江省公路条例 Art. 38: 15 days); the record on or after the
    /// activation day; a calibration certificate valid on the record's day (China date). Anything else makes the
    /// record screening-only (judged and counted, never a case), with every reason listed.
    public func evidenceStatus(at time: Date, rules: NonSiteRules) -> EvidenceStatus {
        let ruleSet = rules.resolved(for: jurisdiction)
        let day = CalendarDate(chinaDateOf: time)
        var reasons: [String] = []
        if let publishedOn, let activatedOn {
            let earliest = publishedOn.adding(days: ruleSet.announcementLeadDays.days)
            if activatedOn < earliest {
                reasons.append("启用日期 \(activatedOn) 距设置地点公告日 \(publishedOn) 不足 \(ruleSet.announcementLeadDays.days) 日（\(ruleSet.announcementLeadDays.citation)）")
            }
            if day < activatedOn {
                reasons.append("称重时间 \(day) 早于设备启用日期 \(activatedOn)")
            }
        } else {
            reasons.append("设置地点未向社会公布或未登记启用日期（\(ruleSet.announcementLeadDays.citation)）")
        }
        let valid = calibrations.last { $0.validFrom <= day && day <= $0.validTo }
        if ruleSet.calibrationRequired.applies, valid == nil {
            if let latest = calibrations.max(by: { $0.validTo < $1.validTo }) {
                reasons.append("称重当日 \(day) 无有效计量检定证书（最近一份 \(latest.number) 有效期 \(latest.validFrom) 至 \(latest.validTo)；\(ruleSet.calibrationRequired.citation)）")
            } else {
                reasons.append("设备无计量检定证书（\(ruleSet.calibrationRequired.citation)）")
            }
        }
        return reasons.isEmpty ? .evidence(calibration: valid) : .screeningOnly(reasons: reasons)
    }
}

/// 计量检定证书 — a calibration certificate of a weighing device.
public struct CalibrationCertificate: Hashable, Codable, Sendable {
    /// 检定机构, e.g. `浙江省交通建设工程计量中心`.
    public var issuer: String
    /// 证书编号.
    public var number: String
    /// First and last day of validity (China dates, inclusive).
    public var validFrom: CalendarDate
    public var validTo: CalendarDate

    public init(issuer: String, number: String, validFrom: CalendarDate, validTo: CalendarDate) {
        self.issuer = issuer
        self.number = number
        self.validFrom = validFrom
        self.validTo = validTo
    }
}

/// Whether a station's record can be evidence (证据) or only screening (仅作筛查).
public enum EvidenceStatus: Hashable, Sendable {
    /// Evidence-grade, under this certificate (nil when the jurisdiction does not require one).
    case evidence(calibration: CalibrationCertificate?)
    /// Screening only, with the reasons in Chinese.
    case screeningOnly(reasons: [String])

    public var isEvidence: Bool {
        if case .evidence = self { return true }
        return false
    }

    public var reasons: [String] {
        if case .screeningOnly(let reasons) = self { return reasons }
        return []
    }
}
