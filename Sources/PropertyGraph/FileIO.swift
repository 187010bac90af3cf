import QuiverCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Durable whole-file reads and writes: write to a temporary file in the same directory,
/// fsync it, rename it over the target, then fsync the directory, so a crash leaves either
/// the old file or the new one, never a torn mix.
enum FileIO {
    /// The bytes of the regular file at `path`; a FIFO, device, socket or directory is refused
    /// rather than read (see ``QuiverCore/RegularFile``).
    static func readAll(_ path: String) throws(FileError) -> [UInt8] {
        try RegularFile.read(path)
    }

    static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        // The temporary file lives next to the target so the rename stays on one file system.
        let slash = path.lastIndex(of: "/")
        let prefix = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let directory = prefix.isEmpty ? "." : prefix
        removeStaleTemporaries(of: name, in: directory)
        let temporary = prefix + temporaryName(of: name, pid: getpid())
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw failure(temporary, "cannot create temporary file (does the directory exist and is it writable?)") }
        var written = 0
        let ok = bytes.withUnsafeBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }
            while written < buffer.count {
                let n = write(fd, base + written, buffer.count - written)
                if n <= 0 { return false }
                written += n
            }
            return true
        }
        guard ok, fsync(fd) == 0 else {
            close(fd)
            unlink(temporary)
            throw failure(temporary, "write or fsync failed (disk full?)")
        }
        close(fd)
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw failure(path, "cannot rename the temporary file over the target")
        }
        let dirFD = open(directory, O_RDONLY)
        if dirFD >= 0 {
            _ = fsync(dirFD)
            close(dirFD)
        }
    }

    /// The temporary file a process writes before renaming it over `name`: `.<name>.tmp-<pid>`.
    static func temporaryName(of name: String, pid: pid_t) -> String {
        ".\(name).tmp-\(pid)"
    }

    /// Removes the temporary files of `name` in `directory` left by processes that no longer
    /// exist (killed while saving), so they do not pile up; a live process's file is never
    /// touched, whatever it is doing with it. Best effort: what cannot be removed stays.
    static func removeStaleTemporaries(of name: String, in directory: String) {
        let stem = temporaryName(of: name, pid: 0).dropLast()  // `.<name>.tmp-`
        guard let folder = opendir(directory) else { return }
        var stale: [String] = []
        while let entry = readdir(folder) {
            let file = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard file.hasPrefix(stem), let pid = pid_t(file.dropFirst(stem.count)), pid > 0, pid != getpid() else { continue }
            // ESRCH: no such process. EPERM means it exists under another user: keep its file.
            if kill(pid, 0) != 0, errno == ESRCH { stale.append(file) }
        }
        closedir(folder)
        for file in stale { unlink(directory + "/" + file) }
    }

    private static func failure(_ path: String, _ message: String) -> GraphStoreError {
        .snapshotFailed(path: path, message: "\(message): \(String(cString: strerror(errno)))")
    }
}
