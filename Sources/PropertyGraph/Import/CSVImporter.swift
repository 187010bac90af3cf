import Foundation
import QuiverCore

/// Bulk import from Neo4j admin-import style CSV files.
extension GraphStore {
    /// Loads node files, then relationship files, straight into the base tables, and builds the CSR once.
    ///
    /// Headers follow Neo4j admin import: `:ID` (optionally `name:ID` or `:ID(Group)`), `:LABEL`
    /// (`;`-separated), `:START_ID`, `:END_ID`, `:TYPE`, `:IGNORE`, and typed properties such as
    /// `age:int`, `score:double`, `ok:boolean`, `tags:string[]` (array items `;`-separated).
    /// An unquoted empty field is absent; a quoted empty field is the empty string.
    ///
    /// ```swift
    /// let graph = GraphStore()
    /// let summary = try graph.importCSV(nodes: [CSVImportFile(path: "person.csv")],
    ///                                   relationships: [CSVImportFile(path: "knows.csv")])
    /// ```
    @discardableResult
    public func importCSV(
        nodes nodeFiles: [CSVImportFile], relationships relationshipFiles: [CSVImportFile],
        delimiter: Character = ",", arrayDelimiter: Character = ";"
    ) throws -> CSVImportSummary {
        try requireNoTransaction("importCSV")
        guard let delimiterByte = delimiter.asciiValue, let arrayByte = arrayDelimiter.asciiValue else {
            throw GraphStoreError.importFailed(file: "<options>", line: 0, message: "delimiters must be ASCII characters")
        }
        var importer = CSVImporter(graph: self, delimiter: delimiterByte, arrayDelimiter: arrayByte)
        let nodesBefore = nodeCount, relsBefore = relationshipCount
        // A failed import leaves the graph as it was; the backup shares storage until written.
        let backup = try copy()
        do {
            for file in nodeFiles { try importer.importNodes(file) }
            for key in Array(importer.idSpaces.keys) { importer.idSpaces[key]?.finish() }
            for file in relationshipFiles { try importer.importRelationships(file) }
        } catch {
            assignState(from: backup)
            throw error
        }
        compact()
        refreshIndexes()
        return CSVImportSummary(nodes: nodeCount - nodesBefore, relationships: relationshipCount - relsBefore)
    }
}

/// The state of one CSV import: the id spaces shared by its files.
struct CSVImporter {
    let graph: GraphStore
    let delimiter: UInt8
    let arrayDelimiter: UInt8
    var idSpaces: [String: IDSpace] = [:]

    init(graph: GraphStore, delimiter: UInt8, arrayDelimiter: UInt8) {
        self.graph = graph
        self.delimiter = delimiter
        self.arrayDelimiter = arrayDelimiter
    }

