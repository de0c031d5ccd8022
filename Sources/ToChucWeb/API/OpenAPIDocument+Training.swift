// PLACEHOLDER (being written this session): paths start with ",".
extension OpenAPIDocument {
    static let trainingPaths = ""
    static let trainingSchemas = ""
}
