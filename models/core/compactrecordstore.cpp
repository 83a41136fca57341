#include "compactrecordstore.h"

#include "storedtext.h"

#include <QVarLengthArray>

#include <cstring>
#include <limits>

using StoredText::appendUtf8;
using StoredText::appendVarint;
using StoredText::readVarint;
using StoredText::utf8Length;

namespace {

constexpr qint64 kUnsetTime = std::numeric_limits<qint64>::min();

// A dictionary is tried for every field; one whose values keep being new is
// closed, since its index would cost more than it saves.
constexpr std::size_t kDictionaryLimit = 4096;
constexpr quint32 kDictionaryTrialRows = 256;
constexpr qsizetype kDictionaryLongestText = 48;

// The unified texts, in the order they are encoded.
struct TextMember {
    RecordField field;
    QString CdrRecord::*member;
};
constexpr std::array<TextMember, 9> kTextMembers{{
    {RecordField::Id, &CdrRecord::id},
    {RecordField::Caller, &CdrRecord::caller},
    {RecordField::Callee, &CdrRecord::callee},
    {RecordField::Amount, &CdrRecord::amount},
    {RecordField::Rate, &CdrRecord::rate},
    {RecordField::Currency, &CdrRecord::currency},
    {RecordField::HangupCause, &CdrRecord::hangupCause},
    {RecordField::HangupSource, &CdrRecord::hangupSource},
    {RecordField::Trunk, &CdrRecord::trunk},
}};

bool storedAsText(NativeValue::Kind kind)
{
    return kind != NativeValue::Kind::Null;
}

} // namespace

struct CompactRecordStore::Row {
    qint64 times[3] = {kUnsetTime, kUnsetTime, kUnsetTime};   // start, answer, end: ms since epoch
    qint64 duration = 0;
    qint64 billedDuration = 0;
    quint32 chunk = 0;
    quint32 offset = 0;
    bool hasDuration = false;
    bool hasBilledDuration = false;
    Direction direction = Direction::Unknown;
};

struct CompactRecordStore::Dictionary {
    QHash<QString, quint32> index;   // emptied when the dictionary closes
    std::vector<QString> values;
    quint32 seen = 0;
    bool open = true;
};

struct CompactRecordStore::Shape {
    std::vector<quint32> names;
    std::vector<NativeValue::Kind> kinds;
};

CompactRecordStore::CompactRecordStore()
    : m_dictionaries(kTextMembers.size())
{
}

CompactRecordStore::~CompactRecordStore() = default;
CompactRecordStore::CompactRecordStore(CompactRecordStore &&) noexcept = default;
CompactRecordStore &CompactRecordStore::operator=(CompactRecordStore &&) noexcept = default;

CompactRecordStore::Row &CompactRecordStore::rowAt(std::size_t index)
{
    return m_rowBlocks[index / kRowsPerBlock][index % kRowsPerBlock];
}

const CompactRecordStore::Row &CompactRecordStore::rowAt(std::size_t index) const
{
    return m_rowBlocks[index / kRowsPerBlock][index % kRowsPerBlock];
}

void CompactRecordStore::append(const CdrRecord &record)
{
    if (m_size == m_rowBlocks.size() * kRowsPerBlock)
        m_rowBlocks.push_back(std::make_unique<Row[]>(kRowsPerBlock));
    Row &row = rowAt(m_size);
    row = Row{};
    encode(row, record);
    ++m_size;
}

void CompactRecordStore::replace(std::size_t index, const CdrRecord &record)
{
    Q_ASSERT(index < m_size);
    Row &row = rowAt(index);
    row = Row{};
    encode(row, record);
}

void CompactRecordStore::clear()
{
    *this = CompactRecordStore();
}

quint32 CompactRecordStore::nameId(const QString &name)
{
    const auto found = m_nameIds.constFind(name);
    if (found != m_nameIds.cend())
        return *found;
    const auto id = quint32(m_names.size());
    m_names.push_back(name);
    m_nameIds.insert(name, id);
    m_dictionaries.emplace_back();
    return id;
}