    mutating func importNodes(_ file: CSVImportFile) throws {
        let bytes = try readFile(file.path)
        let fileLabels = file.names.map { graph.internLabel($0) }
        var columns: [CSVColumn] = []
        var builders: [ColumnBuilder] = []
        var slot: [Int] = []
        var labelCombos: [[Int]] = [fileLabels]
        var comboOfRow: [Int32] = []
        var rows = 0
        let base = graph.nodeIDLimit
        var idGroup: String?
        var space = IDSpace()
        try bytes.withUnsafeBufferPointer { buffer in
            let scanner = CSVScanner(bytes: buffer, delimiter: delimiter, file: file.path)
            var offset = scanner.firstOffset, line = 1
            var headerFields: [CSVField] = []
            guard try scanner.nextRecord(at: &offset, line: &line, into: &headerFields) != nil else { return }
            columns = try header(headerFields, scanner: scanner, file: file.path, forNodes: true)
            let expectedRows = Self.lineCount(buffer)
            (builders, slot) = Self.builders(for: columns, capacity: expectedRows)
            comboOfRow.reserveCapacity(expectedRows)
            var idColumn = -1, labelColumn = -1
            var plans: [PropertyPlan] = []
            for (index, column) in columns.enumerated() {
                switch column {
                case .id(let group, _): idColumn = index; idGroup = group
                case .label: labelColumn = index
                case .property(_, let type, let isArray):
                    plans.append(PropertyPlan(field: index, slot: slot[index], type: type, isArray: isArray))
                default: break
                }
            }
            if let idGroup { space = idSpaces[idGroup] ?? IDSpace() }
            let propertyPlans = plans
            let width = columns.count
            let idSlot = idColumn >= 0 ? slot[idColumn] : -1
            var lastLabelField: CSVField?
            var lastCombo: Int32 = 0
            try scanner.forEachRecord(from: offset, line: line) { fields, line in
                guard fields.count == width else { return try checkWidth(fields, columns, file: file.path, line: line) }
                if idColumn >= 0 {
                    let field = fields[idColumn]
                    guard !field.isEmpty else { throw failure(file.path, line, "the :ID field is empty; every node needs an id") }
                    guard space.insert(field, in: scanner, node: Int32(base + rows)) else {
                        let group = idGroup ?? ""
                        throw failure(file.path, line, "duplicate node id `\(scanner.text(field))`\(group.isEmpty ? "" : " in id space \(group)"); ids must be unique per id space")
                    }
                    if idSlot >= 0 { builders[idSlot].appendString(scanner.text(field)) }
                }
                var combo: Int32 = 0
                if labelColumn >= 0 {
                    let field = fields[labelColumn]
                    if let last = lastLabelField, scanner.same(field, last) {
                        combo = lastCombo
                    } else {
                        var ids = fileLabels
                        let names = scanner.text(field).split(separator: Character(UnicodeScalar(arrayDelimiter)))
                        for name in names where !name.isEmpty {
                            let id = graph.internLabel(String(name))
                            if !ids.contains(id) { ids.append(id) }
                        }
                        labelCombos.append(ids)
                        combo = Int32(labelCombos.count - 1)
                        lastLabelField = field
                        lastCombo = combo
                    }
                }
                for plan in propertyPlans {
                    do {
                        try parse(fields[plan.field], type: plan.type, isArray: plan.isArray,
                                  into: &builders[plan.slot], scanner: scanner)
                    } catch let bad as BadValue {
                        throw badValue(bad, columns[plan.field].propertyName ?? "", file.path, line)
                    }
                }
                comboOfRow.append(combo)
                rows += 1
            }
        }
        if let idGroup { idSpaces[idGroup] = space }
        guard !columns.isEmpty else { return }
        _ = graph.appendNodes(count: rows) { labelCombos[Int(comboOfRow[$0])] }
        for (index, column) in columns.enumerated() where slot[index] >= 0 {
            graph.installNodeColumn(key: graph.internPropertyKey(column.propertyName ?? ""), builders[slot[index]], base: base)
        }
    }

