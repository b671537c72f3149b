/// One NMEA 0183 AIS sentence (`!AIVDM` / `!AIVDO`, any two-letter talker), with its optional tag block.
///
/// Layout (IEC 61162-1 / ITU-R M.1371 annex): `[\tag block\]!ttVDM,count,number,seqid,channel,payload,fill*hh`.
/// Parsing is strict where gpsd 3.22 is lax: the checksum is required and checked, the payload must use only
/// the six-bit armouring alphabet, the fill bits must be 0–5 and only the last fragment may have fill bits.
/// Text after the checksum that starts with a comma (the USCG `,s…,d…,T…` receiver metadata) is ignored.
public struct NMEASentence: Sendable, Hashable {
    /// The longest line accepted, tag block included (an NMEA sentence is at most 82 characters; tag blocks
    /// and receiver metadata make real lines longer).
    public static let maximumLength = 512

    /// The tag block before the sentence, if any.
    public var tagBlock: NMEATagBlock?
    /// The two-letter talker (`AI` mobile station, `AB`/`BS` base station, `AN` AtoN, `SA` …).
    public var talker: String
    /// `VDM` (received from others) or `VDO` (own ship).
    public var formatter: String
    /// How many sentences carry this message (1–9).
    public var fragmentCount: Int
    /// Which of them this is (1…`fragmentCount`).
    public var fragmentNumber: Int
    /// The sequential message id (0–9) linking the fragments of one message; nil when the field is empty.
    public var sequentialID: Int?
    /// The VHF channel; nil when the field is empty (usual for `VDO`).
    public var channel: AISChannel?
    /// The armoured payload characters of this fragment.
    public var payload: String
    /// How many bits at the end of the payload are padding (0–5).
    public var fillBits: Int
    /// The checksum as transmitted (and verified).
    public var checksum: UInt8

    /// True for `VDO` (own-ship) sentences.
    public var isOwnShip: Bool { formatter == "VDO" }

    /// Creates a sentence from its fields (for encoders and tests); nothing is validated.
    public init(
        tagBlock: NMEATagBlock? = nil, talker: String = "AI", formatter: String = "VDM", fragmentCount: Int = 1,
        fragmentNumber: Int = 1, sequentialID: Int? = nil, channel: AISChannel? = .a, payload: String,
        fillBits: Int = 0, checksum: UInt8 = 0
    ) {
        self.tagBlock = tagBlock
        self.talker = talker
        self.formatter = formatter
        self.fragmentCount = fragmentCount
        self.fragmentNumber = fragmentNumber
        self.sequentialID = sequentialID
        self.channel = channel
        self.payload = payload
        self.fillBits = fillBits
        self.checksum = checksum
    }

