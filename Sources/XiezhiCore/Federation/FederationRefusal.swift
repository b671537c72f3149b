/// Why a node refuses a federation message. The receiver answers with problem JSON carrying ``code`` and ``reason``
/// and the HTTP status of ``Code/httpStatus``; the sender marks the message failed (4xx) or retries (5xx, network).
public struct FederationRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable, CaseIterable {
        case malformedEnvelope = "malformed_envelope"
        case unsupportedProtocol = "unsupported_protocol"
        case wrongRecipient = "wrong_recipient"
        case unknownSender = "unknown_sender"
        case badSignature = "bad_signature"
        case kindNotAgreed = "kind_not_agreed"
        case fieldNotAgreed = "field_not_agreed"
        case jurisdictionNotAgreed = "jurisdiction_not_agreed"
        case outsideWindow = "outside_replay_window"
        case replay = "replay"
        case messageIdConflict = "message_id_conflict"
        case invalidBody = "invalid_body"
        case unknownRequest = "unknown_request"

        /// The HTTP status the inbox answers with.
        public var httpStatus: Int {
            switch self {
            case .malformedEnvelope, .unsupportedProtocol, .invalidBody: 400
            case .unknownSender, .badSignature: 401
            case .wrongRecipient, .kindNotAgreed, .fieldNotAgreed, .jurisdictionNotAgreed: 403
            case .outsideWindow, .replay, .messageIdConflict: 409
            case .unknownRequest: 404
            }
        }
    }

    public var code: Code
    public var reason: String

    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String { "\(code.rawValue): \(reason)" }
}
