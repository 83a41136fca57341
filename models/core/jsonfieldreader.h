#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <string>

// Reads typed values out of a JSON file we wrote (an export sidecar) but must
// treat as hostile, remembering the first problem in words a user can act on.
// A missing key keeps the caller's default; a present key of the wrong type is an error.
class JsonFieldReader {
    using Json = nlohmann::ordered_json;

    static QString fromUtf8(const std::string &text) { return QString::fromStdString(text); }

    Q_DECLARE_TR_FUNCTIONS(JsonFieldReader)
public:
    QString error;

    bool ok() const { return error.isEmpty(); }

    void fail(const QString &reason)
    {
        if (error.isEmpty())
            error = reason;
    }

    const Json *member(const Json &object, const char *key) const
    {
        const auto it = object.find(key);
        return it == object.end() ? nullptr : &*it;
    }

    void text(const Json &object, const char *key, const QString &path, QString &out)
    {
        if (const Json *value = member(object, key)) {
            if (value->is_string())
                out = fromUtf8(value->get<std::string>());
            else
                fail(tr("“%1” must be text.").arg(path));
        }
    }

    void flag(const Json &object, const char *key, const QString &path, bool &out)
    {
        if (const Json *value = member(object, key)) {
            if (value->is_boolean())
                out = value->get<bool>();
            else
                fail(tr("“%1” must be true or false.").arg(path));
        }
    }

    void time(const Json &object, const char *key, const QString &path, QDateTime &out)
    {
        const Json *value = member(object, key);
        if (!value || value->is_null())
            return;
        if (!value->is_string()) {
            fail(tr("“%1” must be a date and time such as 2026-01-31T23:00:00Z.").arg(path));
            return;
        }
        const QDateTime parsed = QDateTime::fromString(fromUtf8(value->get<std::string>()), Qt::ISODateWithMs);
        // A time without 'Z' or an offset would depend on the reader's zone.
        if (!parsed.isValid() || parsed.timeSpec() == Qt::LocalTime) {
            fail(tr("“%1” must be a date and time with its zone, such as 2026-01-31T23:00:00Z.").arg(path));
            return;
        }
        out = parsed.toUTC();
    }

    void textMap(const Json &object, const char *key, const QString &path, QMap<QString, QString> &out)
    {
        const Json *value = member(object, key);
        if (!value)
            return;
        if (!value->is_object()) {
            fail(tr("“%1” must be an object of texts.").arg(path));
            return;
        }
        for (auto it = value->begin(); it != value->end(); ++it) {
            if (!it.value().is_string()) {
                fail(tr("“%1” must be text.").arg(path + u'.' + fromUtf8(it.key())));
                return;
            }
            out.insert(fromUtf8(it.key()), fromUtf8(it.value().get<std::string>()));
        }
    }

    void textList(const Json &object, const char *key, const QString &path, QStringList &out)
    {
        const Json *value = member(object, key);
        if (!value)
            return;
        if (!value->is_array()) {
            fail(tr("“%1” must be a list of texts.").arg(path));
            return;
        }
        for (const Json &item : *value) {
            if (!item.is_string()) {
                fail(tr("“%1” must be a list of texts.").arg(path));
                return;
            }
            out.append(fromUtf8(item.get<std::string>()));
        }
    }

    void pairList(const Json &object, const char *key, const QString &path, QList<QPair<QString, QString>> &out)
    {
        const Json *value = member(object, key);
        if (!value)
            return;
        if (!value->is_array()) {
            fail(tr("“%1” must be a list of [name, value] pairs.").arg(path));
            return;
        }
        for (const Json &item : *value) {
            if (!item.is_array() || item.size() != 2 || !item[0].is_string() || !item[1].is_string()) {
                fail(tr("“%1” must be a list of [name, value] pairs.").arg(path));
                return;
            }
            out.append({fromUtf8(item[0].get<std::string>()), fromUtf8(item[1].get<std::string>())});
        }
    }

    // Present and an object, or a reason; a missing one reads as empty.
    const Json *object(const Json &parent, const char *key, const QString &path)
    {
        const Json *value = member(parent, key);
        if (value && !value->is_object()) {
            fail(tr("“%1” must be an object.").arg(path));
            return nullptr;
        }
        return value;
    }
};
