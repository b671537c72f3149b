import Foundation
import GRDB
import XiezhiCore
import XiezhiStore

/// Document numbers (文号) an agency assigns: `平交执立字〔2026〕第0001号` for a filing register entry,
/// `平交执罚决字〔2026〕第0001号` for a penalty decision, and so on — one counter per agency, series and year.
///
/// The prefix is the first character of the jurisdiction's name + 交执 (交通运输执法), the common style of
/// county-level transport enforcement documents; an agency with another style edits `series` here.
enum DocumentNumbers {
    enum Series: String {
        case filing = "立"
        case decision = "罚决"
        case noPenalty = "不罚"
        case summary = "简罚"
    }

    static func next(_ series: Series, jurisdiction: JurisdictionCode, jurisdictionName: String, at date: Date, in db: Database) throws -> String {
        let year = ChinaTime.calendar.component(.year, from: date)
        let number = try CaseStore.nextNumber(series: series.rawValue, jurisdiction: jurisdiction, year: year, in: db)
        let prefix = jurisdictionName.first.map(String.init) ?? ""
        let padded = String(repeating: "0", count: max(0, 4 - String(number).count)) + String(number)
        return "\(prefix)交执\(series.rawValue)字〔\(year)〕第\(padded)号"
    }
}