quint32 CompactRecordStore::shapeOf(const CdrRecord &record)
{
    QVarLengthArray<quint32, 64> names;
    QByteArray key;
    key.reserve(record.native.size() * 5);
    for (const NativeField &field : record.native) {
        const quint32 id = nameId(field.name);
        names.append(id);
        key.append(reinterpret_cast<const char *>(&id), sizeof id);
        key.append(char(field.value.kind));
    }
    const auto found = m_shapeIds.constFind(key);
    if (found != m_shapeIds.cend())
        return *found;
    Shape shape;
    shape.names.assign(names.begin(), names.end());
    for (const NativeField &field : record.native)
        shape.kinds.push_back(field.value.kind);
    const auto id = quint32(m_shapes.size());
    m_shapes.push_back(std::move(shape));
    m_shapeIds.insert(key, id);
    return id;
}

// Each text is one varint, then maybe bytes. 0 is empty; otherwise the low two
// bits say what follows: 1 a dictionary entry (value >> 2), 2 text of value >> 2
// UTF-8 bytes, 3 a packed form of kind value >> 2 (storedtext.h).
enum TextTag : quint64 { DictionaryTag = 1, InlineTag = 2, PackedTag = 3 };

class CompactRecordStore::Encoder {
public:
    explicit Encoder(std::vector<uchar> &out) : m_out(out) {}

    void text(Dictionary &dictionary, const QString &text)
    {
        if (text.isEmpty()) {
            m_out.push_back(0);
            return;
        }
        if (const std::optional<quint32> entry = dictionaryEntry(dictionary, text)) {
            appendVarint(m_out, quint64(*entry) << 2 | DictionaryTag);
            return;
        }
        if (const std::optional<quint8> kind = StoredText::kindOf(text)) {
            appendVarint(m_out, quint64(*kind) << 2 | PackedTag);
            StoredText::append(text, *kind, m_out);
            return;
        }
        appendVarint(m_out, quint64(utf8Length(text)) << 2 | InlineTag);
        appendUtf8(m_out, text);
    }

private:
    // The text's entry, added if there is room; nullopt when it is written inline.
    static std::optional<quint32> dictionaryEntry(Dictionary &dictionary, const QString &text)
    {
        if (!dictionary.open || text.size() > kDictionaryLongestText)
            return std::nullopt;
        ++dictionary.seen;
        std::optional<quint32> entry;
        if (const auto found = dictionary.index.constFind(text); found != dictionary.index.cend()) {
            entry = *found;
        } else if (dictionary.values.size() < kDictionaryLimit) {
            entry = quint32(dictionary.values.size());
            dictionary.index.insert(text, *entry);
            dictionary.values.push_back(text);
        }
        if (dictionary.seen >= kDictionaryTrialRows && dictionary.values.size() * 4 > dictionary.seen) {
            dictionary.open = false;
            dictionary.index = {};   // its entries still decode; new texts go inline
        }
        return entry;
    }

    std::vector<uchar> &m_out;
};

class CompactRecordStore::Decoder {
public:
    explicit Decoder(const uchar *in) : m_in(in) {}

    const uchar *position() const { return m_in; }
    quint64 varint() { return readVarint(m_in); }

    QString text(const Dictionary &dictionary)
    {
        const quint64 code = readVarint(m_in);
        switch (code & 3) {
        case DictionaryTag:
            return dictionary.values[std::size_t(code >> 2)];
        case InlineTag: {
            const auto length = qsizetype(code >> 2);
            const auto *bytes = reinterpret_cast<const char *>(m_in);
            m_in += length;
            return QString::fromUtf8(bytes, length);
        }
        case PackedTag:
            return StoredText::unpack(quint8(code >> 2), m_in);
        default:
            return {};
        }
    }

    void skipText()
    {
        const quint64 code = readVarint(m_in);
        if ((code & 3) == InlineTag)
            m_in += code >> 2;
        else if ((code & 3) == PackedTag)
            StoredText::skip(quint8(code >> 2), m_in);
    }

private:
    const uchar *m_in;
};

