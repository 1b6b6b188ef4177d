import ShowcaseFoundation

/// A case study's story as every command renders it: `check` for its problems, `build` and `serve` for the page.
package enum Story {
    /// The story rendered, with the problems of its Markdown and of the evidence that cites its sections;
    /// without its HTML when only the problems are wanted.
    package static func render(_ study: CaseStudy, file: SourceFile, producingHTML: Bool = true) -> RenderedMarkdown {
        var rendered = MarkdownRenderer().render(study.body, file: file, firstLine: study.bodyFirstLine, producingHTML: producingHTML)
        rendered.diagnostics += EvidenceSections.check(study, anchors: rendered.anchors)
        return rendered
    }
}
