// PLACEHOLDER (being written this session): paths start with ",".
extension OpenAPIDocument {
    static let planningPaths = ""
    static let planningSchemas = ""
}
