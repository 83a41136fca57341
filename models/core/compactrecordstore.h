#pragma once

#include "cdrrecord.h"
#include "recordselection.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <array>
#include <memory>
#include <optional>
#include <vector>


// Holds a search's rows in a few hundred bytes each instead of kilobytes of
// QStrings (issue 6). Times, durations and the direction are fixed-width values;
// every text is UTF-8 in a chunked arena, or an index into a per-field dictionary
// while that field keeps repeating itself (causes, countries, trunks); a unified
// text that equals one of the row's native values is stored as a reference to it,
// so nothing is held twice. Field names and the sequence of names and kinds of a
// row (its shape) are kept once per store.
//
// Rows come back as CdrRecord, whole or only the parts asked for, so every reader
// keeps working on the one record type. Dictionary texts come back as shared
// QStrings, without a copy. Not thread-safe: one thread (the model's) uses it.
class CompactRecordStore {
public:
    CompactRecordStore();
    ~CompactRecordStore();
    CompactRecordStore(CompactRecordStore &&) noexcept;
    CompactRecordStore &operator=(CompactRecordStore &&) noexcept;
    CompactRecordStore(const CompactRecordStore &) = delete;
    CompactRecordStore &operator=(const CompactRecordStore &) = delete;

    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    void append(const CdrRecord &record);
    void replace(std::size_t index, const CdrRecord &record);   // the old bytes stay unused until clear()
    void clear();

    CdrRecord record(std::size_t index) const;
    CdrRecord record(std::size_t index, const RecordSelection &selection) const;   // other members left empty
    QString id(std::size_t index) const;
    std::optional<std::size_t> indexOfId(QStringView id) const;   // the first row with that id

    std::size_t bytesUsed() const;   // everything the store allocated, dictionaries included

private:
    struct Row;
    struct Dictionary;
    struct Shape;
    class Encoder;
    class Decoder;

    Row &rowAt(std::size_t index);
    const Row &rowAt(std::size_t index) const;
    void encode(Row &row, const CdrRecord &record);
    void fill(CdrRecord &out, std::size_t index, const RecordSelection &selection) const;
    quint32 shapeOf(const CdrRecord &record);
    quint32 nameId(const QString &name);
    const uchar *bytesAt(const Row &row) const;
    void store(Row &row, const std::vector<uchar> &bytes);

    static constexpr std::size_t kRowsPerBlock = 16384;
    static constexpr std::size_t kChunkBytes = 1 << 20;

    std::size_t m_size = 0;
    std::vector<std::unique_ptr<Row[]>> m_rowBlocks;
    std::vector<std::unique_ptr<uchar[]>> m_chunks;
    std::vector<std::size_t> m_chunkSizes;
    std::size_t m_chunkUsed = 0;       // bytes used in the last chunk

    std::vector<QString> m_names;
    QHash<QString, quint32> m_nameIds;
    std::vector<Shape> m_shapes;
    QHash<QByteArray, quint32> m_shapeIds;
    std::vector<Dictionary> m_dictionaries;   // unified texts first, then one per native name
    std::vector<uchar> m_scratch;             // the encoding of the row being added
    std::array<qsizetype, 9> m_referenceHints{};   // the native index each unified text matched last
};
