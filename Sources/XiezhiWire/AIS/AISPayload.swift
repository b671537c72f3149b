/// The binary payload of one AIS message: the de-armoured bits of all its fragments, fill bits removed.
///
/// Six-bit armouring (ITU-R M.1371 / IEC 61162-1): each payload character `c` (0x30–0x57, 0x60–0x77) carries
/// six bits, value `c - 48`, minus 8 more when that is above 39. Bits are numbered from 0 at the most
/// significant bit of the first character. Reads past `bitCount` return zero bits, as gpsd's zero-filled
/// buffer does; message decoders check the length before reading.
public struct AISPayload: Sendable, Hashable {
    /// The bits, most significant first; bits past `bitCount` in the last byte are zero.
    public private(set) var bytes: [UInt8]
    /// How many bits the payload has.
    public private(set) var bitCount: Int

    /// An empty payload, to append fragments to.
    public init() {
        bytes = []
        bitCount = 0
    }

    /// Bits from bytes: the first `bitCount` bits of `bytes` (later bits are cleared).
    public init(bytes: [UInt8], bitCount: Int) {
        precondition(bitCount >= 0 && bitCount <= bytes.count * 8, "bitCount exceeds the bytes given")
        self.bytes = Array(bytes.prefix((bitCount + 7) / 8))
        self.bitCount = bitCount
        clearTail()
    }

    /// De-armours one payload string, dropping `fillBits` (0–5) at its end.
    public init(armoured: some StringProtocol, fillBits: Int = 0) throws(AISError) {
        self.init()
        try append(armoured: armoured, fillBits: fillBits)
    }

    /// Appends the bits of one more fragment.
    public mutating func append(armoured: some StringProtocol, fillBits: Int = 0) throws(AISError) {
        let characters = Array(armoured.utf8)
        guard (0...5).contains(fillBits), fillBits < characters.count * 6 || characters.isEmpty && fillBits == 0 else {
            throw AISError(.invalidFillBits, "\(fillBits) fill bits do not fit a payload of \(characters.count) characters.")
        }
        bytes.reserveCapacity((bitCount + characters.count * 6 + 7) / 8)
        for (index, character) in characters.enumerated() {
            guard let value = Self.sixBitValue(ofArmoured: character) else {
                throw AISError(.invalidArmouring, "Payload character \(index) is outside the six-bit armouring alphabet.", offset: index)
            }
            append(UInt64(value), width: 6)
        }
        bitCount -= fillBits
        bytes.removeLast(bytes.count - (bitCount + 7) / 8)
        clearTail()
    }

    /// The six-bit value of an armoured payload character, or nil when it is not in the alphabet.
    public static func sixBitValue(ofArmoured character: UInt8) -> UInt8? {
        switch character {
        case 0x30...0x57: return character - 0x30
        case 0x60...0x77: return character - 0x38
        default: return nil
        }
    }

    /// The armoured characters of this payload and the fill bits needed to complete the last one.
    public var armoured: (text: String, fillBits: Int) {
        let fill = (6 - bitCount % 6) % 6
        var characters: [UInt8] = []
        var position = 0
        while position < bitCount {
            let value = UInt8(unsigned(at: position, width: 6))
            characters.append(value < 40 ? value + 0x30 : value + 0x38)
            position += 6
        }
        return (String(decoding: characters, as: UTF8.self), fill)
    }

    /// The message type: the first six bits (0 when the payload is shorter).
    public var messageType: Int {
        Int(unsigned(at: 0, width: 6))
    }

    /// An unsigned field of `width` bits (1–64) starting at bit `start`; bits past the end read as zero.
    public func unsigned(at start: Int, width: Int) -> UInt64 {
        precondition(start >= 0 && (1...64).contains(width), "bad field")
        var value: UInt64 = 0
        var position = start
        var remaining = width
        while remaining > 0 {
            let byteIndex = position >> 3
            let bitInByte = position & 7
            let take = min(8 - bitInByte, remaining)
            let byte: UInt8 = byteIndex < bytes.count ? bytes[byteIndex] : 0
            let chunk = (UInt64(byte) >> UInt64(8 - bitInByte - take)) & ((1 << UInt64(take)) - 1)
            value = value << UInt64(take) | chunk
            position += take
            remaining -= take
        }
        return value
    }

