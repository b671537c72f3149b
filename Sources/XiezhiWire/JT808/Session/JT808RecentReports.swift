import NIOCore

/// The last few acknowledged reports of one terminal, to recognise retransmissions (重传).
///
/// A terminal that misses the 0x8001 sends the same message again with the same serial (2013/2019 §6:
/// resend after the reply timeout). Serials wrap at 65535, so the serial alone is not enough: a
/// report is a duplicate when its message ID, serial and body all match one of the last `capacity`
/// acknowledged ones (jt808.md §6.6). Memory is fixed: `capacity` fingerprints of 8 bytes (512 bytes
/// for the default 64, so 100k sessions hold about 50 MB of them).
struct JT808RecentReports: Sendable {
    /// What identifies one report: ID, serial and a 32-bit hash of the body (per process: the hash
    /// seed is random, and fingerprints never leave the session).
    struct Fingerprint: Hashable, Sendable {
        var messageID: UInt16
        var serialNumber: UInt16
        var bodyHash: UInt32

        init(messageID: UInt16, serialNumber: UInt16, body: ByteBuffer) {
            self.messageID = messageID
            self.serialNumber = serialNumber
            var hasher = Hasher()
            hasher.combine(body)
            self.bodyHash = UInt32(truncatingIfNeeded: hasher.finalize())
        }
    }

    /// How many fingerprints are kept.
    let capacity: Int
    private var ring: [Fingerprint] = []
    private var nextSlot = 0

    init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    /// Whether `fingerprint` is among the last `capacity` inserted.
    func contains(_ fingerprint: Fingerprint) -> Bool {
        ring.contains(fingerprint)
    }

    /// Remembers `fingerprint`, forgetting the oldest when full.
    mutating func insert(_ fingerprint: Fingerprint) {
        guard capacity > 0 else { return }
        if ring.count < capacity {
            ring.append(fingerprint)
        } else {
            ring[nextSlot] = fingerprint
            nextSlot = (nextSlot + 1) % capacity
        }
    }

    /// How many fingerprints are held.
    var count: Int { ring.count }
}
