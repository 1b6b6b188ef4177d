// The libFuzzer target: arbitrary bytes as a content file, through the whole path (`WholePath`). Built only
// with `swift build --sanitize=fuzzer` (see `script/fuzz`), where libFuzzer provides `main`; an ordinary build
// gives an executable that does nothing.
import ShowcaseSite

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWholePath(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let outcome = WholePath.run(Array(UnsafeRawBufferPointer(start: start, count: count)))
    // A diagnostic that points outside the file would show the wrong line to the writer: a finding too.
    precondition(outcome.misplacedDiagnostics.isEmpty, "diagnostic hors du fichier : \(outcome.misplacedDiagnostics)")
    return 0
}
