import ArgumentParser
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An output file option (`--out`): checked in `validate()`, before any work, so a run never ends
/// in "cannot write" after minutes of scoring.
///
/// ```swift
/// @Option(help: "Write one JSON line per example to this file.")
/// var out: String?
///
/// try OutputPath.validate(out, option: "--out")   // in validate()
/// ```
enum OutputPath {
    /// Throws the usage error when `path` cannot be written: its folder is missing or not writable,
    /// or it names a folder or a file that cannot be written. `nil` (not given) passes.
    static func validate(_ path: String?, option: String) throws {
        guard let path else { return }
        guard !path.isEmpty else { throw ValidationError("\(option): give a file path") }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw ValidationError("\(option): '\(path)' is a folder; give a file path") }
            if access(path, W_OK) != 0 { throw ValidationError("\(option): '\(path)' cannot be written (\(reason()))") }
        }
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("\(option): the folder '\(folder)' does not exist; create it or give another path")
        }
        if access(folder, W_OK) != 0 {
            throw ValidationError("\(option): cannot create files in '\(folder)' (\(reason()))")
        }
    }

    private static func reason() -> String { String(cString: strerror(errno)) }
}
