import Foundation
import Testing
import XiezhiCore

/// The pure parts of the federation protocol: the signed bytes, the agreement, the replay window, the backoff.
@Suite struct FederationEnvelopeTests {
    @Test func signingInputIsLengthPrefixedFieldsInOrder() {
        let envelope = FederationEnvelope(messageId: "m-1", sender: "S", recipient: "R", kind: "penalty_record", sentAt: "2026-11-22T01:02:03.004Z", body: "{\"a\":\"平湖\"}")
        let expected = "19:xiezhi-federation/1\n3:m-1\n1:S\n1:R\n14:penalty_record\n24:2026-11-22T01:02:03.004Z\n14:{\"a\":\"平湖\"}\n"
        #expect(envelope.signingInput == Array(expected.utf8))
    }

    @Test func signingInputSeparatesFieldBoundaries() {
        // Moving a character from one field to the next changes the signed bytes.
        let a = FederationEnvelope(messageId: "ab", sender: "c", recipient: "R", kind: "k", sentAt: "t", body: "{}")
        let b = FederationEnvelope(messageId: "a", sender: "bc", recipient: "R", kind: "k", sentAt: "t", body: "{}")
        #expect(a.signingInput != b.signingInput)
    }

    @Test func envelopeUsesSnakeCaseOnTheWire() throws {
        let envelope = FederationEnvelope(messageId: "m", sender: "S", recipient: "R", kind: "k", sentAt: "t", body: "{}", signature: "sig")
        let object = try #require(try JSONSerialization.jsonObject(with: try JSONEncoder().encode(envelope)) as? [String: String])
        #expect(Set(object.keys) == ["protocol", "message_id", "sender", "recipient", "kind", "sent_at", "body", "signature"])
        #expect(object["protocol"] == "xiezhi-federation/1")
        #expect(try JSONDecoder().decode(FederationEnvelope.self, from: try JSONEncoder().encode(envelope)) == envelope)
    }

    @Test func bodyFieldsAreTheTopLevelKeys() {
        #expect(FederationEnvelope(messageId: "m", sender: "S", recipient: "R", kind: "k", sentAt: "t", body: "{\"x\":{\"y\":1},\"z\":2}").bodyFields == ["x", "z"])
        #expect(FederationEnvelope(messageId: "m", sender: "S", recipient: "R", kind: "k", sentAt: "t", body: "[1]").bodyFields == nil)
    }

    @Test func standardAgreementLeavesPersonalDataOut() {
        let agreement = PeerAgreement.standard()
        #expect(!agreement.fields.contains("subject"))
        #expect(!agreement.fields.contains("driver"))
        #expect(agreement.fields.contains("decision_number"))
        #expect(PeerAgreement.standard(personal: ["subject"]).fields.contains("subject"))
    }

