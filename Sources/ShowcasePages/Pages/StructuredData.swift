import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates

/// schema.org data for an entry page (JSON-LD), so that search engines and aggregators read its facts.
package enum StructuredData {
    /// On one line, for the page's `<script type="application/ld+json">` (`<` is escaped in every text).
    package static func jsonLD(_ study: CaseStudy, url: String) -> String {
        var json = JSONWriter(capacity: 1024)
        json.object { json in
            json.field("@context", "https://schema.org")
            json.field("@type", "Article")
            json.field("headline", study.title)
            json.field("description", study.summary)
            json.field("inLanguage", "fr")
            json.field("url", url)
            if let updated = FeedDates.updated(study) { json.field("dateModified", updated.description) }
            if let name = study.buyer.name {
                json.key("author")
                named("GovernmentOrganization", name, to: &json)
            }
            if !study.partners.isEmpty {
                json.key("contributor")
                json.array { json in for partner in study.partners { named("Organization", partner.name, to: &json) } }
            }
            if let award = study.award, award.status.id == "laureat" {
                let category = award.category.map { "\($0), " } ?? ""
                json.field("award", "\(category)\(award.programme.name) \(award.edition)")
            }
            if let place = study.place {
                json.key("spatialCoverage")
                named("Place", place, to: &json)
            }
            json.key("citation")
            json.objects(study.sources) { json, source in
                json.field("@type", "CreativeWork")
                json.field("name", source.title)
                json.key("publisher")
                named("Organization", source.publisher, to: &json)
                if let url = source.url { json.field("url", url) }
                if let date = source.date { json.field("datePublished", date.description) }
            }
        }
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// `{"@type": type, "name": name}`.
    private static func named(_ type: String, _ name: String, to json: inout JSONWriter) {
        json.object { json in
            json.field("@type", type)
            json.field("name", name)
        }
    }
}