    /// Parses one line; a trailing CR/LF is ignored. Errors carry the character offset in the line.
    public init(parsing line: some StringProtocol) throws(AISError) {
        var bytes = Array(line.utf8)
        while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
        guard bytes.count <= Self.maximumLength else {
            throw AISError(.sentenceTooLong, "The line has \(bytes.count) characters; at most \(Self.maximumLength) are accepted.")
        }
        if let bad = bytes.firstIndex(where: { $0 < 0x20 || $0 > 0x7E }) {
            throw AISError(.malformedSentence, "The line has a byte 0x\(Self.hex(bytes[bad])) that is not printable ASCII.", offset: bad)
        }
        var start = 0
        if bytes.first == UInt8(ascii: "\\") {
            guard let close = bytes[1...].firstIndex(of: UInt8(ascii: "\\")) else {
                throw AISError(.malformedTagBlock, "The tag block has no closing backslash.", offset: 0)
            }
            let text = String(decoding: bytes[1..<close], as: UTF8.self)
            tagBlock = try NMEATagBlock(parsing: Substring(text), offset: 1)
            start = close + 1
        } else {
            tagBlock = nil
        }
        guard start < bytes.count, bytes[start] == UInt8(ascii: "!") else {
            throw AISError(.malformedSentence, "An AIS sentence starts with '!'.", offset: start)
        }
        guard let star = bytes[start...].firstIndex(of: UInt8(ascii: "*")) else {
            throw AISError(.missingChecksum, "The sentence has no *hh checksum.", offset: bytes.count)
        }
        let digitsEnd = min(star + 3, bytes.count)
        let digits = bytes[(star + 1)..<digitsEnd]
        guard digits.count == 2, let declared = Self.hexValue(digits) else {
            throw AISError(.missingChecksum, "The checksum after '*' is not two hex digits.", offset: star + 1)
        }
        if digitsEnd < bytes.count, bytes[digitsEnd] != UInt8(ascii: ",") {
            throw AISError(.malformedSentence, "Unexpected text after the checksum.", offset: digitsEnd)
        }
        let body = bytes[(start + 1)..<star]
        let computed = body.reduce(UInt8(0), ^)
        guard computed == declared else {
            throw AISError(
                .badChecksum,
                "The checksum is \(Self.hex(declared)) but the sentence gives \(Self.hex(computed)).",
                offset: star + 1
            )
        }
        checksum = declared

        // Split the body into its fields, remembering where each starts.
        var fields: [ArraySlice<UInt8>] = []
        var fieldStarts: [Int] = []
        var fieldStart = body.startIndex
        for index in body.indices where body[index] == UInt8(ascii: ",") {
            fields.append(body[fieldStart..<index])
            fieldStarts.append(fieldStart)
            fieldStart = index + 1
        }
        fields.append(body[fieldStart..<body.endIndex])
        fieldStarts.append(fieldStart)

        let address = fields[0]
        guard address.count == 5, address.allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else {
            throw AISError(
                .malformedSentence, "The address field is not a two-letter talker and a three-letter formatter.", offset: start + 1
            )
        }
        talker = String(decoding: address.prefix(2), as: UTF8.self)
        formatter = String(decoding: address.suffix(3), as: UTF8.self)
        guard formatter == "VDM" || formatter == "VDO" else {
            throw AISError(.unsupportedSentence, "The formatter \(formatter) is not VDM or VDO.", offset: start + 3)
        }
        guard fields.count == 7 else {
            throw AISError(
                .malformedSentence, "A VDM/VDO sentence has 7 comma-separated fields; this one has \(fields.count).",
                offset: start + 1
            )
        }

        guard let count = Self.digit(fields[1]), (1...9).contains(count) else {
            throw AISError(.invalidFragmentField, "The fragment count is not a digit 1–9.", offset: fieldStarts[1])
        }
        guard let number = Self.digit(fields[2]), (1...count).contains(number) else {
            throw AISError(.invalidFragmentField, "The fragment number is not a digit 1–\(count).", offset: fieldStarts[2])
        }
        fragmentCount = count
        fragmentNumber = number
        if fields[3].isEmpty {
            sequentialID = nil
        } else {
            guard let id = Self.digit(fields[3]) else {
                throw AISError(.invalidFragmentField, "The sequential message id is not a digit 0–9.", offset: fieldStarts[3])
            }
            sequentialID = id
        }

        switch String(decoding: fields[4], as: UTF8.self) {
        case "": channel = nil
        case "A", "1": channel = .a
        case "B", "2": channel = .b
        default:
            throw AISError(.invalidChannel, "The channel is not A, B, 1, 2 or empty.", offset: fieldStarts[4])
        }

        let armoured = fields[5]
        guard !armoured.isEmpty else {
            throw AISError(.invalidArmouring, "The payload field is empty.", offset: fieldStarts[5])
        }
        if let bad = armoured.firstIndex(where: { AISPayload.sixBitValue(ofArmoured: $0) == nil }) {
            throw AISError(
                .invalidArmouring,
                "The payload character '\(Character(Unicode.Scalar(bytes[bad])))' is outside the six-bit armouring alphabet.",
                offset: bad
            )
        }
        payload = String(decoding: armoured, as: UTF8.self)

        guard let fill = Self.digit(fields[6]), fill <= 5 else {
            throw AISError(.invalidFillBits, "The fill-bit count is not a digit 0–5.", offset: fieldStarts[6])
        }
        if fill != 0 && number != count {
            throw AISError(
                .invalidFillBits,
                "Fragment \(number) of \(count) has \(fill) fill bits; only the last fragment may have fill bits.",
                offset: fieldStarts[6]
            )
        }
        fillBits = fill
    }

    /// The sentence as a line (without CR/LF), tag block first; the checksum is recomputed.
    public var line: String {
        var body = "\(talker)\(formatter),\(fragmentCount),\(fragmentNumber),"
        body += sequentialID.map(String.init) ?? ""
        body += ",\(channel?.rawValue ?? ""),\(payload),\(fillBits)"
        let sum = body.utf8.reduce(UInt8(0), ^)
        var text = "!\(body)*\(Self.hex(sum))"
        if let tagBlock {
            let content = tagBlock.fields.map { "\($0.key):\($0.value)" }.joined(separator: ",")
            text = "\\\(content)*\(Self.hex(content.utf8.reduce(UInt8(0), ^)))\\" + text
        }
        return text
    }

    // MARK: - Small lexical helpers

    /// A single ASCII digit, or nil.
    static func digit(_ field: ArraySlice<UInt8>) -> Int? {
        guard field.count == 1, let byte = field.first, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else {
            return nil
        }
        return Int(byte - UInt8(ascii: "0"))
    }

    /// One or two hex digits (either case) as a byte, or nil.
    static func hexValue(_ digits: ArraySlice<UInt8>) -> UInt8? {
        guard !digits.isEmpty, digits.count <= 2 else { return nil }
        var value: UInt8 = 0
        for byte in digits {
            let nibble: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = byte - UInt8(ascii: "0")
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = byte - UInt8(ascii: "A") + 10
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            value = value << 4 | nibble
        }
        return value
    }

    /// Two upper-case hex digits.
    static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }
}

/// The AIS VHF data link channel a sentence was received on.
public enum AISChannel: String, Sendable, Hashable, Codable, CaseIterable {
    /// AIS 1, 161.975 MHz (NMEA `A` or `1`).
    case a = "A"
    /// AIS 2, 162.025 MHz (NMEA `B` or `2`).
    case b = "B"
}
