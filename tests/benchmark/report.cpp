#include "benchmark.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace bench {

namespace {

QString number(double value)
{
    if (value != 0 && (value < 0.1 && value > -0.1))
        return QString::number(value, 'g', 3);
    if (value >= 100 || value <= -100)
        return QString::number(value, 'f', 0);
    return QString::number(value, 'f', value >= 10 || value <= -10 ? 1 : 2);
}

QString padded(const QString &text, int width)
{
    return text.leftJustified(width, u' ');
}

} // namespace

void Report::add(Figure figure)
{
    m_figures.append(std::move(figure));
}

void Report::setScenarioStatus(const QString &scenario, const QString &title, bool completed)
{
    for (Scenario &known : m_scenarios) {
        if (known.letter == scenario) {
            known.title = title;
            known.completed = completed;
            return;
        }
    }
    m_scenarios.append({scenario, title, completed});
}

void Report::print() const
{
    QTextStream out(stdout);
    for (const Scenario &scenario : m_scenarios) {
        out << Qt::endl
            << scenario.letter << ". " << scenario.title << (scenario.completed ? ""_L1 : "  [did not complete]"_L1)
            << Qt::endl;
        out << "   " << padded(u"figure"_s, 54) << padded(u"ours"_s, 12) << padded(u"baseline"_s, 12)
            << padded(u"ratio"_s, 9) << padded(u"target"_s, 22) << "status" << Qt::endl;
        for (const Figure &figure : m_figures) {
            if (figure.scenario != scenario.letter)
                continue;
            const QString name = figure.unit.isEmpty() ? figure.name : u"%1 (%2)"_s.arg(figure.name, figure.unit);
            const std::optional<double> ratio = figure.ratio();
            out << "   " << padded(name, 54) << padded(number(figure.value), 12)
                << padded(figure.baseline ? number(*figure.baseline) : u"-"_s, 12)
                << padded(ratio ? number(*ratio) + u"x"_s : u"-"_s, 9) << padded(figure.target, 22)
                << (figure.met ? (*figure.met ? u"met"_s : u"NOT met"_s) : QString()) << Qt::endl;
            if (!figure.note.isEmpty())
                out << "      " << figure.note << Qt::endl;
        }
    }
    out << Qt::endl;
}

bool Report::writeJson(const QString &path, const QString &machine) const
{
    QJsonObject root;
    root.insert(u"machine"_s, machine);
    QJsonArray scenarios;
    for (const Scenario &scenario : m_scenarios) {
        QJsonArray figures;
        for (const Figure &figure : m_figures) {
            if (figure.scenario != scenario.letter)
                continue;
            QJsonObject entry{{u"name"_s, figure.name}, {u"value"_s, figure.value}, {u"unit"_s, figure.unit},
                {u"higherIsBetter"_s, figure.higherIsBetter}};
            if (figure.baseline)
                entry.insert(u"baseline"_s, *figure.baseline);
            if (const std::optional<double> ratio = figure.ratio())
                entry.insert(u"ratio"_s, *ratio);
            if (!figure.target.isEmpty())
                entry.insert(u"target"_s, figure.target);
            if (figure.met)
                entry.insert(u"met"_s, *figure.met);
            if (!figure.note.isEmpty())
                entry.insert(u"note"_s, figure.note);
            figures.append(entry);
        }
        scenarios.append(QJsonObject{{u"id"_s, scenario.letter}, {u"title"_s, scenario.title},
            {u"completed"_s, scenario.completed}, {u"figures"_s, figures}});
    }
    root.insert(u"scenarios"_s, scenarios);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(QJsonDocument(root).toJson(QJsonDocument::Indented)) > 0;
}

} // namespace bench
