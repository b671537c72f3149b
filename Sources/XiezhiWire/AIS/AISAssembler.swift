import Foundation

/// Joins the fragments of multi-sentence AIS messages (a state machine; no clock, no I/O).
///
/// Fragments are grouped by source station (tag block `s:`), channel and sequential message id, and must
/// arrive in order (1, 2, … n) — the transmitting station sends them back to back. A later fragment without a
/// tag block continues the one pending message with its channel and id whatever its source (networks that
/// stamp only the first fragment). A fragment that does not continue its group is an orphan (no group) or
/// out of order (wrong number or count); a group whose next fragment has not arrived within
/// `Configuration.fragmentTimeout` of the previous one is dropped at the next call. Every drop is returned as
/// an `AISError` and counted in `statistics`; nothing is dropped silently. Single-sentence messages never touch
/// the pending groups.
public struct AISAssembler: Sendable {
    /// Limits of the assembler.
    public struct Configuration: Sendable, Hashable {
        /// Longest wait between two fragments of one message, in seconds (default 5).
        public var fragmentTimeout: TimeInterval
        /// Most partly assembled messages kept at once (default 256); the oldest is dropped beyond it.
        public var maximumPendingMessages: Int

        /// Creates a configuration.
        public init(fragmentTimeout: TimeInterval = 5, maximumPendingMessages: Int = 256) {
            self.fragmentTimeout = fragmentTimeout
            self.maximumPendingMessages = maximumPendingMessages
        }
    }

    /// Running counts since the assembler was created.
    public struct Statistics: Sendable, Hashable {
        /// Sentences accepted by `add` (parse failures of `add(line:)` included).
        public var sentences = 0
        /// Complete payloads returned.
        public var messages = 0
        /// Lines that did not parse as AIS sentences.
        public var unparsable = 0
        /// Fragments after the first that arrived without a pending group.
        public var orphanFragments = 0
        /// Fragments or groups dropped because a fragment did not continue its group.
        public var outOfOrderFragments = 0
        /// Groups dropped because the next fragment did not arrive in time.
        public var timedOut = 0
        /// Groups dropped to respect `maximumPendingMessages`.
        public var evicted = 0
    }

    /// What one call produced: at most one complete payload and any drops it caused or found.
    public struct Output: Sendable {
        /// The completed payload, if this sentence completed one.
        public var payload: AISAssembledPayload?
        /// Fragments or groups dropped, each with the reason.
        public var dropped: [AISError] = []
    }

    private struct Key: Hashable, Sendable {
        var source: String?
        var channel: AISChannel?
        var sequentialID: Int?
    }

    private struct Pending: Sendable {
        var payload: AISPayload
        var fragmentCount: Int
        var nextFragment: Int
        var firstSentence: NMEASentence
        var receiveTime: Date?
        var lastReceivedAt: Date
    }

    /// The limits in force.
    public let configuration: Configuration
    /// Counts since creation.
    public private(set) var statistics = Statistics()
    private var pending: [Key: Pending] = [:]

    /// Creates an empty assembler.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// How many messages are partly assembled.
    public var pendingCount: Int { pending.count }

    /// Parses a line and adds it; a line that does not parse is reported in `dropped`.
    public mutating func add(line: some StringProtocol, receivedAt: Date) -> Output {
        do {
            let sentence = try NMEASentence(parsing: line)
            return add(sentence, receivedAt: receivedAt)
        } catch {
            statistics.sentences += 1
            statistics.unparsable += 1
            var output = Output()
            output.dropped = expire(now: receivedAt)
            output.dropped.append(error)
            return output
        }
    }

