import Testing

@testable import ToChucServices

/// A report's member pass reads a subtree in parallel parts (`UnitHistory.pathPartitions`): every path of the subtree
/// must fall in exactly one part, and nothing outside it in any.
struct PathPartitionTests {
    static func covering(_ parts: [(lower: String, upper: String)], _ path: String) -> Int {
        parts.filter { path >= $0.lower && path < $0.upper }.count
    }

    @Test("the parts cover the subtree exactly once, for any number of children and of parts", arguments: [0, 1, 2, 3, 7, 8, 9, 34])
    func exactCover(children: Int) {
        let root = "/1/5/"
        let childPaths = (0..<children).map { "/1/5/\(10 + $0 * 7)/" }.sorted()
        let inside = [root] + childPaths + childPaths.map { $0 + "99/" } + childPaths.map { $0 + "3/4/" }
        let outside = ["/1/", "/1/4/", "/1/50/", "/1/6/", "/1/59/2/", "/2/"]
        for count in [1, 2, 4, 8] {
            let parts = UnitHistory.pathPartitions(whole: PathRange.of(root), childPaths: childPaths, count: count)
            #expect(parts.count == max(1, min(count, children)))
            for path in inside { #expect(Self.covering(parts, path) == 1, "\(path) in \(count) parts") }
            for path in outside { #expect(Self.covering(parts, path) == 0, "\(path) in \(count) parts") }
        }
    }
}
