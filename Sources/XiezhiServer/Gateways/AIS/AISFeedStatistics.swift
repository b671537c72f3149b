/// Running counts of one feed since its service was created (all its connections and senders together).
///
/// The same numbers go to `/metrics` as `xiezhi_ais_*` with the dimension `feed` (see ``AISFeedCounters``).
public struct AISFeedStatistics: Sendable, Hashable {
    /// Lines handed to the NMEA parser (garbage included; empty lines, oversized lines and binary bytes excluded).
    public var sentences = 0
    /// Messages decoded and handed to the sink.
    public var messages = 0
    /// Messages decoded, by AIS message type (1–27).
    public var messagesByType: [Int: Int] = [:]
    /// Lines whose sentence or tag block checksum did not match.
    public var badChecksums = 0
    /// Lines that are not AIS sentences or are malformed (missing checksum, bad fields, other NMEA sentences).
    public var unparsableLines = 0
    /// Lines longer than the limit, discarded.
    public var oversizedLines = 0
    /// Non-printable bytes (NUL, binary junk) skipped between or inside lines.
    public var binaryBytes = 0
    /// Fragments after the first that arrived without their message's earlier fragments.
    public var orphanFragments = 0
    /// Fragments or partial messages dropped because a fragment did not continue its message.
    public var outOfOrderFragments = 0
    /// Partial messages dropped because the next fragment did not arrive in time (or the connection ended).
    public var timedOutFragments = 0
    /// Partial messages dropped to bound the number pending.
    public var evictedFragments = 0
    /// Complete payloads that did not decode (too short or long for their type, unknown type).
    public var undecodableMessages = 0
    /// Position-bearing messages whose latitude or longitude is "not available" (91°/181°) or out of range;
    /// they are still delivered.
    public var positionsUnavailable = 0
    /// TCP connections established (client) or accepted (listener).
    public var connections = 0
    /// TCP connections open now (UDP: 1 while the socket is bound).
    public var connected = 0
    /// Connections a listener refused because `maximumConnections` were open.
    public var refusedConnections = 0
    /// Connection attempts after the first (client).
    public var reconnects = 0
    /// Connection attempts that failed (client).
    public var connectFailures = 0
    /// Times a feed sent nothing for `stallTimeout`.
    public var stalls = 0
    /// Datagrams received (UDP).
    public var datagrams = 0
    /// Datagrams dropped because the queue to a slow sink was full (UDP).
    public var droppedDatagrams = 0

    /// An all-zero snapshot.
    public init() {}
}
