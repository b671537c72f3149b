/// Something worth counting in a session (`Action.count`): a metric label plus detail for the log.
public struct JT808SessionCounter: Hashable, Sendable, CustomStringConvertible {
    /// What happened; `rawValue` is the metric label.
    public var kind: Kind
    /// The message ID involved, when there is one.
    public var messageID: UInt16?
    /// The terminal's serial number involved, when there is one.
    public var serialNumber: UInt16?
    /// An English sentence with the specifics, for the log.
    public var detail: String

    /// The kinds of counted occurrences.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// The splitter rejected a frame (`Event.decodeFailed`).
        case badFrame = "bad_frame"
        /// A valid frame whose body does not decode; answered with 0x8001 result 2 (消息有误).
        case badBody = "bad_body"
        /// An encrypted body (RSA bits set); answered with result 3 (不支持), the key being unknown.
        case encryptedBody = "encrypted_body"
        /// A message other than 0x0100/0x0102/0x0002 before authentication; answered with result 1.
        case notAuthenticated = "not_authenticated"
        /// A message ID the session neither handles nor delivers; answered with result 3 (不支持).
        case unsupportedMessage = "unsupported_message"
        /// After authentication, a frame carrying another terminal's phone; answered with result 1.
        case terminalMismatch = "terminal_mismatch"
        /// A retransmitted report (same ID, serial and body): acknowledged again, not stored again.
        case duplicateReport = "duplicate_report"
        /// A packet of a subpackaged message received twice (the first copy is kept).
        case duplicatePacket = "duplicate_packet"
        /// A packet index came again with different bytes: the earlier partial message is dropped.
        case subpackageRestarted = "subpackage_restarted"
        /// A subpackaged message over the configured size, packet count or concurrency.
        case subpackageRefused = "subpackage_refused"
        /// A 0x8003 resend request was sent for missing packets.
        case resendRequested = "resend_requested"
        /// An incomplete subpackaged message was given up after its resend requests.
        case subpackageAbandoned = "subpackage_abandoned"
        /// Too many reports wait for storage: a new one was dropped unanswered (the terminal resends).
        case persistenceBacklogFull = "persistence_backlog_full"
        /// The host reported that storing a batch failed; it was not acknowledged.
        case persistenceFailed = "persistence_failed"
        /// A persistence answer or lookup result the session was not waiting for.
        case unexpectedAnswer = "unexpected_answer"
        /// A 0x0100/0x0102 arrived while the previous one's lookup was still pending.
        case lookupBusy = "lookup_busy"
        /// A registration was refused (0x8100 result 1–4).
        case registrationRefused = "registration_refused"
        /// An authentication was rejected (0x8001 result 1 to 0x0102).
        case authenticationRejected = "authentication_rejected"
        /// A message for the terminal could not be framed (no phone known yet, or the codec refused it).
        case sendFailed = "send_failed"
    }

    /// Creates a counter.
    public init(_ kind: Kind, messageID: UInt16? = nil, serialNumber: UInt16? = nil, detail: String) {
        self.kind = kind
        self.messageID = messageID
        self.serialNumber = serialNumber
        self.detail = detail
    }

    /// `kind (message 0x0200, serial 7): detail`.
    public var description: String {
        var place: [String] = []
        if let messageID { place.append("message \(JT808Hex.word(messageID))") }
        if let serialNumber { place.append("serial \(serialNumber)") }
        return place.isEmpty ? "\(kind.rawValue): \(detail)" : "\(kind.rawValue) (\(place.joined(separator: ", "))): \(detail)"
    }
}