    mutating func importRelationships(_ file: CSVImportFile) throws {
        let bytes = try readFile(file.path)
        let defaultType = file.names.first.map { Int32(graph.internType($0)) }
        var columns: [CSVColumn] = []
        var builders: [ColumnBuilder] = []
        var slot: [Int] = []
        var starts: [Int32] = [], ends: [Int32] = [], types: [Int32] = []
        let base = graph.relationshipIDLimit
        try bytes.withUnsafeBufferPointer { buffer in
            let scanner = CSVScanner(bytes: buffer, delimiter: delimiter, file: file.path)
            var offset = scanner.firstOffset, line = 1
            var headerFields: [CSVField] = []
            guard try scanner.nextRecord(at: &offset, line: &line, into: &headerFields) != nil else { return }
            columns = try header(headerFields, scanner: scanner, file: file.path, forNodes: false)
            var startColumn = -1, endColumn = -1, typeColumn = -1
            var startGroup = "", endGroup = ""
            var plans: [PropertyPlan] = []
            let expectedRows = Self.lineCount(buffer)
            (builders, slot) = Self.builders(for: columns, capacity: expectedRows)
            for (index, column) in columns.enumerated() {
                switch column {
                case .startID(let group): startColumn = index; startGroup = group
                case .endID(let group): endColumn = index; endGroup = group
                case .type: typeColumn = index
                case .property(_, let type, let isArray):
                    plans.append(PropertyPlan(field: index, slot: slot[index], type: type, isArray: isArray))
                default: break
                }
            }
            guard startColumn >= 0, endColumn >= 0 else {
                throw failure(file.path, 1, "a relationship file needs :START_ID and :END_ID columns")
            }
            guard typeColumn >= 0 || defaultType != nil else {
                throw failure(file.path, 1, "no :TYPE column; add one or give a default type as TYPE=\(file.path)")
            }
            // Constants of the row loop are `let`s so the loop does no reference counting on them.
            let startSpace = try space(startGroup, file: file.path)
            let endSpace = try space(endGroup, file: file.path)
            let propertyPlans = plans
            let width = columns.count
            starts.reserveCapacity(expectedRows)
            ends.reserveCapacity(expectedRows)
            types.reserveCapacity(expectedRows)
            var lastTypeField: CSVField?
            var lastType: Int32 = 0
            try scanner.forEachRecord(from: offset, line: line) { fields, line in
                guard fields.count == width else { return try checkWidth(fields, columns, file: file.path, line: line) }
                guard let start = startSpace.lookup(fields[startColumn], in: scanner) else {
                    throw failure(file.path, line, "start node `\(scanner.text(fields[startColumn]))` is not among the imported node ids; import its node file or fix the id")
                }
                guard let end = endSpace.lookup(fields[endColumn], in: scanner) else {
                    throw failure(file.path, line, "end node `\(scanner.text(fields[endColumn]))` is not among the imported node ids; import its node file or fix the id")
                }
                var type: Int32
                if typeColumn >= 0 && !fields[typeColumn].isEmpty {
                    let field = fields[typeColumn]
                    if let last = lastTypeField, scanner.same(field, last) {
                        type = lastType
                    } else {
                        type = Int32(graph.internType(scanner.text(field)))
                        lastTypeField = field
                        lastType = type
                    }
                } else if let defaultType {
                    type = defaultType
                } else {
                    throw failure(file.path, line, "the :TYPE field is empty; give every relationship a type")
                }
                for plan in propertyPlans {
                    do {
                        try parse(fields[plan.field], type: plan.type, isArray: plan.isArray,
                                  into: &builders[plan.slot], scanner: scanner)
                    } catch let bad as BadValue {
                        throw badValue(bad, columns[plan.field].propertyName ?? "", file.path, line)
                    }
                }
                starts.append(start)
                ends.append(end)
                types.append(type)
            }
        }
        guard !columns.isEmpty else { return }
        _ = graph.appendRelationships(types: types, starts: starts, ends: ends)
        for (index, column) in columns.enumerated() where slot[index] >= 0 {
            graph.installRelationshipColumn(key: graph.internPropertyKey(column.propertyName ?? ""), builders[slot[index]], base: base)
        }
    }

    /// One builder per stored column; `slot[column]` is its builder's index, or -1.
    static func builders(for columns: [CSVColumn], capacity: Int = 0) -> (builders: [ColumnBuilder], slot: [Int]) {
        var builders: [ColumnBuilder] = []
        var slot: [Int] = []
        for column in columns {
            switch column {
            case .property(_, let type, let isArray):
                slot.append(builders.count)
                builders.append(ColumnBuilder(kind: isArray ? .mixed : kind(type), capacity: capacity))
            case .id(_, let property?) where !property.isEmpty:
                slot.append(builders.count)
                builders.append(ColumnBuilder(kind: .string, capacity: capacity))
            default:
                slot.append(-1)
            }
        }
        return (builders, slot)
    }

    /// The number of line feeds, an upper bound on the records (used to size arrays once).
    static func lineCount(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in buffer where byte == UInt8(ascii: "\n") { count &+= 1 }
        return count + 1
    }

    private func space(_ group: String, file: String) throws -> IDSpace {
        guard let space = idSpaces[group] else {
            throw failure(file, 1, "id space `\(group.isEmpty ? "(default)" : group)` has no node file; import nodes with :ID\(group.isEmpty ? "" : "(\(group))") first")
        }
        return space
    }