    /// A two's-complement signed field of `width` bits (2–64) starting at bit `start`.
    public func signed(at start: Int, width: Int) -> Int64 {
        let raw = unsigned(at: start, width: width)
        if width == 64 { return Int64(bitPattern: raw) }
        let signBit: UInt64 = 1 << UInt64(width - 1)
        return raw & signBit == 0 ? Int64(raw) : Int64(raw) - Int64(1 << UInt64(width))
    }

    /// An unsigned field as `Int`.
    func int(_ start: Int, _ width: Int) -> Int {
        Int(unsigned(at: start, width: width))
    }

    /// A signed field as `Int`.
    func sint(_ start: Int, _ width: Int) -> Int {
        Int(signed(at: start, width: width))
    }

    /// A one-bit flag.
    func flag(_ start: Int) -> Bool {
        unsigned(at: start, width: 1) != 0
    }

    /// The six-bit ASCII alphabet of AIS text fields (ITU-R M.1371 table 47); value 0 (`@`) is "no character".
    public static let sixBitAlphabet: [Character] = Array(
        "@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_ !\"#$%&'()*+,-./0123456789:;<=>?"
    )

    /// Up to `characters` six-bit characters from bit `start`, as gpsd reads them: stop at the first `@`, then
    /// drop trailing spaces and `@`.
    public func text(at start: Int, characters: Int) -> String {
        trimmedRight(untrimmedText(at: start, characters: characters))
    }

    /// Six-bit characters from `start` to the end of the payload (whole characters only), trimmed like `text`.
    public func textToEnd(from start: Int) -> String {
        guard bitCount > start else { return "" }
        return text(at: start, characters: (bitCount - start) / 6)
    }

    /// Six-bit characters up to the first `@`, without trimming.
    func untrimmedText(at start: Int, characters: Int) -> String {
        var result = ""
        for index in 0..<max(characters, 0) {
            let value = Int(unsigned(at: start + 6 * index, width: 6))
            if value == 0 { break }
            result.append(Self.sixBitAlphabet[value])
        }
        return result
    }

    /// Drops trailing spaces and `@`.
    func trimmedRight(_ text: String) -> String {
        var result = Substring(text)
        while let last = result.last, last == " " || last == "@" { result.removeLast() }
        return String(result)
    }

    /// The bits from `start` to the end as a binary blob (empty when `start` is past the end).
    public func blob(from start: Int) -> AISBinaryData {
        blob(from: start, count: max(bitCount - start, 0))
    }

    /// `count` bits from `start` as a binary blob.
    public func blob(from start: Int, count: Int) -> AISBinaryData {
        var result = AISPayload()
        var position = start
        var remaining = count
        while remaining > 0 {
            let take = min(remaining, 64)
            result.append(unsigned(at: position, width: take), width: take)
            position += take
            remaining -= take
        }
        return AISBinaryData(bytes: result.bytes, bitCount: result.bitCount)
    }

    /// Appends the low `width` bits of `value`.
    mutating func append(_ value: UInt64, width: Int) {
        for shift in stride(from: width - 1, through: 0, by: -1) {
            if bitCount & 7 == 0 { bytes.append(0) }
            if (value >> UInt64(shift)) & 1 == 1 {
                bytes[bitCount >> 3] |= UInt8(0x80) >> UInt8(bitCount & 7)
            }
            bitCount += 1
        }
    }

    /// Zeroes the bits past `bitCount` in the last byte.
    private mutating func clearTail() {
        let used = bitCount & 7
        if used != 0, !bytes.isEmpty {
            bytes[bytes.count - 1] &= UInt8(0xFF) << UInt8(8 - used)
        }
    }
}

/// An opaque run of bits (binary application data, DGNSS corrections): its length and its bytes.
public struct AISBinaryData: Sendable, Hashable, Codable {
    /// The bits, most significant first, zero-padded to whole bytes.
    public var bytes: [UInt8]
    /// How many bits are meaningful.
    public var bitCount: Int

    /// Creates a blob.
    public init(bytes: [UInt8], bitCount: Int) {
        self.bytes = bytes
        self.bitCount = bitCount
    }

    /// Lower-case hex of the bytes, as gpsd's `data` field prints it after `bitCount:`.
    public var hex: String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
