import Foundation

/// Which Quiver produced a result: its version, and the commit of the source checkout it was built
/// from, for the headers of scoring runs.
///
/// The commit is read when first asked for, with `git`, from the checkout this file was compiled in
/// (`#filePath`); `modified` says whether tracked files differed from that commit at that moment.
/// A binary moved away from its checkout, or a checkout without `git`, reports `unknown`. A checkout
/// changed after the build reports its new commit: rebuild before a run whose header must be exact.
///
/// ```swift
/// QuiverBuild.version          // "0.1.0"
/// QuiverBuild.source.commit    // "9fc7836…" or "unknown"
/// ```
public enum QuiverBuild {
    /// The release version.
    public static let version = "0.1.0"

    /// The source checkout's commit and state, read once.
    public static let source: SourceState = readSource()

    /// A commit and whether the tracked files differed from it.
    public struct SourceState: Sendable, Hashable, Codable {
        /// The full commit hash, or `unknown`.
        public var commit: String
        /// Whether tracked files had uncommitted changes; `nil` when unknown.
        public var modified: Bool?
    }

    private static func readSource() -> SourceState {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent(".git").path),
              let commit = git(["rev-parse", "HEAD"], in: root)?.trimmingCharacters(in: .whitespacesAndNewlines),
              commit.count == 40
        else { return SourceState(commit: "unknown", modified: nil) }
        let status = git(["status", "--porcelain", "--untracked-files=no"], in: root)
        return SourceState(commit: commit, modified: status.map { !$0.isEmpty })
    }

    /// What `git arguments` prints in `directory`, or `nil` when it cannot run or fails.
    private static func git(_ arguments: [String], in directory: URL) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
