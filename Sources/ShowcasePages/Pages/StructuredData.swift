import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates

/// schema.org data for an entry page (JSON-LD), so that search engines and aggregators read its facts.
package enum StructuredData {
    package static func jsonLD(_ study: CaseStudy, url: String) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("@context", .string("https://schema.org")),
            ("@type", .string("Article")),
            ("headline", .string(study.title)),
            ("description", .string(study.summary)),
            ("inLanguage", .string("fr")),
            ("url", .string(url)),
        ]
        if let updated = FeedDates.updated(study) { members.append(("dateModified", .string(updated.description))) }
        if let name = study.buyer.name {
            members.append(("author", .object([("@type", .string("GovernmentOrganization")), ("name", .string(name))])))
        }
        if !study.partners.isEmpty {
            members.append(("contributor", .array(study.partners.map {
                .object([("@type", .string("Organization")), ("name", .string($0.name))])
            })))
        }
        if let award = study.award, award.status.id == "laureat" {
            let category = award.category.map { "\($0), " } ?? ""
            members.append(("award", .string("\(category)\(award.programme.name) \(award.edition)")))
        }
        if let place = study.place {
            members.append(("spatialCoverage", .object([("@type", .string("Place")), ("name", .string(place))])))
        }
        members.append(("citation", .array(study.sources.map { source in
            var citation: [(String, JSONValue)] = [("@type", .string("CreativeWork")), ("name", .string(source.title)),
                                                  ("publisher", .object([("@type", .string("Organization")), ("name", .string(source.publisher))]))]
            if let url = source.url { citation.append(("url", .string(url))) }
            if let date = source.date { citation.append(("datePublished", .string(date.description))) }
            return .object(citation)
        })))
        return .object(members)
    }
}
