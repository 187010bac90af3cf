import Foundation

/// Where Quiver finds the shared conformance suites and data sets.
///
/// `QUIVER_DATA` wins; otherwise `../shared/data` relative to the working directory.
public enum DataLocation {
    /// The data root, or `nil` when it does not exist.
    public static func root(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let path = environment["QUIVER_DATA"] ?? "../shared/data"
        let url = URL(fileURLWithPath: path, isDirectory: true)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { return nil }
        return url.standardizedFileURL
    }

    /// A path under the data root, or `nil` when the root or the item is missing.
    public static func item(_ relativePath: String) -> URL? {
        guard let url = root()?.appendingPathComponent(relativePath),
            FileManager.default.fileExists(atPath: url.path)
        else { return nil }
        return url
    }
}
