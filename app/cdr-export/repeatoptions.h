#pragma once

#include "exportoptions.h"
#include "exportsidecar.h"

#include <QCoreApplication>
#include <QStringList>

class QCommandLineParser;

// cdr-export --repeat FILE.json: the export a sidecar describes (written by the
// app or by cdr-export), as ExportOptions. The command line may still choose
// another window, output, columns or file format; who and what is searched
// comes from the sidecar alone. The secret never does: --password-env stays required.
class RepeatCommandLine {
    Q_DECLARE_TR_FUNCTIONS(RepeatCommandLine)
public:
    // Reads --repeat's sidecar into `options` and refuses options that would change its search.
    // ExportCommandLine::parse() then applies the overrides as it reads the rest.
    static void read(const QCommandLineParser &parser, ExportOptions &options, QStringList &errors);
    // The sidecar's provider, connection (without a secret), search, columns and format.
    static void apply(const ExportSidecar &sidecar, ExportOptions &options, QStringList &errors);
    static QStringList fixedOptions(); // what --repeat refuses beside it: the sidecar decides these
};
