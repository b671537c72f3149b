import Foundation
import Hummingbird
import XiezhiCore
import XiezhiStore

/// The body of `POST /api/v1/cases/{id}/actions`: `{"action": "<kind>", "payload": {…}}`.
///
/// `payload` has the fields of the domain action (snake_case), and the server fills what it should own rather
/// than trust from a client:
/// - `file` / `summary_decision`: `officer_ids` (two accounts of the agency holding certificates) become the
///   `officers` with their names and certificate numbers; `register_number` and decision numbers are assigned
///   from the agency's counters when omitted;
/// - `add_evidence`: `item.id`, `item.collected_by` and `item.collected_at` default to a new id, the caller and now;
/// - `notify`: `{"overload": {"limit_kg", "gross_kg"}}` prices the intended penalty from the jurisdiction's
///   discretion benchmark (裁量基准) instead of a hand-typed amount;
/// - `decide`, `decide_no_penalty`: `number` is assigned when omitted;
/// - `notice_owner`: `report_period` is always the jurisdiction's owner report period from the non-site rule table
///   (浙江省公路条例 Art. 40: 15 days), whatever the caller sent.
struct CaseActionRequest: Decodable {
    var action: String
    var payload: [String: JSONValue]?

    /// The action kind, or a 400 listing the kinds.
    func kind() throws -> CaseActionKind {
        guard let kind = CaseActionKind(rawValue: action), kind != .createClue else {
            let kinds = CaseActionKind.allCases.filter { $0 != .createClue }.map(\.rawValue).joined(separator: ", ")
            throw Problem.badRequest("invalid_action", "unknown action '\(action)'; one of \(kinds)")
        }
        return kind
    }
}

/// Turns a request's payload into a domain ``CaseAction`` (the number-assigning part runs later, inside the
/// case's transaction, through ``CaseActionRequest`` `numberSeries`).
struct CaseActionBuilder {
    let node: Node
    let account: Account

    /// Fills the server-owned fields that need no transaction.
    func enrich(_ kind: CaseActionKind, payload: [String: JSONValue], for current: EnforcementCase) throws -> [String: JSONValue] {
        var payload = payload
        switch kind {
        case .file, .summaryDecision:
            if payload["officers"] == nil {
                payload["officers"] = .array(try officers(from: payload["officer_ids"]).map(Self.json))
            }
            payload["officer_ids"] = nil
        case .addEvidence:
            guard case .object(var item)? = payload["item"] else {
                throw Problem.badRequest("malformed_json", "missing field 'payload.item'")
            }
            if item["id"] == nil { item["id"] = .string(UUID().uuidString.lowercased()) }
            if item["collected_by"] == nil { item["collected_by"] = .string(account.displayName) }
            if item["collected_at"] == nil { item["collected_at"] = .string(Timestamp.format(node.now())) }
            payload["item"] = .object(item)
        case .notify:
            if case .object(let overload)? = payload["overload"] {
                payload["penalty"] = try overloadPenalty(overload, jurisdiction: current.jurisdiction)
                payload["overload"] = nil
            }
        case .noticeOwner:
            // The period is the law's, not the caller's: the jurisdiction's owner report days from the rule tables.
            let days = node.rules.current.nonSite.resolved(for: current.jurisdiction).ownerReportDays
            payload["report_period"] = try JSONValue.fromEncodable(StatutoryPeriod(amount: days.days, unit: .days, citation: days.citation, note: days.note))
        default:
            break
        }
        return payload
    }

    /// Which numbering series an action draws from when its number is omitted.
    static func numberSeries(_ kind: CaseActionKind) -> (field: String, series: DocumentNumbers.Series)? {
        switch kind {
        case .file: ("register_number", .filing)
        case .decide: ("number", .decision)
        case .decideNoPenalty: ("number", .noPenalty)
        case .summaryDecision: ("number", .summary)
        default: nil
        }
    }

    /// Decodes `{kind: payload}` into the domain action; decoding errors are 400s naming the field.
    static func decode(_ kind: CaseActionKind, payload: [String: JSONValue]) throws -> CaseAction {
        let body = JSONValue.object([kind.rawValue: .object(payload)])
        return try APIJSON.decodeBody(CaseAction.self, from: try CanonicalJSON.data(body))
    }

    private func officers(from value: JSONValue?) throws -> [FilingOfficer] {
        guard case .array(let items)? = value else {
            throw Problem.badRequest("missing_officers", "'payload.officer_ids' must list the two certified officers' account ids (行政处罚法 第四十二条)")
        }
        return try items.map { item in
            guard case .string(let id) = item, let officer = try node.accounts.account(id: id), officer.jurisdiction == account.jurisdiction, officer.active else {
                throw Problem(status: .unprocessableContent, code: "unknown_officer", detail: "officer \(item) is not an active account of agency \(account.jurisdiction)")
            }
            guard let certificate = officer.certificateNumber else {
                throw Problem(status: .unprocessableContent, code: "certificate_required", detail: "\(officer.displayName) holds no enforcement certificate (执法证)")
            }
            return FilingOfficer(accountId: officer.id, name: officer.displayName, certificateNumber: certificate)
        }
    }

    private func overloadPenalty(_ overload: [String: JSONValue], jurisdiction: JurisdictionCode) throws -> JSONValue {
        guard case .number(let limit)? = overload["limit_kg"], case .number(let gross)? = overload["gross_kg"] else {
            throw Problem.badRequest("malformed_json", "'payload.overload' needs integer 'limit_kg' and 'gross_kg'")
        }
        let quote = try node.rules.current.benchmarks.quoteOverload(jurisdiction: jurisdiction, limitKg: Int(limit), grossKg: Int(gross))
        let measures: [PenaltyMeasure]
        switch quote.outcome {
        case .fine: measures = [.fine(quote.amount)]
        case .warning: measures = [.warning]
        case .educationNoPenalty, .none:
            throw Problem(status: .unprocessableContent, code: "no_penalty_indicated",
                          detail: "the benchmark gives '\(quote.outcome.chineseName)' for this mass; use decide_no_penalty instead of a notice")
        }
        let basis = quote.benchmark.adoptionBasis
        let citation = quote.citations.first { $0 != basis } ?? quote.citations.first ?? Citation(law: "", article: "")
        let penalty = IntendedPenalty(measures: measures, citation: citation, reasoning: quote.reasoning)
        return try JSONValue.fromEncodable(penalty)
    }

    static func json(_ officer: FilingOfficer) -> JSONValue {
        .object(["account_id": .string(officer.accountId), "name": .string(officer.name), "certificate_number": .string(officer.certificateNumber)])
    }
}

extension JSONValue {
    /// A value encoded the way the API writes it (snake_case keys), so it decodes back through the API decoder.
    static func fromEncodable<Value: Encodable>(_ value: Value) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: try APIJSON.encoder.encode(value))
    }
}
