import QuiverCore

// The compile-time rules of CALL: the procedure exists, its arguments fit its inputs, and YIELD
// names outputs it has.
extension Analyzer {
    /// Checks a CALL, binds the variables it yields and returns their names (a standalone CALL's columns).
    mutating func checkCall(_ call: Call, standalone: Bool) throws -> [String] {
        var argumentTypes: [StaticType] = []
        for argument in call.arguments ?? [] { argumentTypes.append(try check(argument, Context())) }
        let signature = try procedureSignature(call, standalone: standalone, argumentTypes: argumentTypes)
        guard let yield = call.yield else {
            guard standalone, let signature else { return [] }
            for output in signature.outputs { env.bind(output.name, output.type.staticType) }
            return signature.outputs.map(\.name)
        }
        if yield.all {
            guard standalone else {
                throw fail("UnexpectedSyntax", "YIELD * is only allowed in a standalone CALL; name the outputs",
                           at: yield.range)
            }
            for output in signature?.outputs ?? [] { env.bind(output.name, output.type.staticType) }
            return signature?.outputs.map(\.name) ?? []
        }
        for item in yield.items {
            var type = StaticType.any
            if let signature {
                guard let output = signature.outputs.first(where: { $0.name == item.field }) else {
                    let outputs = signature.isVoid ? "no outputs (it is VOID)"
                        : "outputs " + signature.outputs.map { "`\($0.name)`" }.joined(separator: ", ")
                    throw fail("UndefinedVariable", "procedure `\(signature.name)` has \(outputs), not `\(item.field)`",
                               at: item.range)
                }
                type = output.type.staticType
            }
            try bindNew(item.alias ?? Variable(name: item.field, range: item.range), type)
        }
        if let predicate = yield.predicate { try checkPredicate(predicate) }
        return yield.items.map(\.boundName)
    }

    /// The error for an in-query CALL without YIELD of a procedure that has outputs, if `part` has one.
    ///
    /// Raised only once the rest of the query has been checked, so that a query reading an output it
    /// never yielded (`CALL p(1) RETURN out`) reports the undefined variable, as the TCK expects.
    func missingYield(in part: SingleQuery) -> QueryError? {
        guard part.clauses.count > 1, let procedures else { return nil }
        for case .call(let call) in part.clauses where call.yield == nil {
            if let signature = procedures[call.qualifiedName], !signature.isVoid {
                return fail("MissingYield",
                            "a CALL inside a query must name the outputs it uses: add `YIELD "
                                + signature.outputs.map(\.name).joined(separator: ", ") + "`",
                            at: call.range)
            }
        }
        return nil
    }

    /// The signature of the called procedure, with the arguments checked against it; `nil` when no
    /// catalog of procedures was given.
    private func procedureSignature(_ call: Call, standalone: Bool, argumentTypes: [StaticType]) throws
        -> ProcedureSignature? {
        guard let procedures else { return nil }
        guard let signature = procedures[call.qualifiedName] else {
            throw fail("ProcedureNotFound", "there is no procedure `\(call.qualifiedName)`", at: call.nameRange,
                       category: .procedureError)
        }
        guard let arguments = call.arguments else {
            try checkImplicitArguments(call, signature, standalone: standalone)
            return signature
        }
        guard (signature.requiredInputCount...signature.inputs.count).contains(arguments.count) else {
            let expected = signature.requiredInputCount == signature.inputs.count
                ? "\(signature.inputs.count)" : "\(signature.requiredInputCount) to \(signature.inputs.count)"
            throw fail("InvalidNumberOfArguments",
                       "procedure `\(signature.name)` takes \(expected) arguments, given \(arguments.count): \(signature)",
                       at: call.range)
        }
        for (index, type) in argumentTypes.enumerated() where !signature.inputs[index].type.accepts(type) {
            let input = signature.inputs[index]
            throw fail("InvalidArgumentType", "argument `\(input.name)` of `\(signature.name)` expects \(input.type), "
                           + "found \(type.name)", at: arguments[index].range)
        }
        return signature
    }

    /// `CALL p` without parentheses takes its arguments from the parameters of the inputs' names.
    private func checkImplicitArguments(_ call: Call, _ signature: ProcedureSignature, standalone: Bool) throws {
        if !standalone, !signature.inputs.isEmpty {
            throw fail("InvalidArgumentPassingMode",
                       "arguments can only be passed implicitly (from parameters) in a standalone CALL; "
                           + "write `\(call.qualifiedName)(…)`", at: call.range)
        }
        let required = signature.inputs.prefix(signature.requiredInputCount)
        if let parameterNames, let missing = required.first(where: { !parameterNames.contains($0.name) }) {
            throw fail("MissingParameter", "expected parameter `$\(missing.name)` for the implicit argument",
                       at: call.range, category: .parameterMissing)
        }
    }
}
