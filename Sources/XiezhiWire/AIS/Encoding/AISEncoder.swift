/// Encodes AIS messages into `!AIVDM` sentences (ITU-R M.1371 bit layouts, six-bit armouring, NMEA checksums): types
/// 1–3 (Class A position), 5 (static and voyage data), 18 (Class B position) and 24 (Class B static data, parts A and
/// B). The simulator uses it to serve a real AIS feed; the decoder reads the sentences back.
///
/// Payloads longer than ``maximumFragmentCharacters`` armoured characters are split over several sentences (a type 5
/// takes two), sharing a sequential message id; fill bits go on the last fragment only.
public enum AISEncoder {
    /// Armoured characters per sentence (keeps a sentence within NMEA's 82 characters).
    public static let maximumFragmentCharacters = 60

    /// The payload bits of a message; throws `unknown_message_type` for a type the encoder does not write.
    public static func payload(_ message: AISMessage) throws(AISError) -> AISPayload {
        var bits = AISPayload()
        switch message {
        case .positionReport(let report): report.write(into: &bits)
        case .staticVoyageData(let data): data.write(into: &bits)
        case .classBPositionReport(let report): report.write(into: &bits)
        case .staticDataReport(let report): report.write(into: &bits)
        default:
            throw AISError(.unknownMessageType, "The encoder writes types 1–3, 5, 18 and 24.")
        }
        return bits
    }

    /// The sentences of a message, as lines without CR/LF. `sequentialID` (0–9) links the fragments of a
    /// multi-sentence message; a tag block, when given, goes on the first sentence.
    public static func sentences(
        _ message: AISMessage, channel: AISChannel = .a, sequentialID: Int = 0, tagBlock: NMEATagBlock? = nil, talker: String = "AI"
    ) throws(AISError) -> [String] {
        let (text, fill) = try payload(message).armoured
        let characters = Array(text)
        var chunks: [String] = []
        var start = 0
        repeat {
            let end = min(start + maximumFragmentCharacters, characters.count)
            chunks.append(String(characters[start..<end]))
            start = end
        } while start < characters.count
        return chunks.enumerated().map { index, chunk in
            NMEASentence(
                tagBlock: index == 0 ? tagBlock : nil, talker: talker, formatter: "VDM", fragmentCount: chunks.count,
                fragmentNumber: index + 1, sequentialID: chunks.count > 1 ? sequentialID % 10 : nil, channel: channel, payload: chunk,
                fillBits: index == chunks.count - 1 ? fill : 0
            ).line
        }
    }

    /// The six-bit code of a text character: upper-cased, `?` for a character outside the AIS alphabet.
    static func sixBit(_ character: Character) -> UInt64 {
        let upper = Character(character.uppercased())
        if let index = sixBitIndex[upper] { return UInt64(index) }
        return UInt64(sixBitIndex["?"]!)
    }

    private static let sixBitIndex: [Character: Int] = {
        var index: [Character: Int] = [:]
        for (value, character) in AISPayload.sixBitAlphabet.enumerated() { index[character] = value }
        return index
    }()
}

extension AISPayload {
    /// Appends a signed field of `width` (1–63) bits, two's complement.
    mutating func appendSigned(_ value: Int, width: Int) {
        append(UInt64(bitPattern: Int64(value)) & ((UInt64(1) << UInt64(width)) - 1), width: width)
    }

    /// Appends an unsigned field of `width` (1–63) bits; a negative value is written as 0, a larger one masked.
    mutating func appendField(_ value: Int, width: Int) {
        append(UInt64(max(value, 0)) & ((UInt64(1) << UInt64(width)) - 1), width: width)
    }

    mutating func appendFlag(_ flag: Bool) {
        append(flag ? UInt64(1) : 0, width: 1)
    }

    /// Appends `characters` six-bit characters of `text`, padded with `@`.
    mutating func appendText(_ text: String, characters: Int) {
        var written = 0
        for character in text.prefix(characters) {
            append(AISEncoder.sixBit(character), width: 6)
            written += 1
        }
        for _ in written..<characters { appendField(0, width: 6) }
    }

    mutating func append(_ header: AISHeader) {
        appendField(header.messageType, width: 6)
        appendField(header.repeatIndicator, width: 2)
        appendField(header.mmsi, width: 30)
    }

    mutating func append(_ dimensions: AISDimensions) {
        appendField(dimensions.toBow, width: 9)
        appendField(dimensions.toStern, width: 9)
        appendField(dimensions.toPort, width: 6)
        appendField(dimensions.toStarboard, width: 6)
    }
}
