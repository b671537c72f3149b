import Foundation

extension JT808SessionStateMachine {
    /// The limits of one terminal session; every bound the session keeps lives here.
    ///
    /// Times are seconds. The defaults follow what the open-source gateways in the reference notes use
    /// (jt808.md §4 and §6.5) and keep one session small enough for 100k at once (a few kB each when idle).
    public struct Configuration: Hashable, Sendable {
        /// A session that receives no valid frame for this long is closed (`idleTimeout`).
        ///
        /// The standard lets the platform drop a link when nothing, not even a heartbeat, arrives within
        /// the configured time (2013/2019 §6). Default 180 s: three times a 60 s heartbeat interval, and
        /// yezhihao/jt808-server's idle timeout.
        public var idleTimeout: TimeInterval
        /// A connection that has not authenticated this long after it opened (or after it unregistered)
        /// is closed (`authenticationTimeout`). Default 60 s.
        ///
        /// The standard has the terminal authenticate immediately after connecting (2013 §7.2.2); the
        /// bound keeps unauthenticated connections, which may still send heartbeats, from staying forever.
        public var authenticationTimeout: TimeInterval
        /// Rejected authentications (0x0102 answered with failure) tolerated on one connection; the next
        /// one closes it (`authenticationRejected`). Default 3.
        public var maximumAuthenticationFailures: Int
        /// Bad frames (codec errors, undecodable bodies, malformed package items) tolerated within
        /// `badFrameWindow`: one more inside the window closes the session (`badFrameFlood`). Default 20.
        public var badFrameLimit: Int
        /// The sliding window for `badFrameLimit`. Default 60 s.
        public var badFrameWindow: TimeInterval
        /// Silence after the last packet (or resend request) of an incomplete subpackaged message before
        /// the session asks again with 0x8003. Default 10 s (yezhihao's `JTMultiPacketListener`).
        public var subpackageTimeout: TimeInterval
        /// 0x8003 requests sent for one incomplete message before it is abandoned. Default 5 (yezhihao).
        public var maximumResendRequests: Int
        /// The most packets one subpackaged message may announce (total in the package item). Default 512.
        public var maximumPacketCount: Int
        /// The most body bytes one reassembled message may hold. Default 512 KiB (a 0x0801 photo of
        /// about 500 packets of 1023 bytes).
        public var maximumReassembledBytes: Int
        /// Subpackaged messages reassembled at once; a new one beyond this evicts the stalest. Default 4.
        public var maximumConcurrentReassemblies: Int
        /// Acknowledged reports remembered to recognise retransmissions (same message ID, serial and
        /// body). Default 64.
        public var duplicateWindow: Int
        /// Reports waiting for `positionsPersisted` at which the session asks the host to stop reading
        /// (`pauseReading`); it asks to resume at half of it. Default 32.
        public var pendingPersistenceHighWatermark: Int
        /// Reports waiting for `positionsPersisted` beyond which new reports are dropped unanswered, so
        /// the terminal keeps them and sends them again. Default 256.
        public var maximumPendingPersistence: Int
        /// IDs of messages the session does not model that the host handles and answers itself
        /// (`deliver`), e.g. 0x0801 multimedia (answered with 0x8800). Other unmodelled IDs are answered
        /// with 0x8001 result 3 (不支持 — not supported). Default empty.
        public var deliveredMessageIDs: Set<UInt16>

        /// The configuration with every default, optionally overriding some limits.
        public init(
            idleTimeout: TimeInterval = 180,
            authenticationTimeout: TimeInterval = 60,
            maximumAuthenticationFailures: Int = 3,
            badFrameLimit: Int = 20,
            badFrameWindow: TimeInterval = 60,
            subpackageTimeout: TimeInterval = 10,
            maximumResendRequests: Int = 5,
            maximumPacketCount: Int = 512,
            maximumReassembledBytes: Int = 512 * 1024,
            maximumConcurrentReassemblies: Int = 4,
            duplicateWindow: Int = 64,
            pendingPersistenceHighWatermark: Int = 32,
            maximumPendingPersistence: Int = 256,
            deliveredMessageIDs: Set<UInt16> = []
        ) {
            self.idleTimeout = idleTimeout
            self.authenticationTimeout = authenticationTimeout
            self.maximumAuthenticationFailures = maximumAuthenticationFailures
            self.badFrameLimit = badFrameLimit
            self.badFrameWindow = badFrameWindow
            self.subpackageTimeout = subpackageTimeout
            self.maximumResendRequests = maximumResendRequests
            self.maximumPacketCount = maximumPacketCount
            self.maximumReassembledBytes = maximumReassembledBytes
            self.maximumConcurrentReassemblies = maximumConcurrentReassemblies
            self.duplicateWindow = duplicateWindow
            self.pendingPersistenceHighWatermark = pendingPersistenceHighWatermark
            self.maximumPendingPersistence = maximumPendingPersistence
            self.deliveredMessageIDs = deliveredMessageIDs
        }

        /// The defaults with the idle timeout set to three heartbeat intervals (the terminal's parameter
        /// 0x0001 终端心跳发送间隔, in seconds).
        public init(heartbeatInterval: TimeInterval) {
            self.init(idleTimeout: 3 * heartbeatInterval)
        }
    }
}
