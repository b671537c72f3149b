import Testing
@testable import XiezhiServer

@Suite("AIS feed reconnect backoff")
struct AISFeedBackoffTests {
    /// A deterministic generator (SplitMix64).
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("without jitter: 1 s doubling to 60 s, then 60 s")
    func doubling() {
        var backoff = AISFeedBackoff(configuration: .init(jitter: 0))
        var generator = SeededGenerator(state: 1)
        let delays = (0..<9).map { _ in backoff.delay(afterConnectionLasting: nil, using: &generator) }
        #expect(delays == [1, 2, 4, 8, 16, 32, 60, 60, 60].map { Duration.seconds($0) })
        #expect(backoff.consecutiveFailures == 9)
    }

    @Test("a healthy connection resets the schedule; a short one does not")
    func reset() {
        var backoff = AISFeedBackoff(configuration: .init(jitter: 0, healthyAfter: .seconds(30)))
        var generator = SeededGenerator(state: 2)
        for _ in 0..<5 { _ = backoff.delay(afterConnectionLasting: nil, using: &generator) }
        #expect(backoff.delay(afterConnectionLasting: .seconds(3), using: &generator) == .seconds(32))
        #expect(backoff.delay(afterConnectionLasting: .seconds(30), using: &generator) == .seconds(1))
        #expect(backoff.delay(afterConnectionLasting: nil, using: &generator) == .seconds(2))
    }

    @Test("jitter shortens each delay by at most its fraction and never exceeds the maximum")
    func jitter() {
        var backoff = AISFeedBackoff(configuration: .init(jitter: 0.2))
        var generator = SeededGenerator(state: 3)
        var nominal = 1.0
        var varied = Set<Duration>()
        for _ in 0..<12 {
            let delay = backoff.delay(afterConnectionLasting: nil, using: &generator)
            #expect(delay <= .seconds(nominal))
            #expect(delay >= .seconds(nominal * 0.8))
            varied.insert(delay)
            nominal = min(nominal * 2, 60)
        }
        #expect(varied.count > 7)
    }
}
