/// The kinds of message nodes exchange, with the fields each needs and which of those are personal data
/// (数据最小化: a plate, a driver's ID number, an owner's phone identify a person).
public enum FederationKind: String, CaseIterable, Codable, Sendable {
    /// 处罚互认 — a decided penalty, for the partner's 一事不再罚 check.
    case penaltyRecord = "penalty_record"
    /// 送达互助 — please serve this notice to the owner registered in your area.
    case noticeServiceRequest = "notice_service_request"
    /// The proof of service (method, time, receipt) returned for a request.
    case noticeServiceProof = "notice_service_proof"
    /// 抄告车籍地 — a closed overload case copied to the vehicle's home agency (Order 62 Art. 44).
    case homeAgencyCopy = "home_agency_copy"
    /// 移交违法线索 — a clue (or case) referred to the partner it belongs to, with its evidence files.
    case referral
    /// The partner's answer to a referral: accepted, or rejected with a reason.
    case referralResponse = "referral_response"
    /// How the partner handled an accepted referral (结果反馈).
    case referralResult = "referral_result"
    /// 协作派单 — the partner's dispatchable units (kind, status, position; never the officers in them), so that the
    /// commanding node can pick the nearest unit on either side of a border.
    case unitRoster = "unit_roster"
    /// 协作派单 — an order for one of the partner's units, from an alert or clue in a joint zone.
    case dispatchRequest = "dispatch_request"
    /// A step of a cross-node order (assigned, accepted, declined, arrived, reported, closed, cancelled), sent by the
    /// side that took it so both boards show the same order.
    case dispatchUpdate = "dispatch_update"
    /// 布控 — a vehicle or ship flagged (or withdrawn) by the sending agency (违法车辆信息共享).
    case watchlistEntry = "watchlist_entry"
    /// 布控发现 — the sender's sensors saw a subject the receiver flagged.
    case watchlistSighting = "watchlist_sighting"
    /// 联合执法行动 — the lead agency's plan of a joint operation, sent whole on every change (``JointOperationPlan``).
    case jointOperation = "joint_operation"
    /// One agency's units, officers and results in a joint operation, sent to the others (``AgencyContribution``).
    case jointOperationReport = "joint_operation_report"
    /// 重大案件联席会议 — a major-case joint meeting sent to the partners it involves (``JointMeeting``).
    case jointMeeting = "joint_meeting"

    /// Fields without which the message means nothing; a message whose agreement strips one is not sent.
    public var requiredFields: Set<String> {
        switch self {
        case .penaltyRecord: ["subject", "violation_kind", "act_at", "decision_number", "agency", "jurisdiction", "decided_at"]
        case .noticeServiceRequest: ["request_id", "case_id", "subject", "summary"]
        case .noticeServiceProof: ["request_id", "method", "served_at"]
        case .homeAgencyCopy: ["request_id", "case_id", "subject", "summary"]
        case .referral: ["referral_id", "subject", "violation_kind", "summary", "referred_at", "accept_by", "evidence"]
        case .referralResponse: ["referral_id", "decision", "at"]
        case .referralResult: ["referral_id", "at", "result"]
        case .unitRoster: ["jurisdiction", "units", "at"]
        case .dispatchRequest: ["order_id", "jurisdiction", "unit_id", "scene", "summary", "longitude", "latitude", "requested_at"]
        case .dispatchUpdate: ["order_id", "action", "state", "at"]
        case .watchlistEntry: ["entry_id", "status", "subject_kind", "reason", "violation_kind", "agency", "jurisdiction", "flagged_at", "valid_until"]
        case .watchlistSighting: ["entry_id", "sighting_id", "seen_at", "sensor_kind", "sensor", "jurisdiction"]
        case .jointOperation: ["operation_id", "revision", "title", "starts_at", "ends_at", "place", "lead", "partners", "targets", "state", "events"]
        case .jointOperationReport: ["operation_id", "agency", "units", "officers", "reported_at"]
        case .jointMeeting: ["meeting_id", "held_on", "topic", "convener", "partners", "participants", "questions", "decisions", "case_id", "recorded_at"]
        }
    }

    /// Every field the kind may carry.
    public var knownFields: Set<String> {
        switch self {
        case .penaltyRecord: requiredFields.union(["amount_fen", "driver", "carrier", "first_violation_waiver"])
        case .noticeServiceRequest: requiredFields.union(["violation_kind", "decision_number", "owner_phone", "due_at"])
        case .noticeServiceProof: requiredFields.union(["receipt", "note"])
        case .homeAgencyCopy: requiredFields.union(["violation_kind", "decision_number", "due_at", "amount_fen"])
        case .referral: requiredFields.union(["case_id", "place", "occurred_at"])
        case .referralResponse: requiredFields.union(["reason"])
        case .referralResult: requiredFields.union(["case_number"])
        case .unitRoster: requiredFields
        case .dispatchRequest: requiredFields.union(["subject"])
        case .dispatchUpdate: requiredFields.union(["unit_id", "unit_name", "unit_kind", "result", "note"])
        case .watchlistEntry: requiredFields.union(["subject", "plate_colour", "mmsi", "ship_name", "withdrawn_at", "withdraw_reason"])
        case .watchlistSighting: requiredFields.union(["place", "longitude", "latitude", "subject"])
        case .jointOperation: requiredFields.union(["note"])
        case .jointOperationReport: requiredFields.union(["results"])
        case .jointMeeting: requiredFields.union(["case_reference", "referral_id"])
        }
    }

    /// Fields that are personal data: they flow only when the agreement names them.
    public static let personalFields: Set<String> = ["subject", "driver", "owner_phone", "mmsi", "ship_name"]
}
