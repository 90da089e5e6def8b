/// The OpenAPI 3.1 description of the API, served at `GET /openapi.json`. docs/openapi.json
/// holds the same text (a test checks they are identical and that every route is described).
enum OpenAPIDocument {
    static let json = #"""
{}
"""#
}