    @Test func agreementRefusesKindsAndFieldsItDoesNotName() {
        let agreement = PeerAgreement(kinds: ["penalty_record"], fields: ["subject", "decision_number"])
        #expect(throws: Never.self) { try agreement.check(kind: "penalty_record", bodyFields: ["subject"]) }
        #expect { try agreement.check(kind: "home_agency_copy", bodyFields: []) } throws: { ($0 as? FederationRefusal)?.code == .kindNotAgreed }
        #expect { try agreement.check(kind: "penalty_record", bodyFields: ["subject", "driver"]) } throws: {
            ($0 as? FederationRefusal)?.code == .fieldNotAgreed && ($0 as? FederationRefusal)?.reason.contains("driver") == true
        }
    }

    @Test func outgoingFieldsDropWhatTheAgreementLacksButNotWhatTheKindNeeds() throws {
        let kind = FederationKind.penaltyRecord
        let withPlates = PeerAgreement.standard(personal: ["subject"])
        let present = kind.knownFields
        let kept = try withPlates.outgoingFields(kind: kind, present: present)
        #expect(kept.contains("subject"))
        #expect(!kept.contains("driver"))
        #expect { try PeerAgreement.standard().outgoingFields(kind: kind, present: present) } throws: {
            ($0 as? FederationRefusal)?.code == .fieldNotAgreed && ($0 as? FederationRefusal)?.reason.contains("subject") == true
        }
    }

    @Test func replayWindowJudgesTimeAndRepeats() throws {
        let window = ReplayWindow(seconds: 300)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let text = UTCTimeText.withMilliseconds(now)
        #expect(try window.judge(sentAt: text, sentAtDate: now, bodySHA256: "h", seen: nil, now: now) == .new)
        let late = now.addingTimeInterval(-301)
        #expect { try window.judge(sentAt: UTCTimeText.withMilliseconds(late), sentAtDate: late, bodySHA256: "h", seen: nil, now: now) } throws: {
            ($0 as? FederationRefusal)?.code == .outsideWindow
        }
        let early = now.addingTimeInterval(301)
        #expect { try window.judge(sentAt: "x", sentAtDate: early, bodySHA256: "h", seen: nil, now: now) } throws: { ($0 as? FederationRefusal)?.code == .outsideWindow }
        #expect { try window.judge(sentAt: "nonsense", sentAtDate: nil, bodySHA256: "h", seen: nil, now: now) } throws: { ($0 as? FederationRefusal)?.code == .malformedEnvelope }
        let seen = ReplayWindow.Seen(bodySHA256: "h", sentAt: [text])
        #expect { try window.judge(sentAt: text, sentAtDate: now, bodySHA256: "h", seen: seen, now: now) } throws: { ($0 as? FederationRefusal)?.code == .replay }
        let retry = now.addingTimeInterval(5)
        #expect(try window.judge(sentAt: UTCTimeText.withMilliseconds(retry), sentAtDate: retry, bodySHA256: "h", seen: seen, now: now) == .duplicate)
        #expect { try window.judge(sentAt: UTCTimeText.withMilliseconds(retry), sentAtDate: retry, bodySHA256: "other", seen: seen, now: now) } throws: {
            ($0 as? FederationRefusal)?.code == .messageIdConflict
        }
    }

    @Test func backoffDoublesUpToTheCap() {
        let backoff = DeliveryBackoff(initial: 1, maximum: 300)
        #expect(backoff.delay(afterFailures: 0) == 0)
        #expect(backoff.delay(afterFailures: 1) == 1)
        #expect(backoff.delay(afterFailures: 2) == 2)
        #expect(backoff.delay(afterFailures: 5) == 16)
        #expect(backoff.delay(afterFailures: 9) == 256)
        #expect(backoff.delay(afterFailures: 10) == 300)
        #expect(backoff.delay(afterFailures: 10_000) == 300)
    }

    @Test func refusalsMapToHTTPStatuses() {
        #expect(FederationRefusal.Code.badSignature.httpStatus == 401)
        #expect(FederationRefusal.Code.unknownSender.httpStatus == 401)
        #expect(FederationRefusal.Code.fieldNotAgreed.httpStatus == 403)
        #expect(FederationRefusal.Code.replay.httpStatus == 409)
        #expect(FederationRefusal.Code.malformedEnvelope.httpStatus == 400)
    }
}

/// The referral's shared state machine and its overdue flag.
@Suite struct ReferralStatusTests {
    @Test func transitions() throws {
        #expect(try ReferralStatus.referred.after(.accepted) == .accepted)
        #expect(try ReferralStatus.referred.after(.rejected) == .rejected)
        #expect(try ReferralStatus.accepted.after(.concluded) == .concluded)
        for (from, to) in [(ReferralStatus.referred, ReferralStatus.concluded), (.rejected, .accepted), (.accepted, .rejected), (.concluded, .concluded)] {
            #expect { try from.after(to) } throws: { ($0 as? DomainError)?.code == "referral_transition_not_allowed" }
        }
    }

    @Test func overdueOnlyWhileWaitingPastTheDeadline() {
        let deadline = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(!ReferralStatus.referred.isOverdue(acceptBy: deadline, now: deadline))
        #expect(ReferralStatus.referred.isOverdue(acceptBy: deadline, now: deadline.addingTimeInterval(1)))
        #expect(!ReferralStatus.accepted.isOverdue(acceptBy: deadline, now: deadline.addingTimeInterval(86400)))
    }
}
