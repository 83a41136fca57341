// Export sidecars (FILE.json) read back: a hostile file is refused with a
// reason or read into a sidecar that writes out and reads back to the same file.
#include "fuzzsupport.h"

#include "exportsidecar.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QString reason;
    const std::optional<ExportSidecar> sidecar = ExportSidecarFile::fromJson(fuzz::bytes(data, size), &reason);
    if (!sidecar) {
        FUZZ_CHECK(!reason.isEmpty(), "a refused file has a reason");
        return 0;
    }
    FUZZ_CHECK(sidecar->baseUrl.password().isEmpty(), "no password survives in the base URL");
    FUZZ_CHECK(!sidecar->providerId.isEmpty(), "a sidecar names its provider");

    const QByteArray written = ExportSidecarFile::toJson(*sidecar);
    QString again;
    const std::optional<ExportSidecar> reread = ExportSidecarFile::fromJson(written, &again);
    FUZZ_CHECK(reread.has_value(), "what was written reads back");
    FUZZ_CHECK(ExportSidecarFile::toJson(*reread) == written, "reading back and writing again changes nothing");
    return 0;
}
