import QuiverCore

/// Why a corpus could not be read: the file, the line for JSONL, and what to do.
public typealias CorpusError = FileError
