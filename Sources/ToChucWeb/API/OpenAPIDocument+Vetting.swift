// PLACEHOLDER (being written this session): paths start with ",".
extension OpenAPIDocument {
    static let vettingPaths = ""
    static let vettingSchemas = ""
}
