extension JT808SessionStateMachine {
    /// What the host must do, in order, after an event.
    public enum Action: Hashable, Sendable {
        /// Write this frame to the terminal (already built with its version and the session's serial).
        case send(JT808Frame)
        /// Ask the store about a registering terminal; answer with `Event.registrationLookup`.
        case lookUpRegistration(JT808RegistrationLookup)
        /// Ask the store whether an authentication code is valid; answer with `Event.authenticationLookup`.
        case lookUpAuthentication(JT808AuthenticationLookup)
        /// Store these positions durably; answer with `Event.positionsPersisted(batch.token)` (or
        /// `positionsNotPersisted`). The terminal is acknowledged only after that.
        case persistPositions(JT808PositionBatch)
        /// The terminal authenticated (终端鉴权成功): bind this connection to it (and close any older
        /// connection of the same terminal, feeding that session `superseded`).
        case authenticated(JT808SessionIdentity)
        /// The terminal unregistered (终端注销): revoke its authentication code; it must register again.
        case unregistered(JT808SessionIdentity)
        /// A message the session does not handle itself: a terminal's general response (0x0001) or an
        /// ID in `Configuration.deliveredMessageIDs`. The host answers it if the standard asks for one.
        case deliver(JT808InboundMessage)
        /// Too many reports wait for storage: stop reading from the socket until `resumeReading`.
        case pauseReading
        /// Storage caught up: read from the socket again.
        case resumeReading
        /// Count this in the metrics (and log it at debug level).
        case count(JT808SessionCounter)
        /// Close the connection; the session ignores every event after this one.
        case close(CloseReason)
    }

    /// Why the session asked to close.
    public enum CloseReason: String, Hashable, Sendable, CaseIterable {
        /// No valid frame within `Configuration.idleTimeout`.
        case idleTimeout = "idle_timeout"
        /// Not authenticated within `Configuration.authenticationTimeout`.
        case authenticationTimeout = "authentication_timeout"
        /// More than `Configuration.maximumAuthenticationFailures` rejected authentications.
        case authenticationRejected = "authentication_rejected"
        /// More than `Configuration.badFrameLimit` bad frames within `Configuration.badFrameWindow`.
        case badFrameFlood = "bad_frame_flood"
        /// A newer connection authenticated as the same terminal.
        case superseded = "superseded"
    }
}