    /// Adds one sentence received at `receivedAt` (the feed's clock, used for the timeout).
    public mutating func add(_ sentence: NMEASentence, receivedAt: Date) -> Output {
        statistics.sentences += 1
        var output = Output()
        output.dropped = expire(now: receivedAt)

        if sentence.fragmentCount == 1 {
            do {
                let payload = try AISPayload(armoured: sentence.payload, fillBits: sentence.fillBits)
                output.payload = finished(
                    payload, first: sentence, fragmentCount: 1, receiveTime: sentence.tagBlock?.receiveTime, at: receivedAt
                )
            } catch {
                output.dropped.append(error)
            }
            return output
        }

        var key = Key(source: sentence.tagBlock?.source, channel: sentence.channel, sequentialID: sentence.sequentialID)
        if sentence.fragmentNumber == 1 {
            if let stale = pending.removeValue(forKey: key) {
                statistics.outOfOrderFragments += 1
                output.dropped.append(AISError(
                    .fragmentOutOfOrder,
                    "A new message started on \(Self.describe(key)) while fragment \(stale.nextFragment) of "
                        + "\(stale.fragmentCount) was awaited; the incomplete message was dropped."
                ))
            }
            do {
                let payload = try AISPayload(armoured: sentence.payload, fillBits: sentence.fillBits)
                pending[key] = Pending(
                    payload: payload, fragmentCount: sentence.fragmentCount, nextFragment: 2, firstSentence: sentence,
                    receiveTime: sentence.tagBlock?.receiveTime, lastReceivedAt: receivedAt
                )
                if pending.count > configuration.maximumPendingMessages,
                   let oldest = pending.min(by: { $0.value.lastReceivedAt < $1.value.lastReceivedAt }) {
                    pending.removeValue(forKey: oldest.key)
                    statistics.evicted += 1
                    output.dropped.append(AISError(
                        .tooManyPendingMessages,
                        "More than \(configuration.maximumPendingMessages) messages were pending; the oldest, on "
                            + "\(Self.describe(oldest.key)), was dropped."
                    ))
                }
            } catch {
                output.dropped.append(error)
            }
            return output
        }

        if pending[key] == nil, key.source == nil {
            // Some networks stamp only the first fragment: continue the one pending message of any source.
            let candidates = pending.keys.filter { $0.channel == key.channel && $0.sequentialID == key.sequentialID }
            if candidates.count == 1 { key = candidates[0] }
        }
        guard var group = pending[key] else {
            statistics.orphanFragments += 1
            output.dropped.append(AISError(
                .orphanFragment,
                "Fragment \(sentence.fragmentNumber) of \(sentence.fragmentCount) on \(Self.describe(key)) "
                    + "arrived without the fragments before it."
            ))
            return output
        }
        guard group.fragmentCount == sentence.fragmentCount, group.nextFragment == sentence.fragmentNumber else {
            pending.removeValue(forKey: key)
            statistics.outOfOrderFragments += 1
            output.dropped.append(AISError(
                .fragmentOutOfOrder,
                "Fragment \(sentence.fragmentNumber) of \(sentence.fragmentCount) on \(Self.describe(key)) arrived while "
                    + "fragment \(group.nextFragment) of \(group.fragmentCount) was awaited; both were dropped."
            ))
            return output
        }
        do {
            try group.payload.append(armoured: sentence.payload, fillBits: sentence.fillBits)
        } catch {
            pending.removeValue(forKey: key)
            output.dropped.append(error)
            return output
        }
        group.nextFragment += 1
        group.lastReceivedAt = receivedAt
        if group.receiveTime == nil { group.receiveTime = sentence.tagBlock?.receiveTime }
        if sentence.fragmentNumber == sentence.fragmentCount {
            pending.removeValue(forKey: key)
            output.payload = finished(
                group.payload, first: group.firstSentence, fragmentCount: group.fragmentCount,
                receiveTime: group.receiveTime, at: receivedAt
            )
        } else {
            pending[key] = group
        }
        return output
    }

    /// Drops every group whose last fragment is older than the timeout at `now`, returning why.
    public mutating func expire(now: Date) -> [AISError] {
        var dropped: [AISError] = []
        for (key, group) in pending where now.timeIntervalSince(group.lastReceivedAt) > configuration.fragmentTimeout {
            pending.removeValue(forKey: key)
            statistics.timedOut += 1
            dropped.append(AISError(
                .fragmentTimeout,
                "Fragment \(group.nextFragment) of \(group.fragmentCount) on \(Self.describe(key)) did not arrive within "
                    + "\(configuration.fragmentTimeout) s; the incomplete message was dropped."
            ))
        }
        return dropped
    }

    private mutating func finished(
        _ payload: AISPayload, first: NMEASentence, fragmentCount: Int, receiveTime: Date?, at receivedAt: Date
    ) -> AISAssembledPayload {
        statistics.messages += 1
        return AISAssembledPayload(
            payload: payload, talker: first.talker, formatter: first.formatter, channel: first.channel,
            fragmentCount: fragmentCount, receiveTime: receiveTime, source: first.tagBlock?.source, receivedAt: receivedAt
        )
    }

    private static func describe(_ key: Key) -> String {
        var parts = ["channel \(key.channel?.rawValue ?? "(none)")", "sequence id \(key.sequentialID.map(String.init) ?? "(none)")"]
        if let source = key.source { parts.insert("source \(source)", at: 0) }
        return parts.joined(separator: ", ")
    }
}

/// A complete AIS payload with where and when it was received.
public struct AISAssembledPayload: Sendable, Hashable {
    /// The message bits.
    public var payload: AISPayload
    /// The talker of the first fragment (`AI`, `BS`, …).
    public var talker: String
    /// `VDM` or `VDO`.
    public var formatter: String
    /// The VHF channel, if the sentence named one.
    public var channel: AISChannel?
    /// How many sentences carried it.
    public var fragmentCount: Int
    /// The receive time from the tag block (`c:`), if any fragment had one.
    public var receiveTime: Date?
    /// The source station from the first fragment's tag block (`s:`), if any.
    public var source: String?
    /// When the feed delivered the last fragment (the caller's clock).
    public var receivedAt: Date

    /// Creates an assembled payload.
    public init(
        payload: AISPayload, talker: String, formatter: String, channel: AISChannel?, fragmentCount: Int,
        receiveTime: Date?, source: String?, receivedAt: Date
    ) {
        self.payload = payload
        self.talker = talker
        self.formatter = formatter
        self.channel = channel
        self.fragmentCount = fragmentCount
        self.receiveTime = receiveTime
        self.source = source
        self.receivedAt = receivedAt
    }

    /// Decodes the message (see `AISMessage.init(payload:)`).
    public func message() throws(AISError) -> AISMessage {
        try AISMessage(payload: payload)
    }
}
