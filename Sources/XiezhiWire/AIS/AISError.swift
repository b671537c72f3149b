/// An AIS/NMEA decoding failure: what went wrong and where, never a crash.
///
/// Sentence errors carry the character offset inside the line they were found in (0 = the first character of
/// the line, tag block included); payload errors carry the bit offset inside the assembled payload and the
/// message type when the first six bits were readable.
public struct AISError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The stable kind of failure, rendered in snake_case like the kernel's `DomainError` codes.
    public enum Code: String, Hashable, Sendable, CaseIterable {
        /// The line is longer than `NMEASentence.maximumLength`.
        case sentenceTooLong = "sentence_too_long"
        /// The line does not have the `!ccVDM,…` shape (start, field count, non-ASCII bytes).
        case malformedSentence = "malformed_sentence"
        /// The sentence is well formed but not an AIS `VDM`/`VDO` sentence.
        case unsupportedSentence = "unsupported_sentence"
        /// The sentence has no `*hh` checksum.
        case missingChecksum = "missing_checksum"
        /// The `*hh` checksum does not match the XOR of the characters between `!` and `*`.
        case badChecksum = "bad_checksum"
        /// The tag block is not `\key:value,…*hh\`.
        case malformedTagBlock = "malformed_tag_block"
        /// The tag block checksum does not match.
        case badTagBlockChecksum = "bad_tag_block_checksum"
        /// Fragment count, fragment number or sequential message id is not a valid digit.
        case invalidFragmentField = "invalid_fragment_field"
        /// The radio channel is not A, B, 1, 2 or empty.
        case invalidChannel = "invalid_channel"
        /// The payload is empty or has a character outside the six-bit armouring alphabet.
        case invalidArmouring = "invalid_armouring"
        /// The fill-bit field is not 0–5, is non-zero on a fragment that is not the last, or exceeds the payload.
        case invalidFillBits = "invalid_fill_bits"
        /// A fragment after the first arrived without its predecessor (orphan).
        case orphanFragment = "orphan_fragment"
        /// A fragment arrived whose number or count does not continue the pending message.
        case fragmentOutOfOrder = "fragment_out_of_order"
        /// A partly assembled message was dropped because its next fragment did not arrive in time.
        case fragmentTimeout = "fragment_timeout"
        /// A partly assembled message was dropped to keep the number of pending messages bounded.
        case tooManyPendingMessages = "too_many_pending_messages"
        /// The payload is shorter than its message type needs.
        case payloadTooShort = "payload_too_short"
        /// The payload is longer than its message type allows.
        case payloadTooLong = "payload_too_long"
        /// The message type is 0 or above 27.
        case unknownMessageType = "unknown_message_type"
        /// A type 24 message has part number 2 or 3.
        case invalidPartNumber = "invalid_part_number"
    }

    /// What went wrong.
    public var code: Code
    /// An English sentence saying why, with the numbers involved.
    public var reason: String
    /// Where: a character offset in the line (sentence errors) or a bit offset in the payload (payload errors).
    public var offset: Int?
    /// The AIS message type involved, when known.
    public var messageType: Int?

    /// Creates an error.
    public init(_ code: Code, _ reason: String, offset: Int? = nil, messageType: Int? = nil) {
        self.code = code
        self.reason = reason
        self.offset = offset
        self.messageType = messageType
    }

    /// `code: reason (type 5, offset 12)`.
    public var description: String {
        var place: [String] = []
        if let messageType { place.append("type \(messageType)") }
        if let offset { place.append("offset \(offset)") }
        return place.isEmpty ? "\(code.rawValue): \(reason)" : "\(code.rawValue): \(reason) (\(place.joined(separator: ", ")))"
    }
}
