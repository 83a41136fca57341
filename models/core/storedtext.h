#pragma once

#include <QString>
#include <QStringView>

#include <optional>
#include <vector>

// How CompactRecordStore turns texts into bytes: varints, UTF-8 written without
// allocating, and shorter byte forms for the texts that fill most of a CDR and never repeat:
// date-times ("2025-11-24 10:00:05", or ISO 8601 with a 'T' and a suffix such
// as "Z" or "+05:30"), UUIDs and digit strings (phone numbers, ids, counts).
// A text is packed only when unpacking gives back exactly the same characters,
// so '+' and leading zeros survive; anything else stays plain text.
namespace StoredText {

std::optional<quint8> kindOf(QStringView text);   // nullopt: no packed form that saves bytes
void append(QStringView text, quint8 kind, std::vector<uchar> &out);   // kind from kindOf(text)
QString unpack(quint8 kind, const uchar *&in);
void skip(quint8 kind, const uchar *&in);

void appendVarint(std::vector<uchar> &out, quint64 value);
quint64 readVarint(const uchar *&in);

// UTF-8 as QString::toUtf8() writes it (a lone surrogate becomes U+FFFD).
std::size_t utf8Length(QStringView text);
void appendUtf8(std::vector<uchar> &out, QStringView text);

} // namespace StoredText
