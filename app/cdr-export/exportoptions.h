#pragma once

#include "exportformat.h"
#include "provider.h"
#include "searchquery.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

// Everything one cdr-export run needs, checked and resolved against the
// provider: the connection (with the secret read from the environment), the
// search as given (not yet resolved to a concrete window), the columns and
// where the CSV goes.
struct ExportOptions {
    const Provider *provider = nullptr;
    Connection connection;
    QString secretVariable; // the environment variable the secret came from
    SearchQuery query;
    QStringList columns;
    QString outputPath; // empty: standard output
    // --sidecar: where the export's description goes. Empty: FILE.json beside --output, none on standard output.
    QString sidecarPath;
    QString presetKey; // for the sidecar: "excel", "rfc4180", "tsv", "jsonl", or empty for the plain default
    bool totals = false; // --totals: one line of sums on standard error at the end
    // RFC 4180 with bare column keys unless --preset, --format, --timezone or --duration say otherwise.
    ExportFormatOptions format = plainCsv();
    static ExportFormatOptions plainCsv() { auto csv = ExportFormatOptions::rfc4180(); csv.zoneInHeader = false; return csv; }
    QHash<QString, QString> optionForKey; // FieldError::key -> the option that set it, to word messages
};

// The outcome of reading the command line.
struct ExportArguments {
    enum class Outcome : quint8 { Run, Help, UsageError };
    Outcome outcome = Outcome::UsageError;
    ExportOptions options; // valid for Run
    QStringList errors; // one line each, for UsageError; never holds the secret
};

class ExportCommandLine {
    Q_DECLARE_TR_FUNCTIONS(ExportCommandLine)
public:
    // `arguments` includes the program name first, as QCoreApplication::arguments() does.
    static ExportArguments parse(const QStringList &arguments);
    static QString synopsis(); // the usage lines alone, translated
    static QString usageHint(); // the synopsis and where to find more, for usage errors
    static QString usage(); // the synopsis and every option, for --help

    static QDateTime parseTime(const QString &text); // ISO 8601 with Z or an offset, as UTC; invalid otherwise

private:
    static QString optionSummary(); // each provider's profile settings, for --help
    // --option KEY=VALUE (and --domain) into the connection, checked against the provider's ProfileOptions.
    // --preset, --format, --timezone and --duration into options.format.
    static void readFormat(const QString &preset, const QString &format, const QString &zone, const QString &duration,
        ExportOptions &options, QStringList &errors);
    static void readProfileOptions(const QStringList &pairs, const QString &domain, bool domainGiven,
        ExportOptions &options, QStringList &errors);
};