void CompactRecordStore::encode(Row &row, const CdrRecord &record)
{
    const QDateTime *times[3] = {&record.startTime, &record.answerTime, &record.endTime};
    for (int i = 0; i < 3; ++i)
        row.times[i] = times[i]->isValid() ? times[i]->toMSecsSinceEpoch() : kUnsetTime;
    row.hasDuration = record.duration.has_value();
    row.duration = record.duration.value_or(0);
    row.hasBilledDuration = record.billedDuration.has_value();
    row.billedDuration = record.billedDuration.value_or(0);
    row.direction = record.direction;

    m_scratch.clear();
    Encoder encoder(m_scratch);
    const quint32 shape = shapeOf(record);
    appendVarint(m_scratch, shape);
    const std::vector<quint32> &names = m_shapes[shape].names;
    for (qsizetype i = 0; i < record.native.size(); ++i) {
        const NativeValue &value = record.native[i].value;
        if (storedAsText(value.kind))
            encoder.text(m_dictionaries[kTextMembers.size() + names[std::size_t(i)]], value.text);
    }
    for (std::size_t slot = 0; slot < kTextMembers.size(); ++slot) {
        const QString &text = record.*kTextMembers[slot].member;
        // Usually the same text as one of the native values: a reference then, found
        // fast because a provider's rows put it in the same place every time.
        qsizetype reference = -1;
        if (!text.isEmpty()) {
            const auto matches = [&](qsizetype i) {
                const NativeValue &value = record.native[i].value;
                return (value.kind == NativeValue::Kind::String || value.kind == NativeValue::Kind::Number)
                    && value.text == text;
            };
            const qsizetype hint = m_referenceHints[slot];
            if (hint < record.native.size() && matches(hint))
                reference = hint;
            for (qsizetype i = 0; reference < 0 && i < record.native.size(); ++i) {
                if (matches(i))
                    reference = i;
            }
        }
        // One varint: 0 empty, 1 the text follows, 2 + k the same text as native value k.
        if (text.isEmpty()) {
            m_scratch.push_back(0);
        } else if (reference >= 0) {
            m_referenceHints[slot] = reference;
            appendVarint(m_scratch, quint64(reference) + 2);
        } else {
            m_scratch.push_back(1);
            encoder.text(m_dictionaries[slot], text);
        }
    }
    store(row, m_scratch);
}

void CompactRecordStore::store(Row &row, const std::vector<uchar> &bytes)
{
    const std::size_t capacity = m_chunks.empty() ? 0 : m_chunkSizes.back();
    if (m_chunks.empty() || m_chunkUsed + bytes.size() > capacity) {
        const std::size_t size = std::max(kChunkBytes, bytes.size());
        m_chunks.push_back(std::make_unique<uchar[]>(size));
        m_chunkSizes.push_back(size);
        m_chunkUsed = 0;
    }
    row.chunk = quint32(m_chunks.size() - 1);
    row.offset = quint32(m_chunkUsed);
    std::memcpy(m_chunks.back().get() + m_chunkUsed, bytes.data(), bytes.size());
    m_chunkUsed += bytes.size();
}

const uchar *CompactRecordStore::bytesAt(const Row &row) const
{
    return m_chunks[row.chunk].get() + row.offset;
}

CdrRecord CompactRecordStore::record(std::size_t index) const
{
    return record(index, RecordSelection{});
}

CdrRecord CompactRecordStore::record(std::size_t index, const RecordSelection &selection) const
{
    CdrRecord out;
    fill(out, index, selection);
    return out;
}

