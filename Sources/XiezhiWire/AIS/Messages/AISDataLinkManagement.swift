/// Type 20 — data link management (ITU-R M.1371-5 table 74), 72–186 bits.
///
/// Up to four slot reservations; reservations past the payload's end read as 0, as gpsd prints them.
public struct AISDataLinkManagement: Sendable, Hashable, Codable {
    /// One slot reservation.
    public struct Reservation: Sendable, Hashable, Codable {
        /// Slot offset (gpsd `offsetN`).
        public var offset: Int
        /// Number of slots (gpsd `numberN`).
        public var number: Int
        /// Time-out in minutes (gpsd `timeoutN`).
        public var timeout: Int
        /// Increment (gpsd `incrementN`).
        public var increment: Int

        /// Creates a reservation.
        public init(offset: Int, number: Int, timeout: Int, increment: Int) {
            self.offset = offset
            self.number = number
            self.timeout = timeout
            self.increment = increment
        }
    }

    /// Type 20, repeat, MMSI.
    public var header: AISHeader
    /// The four reservations (absent ones are all zero).
    public var reservations: [Reservation]

    /// Decodes type 20.
    init(_ payload: AISPayload) throws(AISError) {
        try AISLength.within(72...186, payload)
        header = AISHeader(payload)
        reservations = (0..<4).map { index in
            let start = 40 + 30 * index
            return Reservation(
                offset: payload.int(start, 12), number: payload.int(start + 12, 4),
                timeout: payload.int(start + 16, 3), increment: payload.int(start + 19, 11)
            )
        }
    }
}
