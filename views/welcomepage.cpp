#include "welcomepage.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"welcomePage"_s);
    setAccessibleName(tr("Welcome"));
    auto *box = new QWidget(this);
    box->setFixedWidth(520);   // a fixed width lets the wrapped text take the height it needs
    box->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Maximum);
    auto *icon = new QLabel(box);
    icon->setPixmap(QIcon(u":/icons/cdr-browser.svg"_s).pixmap(64, 64));
    auto *title = new QLabel(tr("<h2>Welcome to CDR Browser</h2>"), box);
    auto *text = new QLabel(tr("Search, inspect and export the call detail records of your telephony provider. "
                               "Add a profile with your account's details to begin, or look around in a demo "
                               "that runs against a simulated provider account on this computer."),
                            box);
    text->setWordWrap(true);
    auto *addButton = new QPushButton(tr("Add a profile…"), box);
    addButton->setObjectName(u"addProfileButton"_s);
    addButton->setAccessibleName(tr("Add a profile"));
    auto *demoButton = new QPushButton(tr("Try the demo"), box);
    demoButton->setObjectName(u"tryDemoButton"_s);
    demoButton->setAccessibleName(tr("Try the demo"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(addButton);
    buttons->addWidget(demoButton);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(icon);
    layout->addWidget(title);
    layout->addWidget(text);
    layout->addLayout(buttons);

    // Stretches, not an alignment flag: an aligned widget would not get the height its wrapped text needs.
    auto *row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(box);
    row->addStretch();
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);

    connect(addButton, &QPushButton::clicked, this, &WelcomePage::addProfileRequested);
    connect(demoButton, &QPushButton::clicked, this, &WelcomePage::demoRequested);
}
