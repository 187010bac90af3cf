/// The functions the analyser accepts without a namespace, in lower case.
///
/// Namespaced calls (`apoc.text.join`, `date.truncate`) are not checked here: whether they exist is
/// the executor's business.
enum KnownFunctions {
    /// Aggregating functions (`count(*)` is a separate expression kind).
    static let aggregates: Set<String> = [
        "count", "sum", "avg", "min", "max", "collect", "stdev", "stdevp", "percentilecont", "percentiledisc",
    ]

    static let scalars: Set<String> = [
        "abs", "ceil", "floor", "round", "sign", "rand", "sqrt", "exp", "log", "log10", "e", "pi",
        "sin", "cos", "tan", "cot", "asin", "acos", "atan", "atan2", "degrees", "radians", "haversin",
        "tostring", "tointeger", "tofloat", "toboolean", "tostringornull", "tointegerornull", "tofloatornull",
        "tobooleanornull", "tobooleanlist", "tointegerlist", "tofloatlist", "tostringlist",
        "size", "length", "head", "last", "tail", "reverse", "range", "keys", "labels", "type", "id",
        "elementid", "properties", "nodes", "relationships", "startnode", "endnode", "coalesce", "exists",
        "timestamp", "left", "right", "substring", "replace", "split", "trim", "ltrim", "rtrim", "btrim",
        "toupper", "tolower", "upper", "lower", "isempty", "randomuuid", "point", "distance",
        "date", "datetime", "localdatetime", "time", "localtime", "duration", "char_length",
        "character_length", "normalize", "isnan", "valuetype", "cosh", "sinh", "tanh", "coth",
    ]

    static func isAggregate(_ call: FunctionCall) -> Bool {
        call.namespace.isEmpty && aggregates.contains(call.name.lowercased())
    }

    static func isKnown(_ call: FunctionCall) -> Bool {
        let name = call.name.lowercased()
        return !call.namespace.isEmpty || aggregates.contains(name) || scalars.contains(name)
    }

    /// The result type of a function where it is fixed by the function alone.
    static func resultType(_ name: String) -> StaticType {
        switch name {
        case "count", "size", "length", "id", "tointeger", "sign", "timestamp": .integer
        case "tostring", "type", "left", "right", "substring", "replace", "trim", "ltrim", "rtrim", "toupper",
             "tolower", "upper", "lower", "elementid", "randomuuid": .string
        case "labels", "keys", "split": .list(.string)
        case "nodes": .list(.node)
        case "relationships": .list(.relationship)
        case "startnode", "endnode": .node
        case "collect", "range", "tail", "reverse": .list(.any)
        case "properties": .map
        case "exists", "toboolean", "isempty", "isnan": .boolean
        case "sqrt", "exp", "log", "log10", "e", "pi", "sin", "cos", "tan", "cot", "asin", "acos", "atan", "atan2",
             "degrees", "radians", "haversin", "tofloat", "rand", "avg", "stdev", "stdevp": .float
        default: .any
        }
    }
}