    private func header(_ fields: [CSVField], scanner: CSVScanner, file: String, forNodes: Bool) throws -> [CSVColumn] {
        let columns = try fields.map { try CSVColumn.parse(scanner.text($0).trimmingCharacters(in: .whitespaces), file: file) }
        func count(_ matches: (CSVColumn) -> Bool) -> Int { columns.filter(matches).count }
        let singles: [(String, (CSVColumn) -> Bool)] = [
            (":ID", { if case .id = $0 { true } else { false } }),
            (":LABEL", { $0 == .label }),
            (":START_ID", { if case .startID = $0 { true } else { false } }),
            (":END_ID", { if case .endID = $0 { true } else { false } }),
            (":TYPE", { $0 == .type }),
        ]
        for (name, matches) in singles where count(matches) > 1 {
            throw failure(file, 1, "the header has more than one \(name) column; keep one")
        }
        for column in columns {
            switch (column, forNodes) {
            case (.startID, true), (.endID, true), (.type, true):
                throw failure(file, 1, "a node file cannot have \(column) columns; pass it with --relationships")
            case (.id, false), (.label, false):
                throw failure(file, 1, "a relationship file cannot have :ID or :LABEL columns; pass it with --nodes")
            default: break
            }
        }
        return columns
    }

    private func checkWidth(_ fields: [CSVField], _ columns: [CSVColumn], file: String, line: Int) throws {
        guard fields.count == columns.count else {
            throw failure(file, line, "\(fields.count) fields, but the header has \(columns.count) columns; quote fields that contain the delimiter")
        }
    }

    static func kind(_ type: CSVValueType) -> PropertyColumn.Kind {
        switch type {
        case .int: .int
        case .float: .float
        case .bool: .bool
        case .string: .string
        }
    }

    /// Where a typed property column's fields go: no strings inside, so copying it is free.
    struct PropertyPlan {
        var field: Int
        var slot: Int
        var type: CSVValueType
        var isArray: Bool
    }

    /// A field that does not parse as its column's type; the caller adds the position.
    struct BadValue: Error {
        var text: String
        var type: CSVValueType
    }

    private func parse(
        _ field: CSVField, type: CSVValueType, isArray: Bool, into builder: inout ColumnBuilder, scanner: CSVScanner
    ) throws {
        if field.isEmpty && !(field.quoted && type == .string && !isArray) {
            builder.appendAbsent()
            return
        }
        if isArray {
            let items = scanner.text(field).split(separator: Character(UnicodeScalar(arrayDelimiter)), omittingEmptySubsequences: false)
            builder.append(.list(try items.map { try scalar(String($0), type: type) }))
            return
        }
        switch type {
        case .int:
            guard let v = scanner.integer(field) else { throw BadValue(text: scanner.text(field), type: type) }
            builder.appendInt(v)
        case .string:
            builder.appendString(scanner.text(field))
        default:
            builder.append(try scalar(scanner.text(field), type: type))
        }
    }

    private func scalar(_ text: String, type: CSVValueType) throws -> Value {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch type {
        case .string: return .string(text)
        case .int:
            guard let v = Int64(trimmed.hasPrefix("+") ? String(trimmed.dropFirst()) : trimmed) else { throw BadValue(text: text, type: type) }
            return .int(v)
        case .float:
            guard let v = Double(trimmed) else { throw BadValue(text: text, type: type) }
            return .float(v)
        case .bool:
            switch trimmed.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: throw BadValue(text: text, type: type)
            }
        }
    }

    private func badValue(_ bad: BadValue, _ name: String, _ file: String, _ line: Int) -> GraphStoreError {
        failure(file, line, "`\(bad.text)` in column `\(name)` is not a valid \(bad.type.displayName); fix the value or change the column's type in the header")
    }

    private func failure(_ file: String, _ line: Int, _ message: String) -> GraphStoreError {
        .importFailed(file: file, line: line, message: message)
    }

    private func readFile(_ path: String) throws -> [UInt8] {
        do {
            return try FileIO.readAll(path)
        } catch {
            throw GraphStoreError.importFailed(file: path, line: 0, message: error.message)
        }
    }
}
