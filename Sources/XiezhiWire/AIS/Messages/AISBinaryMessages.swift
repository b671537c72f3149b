/// Type 6 — addressed binary message (ITU-R M.1371-5 table 57), 88–1008 bits.
///
/// The application data is decoded for the applications gpsd 3.22 decodes outside DAC 1: inland AIS
/// (DAC 200, FI 21/22/55) and GLA AtoN monitoring (DAC 235/250, FI 10), each only at its exact length.
/// Everything else, IMO DAC 1 applications included, is kept as opaque data (see `gpsdJSON()` for the
/// difference this makes).
public struct AISAddressedBinaryMessage: Sendable, Hashable, Codable {
    /// Type 6, repeat, MMSI.
    public var header: AISHeader
    /// Sequence number 0–3 (gpsd `seqno`).
    public var sequenceNumber: Int
    /// The addressed station (gpsd `dest_mmsi`).
    public var destinationMMSI: Int
    /// Retransmit flag (gpsd `retransmit`).
    public var retransmit: Bool
    /// Designated area code (gpsd `dac`).
    public var dac: Int
    /// Function identifier (gpsd `fid`).
    public var fid: Int
    /// The application data.
    public var application: AISAddressedApplication

    /// Decodes type 6.
    init(_ payload: AISPayload) throws(AISError) {
        try AISLength.within(88...1008, payload)
        header = AISHeader(payload)
        sequenceNumber = payload.int(38, 2)
        destinationMMSI = payload.int(40, 30)
        retransmit = payload.flag(70)
        dac = payload.int(72, 10)
        fid = payload.int(82, 6)
        application = AISAddressedApplication(payload, dac: dac, fid: fid)
    }
}

/// Type 8 — broadcast binary message (ITU-R M.1371-5 table 63), 56–1008 bits.
///
/// Inland AIS applications (DAC 200, FI 10/23/24/40) are decoded at their exact length; everything else is
/// opaque data (see `AISAddressedBinaryMessage`).
public struct AISBroadcastBinaryMessage: Sendable, Hashable, Codable {
    /// Type 8, repeat, MMSI.
    public var header: AISHeader
    /// Designated area code (gpsd `dac`).
    public var dac: Int
    /// Function identifier (gpsd `fid`).
    public var fid: Int
    /// The application data.
    public var application: AISBroadcastApplication

    /// Decodes type 8.
    init(_ payload: AISPayload) throws(AISError) {
        try AISLength.within(56...1008, payload)
        header = AISHeader(payload)
        dac = payload.int(40, 10)
        fid = payload.int(50, 6)
        application = AISBroadcastApplication(payload, dac: dac, fid: fid)
    }
}

/// The application carried by a type 6 message.
public enum AISAddressedApplication: Sendable, Hashable, Codable {
    /// Undecoded data from bit 88 (gpsd `data`).
    case opaque(AISBinaryData)
    /// DAC 200 FI 21 — inland ETA at lock/bridge/terminal, 248 bits.
    case inlandETA(AISInlandETA)
    /// DAC 200 FI 22 — inland RTA at lock/bridge/terminal, 232 bits.
    case inlandRTA(AISInlandRTA)
    /// DAC 200 FI 55 — inland number of persons on board, 168 bits.
    case inlandPersonsOnBoard(AISInlandPersonsOnBoard)
    /// DAC 235 or 250 FI 10 — GLA AtoN monitoring data, 136 bits.
    case atonMonitoring(AISAtoNMonitoring)

    init(_ payload: AISPayload, dac: Int, fid: Int) {
        switch (dac, fid, payload.bitCount) {
        case (200, 21, 248): self = .inlandETA(AISInlandETA(payload))
        case (200, 22, 232): self = .inlandRTA(AISInlandRTA(payload))
        case (200, 55, 168): self = .inlandPersonsOnBoard(AISInlandPersonsOnBoard(payload))
        case (235, 10, 136), (250, 10, 136): self = .atonMonitoring(AISAtoNMonitoring(payload))
        default: self = .opaque(payload.blob(from: 88))
        }
    }
}

/// The application carried by a type 8 message.
public enum AISBroadcastApplication: Sendable, Hashable, Codable {
    /// Undecoded data from bit 56 (gpsd `data`).
    case opaque(AISBinaryData)
    /// DAC 200 FI 10 — inland ship static and voyage related data, 168 bits.
    case inlandStaticVoyage(AISInlandStaticVoyageData)
    /// DAC 200 FI 23 — EMMA weather warning, 256 bits.
    case emmaWarning(AISEMMAWarning)
    /// DAC 200 FI 24 — inland water levels, 168 bits.
    case waterLevels(AISInlandWaterLevels)
    /// DAC 200 FI 40 — inland signal status, 168 bits.
    case signalStatus(AISInlandSignalStatus)

    init(_ payload: AISPayload, dac: Int, fid: Int) {
        switch (dac, fid, payload.bitCount) {
        case (200, 10, 168):
            let data = AISInlandStaticVoyageData(payload)
            // gpsd's guard against false matches: hazard codes above 5 mean it is not this application.
            self = data.hazard <= 5 ? .inlandStaticVoyage(data) : .opaque(payload.blob(from: 56))
        case (200, 23, 256): self = .emmaWarning(AISEMMAWarning(payload))
        case (200, 24, 168): self = .waterLevels(AISInlandWaterLevels(payload))
        case (200, 40, 168): self = .signalStatus(AISInlandSignalStatus(payload))
        default: self = .opaque(payload.blob(from: 56))
        }
    }
}
