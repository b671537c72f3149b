import Foundation
import Logging
import NIOCore
import XiezhiWire

/// One input's way from bytes to messages: line framer → NMEA parser → multi-sentence assembler → decoder.
///
/// One pipeline per TCP connection or UDP sender, so that fragments from different receivers never mix.
/// Synchronous and bounded: the caller hands it bytes with the time they were read and delivers the messages it
/// returns. Every line that does not become a message is counted in the feed's ``AISFeedCounters`` by reason and
/// logged (one visible line per reason per `logInterval`, the rest at debug); nothing here can crash or block.
struct AISFeedPipeline: Sendable {
    /// The feed's counters (shared with the feed's other pipelines).
    let counters: AISFeedCounters
    /// The remote end, for messages and logs.
    let peer: String?
    private var logger: Logger
    private var framer: AISLineFramer
    private var assembler: AISAssembler
    private var fragments: AISRawFragments
    private var throttle: AISLogThrottle

    /// Creates a pipeline for one input of a feed.
    init(counters: AISFeedCounters, options: AISFeedOptions, peer: String?, logger: Logger) {
        self.counters = counters
        self.peer = peer
        var logger = logger
        logger[metadataKey: "ais.feed"] = .string(counters.feed)
        if let peer { logger[metadataKey: "ais.peer"] = .string(peer) }
        self.logger = logger
        self.framer = AISLineFramer(maximumLineLength: options.maximumLineLength)
        self.assembler = AISAssembler(configuration: options.assembler)
        self.fragments = AISRawFragments(configuration: options.assembler)
        self.throttle = AISLogThrottle(interval: options.logInterval)
    }

    /// Messages partly assembled.
    var pendingMessages: Int { assembler.pendingCount }

    /// Bytes read at `receivedAt` (a TCP read: lines may continue in the next read).
    mutating func receive(_ bytes: ByteBuffer, at receivedAt: Date) -> [AISFeedMessage] {
        handle(framer.append(bytes), at: receivedAt)
    }

    /// A whole datagram read at `receivedAt`: its last line ends with it, line break or not.
    mutating func receiveDatagram(_ bytes: ByteBuffer, at receivedAt: Date) -> [AISFeedMessage] {
        var messages = handle(framer.append(bytes), at: receivedAt)
        messages += handle(framer.flush(), at: receivedAt)
        return messages
    }

    /// Drops the partly assembled messages whose next fragment is overdue at `now` (counted as timed out).
    mutating func expire(now: Date) {
        for error in assembler.expire(now: now) { drop(error, line: nil) }
        fragments.expire(now: now)
    }

    /// The input ended at `now`: its unterminated last line is parsed, and every partly assembled message is
    /// dropped as timed out (its remaining fragments can no longer arrive on this input).
    mutating func finish(at now: Date) -> [AISFeedMessage] {
        let messages = handle(framer.flush(), at: now)
        for error in assembler.expire(now: .distantFuture) { drop(error, line: nil) }
        fragments.removeAll()
        return messages
    }

    private mutating func handle(_ framed: AISLineFramer.Framed, at receivedAt: Date) -> [AISFeedMessage] {
        if framed.binaryBytes > 0 {
            counters.record(.binaryByte, by: framed.binaryBytes)
            note("binary_bytes", "ais feed sent non-printable bytes; skipped", ["ais.bytes": "\(framed.binaryBytes)"])
        }
        if framed.oversizedLines > 0 {
            counters.record(.oversizedLine, by: framed.oversizedLines)
            note(
                "oversized_line", "ais feed sent a line longer than the limit; discarded",
                ["ais.lines": "\(framed.oversizedLines)", "ais.limit": "\(framer.maximumLineLength)"]
            )
        }
        var messages: [AISFeedMessage] = []
        for line in framed.lines {
            if let message = process(line, at: receivedAt) { messages.append(message) }
        }
        return messages
    }

    private mutating func process(_ line: String, at receivedAt: Date) -> AISFeedMessage? {
        counters.record(.sentence)
        let sentence: NMEASentence
        do {
            sentence = try NMEASentence(parsing: line)
        } catch {
            drop(error, line: line)
            return nil
        }
        let output = assembler.add(sentence, receivedAt: receivedAt)
        let lines = fragments.add(sentence, line: line, at: receivedAt, output: output)
        for error in output.dropped {
            drop(error, line: error.code == .fragmentTimeout || error.code == .tooManyPendingMessages ? nil : line)
        }
        guard let assembled = output.payload else { return nil }
        let message: AISMessage
        do {
            message = try assembled.message()
        } catch {
            drop(error, line: line)
            return nil
        }
        counters.recordMessage(type: message.header.messageType)
        if message.positionIsAvailable == false {
            counters.record(.positionUnavailable)
            note(
                "position_unavailable", "ais message without a position (91°/181°); delivered",
                ["ais.mmsi": "\(message.header.mmsi)", "ais.type": "\(message.header.messageType)"]
            )
        }
        return AISFeedMessage(
            message: message, sentences: lines ?? [line], feed: counters.feed, peer: peer, source: assembled.source,
            receiveTime: assembled.receiveTime, receivedAt: assembled.receivedAt, channel: assembled.channel,
            isOwnShip: assembled.formatter == "VDO"
        )
    }

    /// Counts and logs one drop.
    private mutating func drop(_ error: AISError, line: String?) {
        let kind: AISFeedCounters.Kind = switch error.code {
        case .badChecksum, .badTagBlockChecksum: .badChecksum
        case .sentenceTooLong: .oversizedLine
        case .malformedSentence, .unsupportedSentence, .missingChecksum, .malformedTagBlock, .invalidFragmentField,
             .invalidChannel, .invalidArmouring, .invalidFillBits:
            .unparsableLine
        case .orphanFragment: .orphanFragment
        case .fragmentOutOfOrder: .outOfOrderFragment
        case .fragmentTimeout: .timedOutFragment
        case .tooManyPendingMessages: .evictedFragment
        case .payloadTooShort, .payloadTooLong, .unknownMessageType, .invalidPartNumber: .undecodableMessage
        }
        counters.record(kind, reason: error.code.rawValue)
        var metadata: Logger.Metadata = ["ais.reason": "\(error.code.rawValue)", "ais.detail": "\(error.description)"]
        if let line { metadata["ais.line"] = "\(line.prefix(120))" }
        note(error.code.rawValue, "ais feed input dropped", metadata)
    }

    /// Logs at notice once per `key` per interval, otherwise at debug.
    private mutating func note(_ key: String, _ message: Logger.Message, _ metadata: Logger.Metadata) {
        if let suppressed = throttle.admit(key) {
            var metadata = metadata
            if suppressed > 0 { metadata["ais.suppressed"] = "\(suppressed)" }
            logger.notice(message, metadata: metadata)
        } else {
            logger.debug(message, metadata: metadata)
        }
    }
}
