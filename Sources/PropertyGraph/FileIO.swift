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
        let temporary = prefix + ".\(name).tmp-\(getpid())"
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

    private static func failure(_ path: String, _ message: String) -> GraphStoreError {
        .snapshotFailed(path: path, message: "\(message): \(String(cString: strerror(errno)))")
    }
}
