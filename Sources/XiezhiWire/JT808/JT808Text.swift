import Foundation

/// The STRING type of JT/T 808: GBK text (2013 and 2019 §4.3), such as the plate 浙F12345.
///
/// Foundation converts GBK on Linux too (swift-corelibs-foundation / swift-foundation carry the
/// CoreFoundation code-page 936 and GB 18030 converters), so no table of our own is needed. Encoding uses
/// GBK (code page 936): a character outside GBK is refused rather than sent as a 4-byte GB 18030 sequence
/// that a GBK terminal would misread. Decoding reads GB 18030, the superset, then falls back to code page 936
/// (which alone maps the single byte 0x80 to €), and finally keeps ASCII and replaces the rest with U+FFFD:
/// text from a device never makes a frame fail.
public enum JT808Text {
    /// NSStringEncoding of kCFStringEncodingDOSChineseSimplif (code page 936, GBK).
    static let gbk = String.Encoding(rawValue: 0x8000_0421)
    /// NSStringEncoding of kCFStringEncodingGB_18030_2000.
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// The text of GBK `bytes`, as is (no trimming).
    public static func decode<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        let data = Data(bytes)
        if let text = String(data: data, encoding: gb18030) ?? String(data: data, encoding: gbk) {
            return text
        }
        var scalars = String.UnicodeScalarView()
        for byte in bytes { scalars.append(byte < 0x80 ? Unicode.Scalar(byte) : "\u{FFFD}") }
        return String(scalars)
    }

    /// The GBK bytes of `text`, or nil when a character is outside GBK.
    public static func encode(_ text: String) -> [UInt8]? {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return Array(text.utf8) }
        return text.data(using: gbk).map { Array($0) }
    }
}
