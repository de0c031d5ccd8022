/// Look-ups of many keys, a statement per 500 keys: few enough binds for either engine, few enough statements for a
/// national file.
enum Batches {
    static func of<T>(_ items: [T]) -> [[T]] {
        stride(from: 0, to: items.count, by: 500).map { Array(items[$0..<min($0 + 500, items.count)]) }
    }
}
