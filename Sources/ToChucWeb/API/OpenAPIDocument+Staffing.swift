// PLACEHOLDER (being written this session): paths start with ",".
extension OpenAPIDocument {
    static let staffingPaths = ""
    static let staffingSchemas = ""
}