void CompactRecordStore::fill(CdrRecord &out, std::size_t index, const RecordSelection &selection) const
{
    Q_ASSERT(index < m_size);
    const Row &row = rowAt(index);
    const RecordFields fields = selection.fields;
    QDateTime *times[3] = {&out.startTime, &out.answerTime, &out.endTime};
    const RecordField timeFields[3] = {RecordField::StartTime, RecordField::AnswerTime, RecordField::EndTime};
    for (int i = 0; i < 3; ++i) {
        if (fields.testFlag(timeFields[i]) && row.times[i] != kUnsetTime)
            *times[i] = QDateTime::fromMSecsSinceEpoch(row.times[i], Qt::UTC);
    }
    if (fields.testFlag(RecordField::Duration) && row.hasDuration)
        out.duration = row.duration;
    if (fields.testFlag(RecordField::BilledDuration) && row.hasBilledDuration)
        out.billedDuration = row.billedDuration;
    if (fields.testFlag(RecordField::Direction))
        out.direction = row.direction;

    bool wantsText = false;
    for (const TextMember &member : kTextMembers)
        wantsText = wantsText || fields.testFlag(member.field);
    const bool wantsNative = fields.testFlag(RecordField::Native);
    if (!wantsText && !wantsNative)
        return;

    Decoder decoder(bytesAt(row));
    const Shape &shape = m_shapes[std::size_t(decoder.varint())];
    const std::size_t count = shape.names.size();
    // Where each native value starts, so a unified text that refers to one can read it.
    QVarLengthArray<const uchar *, 64> starts(qsizetype(count), nullptr);
    const bool allNatives = wantsNative && selection.nativeName.isEmpty();
    if (allNatives)
        out.native.reserve(qsizetype(count));
    for (std::size_t i = 0; i < count; ++i) {
        const NativeValue::Kind kind = shape.kinds[i];
        if (!storedAsText(kind)) {
            if (allNatives || (wantsNative && m_names[shape.names[i]] == selection.nativeName))
                out.native.append({m_names[shape.names[i]], {kind, {}}});
            continue;
        }
        starts[qsizetype(i)] = decoder.position();
        if (allNatives || (wantsNative && m_names[shape.names[i]] == selection.nativeName)) {
            const Dictionary &dictionary = m_dictionaries[kTextMembers.size() + shape.names[i]];
            out.native.append({m_names[shape.names[i]], {kind, decoder.text(dictionary)}});
        } else {
            decoder.skipText();
        }
    }
    if (!wantsText)
        return;
    for (std::size_t slot = 0; slot < kTextMembers.size(); ++slot) {
        const quint64 reference = decoder.varint();
        const bool wanted = fields.testFlag(kTextMembers[slot].field);
        if (reference == 0)
            continue;
        if (reference == 1) {
            if (wanted)
                out.*kTextMembers[slot].member = decoder.text(m_dictionaries[slot]);
            else
                decoder.skipText();
            continue;
        }
        if (!wanted)
            continue;
        const std::size_t native = std::size_t(reference - 2);
        Decoder valueDecoder(starts[qsizetype(native)]);
        out.*kTextMembers[slot].member = valueDecoder.text(m_dictionaries[kTextMembers.size() + shape.names[native]]);
    }
}

QString CompactRecordStore::id(std::size_t index) const
{
    return record(index, {RecordField::Id, {}}).id;
}

std::optional<std::size_t> CompactRecordStore::indexOfId(QStringView id) const
{
    if (id.isEmpty())
        return std::nullopt;
    for (std::size_t i = 0; i < m_size; ++i) {
        if (this->id(i) == id)
            return i;
    }
    return std::nullopt;
}

std::size_t CompactRecordStore::bytesUsed() const
{
    // Heap blocks cost about 16 bytes of bookkeeping each; hashes about three
    // pointers a node. Near enough to compare with the 300 bytes a row target.
    constexpr std::size_t blockOverhead = 16;
    const auto stringBytes = [](const QString &text) {
        return sizeof(QString) + std::size_t(text.capacity()) * 2 + 32;
    };
    std::size_t bytes = sizeof(*this);
    bytes += m_rowBlocks.size() * (kRowsPerBlock * sizeof(Row) + blockOverhead);
    for (const std::size_t size : m_chunkSizes)
        bytes += size + blockOverhead;
    for (const QString &name : m_names)
        bytes += 2 * stringBytes(name) + 3 * sizeof(void *);
    for (const Shape &shape : m_shapes)
        bytes += sizeof(Shape) + shape.names.capacity() * sizeof(quint32) + shape.kinds.capacity() + 64;
    for (const Dictionary &dictionary : m_dictionaries) {
        bytes += sizeof(Dictionary);
        for (const QString &value : dictionary.values)
            bytes += stringBytes(value);
        bytes += std::size_t(dictionary.index.capacity()) * (sizeof(QString) + sizeof(quint32) + 3 * sizeof(void *));
    }
    bytes += m_scratch.capacity();
    return bytes;
}
