#pragma once

#include "provider.h"

#include <QCoreApplication>

// What PortSIP's enum values and SIP status codes mean, in words a support
// person reads. The API documents the values but not their meanings, so these
// are readings of the names; a value we do not know is shown as sent.
class PortSipVocabulary {
    Q_DECLARE_TR_FUNCTIONS(PortSipVocabulary)
public:
    static QList<FilterChoice> directionChoices(); // the four documented values, plain names
    static QList<FilterChoice> endReasonChoices(); // the eight documented values, plain names
    static QList<FieldExplanation> explain(const CdrRecord &record);
    static QString sipStatusMeaning(int code); // 0 = no error; a class meaning for unlisted codes
};
