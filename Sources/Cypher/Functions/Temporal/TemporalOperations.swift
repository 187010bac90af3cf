import QuiverCore

/// Temporal functions beyond construction: `duration.between` and friends, `truncate`, epoch constructors.
extension Functions {
    static let temporalOperations: [Definition] = []
}
