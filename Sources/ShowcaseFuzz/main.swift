// The libFuzzer target: arbitrary bytes as a content file, through the whole path (`WholePath`), then as a photo. Built only
// with `swift build --sanitize=fuzzer` (see `script/fuzz`), where libFuzzer provides `main`; an ordinary build
// gives an executable that does nothing.
import ShowcaseSite
import ShowcaseImages

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWholePath(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let outcome = WholePath.run(Array(UnsafeRawBufferPointer(start: start, count: count)))
    // A diagnostic that points outside the file would show the wrong line to the writer: a finding too.
    precondition(outcome.misplacedDiagnostics.isEmpty, "diagnostic hors du fichier : \(outcome.misplacedDiagnostics)")
    // The same bytes as a photo: its header read, and a small variant encoded when it is one.
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    if case .success(let facts) = Photos.facts(bytes), facts.megapixels < 4 {
        _ = Photos.encode(bytes, as: PublishedPhoto.variants(base: "fuzz", facts: facts).filter { $0.width <= 480 })
    }
    return 0
}
