/// 8421 BCD (BCD[n]) as used for the terminal phone and the times of JT/T 808.
enum JT808BCD {
    /// The decimal digits of `bytes`, two per byte, or nil when a nibble is above 9.
    static func digits<Bytes: Sequence>(_ bytes: Bytes) -> String? where Bytes.Element == UInt8 {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let high = byte >> 4, low = byte & 0x0F
            guard high < 10, low < 10 else { return nil }
            scalars.append(Unicode.Scalar(0x30 + high))
            scalars.append(Unicode.Scalar(0x30 + low))
        }
        return String(scalars)
    }

    /// `digits` packed into `width` bytes, padded in front with zeros; nil when it is not all ASCII digits
    /// or does not fit (leading zeros beyond the width are dropped first).
    static func bytes(digits: String, width: Int) -> [UInt8]? {
        var values: [UInt8] = []
        values.reserveCapacity(digits.utf8.count)
        for unit in digits.utf8 {
            guard unit >= 0x30, unit <= 0x39 else { return nil }
            values.append(unit - 0x30)
        }
        while values.count > width * 2, values.first == 0 { values.removeFirst() }
        guard values.count <= width * 2 else { return nil }
        values.insert(contentsOf: repeatElement(0, count: width * 2 - values.count), at: 0)
        var output: [UInt8] = []
        output.reserveCapacity(width)
        var index = 0
        while index < values.count {
            output.append(values[index] << 4 | values[index + 1])
            index += 2
        }
        return output
    }

    /// One BCD byte for 0...99.
    static func byte(_ value: Int) -> UInt8 {
        UInt8(value / 10) << 4 | UInt8(value % 10)
    }
}
