/// The row layout at one point of a plan: which slot holds which variable.
///
/// Rows are plain `[Value]` arrays; variables are resolved to slot numbers once, at plan time,
/// so no operator looks names up per row. Hidden slots hold anonymous pattern elements and
/// comprehension variables.
final class Layout {
    private(set) var slots: [String: Int] = [:]
    private var order: [String] = []
    /// User-visible variable names in order of introduction.
    var names: [String] { order.filter { slots[$0] != nil && !$0.hasPrefix(" ") } }
    private(set) var width = 0

    init() {}

    init(names: [String]) {
        for name in names { _ = add(name) }
    }

    func slot(_ name: String) -> Int? { slots[name] }

    /// Binds `name` to a new slot (or returns its existing slot).
    @discardableResult
    func add(_ name: String) -> Int {
        if let slot = slots[name] { return slot }
        let slot = width
        width += 1
        slots[name] = slot
        order.append(name)
        return slot
    }

    /// Binds `name` to the existing `slot` as a visible variable.
    @discardableResult
    func add(_ name: String, at slot: Int) -> Int {
        slots[name] = slot
        if !order.contains(name) { order.append(name) }
        width = max(width, slot + 1)
        return slot
    }

    /// Reserves `count` slots at the end (aggregate results).
    func reserve(_ count: Int) -> Int {
        width += count
        return width - count
    }

    /// A fresh slot no variable name refers to.
    func hidden() -> Int {
        width += 1
        return width - 1
    }

    /// Rebinds `name` to an existing `slot` (used for comprehension variables, restored afterwards).
    func bind(_ name: String, to slot: Int?) {
        if let slot { slots[name] = slot } else { slots[name] = nil }
    }
}
