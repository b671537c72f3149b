import Foundation
import XiezhiCore

/// Timers and limits of the federation inbox and the delivery service (technical settings, not legal numbers).
public struct FederationOptions: Sendable, Hashable {
    /// Half-width of the inbox's replay window on `sent_at`. Default 300 s: NTP keeps agency servers within a
    /// second, and a retry is signed afresh, so the window only has to cover the transit of one attempt and the skew
    /// between the two clocks; five minutes is the usual allowance for signed requests (AWS SigV4 uses 15). Flag
    /// `--federation-replay-window`, env `XIEZHI_FEDERATION_REPLAY_WINDOW`.
    public var replayWindow: TimeInterval = 300
    /// First retry delay after a partner could not be reached. Default 1 s.
    public var backoffInitial: TimeInterval = 1
    /// Longest retry delay (the backoff doubles up to it). Default 300 s: a partner back after hours is found within
    /// five minutes. Flag `--federation-backoff-max`, env `XIEZHI_FEDERATION_BACKOFF_MAX`.
    public var backoffMaximum: TimeInterval = 300
    /// Deadline of one POST to a partner. Default 10 s.
    public var requestTimeout: TimeInterval = 10
    /// Messages in flight to one partner at a time. Default 16.
    public var concurrency: Int = 16
    /// Messages taken per partner per pass. Default 256.
    public var batchSize: Int = 256
    /// Largest envelope the inbox accepts. Default 4 MiB.
    public var maximumEnvelopeBytes: Int = 4 << 20

    public init() {}

    public var backoff: DeliveryBackoff { DeliveryBackoff(initial: backoffInitial, maximum: backoffMaximum) }
}
