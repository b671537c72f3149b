import Foundation

extension JT808SessionStateMachine {
    /// What happened to the session: fed to `handle(_:)` by the host (the channel handler).
    ///
    /// Times are passed in; the session never reads a clock. Events without a time (lookup answers,
    /// persistence) are placed at the latest time the session has seen.
    public enum Event: Hashable, Sendable {
        /// A valid frame arrived from the terminal (from `JT808FrameSplitter`).
        case frameReceived(JT808Frame, at: Date)
        /// The splitter rejected a frame (bad check code, bad escape, oversize, …): counted, and the
        /// session closes when they flood (`Configuration.badFrameLimit`).
        case decodeFailed(JT808Error, at: Date)
        /// The positions of the batch with this token are durable: the 0x8001 answer may now go out.
        case positionsPersisted(JT808PersistenceToken)
        /// Storing the batch with this token failed: nothing is answered, so the terminal sends the
        /// report again after its reply timeout (and it is then not taken for a duplicate).
        case positionsNotPersisted(JT808PersistenceToken)
        /// The host's answer to the last `lookUpRegistration`.
        case registrationLookup(JT808RegistrationLookupResult)
        /// The host's answer to the last `lookUpAuthentication`.
        case authenticationLookup(JT808AuthenticationLookupResult)
        /// The host wants to send a message to the terminal (a downlink command, or the answer to a
        /// delivered message): the session frames it with the terminal's version and its next serial.
        case sendMessage(JT808Message)
        /// Time passed: checks the idle, authentication and subpackage timers. Call it at
        /// `nextDeadline` or on a fixed beat (every second is plenty).
        case tick(at: Date)
        /// Another connection authenticated as the same terminal; the standard treats this one as dead
        /// (2013/2019 §6): the session asks to be closed (`superseded`).
        case superseded
        /// The connection is gone (TCP close, or the host executed `close`); every later event is ignored.
        case closed
    }
}
