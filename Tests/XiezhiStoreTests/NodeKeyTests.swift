import Foundation
import Testing
@testable import XiezhiStore

@Suite struct NodeKeyTests {
    @Test func keyFileIsCreatedPrivateAndReloaded() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xiezhi-key-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let created = try NodeKey.loadOrCreate(directory: directory)
        let reloaded = try NodeKey.loadOrCreate(directory: directory)
        #expect(created.publicKeyBase64 == reloaded.publicKeyBase64)
        let attributes = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(NodeKey.fileName).path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func malformedKeyFileIsRefused() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xiezhi-key-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data("not a key".utf8).write(to: directory.appendingPathComponent(NodeKey.fileName))
        #expect(throws: StoreError.self) { try NodeKey.load(directory: directory) }
    }
}
