#pragma once

#include "exportformat.h"
#include "searchquery.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

// What an export was, written next to the file as FILE.json (e.g. calls.csv.json),
// so a reader can tell later where the rows came from and whether the file is
// whole, and cdr-export --repeat can run it again. It never holds a secret: the
// secret comes from the keychain or the environment each time.
struct ExportSidecar {
    enum class Scope : quint8 { Selected, Loaded, Matching }; // which rows went into the file

    QString providerId;
    QString profileName; // as shown in the app; empty from cdr-export
    QUrl baseUrl;
    QString user; // the account name (Plivo auth ID, username): not a secret
    QMap<QString, QString> options; // the profile's provider settings (e.g. PortSIP's domain)
    QByteArray pinnedCertificateSha256; // hex; a certificate is public

    SearchQuery query; // resolved: the concrete UTC window the rows came from, filters, server sort
    Scope scope = Scope::Matching;
    QStringList columns; // column keys in file order
    ExportFormatOptions format; // preset details: format, separator, BOM, formula guard, zone, durations
    QString presetKey; // "excel", "rfc4180", "tsv", "jsonl", or empty when assembled by hand

    QDateTime fetchedAt; // UTC, when the export started
    qint64 rowCount = 0;
    bool complete = false; // false: the export stopped early and the file holds only rowCount rows
};

class ExportSidecarFile {
    Q_DECLARE_TR_FUNCTIONS(ExportSidecarFile)
public:
    static QString pathFor(const QString &exportPath); // exportPath + ".json"
    static QByteArray toJson(const ExportSidecar &sidecar); // indented, keys in a fixed order
    // The sidecar in `json`, or nullopt with a translated reason in `errorText`.
    static std::optional<ExportSidecar> fromJson(const QByteArray &json, QString *errorText);
    // Writes pathFor(exportPath) atomically (QSaveFile); false with the reason in `errorText`.
    static bool write(const ExportSidecar &sidecar, const QString &exportPath, QString *errorText);
    // The same at exactly `sidecarPath`, e.g. for an export that went to standard output.
    static bool writeFile(const ExportSidecar &sidecar, const QString &sidecarPath, QString *errorText);
    static std::optional<ExportSidecar> read(const QString &sidecarPath, QString *errorText);
};
