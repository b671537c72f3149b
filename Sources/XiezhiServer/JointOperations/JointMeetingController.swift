import Foundation
import Hummingbird
import XiezhiCore
import XiezhiStore

/// 重大案件联席会议: recorded on a case by the agency that holds it and sent to the partner agencies involved, which
/// see it on the referral (and their case) that links the two.
struct JointMeetingController: APIController {
    let node: Node
    var store: JointMeetingStore { JointMeetingStore(database: node.database, signingKey: node.key) }

    struct NewMeeting: Decodable {
        var heldOn: CalendarDate
        var topic: String
        var participants: [MeetingParticipant]
        var questions: [String]
        var decisions: [String]
        /// Jurisdiction codes of the partner agencies.
        var partners: [String]
        var referralId: String?
        var caseReference: String?
    }

    static let writers: Set<Role> = [.caseHandler, .agencyHead, .partnerLiaison]

    func register(on api: APIRouter) {
        api.on(.get, "/api/v1/cases/{id}/joint-meetings", access: .roles(.caseReaders), summary: "The joint meetings (重大案件联席) on a case, convened here or by a partner") { _, context in
            let account = try context.requireAccount()
            let id = try context.parameters.require("id")
            try await requireCase(id, of: account)
            let items = try await store.meetings(caseID: id)
            return Page(items: items, total: items.count, limit: items.count, offset: 0)
        }
        api.on(.post, "/api/v1/cases/{id}/joint-meetings", access: .roles(Self.writers), summary: "Record a joint meeting on a case and send it to the partner agencies") { request, context in
            let account = try context.requireAccount()
            let id = try context.parameters.require("id")
            try await requireCase(id, of: account)
            let body = try await request.decode(as: NewMeeting.self, context: context)
            let meeting = try JointMeeting(
                meetingId: UUID().uuidString.lowercased(), heldOn: body.heldOn, topic: body.topic, convener: try node.operationAgency(account.jurisdiction, field: "convener"),
                partners: try node.operationAgencies(body.partners, field: "partners"), participants: body.participants, questions: body.questions,
                decisions: body.decisions, caseId: id, caseReference: body.caseReference, referralId: body.referralId, recordedAt: node.now())
            return EditedResponse(status: .created, response: try await store.convene(meeting, by: account.id, at: node.now()))
        }
        api.on(.get, "/api/v1/joint-meetings", access: .roles(.caseReaders), summary: "Joint meetings on this node, or those about one referral (referral=id)") { request, _ in
            let items = try await store.list(referralID: request.uri.queryParameters.get("referral"))
            return Page(items: items, total: items.count, limit: items.count, offset: 0)
        }
        api.on(.get, "/api/v1/joint-meetings/{id}", access: .roles(.caseReaders), summary: "One joint meeting") { _, context in
            let id = try context.parameters.require("id")
            guard let record = try await store.meeting(id: id) else { throw Problem.notFound("no joint meeting \(id)") }
            return record
        }
    }

    /// 404 for an unknown case, 403 for another agency's.
    func requireCase(_ id: String, of account: Account) async throws {
        guard let jurisdiction = try await store.caseJurisdiction(id) else { throw Problem.notFound("no case \(id)") }
        guard jurisdiction == account.jurisdiction else {
            throw Problem.forbidden("wrong_jurisdiction", "case \(id) belongs to \(jurisdiction), not \(account.jurisdiction)")
        }
    }
}

extension JointMeetingStore.Record: ResponseEncodable {}
