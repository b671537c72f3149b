import XiezhiWire

/// The limits and timers of the AIS feeds; the defaults suit a regional receiver network (1–3k lines/s).
public struct AISFeedOptions: Sendable, Hashable {
    /// Longest line kept, in bytes (default `NMEASentence.maximumLength`, 512); longer ones are discarded up to the
    /// next line break and counted as oversized, so junk without line breaks never grows memory.
    public var maximumLineLength: Int
    /// The multi-sentence assembler's limits (fragment timeout 5 s, 256 pending messages).
    public var assembler: AISAssembler.Configuration
    /// How long a feed may send nothing before it counts as stalled (default 120 s): a TCP connection is then
    /// closed (the client feed reconnects); a UDP listener logs and counts it once per quiet period.
    public var stallTimeout: Duration
    /// How often pending fragments are expired and stalls checked (default 1 s).
    public var tickInterval: Duration
    /// The client feed's reconnect schedule.
    public var backoff: AISFeedBackoff.Configuration
    /// How long the client feed waits for a TCP connection to be established (default 5 s).
    public var connectTimeout: Duration
    /// Socket reads buffered per TCP connection before reading stops (backpressure; default 10 reads of at most
    /// 64 KiB). Reading resumes when the sink has drained the buffer to `resumeReadingBelow`.
    public var maximumBufferedReads: Int
    /// Buffered reads under which reading resumes (default 2; at least 1, at most `maximumBufferedReads`).
    public var resumeReadingBelow: Int
    /// Most receivers connected at once to a TCP listener (default 64); more are refused and counted.
    public var maximumConnections: Int
    /// Datagrams queued between the UDP socket and the sink (default 1024); beyond it datagrams are dropped and
    /// counted, because a UDP sender cannot be slowed down.
    public var maximumQueuedDatagrams: Int
    /// Largest datagram read whole, in bytes (default 16 KiB); a longer one is cut and its last line fails to parse.
    public var maximumDatagramSize: Int
    /// Distinct UDP senders with their own assembler (default 64); the least recently heard is forgotten beyond it.
    public var maximumUDPSenders: Int
    /// One log line per kind of bad input per feed connection in this period; the rest go to debug (default 60 s).
    public var logInterval: Duration

    /// Creates options; every parameter has the documented default.
    public init(
        maximumLineLength: Int = NMEASentence.maximumLength,
        assembler: AISAssembler.Configuration = AISAssembler.Configuration(),
        stallTimeout: Duration = .seconds(120),
        tickInterval: Duration = .seconds(1),
        backoff: AISFeedBackoff.Configuration = AISFeedBackoff.Configuration(),
        connectTimeout: Duration = .seconds(5),
        maximumBufferedReads: Int = 10,
        resumeReadingBelow: Int = 2,
        maximumConnections: Int = 64,
        maximumQueuedDatagrams: Int = 1024,
        maximumDatagramSize: Int = 16_384,
        maximumUDPSenders: Int = 64,
        logInterval: Duration = .seconds(60)
    ) {
        self.maximumLineLength = maximumLineLength
        self.assembler = assembler
        self.stallTimeout = stallTimeout
        self.tickInterval = tickInterval
        self.backoff = backoff
        self.connectTimeout = connectTimeout
        self.maximumBufferedReads = maximumBufferedReads
        self.resumeReadingBelow = resumeReadingBelow
        self.maximumConnections = maximumConnections
        self.maximumQueuedDatagrams = maximumQueuedDatagrams
        self.maximumDatagramSize = maximumDatagramSize
        self.maximumUDPSenders = maximumUDPSenders
        self.logInterval = logInterval
    }
}
